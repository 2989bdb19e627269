#include "eval/waivers.hpp"

#include <algorithm>
#include <ctime>

#include <fmt/format.h>

#include "eval/operators.hpp"

namespace hardcheck {

namespace {
bool has(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}
bool any_tag(const std::vector<std::string>& wanted, const std::vector<std::string>& tags) {
    return std::any_of(tags.begin(), tags.end(), [&](const std::string& t) { return has(wanted, t); });
}
}  // namespace

bool Profile::selects(const Check& check) const {
    const bool selecting = !select_ids.empty() || !select_tags.empty();
    if (selecting && !has(select_ids, check.id) && !any_tag(select_tags, check.tags)) return false;
    return !has(deselect_ids, check.id) && !any_tag(deselect_tags, check.tags);
}

std::string_view to_string(WaiverState s) {
    switch (s) {
        case WaiverState::none: return "none";
        case WaiverState::applied: return "applied";
        case WaiverState::unused: return "unused";
        case WaiverState::expired: return "expired";
    }
    return "none";
}

std::vector<Diagnostic> profile_warnings(const Profile& profile, const std::vector<const CompiledBaseline*>& baselines) {
    std::vector<Diagnostic> out;
    auto known_check = [&](const std::string& id) {
        return std::any_of(baselines.begin(), baselines.end(), [&](const CompiledBaseline* b) { return b->find(id) != nullptr; });
    };
    auto known_parameter = [&](const std::string& name) {
        for (const auto* b : baselines)
            for (const auto& c : b->checks)
                if (c.parameters.count(name)) return true;
        return false;
    };
    const SourceLocation file{profile.file.string(), 0, 0};
    for (const auto* list : {&profile.select_ids, &profile.deselect_ids})
        for (const auto& id : *list)
            if (!known_check(id)) out.push_back({file, fmt::format("profile selects or deselects unknown check '{}'", id)});
    for (const auto& [id, severity] : profile.severity)
        if (!known_check(id)) out.push_back({file, fmt::format("profile sets the severity of unknown check '{}'", id)});
    for (const auto& [name, value] : profile.parameters)
        if (!known_parameter(name)) out.push_back({value.where, fmt::format("no check declares parameter '{}'", name)});
    for (const auto& w : profile.waivers)
        if (!known_check(w.check_id)) out.push_back({w.where, fmt::format("waiver names unknown check '{}'", w.check_id)});
    return out;
}

namespace detail {

std::string today_utc() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    return fmt::format("{:04}-{:02}-{:02}", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

bool valid_date(std::string_view t) {
    if (t.size() != 10 || t[4] != '-' || t[7] != '-') return false;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
        if (t[i] < '0' || t[i] > '9') return false;
    const int year = std::stoi(std::string(t.substr(0, 4)));
    const int month = std::stoi(std::string(t.substr(5, 2)));
    const int day = std::stoi(std::string(t.substr(8, 2)));
    if (month < 1 || month > 12 || day < 1) return false;
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

void apply_waivers(const Profile& profile, const std::string& today, Result& r) {
    const Waiver* chosen = nullptr;
    bool expired = false;
    for (const auto& w : profile.waivers) {
        if (w.check_id != r.check_id || !glob_match(w.hosts, r.host)) continue;
        // ISO dates order as text; a waiver is valid through its expiry day.
        const bool past = w.expires < today;
        if (!chosen || (expired && !past)) {
            chosen = &w;
            expired = past;
        }
    }
    if (!chosen) return;
    r.waiver_reason = chosen->reason;
    r.waiver_owner = chosen->owner;
    r.waiver_expires = chosen->expires;
    r.waiver_where = chosen->where;
    if (expired) {
        r.waiver_state = WaiverState::expired;
        r.message += fmt::format(" A waiver ({}) expired on {} and no longer applies.", chosen->owner, chosen->expires);
    } else if (r.status == Status::fail) {
        r.status = Status::waived;
        r.waiver_state = WaiverState::applied;
        r.message = fmt::format("Waived until {} by {}: {} ({})", chosen->expires, chosen->owner, chosen->reason, r.message);
    } else {
        r.waiver_state = WaiverState::unused;
    }
}

}  // namespace detail

}  // namespace hardcheck
