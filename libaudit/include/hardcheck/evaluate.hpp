// Evaluation: a compiled baseline applied to one host's evidence gives one Result
// per check.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "hardcheck/baseline.hpp"
#include "hardcheck/diagnostics.hpp"
#include "hardcheck/evidence.hpp"
#include "hardcheck/export.hpp"

namespace hardcheck {

// The seven statuses of a result (see docs/statuses in DESIGN.md).
enum class Status { pass, fail, not_applicable, not_collected, error, waived, manual };

HARDCHECK_API std::string_view to_string(Status);

// One piece of evidence a result rests on.
struct HARDCHECK_API EvidenceRef {
    SourceLocation where;   // file:line of the value, or of the file when absent
    std::string locator;    // registry key\value, property path, xpath
    std::string observed;   // what was found there, rendered for people
    bool default_assumed = false;  // absent value replaced by the declared OS default
};

struct HARDCHECK_API Result {
    std::string host;
    std::string check_id;
    std::string title;
    Severity severity = Severity::medium;
    Status status = Status::error;
    std::string observed;  // the observed values, joined
    std::string expected;  // rendered from the condition
    std::string message;   // one sentence for a human
    std::vector<EvidenceRef> evidence;
    std::vector<std::string> references;
    std::vector<std::string> tags;
    bool default_assumed = false;
};

HARDCHECK_API std::vector<Result> evaluate(const CompiledBaseline& baseline, const HostEvidence& host);

}  // namespace hardcheck
