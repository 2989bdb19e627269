#include "report/report_model.hpp"

#include <algorithm>
#include <chrono>
#include <set>
#include <unordered_map>

#include <fmt/chrono.h>
#include <fmt/format.h>

#include "hardcheck/version.hpp"

namespace hardcheck {

BaselineInfo baseline_info(const CompiledBaseline& baseline) {
    BaselineInfo info{baseline.id, baseline.title, baseline.version, {}};
    for (const auto& c : baseline.checks)
        info.checks.push_back({c.id, c.title, c.severity, c.rationale, c.remediation, c.references, c.tags});
    return info;
}

std::string utc_timestamp_now() {
    const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(std::chrono::system_clock::to_time_t(now)));
}

std::vector<std::size_t> count_statuses(const std::vector<Result>& results) {
    return detail::count_statuses(detail::refs_of(results));
}

namespace detail {

std::vector<std::string> hosts_in_order(const std::vector<Result>& results) {
    std::vector<std::string> hosts;
    std::set<std::string> seen;
    for (const auto& r : results)
        if (seen.insert(r.host).second) hosts.push_back(r.host);
    return hosts;
}

std::vector<HostResults> group_by_host(const std::vector<Result>& results) {
    std::vector<HostResults> groups;
    std::unordered_map<std::string_view, std::size_t> index;
    for (const auto& r : results) {
        const auto [it, added] = index.try_emplace(r.host, groups.size());
        if (added) groups.push_back({r.host, {}});
        groups[it->second].results.push_back(&r);
    }
    return groups;
}

std::vector<std::size_t> count_statuses(const ResultRefs& results) {
    std::vector<std::size_t> counts(7, 0);
    for (const auto* r : results) ++counts[static_cast<std::size_t>(r->status)];
    return counts;
}

ResultRefs refs_of(const std::vector<Result>& results) {
    ResultRefs refs;
    refs.reserve(results.size());
    for (const auto& r : results) refs.push_back(&r);
    return refs;
}

std::vector<std::string> checks_in_order(const std::vector<Result>& results) {
    std::vector<std::string> ids;
    std::set<std::string> seen;
    for (const auto& r : results)
        if (seen.insert(r.check_id).second) ids.push_back(r.check_id);
    return ids;
}

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

std::string tool_version(const Report& report) {
    return report.tool_version.empty() ? std::string(version_string()) : report.tool_version;
}

const CheckInfo* find_check(const Report& report, std::string_view check_id) {
    for (const auto& b : report.baselines)
        for (const auto& c : b.checks)
            if (c.id == check_id) return &c;
    return nullptr;
}

std::string status_words(Status s) {
    std::string words(to_string(s));
    std::replace(words.begin(), words.end(), '_', ' ');
    return words;
}

namespace {

// Result's waiver fields (waiver_state, _reason, _owner, _expires, _where) were
// added on another branch; this reads them when they are there and compiles
// either way.  Once both are merged the `if constexpr` can go.
template <class R>
std::optional<WaiverView> waiver_fields(const R& r) {
    if constexpr (requires { r.waiver_state; r.waiver_reason; r.waiver_owner; r.waiver_expires; r.waiver_where; }) {
        if (r.waiver_state == decltype(r.waiver_state){}) return std::nullopt;  // WaiverState::none
        return WaiverView{std::string(to_string(r.waiver_state)), r.waiver_reason, r.waiver_owner, r.waiver_expires,
                          r.waiver_where.str()};
    } else {
        return std::nullopt;
    }
}

}  // namespace

std::optional<WaiverView> waiver_of(const Result& r) { return waiver_fields(r); }

std::string undecided_reason(const Result& r) {
    if (auto w = waiver_of(r)) return fmt::format("{} (owner {}, expires {})", w->reason, w->owner, w->expires);
    if (!r.message.empty()) return r.message;
    return status_words(r.status);
}

std::optional<Status> parse_status(std::string_view name) {
    for (Status s : {Status::pass, Status::fail, Status::not_applicable, Status::not_collected, Status::error,
                     Status::waived, Status::manual})
        if (to_string(s) == name) return s;
    return std::nullopt;
}

}  // namespace detail
}  // namespace hardcheck
