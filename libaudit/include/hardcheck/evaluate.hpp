// Evaluation: a compiled baseline applied to one host's evidence gives one Result
// per check.
#pragma once

#include <filesystem>
#include <map>
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

// What became of a waiver that names a result's check and host.
//   applied: the check failed and the waiver turned it into `waived`;
//   unused:  the check did not fail (pass, not_applicable, error, ...);
//   expired: the waiver is past its expiry date and no longer applies.
enum class WaiverState { none, applied, unused, expired };

HARDCHECK_API std::string_view to_string(WaiverState);

struct HARDCHECK_API Result {
    std::string host;
    std::string check_id;
    std::string title;
    Severity severity = Severity::medium;
    Status status = Status::error;
    std::string observed;  // the observed values, joined
    std::string expected;  // rendered from the condition
    std::string message;   // one sentence for a human
    // Warnings about the result itself, e.g. that the version data it used is old.
    std::vector<std::string> notes;
    std::vector<EvidenceRef> evidence;
    std::vector<std::string> references;
    std::vector<std::string> tags;
    bool default_assumed = false;
    // The waiver that names this check and host, if any (see WaiverState).
    WaiverState waiver_state = WaiverState::none;
    std::string waiver_reason;
    std::string waiver_owner;
    std::string waiver_expires;  // YYYY-MM-DD
    SourceLocation waiver_where; // the waiver in the profile file
};

// A risk accepted for one check on the hosts matching a glob, until a date.
struct HARDCHECK_API Waiver {
    std::string check_id;
    std::string hosts = "*";  // glob over host names (`*`, `?`), case-insensitive
    std::string reason;
    std::string owner;
    std::string expires;  // YYYY-MM-DD, valid through that day (UTC)
    SourceLocation where;
};

// Tailoring: which checks run, their severities and parameters, and waivers.
struct HARDCHECK_API Profile {
    std::string id;
    std::string title;
    std::filesystem::path file;
    std::vector<std::string> select_ids, select_tags;  // both empty: every check
    std::vector<std::string> deselect_ids, deselect_tags;
    std::map<std::string, Severity> severity;           // by check id
    std::map<std::string, ParameterValue> parameters;   // by parameter name
    std::vector<Waiver> waivers;

    bool selects(const Check& check) const;
};

// Loads a profile file; every problem is reported at once (file:line:col each).
HARDCHECK_API Profile load_profile(const std::filesystem::path& file);
HARDCHECK_API Profile load_profile_text(std::string_view yaml, const std::string& name);

// Names in a profile that none of the baselines has (check ids in select,
// deselect, severity and waivers; parameter names): a typo in a waiver would
// otherwise silently waive nothing.  Positioned where the profile file says.
HARDCHECK_API std::vector<Diagnostic> profile_warnings(const Profile& profile,
                                                       const std::vector<const CompiledBaseline*>& baselines);

struct HARDCHECK_API EvaluateOptions {
    const Profile* profile = nullptr;  // null: every check, declared defaults, no waivers
    std::string today;                 // YYYY-MM-DD for waiver expiry; empty: today (UTC)
};

HARDCHECK_API std::vector<Result> evaluate(const CompiledBaseline& baseline, const HostEvidence& host);
HARDCHECK_API std::vector<Result> evaluate(const CompiledBaseline& baseline, const HostEvidence& host,
                                           const EvaluateOptions& options);

}  // namespace hardcheck
