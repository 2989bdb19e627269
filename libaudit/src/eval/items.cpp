// Testing single items and combining them: operands, quantifiers, three-valued
// logic, and how missing or null values are treated.
#include <fmt/format.h>

#include "eval/walk.hpp"

namespace hardcheck::detail {

namespace {
constexpr std::size_t kMaxShownItems = 5;
}

std::vector<Scalar> leaf_operands(const Leaf& leaf, const Context& ctx) {
    if (leaf.param.empty()) return leaf.operands;
    std::vector<Scalar> out;
    if (auto it = ctx.parameters.find(leaf.param); it != ctx.parameters.end() && it->second)
        for (const auto& v : it->second->values) out.push_back(make_scalar(v));
    return out;
}

std::optional<std::string> resolve_text(const TextRef& ref, const Context& ctx) {
    if (ref.value) return ref.value;
    if (auto it = ctx.parameters.find(ref.param); it != ctx.parameters.end() && it->second &&
                                                  it->second->values.size() == 1)
        return it->second->values.front();
    return std::nullopt;
}

std::optional<std::uint64_t> resolve_number(const NumberRef& ref, const Context& ctx) {
    if (ref.value) return ref.value;
    if (auto text = resolve_text(TextRef{std::nullopt, ref.param}, ctx)) return make_scalar(*text).number;
    return std::nullopt;
}

Observed observe_text(std::string text) {
    Observed o;
    // Only plain decimal reads as a number: "0x10" or "1e3" in a config stays text.
    if (!text.empty() && text.size() < 20 && text.find_first_not_of("0123456789") == std::string::npos)
        o.number = std::stoull(text);
    o.text = std::move(text);
    return o;
}

Truth test_item(const Leaf& leaf, const std::vector<Scalar>& operands, const Item& item, const ItemRules& rules,
                Walk& walk) {
    if (!leaf.has_op) return Truth::yes;  // `count` of the items themselves
    const std::string& label = item.label.empty() ? item.display : item.label;
    auto apply = [&](const Observed& o) {
        auto outcome = apply_operator(leaf, operands, o);
        if (outcome.truth == Truth::error) {
            walk.error = true;
            walk.problem(fmt::format("{}: {}", item.display, outcome.problem));
        }
        return outcome.truth;
    };
    switch (item.state) {
        case Item::State::bad:
            walk.error = true;
            walk.problem(item.problem);
            return Truth::error;
        case Item::State::absent:
            if (leaf.op == Op::exists) return Truth::no;
            if (leaf.op == Op::absent) return Truth::yes;
            if (rules.default_value && *rules.default_value) {
                walk.default_assumed = true;
                return apply(Observed{(*rules.default_value)->number, (*rules.default_value)->text, {}, false});
            }
            if (!rules.filter) {
                walk.absent_no_default = true;
                walk.problem(fmt::format("{} is absent and no default is declared", label));
            }
            return Truth::no;
        case Item::State::null:
            // Null is not false (CHECKS.md §0.2): only presence and emptiness are decidable.
            if (leaf.op == Op::exists || leaf.op == Op::empty) return Truth::yes;
            if (leaf.op == Op::absent) return Truth::no;
            if (rules.null_as && *rules.null_as)
                return apply(Observed{(*rules.null_as)->number, (*rules.null_as)->text, {}, false});
            if (rules.filter) return Truth::no;
            walk.error = true;
            walk.problem(fmt::format("{} is null where a value is needed", label));
            return Truth::error;
        case Item::State::value:
            if (leaf.op == Op::exists) return Truth::yes;
            if (leaf.op == Op::absent) return Truth::no;
            return apply(item.observed);
    }
    return Truth::error;
}

QuantifiedOutcome quantify(const Quantified& q, const std::vector<Truth>& answers, const Context& ctx) {
    QuantifiedOutcome out;
    bool saw_error = false, saw_unknown = false;
    for (std::size_t i = 0; i < answers.size(); ++i) {
        if (answers[i] == Truth::yes) ++out.satisfied;
        saw_error |= answers[i] == Truth::error;
        saw_unknown |= answers[i] == Truth::unknown;
        // The items that count against the answer, for the message.
        const bool against = q.quantifier == Quantifier::none ? answers[i] == Truth::yes : answers[i] == Truth::no;
        if (against && out.unmet.size() < kMaxShownItems) out.unmet.push_back(i);
    }
    const bool any_yes = out.satisfied > 0;
    const bool any_no = std::find(answers.begin(), answers.end(), Truth::no) != answers.end();
    auto otherwise = [&](Truth t) { return saw_error ? Truth::error : saw_unknown ? Truth::unknown : t; };
    switch (q.quantifier) {
        case Quantifier::all: out.truth = any_no ? Truth::no : otherwise(Truth::yes); break;
        case Quantifier::any: out.truth = any_yes ? Truth::yes : otherwise(Truth::no); break;
        case Quantifier::none: out.truth = any_yes ? Truth::no : otherwise(Truth::yes); break;
        case Quantifier::count: {
            const auto min = q.count_min.set() ? resolve_number(q.count_min, ctx) : std::optional<std::uint64_t>(0);
            const auto max = q.count_max.set() ? resolve_number(q.count_max, ctx)
                                               : std::optional<std::uint64_t>(UINT64_MAX);
            if (!min || !max) {
                out.truth = Truth::error;
                out.problem = "a 'count' bound parameter does not hold a number";
                break;
            }
            out.truth = otherwise(out.satisfied >= *min && out.satisfied <= *max ? Truth::yes : Truth::no);
            break;
        }
    }
    return out;
}

void record_items(const std::string& locator, const std::vector<Item>& items, const QuantifiedOutcome& outcome,
                  const SourceLocation& fallback, Walk& walk) {
    EvidenceRef ref;
    ref.locator = locator;
    ref.where = fallback;
    if (!items.empty()) ref.where = items.front().where;
    if (!outcome.unmet.empty()) ref.where = items[outcome.unmet.front()].where;
    auto join = [&](auto first, auto last, auto pick) {
        std::string out;
        for (auto it = first; it != last; ++it) out += (out.empty() ? "" : ", ") + pick(*it);
        return out;
    };
    if (items.empty()) {
        ref.observed = "no items";
    } else if (items.size() <= kMaxShownItems) {
        ref.observed = join(items.begin(), items.end(), [](const Item& i) { return i.display; });
    } else if (!outcome.unmet.empty()) {
        ref.observed = fmt::format("{} items, {} satisfied; not met: {}", items.size(), outcome.satisfied,
                                   join(outcome.unmet.begin(), outcome.unmet.end(),
                                        [&](std::size_t i) { return items[i].display; }));
    } else {
        ref.observed = fmt::format("{} items, {} satisfied; first: {}", items.size(), outcome.satisfied,
                                   join(items.begin(), items.begin() + kMaxShownItems,
                                        [](const Item& i) { return i.display; }));
    }
    walk.evidence.push_back(std::move(ref));
}

Truth combine_all(const std::vector<Truth>& children) {
    bool error = false, unknown = false;
    for (Truth t : children) {
        if (t == Truth::no) return Truth::no;
        error |= t == Truth::error;
        unknown |= t == Truth::unknown;
    }
    return error ? Truth::error : unknown ? Truth::unknown : Truth::yes;
}

Truth combine_any(const std::vector<Truth>& children) {
    bool error = false, unknown = false;
    for (Truth t : children) {
        if (t == Truth::yes) return Truth::yes;
        error |= t == Truth::error;
        unknown |= t == Truth::unknown;
    }
    return error ? Truth::error : unknown ? Truth::unknown : Truth::no;
}

Truth negate(Truth t) { return t == Truth::yes ? Truth::no : t == Truth::no ? Truth::yes : t; }

}  // namespace hardcheck::detail
