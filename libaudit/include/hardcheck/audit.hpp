// Auditing many hosts: each host bundle loaded and evaluated independently, in
// parallel, with results in a stable order whatever the parallelism.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <vector>

#include "hardcheck/baseline.hpp"
#include "hardcheck/evaluate.hpp"
#include "hardcheck/export.hpp"
#include "hardcheck/limits.hpp"

namespace hardcheck {

struct HARDCHECK_API AuditOptions {
    unsigned jobs = 0;  // worker threads; 0 = one per core
    // Called after each host, from a worker thread: (hosts done, hosts total).
    std::function<void(std::size_t, std::size_t)> progress;
    EvaluateOptions evaluate;  // profile, waiver date; the profile must outlive the call
    // More results than this (hosts x selected checks) is refused before any host
    // is read (InputError naming the limit).
    std::uint64_t max_results = Limits{}.max_results;
};

struct HARDCHECK_API HostProblems {
    std::string host;
    std::vector<Diagnostic> problems;  // unreadable lines or files of that host
};

struct HARDCHECK_API AuditOutcome {
    std::vector<Result> results;         // host order as given, then baseline and check order
    std::vector<HostProblems> problems;  // per host, only hosts with problems
};

// A host whose bundle cannot be read gets an `error` result for every check
// instead of ending the run.
HARDCHECK_API AuditOutcome audit_hosts(const std::vector<std::shared_ptr<const CompiledBaseline>>& baselines,
                                       const std::vector<std::filesystem::path>& host_dirs,
                                       const AuditOptions& options = {});

}  // namespace hardcheck
