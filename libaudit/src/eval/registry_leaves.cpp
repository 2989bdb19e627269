// Registry leaves: one value (absent vs not collected, OS defaults, types) or
// whether a key exists.
#include <fmt/format.h>

#include "eval/walk.hpp"

namespace hardcheck::detail {

namespace {

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

Observed observe(const Scalar& s) {
    Observed o;
    o.number = s.number;
    o.text = s.text;
    return o;
}

}  // namespace

Truth evaluate_registry(const Leaf& leaf, const RegistrySource& reg, const Context& ctx, Walk& walk) {
    EvidenceRef ref;
    ref.locator = render_source(reg);
    const RegLookup found = ctx.host.registry.lookup(reg.canonical, reg.value_name);
    auto record = [&](Truth t) {
        walk.evidence.push_back(std::move(ref));
        return t;
    };
    auto apply = [&](const Observed& o, std::string_view what) {
        auto outcome = apply_operator(leaf, leaf_operands(leaf, ctx), o);
        if (outcome.truth == Truth::error) {
            walk.error = true;
            walk.problem(fmt::format("{}{}: {}", ref.locator, what, outcome.problem));
        }
        return outcome.truth;
    };

    if (found.presence == Presence::not_collected) {
        ref.observed = "not collected";
        walk.not_collected = true;
        walk.problem(fmt::format("{} is outside every exported registry subtree", ref.locator));
        return record(Truth::unknown);
    }
    if (found.presence == Presence::damaged) {
        ref.where = *found.damage;
        ref.observed = "unreadable";
        walk.error = true;
        walk.problem(fmt::format("{} is on a line of the export that could not be read ({})", ref.locator,
                                 found.damage->str()));
        return record(Truth::error);
    }
    // Values mapped from another export (HealthChecker's TLS object) say so.
    const std::string origin =
        found.key && !found.key->origin.empty() ? fmt::format(" (from {})", found.key->origin) : std::string();
    if (found.presence == Presence::absent) {
        ref.where = found.key ? found.key->where : found.coverage->where;
        // A mapped object's null: point at the property that says so.
        if (found.key)
            if (const Diagnostic* null = found.key->find_null(reg.value_name)) ref.where = null->where;
        if (leaf.op == Op::absent || leaf.op == Op::exists) {
            ref.observed = "absent" + origin;
            return record(leaf.op == Op::absent ? Truth::yes : Truth::no);
        }
        if (!reg.default_value) {
            ref.observed = "absent" + origin;
            walk.absent_no_default = true;
            walk.problem(fmt::format("{} is absent and no OS default is declared", ref.locator));
            return record(Truth::no);
        }
        ref.observed = fmt::format("absent (OS default {} assumed){}", reg.default_value->text, origin);
        ref.default_assumed = true;
        walk.default_assumed = true;
        return record(apply(observe(*reg.default_value), " (OS default)"));
    }
    const RegValue& value = *found.value;
    ref.where = value.where;
    ref.observed = fmt::format("{} {}{}", reg_type_name(value.type), value.display(), origin);
    if (reg.expected_type && *reg.expected_type != value.type) {
        walk.error = true;
        walk.problem(fmt::format("{} has type {} where {} is expected", ref.locator, reg_type_name(value.type),
                                 reg_type_name(*reg.expected_type)));
        return record(Truth::error);
    }
    return record(apply(observe(value), ""));
}

Truth evaluate_registry_key(const Leaf& leaf, const RegistryKeySource& key, const Context& ctx, Walk& walk) {
    EvidenceRef ref;
    ref.locator = key.key;
    const SourceLocation* damage = nullptr;
    const Presence presence = ctx.host.registry.key_presence(key.canonical, &damage);
    if (presence == Presence::damaged) {
        ref.where = *damage;
        ref.observed = "unreadable";
        walk.error = true;
        walk.problem(fmt::format("key {} is in a registry export that could not be read ({})", key.key, damage->str()));
        walk.evidence.push_back(std::move(ref));
        return Truth::error;
    }
    if (presence == Presence::not_collected) {
        ref.observed = "not collected";
        walk.not_collected = true;
        walk.problem(fmt::format("key {} is outside every exported registry subtree", key.key));
        walk.evidence.push_back(std::move(ref));
        return Truth::unknown;
    }
    const bool exists = presence == Presence::present;
    if (const RegKey* k = ctx.host.registry.find_key(key.canonical))
        ref.where = k->where;
    else if (const CoveredRoot* root = ctx.host.registry.covering(key.canonical))
        ref.where = root->where;
    ref.observed = exists ? "key exists" : "key absent";
    walk.evidence.push_back(std::move(ref));
    return (leaf.op == Op::exists) == exists ? Truth::yes : Truth::no;
}

}  // namespace hardcheck::detail
