#include "hardcheck/audit.hpp"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>

#include <fmt/format.h>

#include "eval/fleet.hpp"
#include "eval/waivers.hpp"

namespace hardcheck {

namespace {

struct HostOutcome {
    std::vector<Result> results;
    std::vector<detail::FleetSample> fleet;  // one per fleet check, in fleet_checks() order
    HostProblems problems;
    std::exception_ptr failure;  // an internal error, rethrown on the caller's thread
};

// The fleet checks the run selects, in baseline and check order.
std::vector<const Check*> fleet_checks(const std::vector<std::shared_ptr<const CompiledBaseline>>& baselines,
                                       const Profile* profile) {
    std::vector<const Check*> out;
    for (const auto& b : baselines)
        for (const auto& check : b->checks)
            if (check.scope == CheckScope::fleet && (!profile || profile->selects(check))) out.push_back(&check);
    return out;
}

HostOutcome audit_one(const std::vector<std::shared_ptr<const CompiledBaseline>>& baselines,
                      const std::vector<const Check*>& fleet, const std::filesystem::path& dir,
                      const EvidenceNeeds& needs, const EvaluateOptions& eval) {
    HostOutcome out;
    try {
        const HostEvidence host = load_host(dir, &needs);
        out.problems = {host.host, host.problems};
        for (const auto& b : baselines) {
            auto results = evaluate(*b, host, eval);
            out.results.insert(out.results.end(), std::make_move_iterator(results.begin()),
                               std::make_move_iterator(results.end()));
        }
        for (const Check* check : fleet) out.fleet.push_back(detail::sample_fleet_check(*check, host, eval.profile));
    } catch (const InputError& e) {
        // The bundle itself is unusable: every check of this host is an error.
        const std::string host = dir.filename().string();
        out.problems = {host, e.diagnostics()};
        const std::string problem = fmt::format("The host bundle could not be read: {}", e.diagnostics().front().str());
        out.fleet.assign(fleet.size(), detail::unreadable_fleet_sample(host, problem));
        for (const auto& b : baselines) {
            for (const auto& check : b->checks) {
                if (eval.profile && !eval.profile->selects(check)) continue;
                if (check.scope == CheckScope::fleet) continue;
                Result r;
                r.host = host;
                r.check_id = check.id;
                r.title = check.title;
                r.severity = check.severity;
                r.references = check.references;
                r.tags = check.tags;
                r.status = Status::error;
                r.message = problem;
                out.results.push_back(std::move(r));
            }
        }
    }
    return out;
}

// Refuses a run whose results would not fit the limit, before anything is read.
void check_result_count(const std::vector<std::shared_ptr<const CompiledBaseline>>& baselines, std::size_t hosts,
                        const AuditOptions& options) {
    std::uint64_t checks = 0;
    for (const auto& b : baselines)
        for (const auto& check : b->checks)
            if (!options.evaluate.profile || options.evaluate.profile->selects(check)) ++checks;
    if (hosts != 0 && checks > options.max_results / hosts)
        throw InputError(Diagnostic{{"audit", 0, 0},
                                    fmt::format("{} hosts x {} checks would give {} results, more than the limit of "
                                                "{} (max_results)",
                                                hosts, checks, checks * hosts, options.max_results)});
}

}  // namespace

AuditOutcome audit_hosts(const std::vector<std::shared_ptr<const CompiledBaseline>>& baselines,
                         const std::vector<std::filesystem::path>& host_dirs, const AuditOptions& options) {
    check_result_count(baselines, host_dirs.size(), options);
    EvidenceNeeds needs = EvidenceNeeds::none();
    for (const auto& b : baselines) needs.merge(b->needs);

    const std::vector<const Check*> fleet = fleet_checks(baselines, options.evaluate.profile);
    std::vector<HostOutcome> outcomes(host_dirs.size());
    std::atomic<std::size_t> next{0}, done{0};
    std::mutex progress_mutex;
    auto worker = [&] {
        for (std::size_t i = next++; i < host_dirs.size(); i = next++) {
            try {
                outcomes[i] = audit_one(baselines, fleet, host_dirs[i], needs, options.evaluate);
            } catch (...) {
                outcomes[i].failure = std::current_exception();
            }
            const std::size_t finished = ++done;
            if (options.progress) {
                std::lock_guard lock(progress_mutex);
                options.progress(finished, host_dirs.size());
            }
        }
    };
    unsigned jobs = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
    jobs = static_cast<unsigned>(std::min<std::size_t>(jobs, std::max<std::size_t>(1, host_dirs.size())));
    if (jobs <= 1) {
        worker();
    } else {
        std::vector<std::jthread> pool;
        for (unsigned t = 0; t < jobs; ++t) pool.emplace_back(worker);
    }

    AuditOutcome result;
    for (auto& o : outcomes) {
        if (o.failure) std::rethrow_exception(o.failure);
        result.results.insert(result.results.end(), std::make_move_iterator(o.results.begin()),
                              std::make_move_iterator(o.results.end()));
        if (!o.problems.problems.empty()) result.problems.push_back(std::move(o.problems));
    }
    // Fleet results come last, judged from the samples in host order: the same
    // whatever the number of workers.
    const Profile* profile = options.evaluate.profile;
    const std::string today = options.evaluate.today.empty() ? detail::today_utc() : options.evaluate.today;
    for (std::size_t k = 0; k < fleet.size(); ++k) {
        std::vector<detail::FleetSample> samples;
        samples.reserve(outcomes.size());
        for (auto& o : outcomes) samples.push_back(std::move(o.fleet[k]));
        Result r = detail::judge_fleet_check(*fleet[k], samples);
        if (profile) {
            if (auto it = profile->severity.find(fleet[k]->id); it != profile->severity.end()) r.severity = it->second;
            detail::apply_waivers(*profile, today, r);
        }
        result.results.push_back(std::move(r));
    }
    return result;
}

}  // namespace hardcheck
