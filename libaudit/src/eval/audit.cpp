#include "hardcheck/audit.hpp"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>

#include <fmt/format.h>

namespace hardcheck {

namespace {

struct HostOutcome {
    std::vector<Result> results;
    HostProblems problems;
    std::exception_ptr failure;  // an internal error, rethrown on the caller's thread
};

HostOutcome audit_one(const std::vector<std::shared_ptr<const CompiledBaseline>>& baselines,
                      const std::filesystem::path& dir, const EvidenceNeeds& needs, const EvaluateOptions& eval) {
    HostOutcome out;
    try {
        const HostEvidence host = load_host(dir, &needs);
        out.problems = {host.host, host.problems};
        for (const auto& b : baselines) {
            auto results = evaluate(*b, host, eval);
            out.results.insert(out.results.end(), std::make_move_iterator(results.begin()),
                               std::make_move_iterator(results.end()));
        }
    } catch (const InputError& e) {
        // The bundle itself is unusable: every check of this host is an error.
        const std::string host = dir.filename().string();
        out.problems = {host, e.diagnostics()};
        for (const auto& b : baselines) {
            for (const auto& check : b->checks) {
                if (eval.profile && !eval.profile->selects(check)) continue;
                Result r;
                r.host = host;
                r.check_id = check.id;
                r.title = check.title;
                r.severity = check.severity;
                r.references = check.references;
                r.tags = check.tags;
                r.status = Status::error;
                r.message = fmt::format("The host bundle could not be read: {}", e.diagnostics().front().str());
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

    std::vector<HostOutcome> outcomes(host_dirs.size());
    std::atomic<std::size_t> next{0}, done{0};
    std::mutex progress_mutex;
    auto worker = [&] {
        for (std::size_t i = next++; i < host_dirs.size(); i = next++) {
            try {
                outcomes[i] = audit_one(baselines, host_dirs[i], needs, options.evaluate);
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
    return result;
}

}  // namespace hardcheck
