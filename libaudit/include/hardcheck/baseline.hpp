// Baselines: YAML check definitions loaded, validated and compiled once, then
// shared read-only by any number of evaluations.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hardcheck/diagnostics.hpp"
#include "hardcheck/evidence.hpp"
#include "hardcheck/export.hpp"
#include "hardcheck/limits.hpp"

namespace hardcheck {

enum class Severity { info, low, medium, high, critical };

HARDCHECK_API std::string_view to_string(Severity);
HARDCHECK_API std::optional<Severity> parse_severity(std::string_view);

namespace detail {
struct Condition;    // the compiled condition tree, private to the library
struct VersionData;  // a version data file (baselines/versions/), private to the library
}

// A check parameter's value: a single value or a list, as written in YAML.
struct HARDCHECK_API ParameterValue {
    std::vector<std::string> values;
    bool is_list = false;
    SourceLocation where;
};

// Host checks judge each host alone.  Fleet checks compare hosts of one run and
// give one result for the run (docs/baseline-language.md, "Fleet checks").
enum class CheckScope { host, fleet };

struct HARDCHECK_API Check {
    std::string id;
    std::string title;
    Severity severity = Severity::medium;
    std::string rationale;
    std::string remediation;
    std::vector<std::string> references;
    std::vector<std::string> tags;
    std::map<std::string, ParameterValue> parameters;  // declared, with their defaults
    bool manual = false;
    std::string baseline_id;
    SourceLocation where;  // the check's `id:` line
    std::shared_ptr<const detail::Condition> applies_when;  // null: always applies
    std::shared_ptr<const detail::Condition> test;          // null only for manual checks
    // When the test does not pass (fail or not_collected) and this holds on
    // collected evidence, the result is `manual` with `manual_guidance`: hosts the
    // export cannot decide, where a person must look (e.g. no known fixed build).
    std::shared_ptr<const detail::Condition> manual_when;
    std::string manual_guidance;
    std::string manual_when_text;  // manual_when rendered for people
    std::string expected_text;  // the test rendered for people ("... equals 0 and ...")
    // Fleet checks: `applies_when` picks the hosts compared, `test` (optional) must
    // hold on each of them, and every read below must give the same effective value
    // on all of them (within each group of equal `group_by` fact, when set).
    CheckScope scope = CheckScope::host;
    std::vector<std::shared_ptr<const detail::Condition>> same_on_all_hosts;  // leaves without operator
    std::string group_by;  // a fact name; empty: one group
    // Version data files the check's expectations rest on (`version_data:`); results
    // note when their "as of" date is old (docs/baseline-language.md).
    std::vector<std::shared_ptr<const detail::VersionData>> version_data;
};

class HARDCHECK_API CompiledBaseline {
public:
    std::string id;
    std::string title;
    std::string version;
    std::string description;
    std::vector<std::string> references;
    std::filesystem::path file;
    std::vector<Check> checks;   // includes first, then this file's checks, in order
    EvidenceNeeds needs;         // what the checks read

    const Check* find(std::string_view check_id) const;
};

// Loads and compiles a baseline file and everything it includes.  Every problem
// found is reported at once in the InputError (file:line:col each).
HARDCHECK_API std::shared_ptr<const CompiledBaseline> load_baseline(const std::filesystem::path& file);
HARDCHECK_API std::shared_ptr<const CompiledBaseline> load_baseline_text(std::string_view yaml,
                                                                         const std::string& name);
// The same with other limits than the defaults (YAML size, nesting, regex memory).
HARDCHECK_API std::shared_ptr<const CompiledBaseline> load_baseline_text(std::string_view yaml, const std::string& name,
                                                                         const Limits& limits);

// Finds a baseline by path, or by id among the built-in baselines (the directories
// searched are listed by builtin_baseline_dirs()).
HARDCHECK_API std::filesystem::path resolve_baseline(std::string_view id_or_path);
HARDCHECK_API std::vector<std::filesystem::path> builtin_baseline_dirs();

}  // namespace hardcheck
