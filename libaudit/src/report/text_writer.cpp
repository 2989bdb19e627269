// The default report: for people at a terminal.  Grouped by host, failures
// first; passes and evidence only with --verbose.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "hardcheck/report.hpp"

namespace hardcheck {

namespace {

// Order in which statuses are listed: what needs attention first.
int attention_rank(Status s) {
    switch (s) {
        case Status::fail: return 0;
        case Status::error: return 1;
        case Status::not_collected: return 2;
        case Status::manual: return 3;
        case Status::waived: return 4;
        case Status::not_applicable: return 5;
        case Status::pass: return 6;
    }
    return 7;
}

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
    std::string label(to_string(s));
    std::transform(label.begin(), label.end(), label.begin(), [](char c) { return c == '_' ? ' ' : static_cast<char>(c - 32 * (c >= 'a' && c <= 'z')); });
    return label;
}

}  // namespace

std::vector<std::size_t> count_statuses(const std::vector<Result>& results) {
    std::vector<std::size_t> counts(7, 0);
    for (const auto& r : results) ++counts[static_cast<std::size_t>(r.status)];
    return counts;
}

void write_text(std::ostream& out, const Report& report, const ReportOptions& options) {
    for (const auto& b : report.baselines) out << fmt::format("baseline {} {} — {}\n", b.id, b.version, b.title);

    // Hosts in the order they first appear.
    std::vector<std::string> hosts;
    std::map<std::string, std::vector<const Result*>> by_host;
    for (const auto& r : report.results) {
        auto& list = by_host[r.host];
        if (list.empty()) hosts.push_back(r.host);
        list.push_back(&r);
    }
    for (const auto& host : hosts) {
        auto& list = by_host[host];
        std::stable_sort(list.begin(), list.end(), [](const Result* a, const Result* b) {
            return attention_rank(a->status) < attention_rank(b->status);
        });
        std::vector<Result> own;
        for (const auto* r : list) own.push_back(*r);
        const auto counts = count_statuses(own);
        out << fmt::format("\nhost {}: {} pass, {} fail, {} other\n", host, counts[0], counts[1],
                           own.size() - counts[0] - counts[1]);
        for (const auto* r : list) {
            if (r->status == Status::pass && !options.verbose) continue;
            const std::string label = fmt::format("{:<14}", status_label(r->status));
            out << fmt::format("  {}{}{} {:<8} {:<8} {}\n", options.colour ? colour_of(r->status) : "", label,
                               options.colour ? "\x1b[0m" : "", to_string(r->severity), r->check_id, r->title);
            const bool detail = options.verbose || r->status != Status::pass;
            if (!detail) continue;
            out << fmt::format("      {}\n", r->message);
            if (options.verbose) {
                if (!r->expected.empty()) out << fmt::format("      expected: {}\n", r->expected);
                for (const auto& e : r->evidence)
                    out << fmt::format("      evidence: {} = {}{}\n", e.locator, e.observed,
                                       e.where.file.empty() ? "" : fmt::format("  [{}]", e.where.str()));
            } else {
                for (const auto& e : r->evidence)
                    if (!e.where.file.empty()) out << fmt::format("      at {}\n", e.where.str());
            }
        }
    }
    const auto counts = count_statuses(report.results);
    out << fmt::format("\nsummary: {} results: {} pass, {} fail, {} error, {} not collected, {} not applicable, {} waived, {} manual\n",
                       report.results.size(), counts[0], counts[1], counts[4], counts[3], counts[2], counts[5], counts[6]);
}

}  // namespace hardcheck
