// The default report: for people at a terminal.  Grouped by host, failures
// first; passes and evidence only with --verbose.  Colour only when the caller
// says so (the CLI decides: a terminal, and NO_COLOR unset).
#include <algorithm>

#include <fmt/format.h>

#include "hardcheck/report.hpp"
#include "report/report_model.hpp"

namespace hardcheck {

namespace {

std::string_view colour_of(Status s) {
    switch (s) {
        case Status::pass: return "\x1b[32m";
        case Status::fail: return "\x1b[1;31m";
        case Status::error: return "\x1b[35m";
        case Status::not_collected: return "\x1b[33m";
        default: return "\x1b[36m";
    }
}

std::string status_label(Status s) {
    std::string label = detail::status_words(s);
    std::transform(label.begin(), label.end(), label.begin(),
                   [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; });
    return label;
}

void write_result(std::ostream& out, const Result& r, const ReportOptions& options) {
    const std::string label = fmt::format("{:<14}", status_label(r.status));
    out << fmt::format("  {}{}{} {:<8} {:<8} {}\n", options.colour ? colour_of(r.status) : "", label,
                       options.colour ? "\x1b[0m" : "", to_string(r.severity), r.check_id, r.title);
    out << fmt::format("      {}\n", r.message);
    if (auto w = detail::waiver_of(r))
        out << fmt::format("      waiver ({}): {} — owner {}, expires {}\n", w->state, w->reason, w->owner, w->expires);
    if (options.verbose) {
        if (!r.expected.empty()) out << fmt::format("      expected: {}\n", r.expected);
        for (const auto& e : r.evidence)
            out << fmt::format("      evidence: {} = {}{}\n", e.locator, e.observed,
                               e.where.file.empty() ? "" : fmt::format("  [{}]", e.where.str()));
        for (const auto& ref : r.references) out << fmt::format("      see: {}\n", ref);
    } else {
        for (const auto& e : r.evidence)
            if (!e.where.file.empty()) out << fmt::format("      at {}\n", e.where.str());
    }
}

}  // namespace

void write_text(std::ostream& out, const Report& report, const ReportOptions& options) {
    for (const auto& b : report.baselines) out << fmt::format("baseline {} {} — {}\n", b.id, b.version, b.title);
    if (!report.profile.empty()) out << fmt::format("profile {}\n", report.profile);

    for (const auto& host : detail::hosts_in_order(report.results)) {
        auto list = detail::results_of_host(report.results, host);
        std::stable_sort(list.begin(), list.end(), [](const Result* a, const Result* b) {
            return detail::attention_rank(a->status) < detail::attention_rank(b->status);
        });
        std::vector<Result> own;
        for (const auto* r : list) own.push_back(*r);
        const auto counts = count_statuses(own);
        out << fmt::format("\nhost {}: {} pass, {} fail, {} other\n", host, counts[0], counts[1],
                           own.size() - counts[0] - counts[1]);
        for (const auto* r : list)
            if (r->status != Status::pass || options.verbose) write_result(out, *r, options);
    }
    const auto counts = count_statuses(report.results);
    out << fmt::format(
        "\nsummary: {} results: {} pass, {} fail, {} error, {} not collected, {} not applicable, {} waived, {} manual\n",
        report.results.size(), counts[0], counts[1], counts[4], counts[3], counts[2], counts[5], counts[6]);
}

}  // namespace hardcheck
