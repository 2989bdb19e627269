// Fact leaves: host facts from host.yaml or derived from the evidence.
#include <fmt/format.h>

#include "eval/host_facts.hpp"
#include "eval/walk.hpp"

namespace hardcheck::detail {

Truth evaluate_fact(const Leaf& leaf, const FactSource& source, const Context& ctx, Walk& walk) {
    if (source.name == "os_update_lag_days") return evaluate_os_update(leaf, ctx, walk);
    const FactValue fact = host_fact(ctx.host, source.name);
    EvidenceRef ref;
    ref.locator = fmt::format("fact {} ({})", source.name, fact.source);
    ref.where = fact.where;
    auto record = [&](Truth t) {
        walk.evidence.push_back(std::move(ref));
        return t;
    };
    switch (fact.presence) {
        case Presence::not_collected:
            ref.observed = "not collected";
            walk.not_collected = true;
            walk.problem(fmt::format("fact {} cannot be derived: {} is not in the bundle", source.name, fact.source));
            return record(Truth::unknown);
        case Presence::damaged:
            ref.observed = "unreadable";
            walk.error = true;
            walk.problem(fmt::format("fact {} cannot be read from {} ('{}')", source.name, fact.source, fact.text));
            return record(Truth::error);
        case Presence::absent: {
            ref.observed = "absent";
            Item item;
            item.state = Item::State::absent;
            item.display = fmt::format("fact {}", source.name);
            return record(test_item(leaf, leaf_operands(leaf, ctx), item, ItemRules{}, walk));
        }
        case Presence::present: break;
    }
    Item item;
    item.display = fmt::format("fact {}", source.name);
    if (fact.is_list) {
        item.observed.is_list = true;
        item.observed.list = fact.list;
        ref.observed = fmt::format("[{}]", fmt::join(fact.list, ", "));
    } else {
        item.observed = observe_text(fact.text);
        ref.observed = fact.text;
    }
    return record(test_item(leaf, leaf_operands(leaf, ctx), item, ItemRules{}, walk));
}

}  // namespace hardcheck::detail
