// Applies a compiled baseline to one host's evidence.
//
// Conditions use three-valued logic (plus error).  On top of it a check may only
// pass when every leaf it read had evidence (or a declared default): a condition
// that is true although some evidence was missing is not a pass.
#include <algorithm>

#include <fmt/format.h>

#include "baseline/condition.hpp"
#include "eval/operators.hpp"
#include "hardcheck/evaluate.hpp"

namespace hardcheck {

namespace {

using detail::Condition;
using detail::Leaf;
using detail::Observed;
using detail::Op;
using detail::RegistrySource;
using detail::Truth;

// What a walk over a condition tree saw.
struct Walk {
    std::vector<EvidenceRef> evidence;
    bool not_collected = false;      // some leaf's evidence was not exported
    bool absent_no_default = false;  // some value was absent with no OS default declared
    bool error = false;              // some leaf's evidence was unusable
    bool default_assumed = false;
    std::string first_problem;       // the first reason worth telling a human
    std::vector<std::string> unmet;  // leaves found false: "expectation (found observed)"
};

Observed observe(const RegValue& v) {
    Observed o;
    if (v.is_number()) {
        o.number = v.type == static_cast<std::uint32_t>(RegType::qword) ? v.number : (v.number & 0xFFFFFFFFULL);
        o.text = std::to_string(*o.number);
    } else if (v.type == static_cast<std::uint32_t>(RegType::multi_sz)) {
        o.is_list = true;
        o.list = v.strings;
    } else if (v.is_string()) {
        o.text = v.text;
    } else {
        for (auto b : v.raw) o.text += fmt::format("{:02x}", b);
    }
    return o;
}

Observed observe(const detail::Scalar& s) {
    Observed o;
    o.number = s.number;
    o.text = s.text;
    return o;
}

std::string value_locator(const RegistrySource& reg) {
    return fmt::format("{}\\{}", reg.key, reg.value_name.empty() ? "(Default)" : reg.value_name);
}

Truth evaluate_registry(const Leaf& leaf, const RegistrySource& reg, const HostEvidence& host, Walk& walk) {
    EvidenceRef ref;
    ref.locator = value_locator(reg);
    const RegLookup found = host.registry.lookup(reg.canonical, reg.value_name);
    auto record = [&](Truth t) {
        walk.evidence.push_back(std::move(ref));
        return t;
    };

    if (found.presence == Presence::not_collected) {
        ref.observed = "not collected";
        walk.not_collected = true;
        if (walk.first_problem.empty())
            walk.first_problem = fmt::format("{} is outside every exported registry subtree", ref.locator);
        return record(Truth::unknown);
    }
    if (found.presence == Presence::damaged) {
        ref.where = *found.damage;
        ref.observed = "unreadable";
        walk.error = true;
        if (walk.first_problem.empty())
            walk.first_problem = fmt::format("{} is on a line of the export that could not be read ({})",
                                             ref.locator, found.damage->str());
        return record(Truth::error);
    }
    if (found.presence == Presence::absent) {
        ref.where = found.key ? found.key->where : found.coverage->where;
        if (leaf.op == Op::absent || leaf.op == Op::exists) {
            ref.observed = "absent";
            return record(leaf.op == Op::absent ? Truth::yes : Truth::no);
        }
        if (!reg.default_value) {
            ref.observed = "absent";
            walk.absent_no_default = true;
            if (walk.first_problem.empty())
                walk.first_problem = fmt::format("{} is absent and no OS default is declared", ref.locator);
            return record(Truth::no);
        }
        ref.observed = fmt::format("absent (OS default {} assumed)", reg.default_value->text);
        ref.default_assumed = true;
        walk.default_assumed = true;
        auto outcome = detail::apply_operator(leaf, observe(*reg.default_value));
        if (outcome.truth == Truth::error) {
            walk.error = true;
            if (walk.first_problem.empty()) walk.first_problem = outcome.problem;
        }
        return record(outcome.truth);
    }
    const RegValue& value = *found.value;
    ref.where = value.where;
    ref.observed = fmt::format("{} {}", reg_type_name(value.type), value.display());
    if (reg.expected_type && *reg.expected_type != value.type) {
        walk.error = true;
        if (walk.first_problem.empty())
            walk.first_problem = fmt::format("{} has type {} where {} is expected", ref.locator,
                                             reg_type_name(value.type), reg_type_name(*reg.expected_type));
        return record(Truth::error);
    }
    auto outcome = detail::apply_operator(leaf, observe(value));
    if (outcome.truth == Truth::error) {
        walk.error = true;
        if (walk.first_problem.empty()) walk.first_problem = fmt::format("{}: {}", ref.locator, outcome.problem);
    }
    return record(outcome.truth);
}

// `negated`: an odd number of `not` lies above c, so a true leaf is what is unmet.
Truth walk_condition(const Condition& c, const HostEvidence& host, Walk& walk, bool negated = false) {
    switch (c.kind) {
        case Condition::Kind::leaf: {
            const Truth t = std::visit(
                [&](const auto& source) { return evaluate_registry(c.leaf, source, host, walk); }, c.leaf.source);
            if (t == (negated ? Truth::yes : Truth::no))
                walk.unmet.push_back(fmt::format("{}{}{} (found {})", negated ? "not (" : "", detail::render(c),
                                                 negated ? ")" : "", walk.evidence.back().observed));
            return t;
        }
        case Condition::Kind::negation: {
            const Truth t = walk_condition(*c.children.front(), host, walk, !negated);
            return t == Truth::yes ? Truth::no : t == Truth::no ? Truth::yes : t;
        }
        case Condition::Kind::all:
        case Condition::Kind::any: {
            // Every child is walked (no short-circuit) so the evidence list is complete.
            const Truth decisive = c.kind == Condition::Kind::all ? Truth::no : Truth::yes;
            const Truth otherwise = c.kind == Condition::Kind::all ? Truth::yes : Truth::no;
            bool saw_decisive = false, saw_error = false, saw_unknown = false;
            for (const auto& child : c.children) {
                const Truth t = walk_condition(*child, host, walk, negated);
                saw_decisive |= t == decisive;
                saw_error |= t == Truth::error;
                saw_unknown |= t == Truth::unknown;
            }
            if (saw_decisive) return decisive;
            if (saw_error) return Truth::error;
            if (saw_unknown) return Truth::unknown;
            return otherwise;
        }
    }
    return Truth::error;
}

std::string join_observed(const std::vector<EvidenceRef>& evidence) {
    std::string out;
    for (const auto& e : evidence) {
        if (!out.empty()) out += "; ";
        out += fmt::format("{} = {}", e.locator, e.observed);
    }
    return out;
}

Result evaluate_check(const Check& check, const HostEvidence& host) {
    Result r;
    r.host = host.host;
    r.check_id = check.id;
    r.title = check.title;
    r.severity = check.severity;
    r.references = check.references;
    r.tags = check.tags;
    if (check.manual || !check.test) {
        r.status = Status::manual;
        r.message = "No export can decide this check; review it by hand.";
        return r;
    }
    r.expected = detail::render(*check.test);

    if (check.applies_when) {
        Walk applies;
        const Truth t = walk_condition(*check.applies_when, host, applies);
        if (t == Truth::no && !applies.not_collected && !applies.error) {
            r.status = Status::not_applicable;
            r.evidence = std::move(applies.evidence);
            r.observed = join_observed(r.evidence);
            r.message = "The check does not apply to this host.";
            return r;
        }
        if (t != Truth::yes || applies.not_collected || applies.error) {
            r.status = applies.error ? Status::error : Status::not_collected;
            r.evidence = std::move(applies.evidence);
            r.observed = join_observed(r.evidence);
            r.message = fmt::format("Cannot tell whether the check applies: {}.", applies.first_problem);
            return r;
        }
    }

    Walk walk;
    const Truth t = walk_condition(*check.test, host, walk);
    r.evidence = std::move(walk.evidence);
    r.observed = join_observed(r.evidence);
    r.default_assumed = walk.default_assumed;
    if (t == Truth::no) {
        r.status = Status::fail;
        // Name the leaves that were not met; fall back to the whole condition.
        std::string unmet;
        for (const auto& u : walk.unmet) unmet += (unmet.empty() ? "" : "; ") + u;
        r.message = unmet.empty() ? fmt::format("Expected {}, found {}.", r.expected, r.observed)
                                  : fmt::format("Not met: {}.", unmet);
    } else if (t == Truth::error || walk.error) {
        r.status = Status::error;
        r.message = fmt::format("Evidence could not be evaluated: {}.", walk.first_problem);
    } else if (t == Truth::unknown || walk.not_collected) {
        r.status = Status::not_collected;
        r.message = fmt::format("Evidence missing from the bundle: {}.", walk.first_problem);
    } else if (walk.absent_no_default) {
        r.status = Status::fail;
        r.message = fmt::format("Cannot confirm: {}.", walk.first_problem);
    } else {
        r.status = Status::pass;
        r.message = fmt::format("Found {}.", r.observed);
    }
    return r;
}

}  // namespace

std::string_view to_string(Status s) {
    switch (s) {
        case Status::pass: return "pass";
        case Status::fail: return "fail";
        case Status::not_applicable: return "not_applicable";
        case Status::not_collected: return "not_collected";
        case Status::error: return "error";
        case Status::waived: return "waived";
        case Status::manual: return "manual";
    }
    return "error";
}

std::vector<Result> evaluate(const CompiledBaseline& baseline, const HostEvidence& host) {
    std::vector<Result> results;
    results.reserve(baseline.checks.size());
    for (const auto& check : baseline.checks) results.push_back(evaluate_check(check, host));
    return results;
}

}  // namespace hardcheck
