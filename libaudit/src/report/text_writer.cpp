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

// Evidence may carry terminal escape sequences; show control characters as \xNN
// so a hostile value cannot rewrite the screen.
std::string printable(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7F)
            out += fmt::format("\\x{:02x}", u);
        else
            out += c;
    }
    return out;
}

// "1 pass, 0 fail, 2 error": pass and fail always, the other statuses when present.
std::string host_counts(const detail::ResultRefs& results) {
    const auto c = detail::count_statuses(results);
    std::string text = fmt::format("{} pass, {} fail", c[0], c[1]);
    for (Status s : {Status::error, Status::not_collected, Status::not_applicable, Status::waived, Status::manual})
        if (const auto n = c[static_cast<std::size_t>(s)]) text += fmt::format(", {} {}", n, detail::status_words(s));
    return text;
}

void write_result(std::ostream& out, const Result& r, const ReportOptions& options) {
    const std::string label = fmt::format("{:<14}", status_label(r.status));
    out << fmt::format("  {}{}{} {:<8} {:<8} {}\n", options.colour ? colour_of(r.status) : "", label,
                       options.colour ? "\x1b[0m" : "", to_string(r.severity), printable(r.check_id),
                       printable(r.title));
    out << fmt::format("      {}\n", printable(r.message));
    for (const auto& note : r.notes) out << fmt::format("      note: {}\n", printable(note));
    if (auto w = detail::waiver_of(r))
        out << fmt::format("      waiver ({}): {} — owner {}, expires {}\n", printable(w->state), printable(w->reason),
                           printable(w->owner), printable(w->expires));
    if (options.verbose) {
        if (!r.expected.empty()) out << fmt::format("      expected: {}\n", printable(r.expected));
        for (const auto& e : r.evidence)
            out << fmt::format("      evidence: {} = {}{}\n", printable(e.locator), printable(e.observed),
                               e.where.file.empty() ? "" : fmt::format("  [{}]", printable(e.where.str())));
        for (const auto& ref : r.references) out << fmt::format("      see: {}\n", printable(ref));
    } else {
        for (const auto& e : r.evidence)
            if (!e.where.file.empty()) out << fmt::format("      at {}\n", printable(e.where.str()));
    }
}

}  // namespace

void write_text(std::ostream& out, const Report& report, const ReportOptions& options) {
    for (const auto& b : report.baselines)
        out << fmt::format("baseline {} {} — {}\n", printable(b.id), printable(b.version), printable(b.title));
    if (!report.profile.empty()) out << fmt::format("profile {}\n", printable(report.profile));

    for (auto& [host, list] : detail::group_by_host(report.results)) {
        std::stable_sort(list.begin(), list.end(), [](const Result* a, const Result* b) {
            return detail::attention_rank(a->status) < detail::attention_rank(b->status);
        });
        out << fmt::format("\nhost {}: {}\n", printable(host), host_counts(list));
        for (const auto* r : list)
            if (r->status != Status::pass || options.verbose) write_result(out, *r, options);
    }
    const auto counts = count_statuses(report.results);
    out << fmt::format(
        "\nsummary: {} results: {} pass, {} fail, {} error, {} not collected, {} not applicable, {} waived, {} manual\n",
        report.results.size(), counts[0], counts[1], counts[4], counts[3], counts[2], counts[5], counts[6]);
}

}  // namespace hardcheck
