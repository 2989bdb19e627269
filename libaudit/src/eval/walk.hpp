// What the evaluator carries through one condition tree, shared by the leaf
// evaluators of each evidence kind.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "baseline/condition.hpp"
#include "eval/operators.hpp"
#include "hardcheck/evaluate.hpp"

namespace hardcheck::detail {

// What a walk over a condition tree saw.
struct Walk {
    std::vector<EvidenceRef> evidence;
    bool not_collected = false;      // some leaf's evidence was not exported
    bool absent_no_default = false;  // some value was absent with no OS default declared
    bool error = false;              // some leaf's evidence was unusable
    bool default_assumed = false;
    std::string first_problem;       // the first reason worth telling a human
    std::vector<std::string> unmet;  // leaves found false: "expectation (found observed)"

    void problem(std::string text) {
        if (first_problem.empty()) first_problem = std::move(text);
    }
};

// The parameter values in force for one check: profile overrides, else defaults.
using ParameterMap = std::map<std::string, const ParameterValue*>;

struct Context {
    const HostEvidence& host;
    const ParameterMap& parameters;
    const Check* check = nullptr;  // its version data, for os_update_lag_days
};

// The leaf's operands for this evaluation (its literals or its parameter's value).
std::vector<Scalar> leaf_operands(const Leaf& leaf, const Context& ctx);
// A count bound or other number; nullopt when a parameter does not hold a number.
std::optional<std::uint64_t> resolve_number(const NumberRef& ref, const Context& ctx);
std::optional<std::string> resolve_text(const TextRef& ref, const Context& ctx);

// One value a collection leaf tests.
struct Item {
    enum class State { value, null, absent, bad };
    State state = State::value;
    Observed observed;
    std::string label;    // what was read: "EXCH01: Status"
    std::string display;  // label and value for people: "EXCH01: Status = Running (4)"
    std::string problem;  // State::bad: why it cannot be read
    SourceLocation where;
};

// How a leaf treats missing and null values.
struct ItemRules {
    const std::optional<Scalar>* default_value = nullptr;
    const std::optional<Scalar>* null_as = nullptr;
    bool filter = false;  // inside `where`: missing and null simply do not match
};

// Applies the leaf's operator to one item.  Absent-without-default and
// null-without-null_as are reported through `walk` (unless filtering).
Truth test_item(const Leaf& leaf, const std::vector<Scalar>& operands, const Item& item, const ItemRules& rules,
                Walk& walk);

// Combines per-item answers under a quantifier; `unmet` gets the indexes of items
// that made the answer false (capped).
struct QuantifiedOutcome {
    Truth truth = Truth::error;
    std::size_t satisfied = 0;
    std::vector<std::size_t> unmet;
    std::string problem;
};
QuantifiedOutcome quantify(const Quantified& q, const std::vector<Truth>& answers, const Context& ctx);

// Records one summary EvidenceRef for a collection leaf.
void record_items(const std::string& locator, const std::vector<Item>& items, const QuantifiedOutcome& outcome,
                  const SourceLocation& fallback, Walk& walk);

Observed observe_text(std::string text);  // a string that may read as a number

// What an object source selects on one host (where filter and property path
// applied), before any operator: shared by object leaves and fleet reads.
struct ObjectItems {
    enum class State { ok, not_collected, error };
    State state = State::ok;
    std::vector<Item> items;
    const ObjectCollection* collection = nullptr;
    std::string problem;
    SourceLocation where;  // the export file, or the object the filter could not read
};
ObjectItems object_items(const ObjectSource& source, const Context& ctx);

Truth evaluate_registry(const Leaf& leaf, const RegistrySource& reg, const Context& ctx, Walk& walk);
Truth evaluate_registry_key(const Leaf& leaf, const RegistryKeySource& key, const Context& ctx, Walk& walk);
Truth evaluate_object(const Leaf& leaf, const ObjectSource& source, const Context& ctx, Walk& walk);
Truth evaluate_xml(const Leaf& leaf, const XmlSource& source, const Context& ctx, Walk& walk);
Truth evaluate_events(const Leaf& leaf, const EventsSource& source, const Context& ctx, Walk& walk);
Truth evaluate_fact(const Leaf& leaf, const FactSource& source, const Context& ctx, Walk& walk);
// The fact os_update_lag_days (EXV-06): Windows cumulative update level against the
// check's version data, else the newest Get-HotFix InstalledOn.
Truth evaluate_os_update(const Leaf& leaf, const Context& ctx, Walk& walk);

// Notes for a result of `check` on `host`: version data older than
// kVersionDataMaxAgeDays at collection time, or of unknown age.
inline constexpr int kVersionDataMaxAgeDays = 90;
std::vector<std::string> version_data_notes(const Check& check, const HostEvidence& host);

// Walks a condition tree over one host; `negated` is for the recursion.
Truth walk_condition(const Condition& c, const Context& ctx, Walk& walk, bool negated = false);
// The parameter values in force for a check under a profile (null: defaults).
ParameterMap parameters_for(const Check& check, const Profile* profile);
// "locator = observed; ..." for a result's observed column.
std::string join_observed(const std::vector<EvidenceRef>& evidence);

// Three-valued logic over children, shared by tests and filters.
Truth combine_all(const std::vector<Truth>& children);
Truth combine_any(const std::vector<Truth>& children);
Truth negate(Truth t);

}  // namespace hardcheck::detail
