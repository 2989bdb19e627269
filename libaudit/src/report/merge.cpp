// Combining shard reports (see hardcheck/merge.hpp).
#include "hardcheck/merge.hpp"

#include <map>
#include <set>
#include <utility>

#include <fmt/format.h>

#include "hardcheck/diagnostics.hpp"

namespace hardcheck {

namespace {

std::set<std::pair<std::string, std::string>> baseline_set(const Report& r) {
    std::set<std::pair<std::string, std::string>> ids;
    for (const auto& b : r.baselines) ids.emplace(b.id, b.version);
    return ids;
}

std::string describe(const std::set<std::pair<std::string, std::string>>& ids) {
    std::string out;
    for (const auto& [id, version] : ids) out += (out.empty() ? "" : ", ") + id + " " + version;
    return out.empty() ? "none" : out;
}

}  // namespace

Report merge_reports(std::vector<Report> shards, const std::vector<std::string>& names, std::uint64_t max_results) {
    auto name = [&](std::size_t i) { return i < names.size() ? names[i] : fmt::format("shard {}", i + 1); };
    if (shards.empty()) throw InputError(Diagnostic{{"merge", 0, 0}, "no reports to merge"});
    std::vector<Diagnostic> problems;
    const auto wanted = baseline_set(shards.front());
    std::map<std::string, std::size_t> host_shard;  // host -> first shard holding it
    std::uint64_t total = 0;
    for (std::size_t i = 0; i < shards.size(); ++i) {
        total += shards[i].results.size();
        if (i > 0 && baseline_set(shards[i]) != wanted)
            problems.push_back({{name(i), 0, 0},
                                fmt::format("baselines {} differ from {} in {}", describe(baseline_set(shards[i])),
                                            describe(wanted), name(0))});
        std::set<std::string> hosts;
        for (const auto& r : shards[i].results) hosts.insert(r.host);
        for (const auto& h : hosts) {
            auto [it, fresh] = host_shard.emplace(h, i);
            if (!fresh)
                problems.push_back({{name(i), 0, 0}, fmt::format("host '{}' is also in {}: shards overlap", h, name(it->second))});
        }
    }
    if (total > max_results)
        problems.push_back({{"merge", 0, 0},
                            fmt::format("the shards hold {} results, more than the limit of {} (max_results)", total,
                                        max_results)});
    if (!problems.empty()) throw InputError(std::move(problems));
    Report merged = std::move(shards.front());
    for (std::size_t i = 1; i < shards.size(); ++i)
        merged.results.insert(merged.results.end(), std::make_move_iterator(shards[i].results.begin()),
                              std::make_move_iterator(shards[i].results.end()));
    return merged;
}

}  // namespace hardcheck
