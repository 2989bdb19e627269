// Event leaves: exported Windows events filtered by id, provider, channel, time
// window and data fields.
#include <algorithm>

#include <fmt/format.h>

#include "eval/walk.hpp"

namespace hardcheck::detail {

namespace {

// An EventData field, or one of the record's own fields by name.
std::optional<std::string> field_of(const EventRecord& e, const std::string& name) {
    for (const auto& [key, value] : e.data)
        if (iequals(key, name)) return value;
    if (iequals(name, "Id")) return std::to_string(e.id);
    if (iequals(name, "Provider")) return e.provider;
    if (iequals(name, "Channel")) return e.channel;
    if (iequals(name, "Time")) return e.time;
    return std::nullopt;
}

// "event 4688 at TIME" plus, for process-creation events, what a hunter needs:
// parent -> process and the command line.
std::string label(const EventRecord& e) {
    std::string out = fmt::format("event {} at {}", e.id, e.time);
    const auto image = field_of(e, "Image");
    const auto parent = field_of(e, "ParentImage");
    if (image || parent) out += fmt::format(" ({} -> {})", parent.value_or("?"), image.value_or("?"));
    if (const auto command = field_of(e, "CommandLine"); command && !command->empty())
        out += fmt::format(" command line '{}'", *command);
    return out;
}

Item field_item(const EventRecord& e, const std::string& field) {
    Item item;
    item.where = e.where;
    item.label = fmt::format("{}: {}", label(e), field);
    if (auto value = field_of(e, field)) {
        item.display = fmt::format("{}: {} = '{}'", label(e), field, *value);
        item.observed = observe_text(std::move(*value));
    } else {
        item.state = Item::State::absent;
        item.display = fmt::format("{}: {} absent", label(e), field);
    }
    return item;
}

Truth filter(const Condition& c, const EventRecord& e, const Context& ctx, std::string& problem) {
    switch (c.kind) {
        case Condition::Kind::leaf: {
            Walk scratch;
            const Item item = field_item(e, std::get<FieldSource>(c.leaf.source).name);
            const Truth t = test_item(c.leaf, leaf_operands(c.leaf, ctx), item, ItemRules{nullptr, nullptr, true}, scratch);
            if (scratch.error && problem.empty()) problem = scratch.first_problem;
            return t;
        }
        case Condition::Kind::negation: return negate(filter(*c.children.front(), e, ctx, problem));
        case Condition::Kind::first_collected: return Truth::error;  // rejected by the parser
        case Condition::Kind::all:
        case Condition::Kind::any: {
            std::vector<Truth> answers;
            for (const auto& child : c.children) answers.push_back(filter(*child, e, ctx, problem));
            return c.kind == Condition::Kind::all ? combine_all(answers) : combine_any(answers);
        }
    }
    return Truth::error;
}

}  // namespace

Truth evaluate_events(const Leaf& leaf, const EventsSource& source, const Context& ctx, Walk& walk) {
    const std::string locator = render_source(source);
    if (ctx.host.events.empty()) {
        walk.not_collected = true;
        walk.problem("no event export is in the bundle");
        walk.evidence.push_back({{}, locator, "not collected", false});
        return Truth::unknown;
    }
    const auto since = source.since.set() ? resolve_text(source.since, ctx) : std::optional<std::string>("");
    const auto until = source.until.set() ? resolve_text(source.until, ctx) : std::optional<std::string>("");
    if (!since || !until) {
        walk.error = true;
        walk.problem("an events time bound parameter does not hold a single value");
        walk.evidence.push_back({{}, locator, "unreadable", false});
        return Truth::error;
    }
    std::vector<Item> items;
    std::string problem;
    for (const auto& e : ctx.host.events) {
        if (!source.ids.empty() && std::find(source.ids.begin(), source.ids.end(), e.id) == source.ids.end()) continue;
        if (!source.provider.empty() && !iequals(e.provider, source.provider)) continue;
        if (!source.channel.empty() && !iequals(e.channel, source.channel)) continue;
        // ISO 8601 UTC strings order as text; a date alone sorts before its times.
        if (!since->empty() && e.time < *since) continue;
        if (!until->empty() && e.time >= *until) continue;
        if (source.where) {
            const Truth t = filter(*source.where, e, ctx, problem);
            if (t == Truth::error) {
                walk.error = true;
                walk.problem(fmt::format("the 'where' filter cannot be applied to {}: {}", label(e), problem));
                walk.evidence.push_back({e.where, locator, "unreadable", false});
                return Truth::error;
            }
            if (t != Truth::yes) continue;
        }
        if (source.field.empty()) {
            Item item;
            item.where = e.where;
            item.display = label(e);
            item.observed.text = std::to_string(e.id);
            item.observed.number = e.id;
            items.push_back(std::move(item));
        } else {
            items.push_back(field_item(e, source.field));
        }
    }
    const auto operands = leaf_operands(leaf, ctx);
    std::vector<Truth> answers;
    for (const auto& item : items) answers.push_back(test_item(leaf, operands, item, ItemRules{}, walk));
    auto outcome = quantify(source.quantified, answers, ctx);
    if (outcome.truth == Truth::error && !outcome.problem.empty()) {
        walk.error = true;
        walk.problem(outcome.problem);
    }
    record_items(locator, items, outcome, ctx.host.events.front().where, walk);
    return outcome.truth;
}

}  // namespace hardcheck::detail
