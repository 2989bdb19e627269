// `hardcheck diff`: two runs compared per host and check.  A regression is a
// result that got worse into fail, error or not_collected (a check that no longer
// proves anything counts); a fix is one that left those for pass/not_applicable.
#include <map>
#include <set>

#include <fmt/format.h>

#include "hardcheck/report.hpp"
#include "report/report_model.hpp"

namespace hardcheck {

namespace {

// How bad a status is for diffing: 2 and above need attention.
int badness(Status s) {
    switch (s) {
        case Status::fail: return 4;
        case Status::error: return 3;
        case Status::not_collected: return 2;
        case Status::waived:
        case Status::manual: return 1;
        default: return 0;
    }
}

std::string status_or_none(const std::optional<Status>& s) { return s ? std::string(to_string(*s)) : "(none)"; }

}  // namespace

std::string_view to_string(ChangeKind k) {
    switch (k) {
        case ChangeKind::regression: return "regression";
        case ChangeKind::fixed: return "fixed";
        case ChangeKind::changed: return "changed";
        case ChangeKind::added: return "added";
        case ChangeKind::removed: return "removed";
    }
    return "changed";
}

bool ReportDiff::has_regressions() const {
    for (const auto& c : changes)
        if (c.kind == ChangeKind::regression) return true;
    return false;
}

ReportDiff diff_reports(const Report& old_report, const Report& new_report) {
    using Key = std::pair<std::string, std::string>;
    std::map<Key, const Result*> before;
    for (const auto& r : old_report.results) before[{r.host, r.check_id}] = &r;
    std::set<Key> seen;

    ReportDiff diff;
    for (const auto& r : new_report.results) {
        const Key key{r.host, r.check_id};
        seen.insert(key);
        ResultChange c{ChangeKind::changed, r.host, r.check_id, r.title, r.severity, std::nullopt, r.status, {}, r.observed};
        const auto it = before.find(key);
        if (it == before.end()) {
            c.kind = badness(r.status) >= 2 ? ChangeKind::regression : ChangeKind::added;
            diff.changes.push_back(std::move(c));
            continue;
        }
        const Result& o = *it->second;
        c.old_status = o.status;
        c.old_observed = o.observed;
        const int was = badness(o.status), is = badness(r.status);
        if (is >= 2 && is > was)
            c.kind = ChangeKind::regression;
        else if (was >= 2 && is == 0)
            c.kind = ChangeKind::fixed;
        else if (o.status != r.status || o.observed != r.observed)
            c.kind = ChangeKind::changed;
        else
            continue;
        diff.changes.push_back(std::move(c));
    }
    for (const auto& o : old_report.results) {
        if (seen.contains({o.host, o.check_id})) continue;
        diff.changes.push_back(
            {ChangeKind::removed, o.host, o.check_id, o.title, o.severity, o.status, std::nullopt, o.observed, {}});
    }
    return diff;
}

void write_diff_text(std::ostream& out, const ReportDiff& diff) {
    std::vector<std::string> hosts;
    std::set<std::string> seen;
    for (const auto& c : diff.changes)
        if (seen.insert(c.host).second) hosts.push_back(c.host);
    std::map<ChangeKind, std::size_t> counts;
    for (const auto& host : hosts) {
        out << fmt::format("host {}\n", host);
        // Regressions first: they are why anyone runs diff.
        for (ChangeKind kind : {ChangeKind::regression, ChangeKind::fixed, ChangeKind::changed, ChangeKind::added,
                                ChangeKind::removed}) {
            for (const auto& c : diff.changes) {
                if (c.host != host || c.kind != kind) continue;
                ++counts[kind];
                out << fmt::format("  {:<10} {:<8} {:<8} {} -> {}  {}\n", to_string(kind), to_string(c.severity),
                                   c.check_id, status_or_none(c.old_status), status_or_none(c.new_status), c.title);
                if (c.old_status && c.new_status && c.old_observed != c.new_observed)
                    out << fmt::format("      observed was: {}\n      observed now: {}\n", c.old_observed, c.new_observed);
            }
        }
    }
    if (diff.changes.empty()) out << "no changes\n";
    out << fmt::format("summary: {} regressions, {} fixed, {} changed, {} added, {} removed\n",
                       counts[ChangeKind::regression], counts[ChangeKind::fixed], counts[ChangeKind::changed],
                       counts[ChangeKind::added], counts[ChangeKind::removed]);
}

}  // namespace hardcheck
