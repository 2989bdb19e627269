// Applies a compiled baseline to one host's evidence.
//
// Conditions use three-valued logic (plus error).  On top of it a check may only
// pass when every leaf it read had evidence (or a declared default): a condition
// that is true although some evidence was missing is not a pass.
#include <algorithm>

#include <fmt/format.h>

#include "baseline/condition.hpp"
#include "eval/operators.hpp"
#include "eval/walk.hpp"
#include "eval/waivers.hpp"
#include "hardcheck/evaluate.hpp"

namespace hardcheck {

namespace {

using detail::Condition;
using detail::Context;
using detail::Truth;
using detail::Walk;

struct LeafDispatch {
    const detail::Leaf& leaf;
    const Context& ctx;
    Walk& walk;
    Truth operator()(const detail::RegistrySource& s) const { return detail::evaluate_registry(leaf, s, ctx, walk); }
    Truth operator()(const detail::RegistryKeySource& s) const { return detail::evaluate_registry_key(leaf, s, ctx, walk); }
    Truth operator()(const detail::ObjectSource& s) const { return detail::evaluate_object(leaf, s, ctx, walk); }
    Truth operator()(const detail::XmlSource& s) const { return detail::evaluate_xml(leaf, s, ctx, walk); }
    Truth operator()(const detail::EventsSource& s) const { return detail::evaluate_events(leaf, s, ctx, walk); }
    Truth operator()(const detail::FactSource& s) const { return detail::evaluate_fact(leaf, s, ctx, walk); }
    // Property and field leaves only occur inside `where` filters, which the
    // object and event leaves evaluate themselves.
    Truth operator()(const detail::PropertySource&) const { return Truth::error; }
    Truth operator()(const detail::FieldSource&) const { return Truth::error; }
};

detail::ParamRenderer parameter_renderer(const detail::ParameterMap& parameters) {
    return [&parameters](const std::string& name) -> std::string {
        auto it = parameters.find(name);
        if (it == parameters.end() || !it->second) return {};
        const ParameterValue& v = *it->second;
        if (!v.is_list && v.values.size() == 1) return v.values.front();
        return fmt::format("[{}]", fmt::join(v.values, ", "));
    };
}

}  // namespace

namespace detail {
// The first alternative none of whose evidence is missing decides, with everything
// its walk saw.  Alternatives tried before it add their evidence (so the result
// shows what was looked for) and their errors (unreadable evidence is never
// ignored); when every alternative misses evidence the answer is unknown and not
// collected -- never a pass, never a default.
Truth walk_first_collected(const Condition& c, const Context& ctx, Walk& walk, bool negated) {
    std::string first_missing;
    for (const auto& child : c.children) {
        Walk tried;
        const Truth t = walk_condition(*child, ctx, tried, negated);
        walk.evidence.insert(walk.evidence.end(), std::make_move_iterator(tried.evidence.begin()),
                             std::make_move_iterator(tried.evidence.end()));
        if (tried.error) {
            walk.error = true;
            walk.problem(tried.first_problem);
        }
        if (tried.not_collected) {
            if (first_missing.empty()) first_missing = tried.first_problem;
            continue;
        }
        walk.absent_no_default = walk.absent_no_default || tried.absent_no_default;
        walk.default_assumed = walk.default_assumed || tried.default_assumed;
        if (!tried.first_problem.empty()) walk.problem(tried.first_problem);
        walk.unmet.insert(walk.unmet.end(), tried.unmet.begin(), tried.unmet.end());
        return t;
    }
    walk.not_collected = true;
    walk.problem(fmt::format("no alternative of first_collected was collected ({})", first_missing));
    return Truth::unknown;
}

// `negated`: an odd number of `not` lies above c, so a true leaf is what is unmet.
Truth walk_condition(const Condition& c, const Context& ctx, Walk& walk, bool negated) {
    switch (c.kind) {
        case Condition::Kind::leaf: {
            const Truth t = std::visit(LeafDispatch{c.leaf, ctx, walk}, c.leaf.source);
            if (t == (negated ? Truth::yes : Truth::no))
                walk.unmet.push_back(fmt::format("{}{}{} (found {})", negated ? "not (" : "",
                                                 detail::render(c, parameter_renderer(ctx.parameters)),
                                                 negated ? ")" : "", walk.evidence.back().observed));
            return t;
        }
        case Condition::Kind::negation: return detail::negate(walk_condition(*c.children.front(), ctx, walk, !negated));
        case Condition::Kind::first_collected: return walk_first_collected(c, ctx, walk, negated);
        case Condition::Kind::all:
        case Condition::Kind::any: {
            // Every child is walked (no short-circuit) so the evidence list is complete.
            std::vector<Truth> answers;
            for (const auto& child : c.children) answers.push_back(walk_condition(*child, ctx, walk, negated));
            return c.kind == Condition::Kind::all ? detail::combine_all(answers) : detail::combine_any(answers);
        }
    }
    return Truth::error;
}

detail::ParameterMap parameters_for(const Check& check, const Profile* profile) {
    detail::ParameterMap out;
    for (const auto& [name, value] : check.parameters) {
        out[name] = &value;
        if (profile)
            if (auto it = profile->parameters.find(name); it != profile->parameters.end()) out[name] = &it->second;
    }
    return out;
}

std::string join_observed(const std::vector<EvidenceRef>& evidence) {
    std::string out;
    for (const auto& e : evidence) {
        if (!out.empty()) out += "; ";
        out += fmt::format("{} = {}", e.locator, e.observed);
    }
    return out;
}

}  // namespace detail

namespace {

using detail::join_observed;
using detail::parameters_for;
using detail::walk_condition;

// A test that did not pass on a host the export cannot decide (manual_when true on
// collected evidence) becomes `manual`: "fail" would accuse a host that may be
// fine, "not_collected" would ask for evidence no export has.  Its evidence joins
// the result's, so the reader sees why.
void hand_over_to_a_person(const Check& check, const Context& ctx, Result& r) {
    Walk when;
    const Truth t = walk_condition(*check.manual_when, ctx, when);
    if (t != Truth::yes || when.not_collected || when.error || when.absent_no_default) return;
    for (auto& e : when.evidence) {
        const bool known = std::any_of(r.evidence.begin(), r.evidence.end(), [&](const EvidenceRef& have) {
            return have.locator == e.locator && have.where == e.where;
        });
        if (!known) r.evidence.push_back(std::move(e));
    }
    r.observed = join_observed(r.evidence);
    r.status = Status::manual;
    r.message = fmt::format("{} Not decided from the export: {}", check.manual_guidance, r.message);
}

Result evaluate_check(const Check& check, const HostEvidence& host, const Profile* profile) {
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
    const detail::ParameterMap parameters = parameters_for(check, profile);
    const Context ctx{host, parameters, &check};
    r.expected = detail::render(*check.test, parameter_renderer(parameters));

    if (check.applies_when) {
        Walk applies;
        const Truth t = walk_condition(*check.applies_when, ctx, applies);
        // not_applicable needs positive evidence: no leaf may have been missing.
        const bool decided = !applies.not_collected && !applies.error && !applies.absent_no_default;
        if (t == Truth::no && decided) {
            r.status = Status::not_applicable;
            r.evidence = std::move(applies.evidence);
            r.observed = join_observed(r.evidence);
            r.message = "The check does not apply to this host.";
            return r;
        }
        if (t != Truth::yes && !decided) {
            r.status = applies.error ? Status::error : Status::not_collected;
            r.evidence = std::move(applies.evidence);
            r.observed = join_observed(r.evidence);
            r.message = fmt::format("Cannot tell whether the check applies: {}.", applies.first_problem);
            return r;
        }
        if (t != Truth::yes) {
            r.status = Status::error;
            r.evidence = std::move(applies.evidence);
            r.observed = join_observed(r.evidence);
            r.message = "Cannot tell whether the check applies.";
            return r;
        }
    }

    Walk walk;
    const Truth t = walk_condition(*check.test, ctx, walk);
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
    if ((r.status == Status::fail || r.status == Status::not_collected) && check.manual_when)
        hand_over_to_a_person(check, ctx, r);
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
    return evaluate(baseline, host, EvaluateOptions{});
}

std::vector<Result> evaluate(const CompiledBaseline& baseline, const HostEvidence& host, const EvaluateOptions& options) {
    const Profile* profile = options.profile;
    const std::string today = options.today.empty() ? detail::today_utc() : options.today;
    std::vector<Result> results;
    results.reserve(baseline.checks.size());
    for (const auto& check : baseline.checks) {
        if (profile && !profile->selects(check)) continue;
        if (check.scope == CheckScope::fleet) continue;  // judged over several hosts by audit_hosts
        Result r = evaluate_check(check, host, profile);
        if (r.status != Status::not_applicable && r.status != Status::manual)
            r.notes = detail::version_data_notes(check, host);
        if (profile) {
            if (auto it = profile->severity.find(check.id); it != profile->severity.end()) r.severity = it->second;
            detail::apply_waivers(*profile, today, r);
        }
        results.push_back(std::move(r));
    }
    return results;
}

}  // namespace hardcheck
