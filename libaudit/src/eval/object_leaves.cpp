// Object leaves: PowerShell objects of one type, a `where` filter over each
// object's properties, a property path, and a quantifier over what it yields.
#include <fmt/format.h>

#include "eval/walk.hpp"

namespace hardcheck::detail {

namespace {

// Signed integers between -2^31 and -1 are DWORDs written signed (CLIXML I32 -1 for
// dword:ffffffff, CHECKS.md §0.1); other negatives have no unsigned reading.
std::optional<std::uint64_t> dword_like(std::int64_t x) {
    if (x >= 0) return static_cast<std::uint64_t>(x);
    if (x >= -2147483648LL) return static_cast<std::uint64_t>(x + 4294967296LL);
    return std::nullopt;
}

std::string value_text(const PsValue& v);
std::string plain_text(const PsValue& v);

Observed observe(const PsValue& v) {
    Observed o;
    switch (v.kind) {
        case PsValue::Kind::boolean:
            o.number = v.boolean ? 1 : 0;
            o.text = v.boolean ? "true" : "false";
            break;
        case PsValue::Kind::integer:
        case PsValue::Kind::enumeration:
            o.number = dword_like(v.integer);
            o.text = v.kind == PsValue::Kind::enumeration ? v.text : std::to_string(v.integer);
            break;
        case PsValue::Kind::unsigned_integer:
            o.number = v.unsigned_integer;
            o.text = std::to_string(v.unsigned_integer);
            break;
        case PsValue::Kind::real:
            o.text = fmt::format("{}", v.real);
            if (v.real >= 0 && v.real < 1.8e19 && v.real == static_cast<double>(static_cast<std::uint64_t>(v.real)))
                o.number = static_cast<std::uint64_t>(v.real);
            break;
        case PsValue::Kind::list:
            o.is_list = true;
            for (const auto& item : v.items) o.list.push_back(plain_text(item));
            break;
        case PsValue::Kind::dictionary:
            o.is_list = true;  // contains / empty test the keys
            for (const auto& [key, value] : v.entries) o.list.push_back(plain_text(key));
            break;
        case PsValue::Kind::object:
            o.text = v.object ? v.object->to_string : v.text;
            break;
        default:
            o.text = v.text;
            break;
    }
    return o;
}

// The text operators compare: an enum's name, a string unquoted.
std::string plain_text(const PsValue& v) {
    if (v.kind == PsValue::Kind::null) return "";
    const Observed o = observe(v);
    return o.is_list ? value_text(v) : o.text;
}

std::string value_text(const PsValue& v) {
    if (v.kind == PsValue::Kind::null) return "null";
    const Observed o = observe(v);
    if (o.is_list) {
        std::string out = "[";
        for (std::size_t i = 0; i < o.list.size(); ++i) out += (i ? ", " : "") + o.list[i];
        return out + "]";
    }
    if (v.kind == PsValue::Kind::enumeration) return fmt::format("{} ({})", v.text, v.integer);
    if (v.kind == PsValue::Kind::string) return fmt::format("'{}'", v.text);
    return o.text;
}

// A value a property path reached: null pointer = the property is missing.
struct Reached {
    const PsValue* value = nullptr;
    SourceLocation where;
    std::string problem;  // the path cannot be followed (a property of a string ...)
};

void follow(const PsObject* object, const PsValue* value, std::size_t i, const std::vector<PathStep>& path,
            const SourceLocation& where, std::vector<Reached>& out) {
    if (i == path.size()) {
        out.push_back({value, where, {}});
        return;
    }
    const PathStep& step = path[i];
    if (value && value->kind == PsValue::Kind::null) {
        out.push_back({value, value->where, {}});  // null propagates: A.B of a null A is null
        return;
    }
    switch (step.kind) {
        case PathStep::Kind::property: {
            const PsObject* holder = object;
            if (!holder && value && value->kind == PsValue::Kind::object) holder = value->object.get();
            if (holder) {
                const PsValue* p = holder->property(step.name);
                if (!p) {
                    out.push_back({nullptr, holder->where, {}});
                    return;
                }
                follow(nullptr, p, i + 1, path, p->where, out);
                return;
            }
            if (value && value->kind == PsValue::Kind::dictionary) {
                for (const auto& [key, entry] : value->entries)
                    if (iequals(key.text, step.name)) {
                        follow(nullptr, &entry, i + 1, path, entry.where, out);
                        return;
                    }
                out.push_back({nullptr, value->where, {}});
                return;
            }
            if (value && value->kind == PsValue::Kind::list) {
                // As PowerShell does: a property of a list is that property of each item.
                for (const auto& item : value->items) follow(nullptr, &item, i, path, item.where, out);
                return;
            }
            out.push_back({nullptr, where, fmt::format("'{}' cannot be read from a value that is not an object", step.name)});
            return;
        }
        case PathStep::Kind::every_item:
            if (value && value->kind == PsValue::Kind::list) {
                for (const auto& item : value->items) follow(nullptr, &item, i + 1, path, item.where, out);
            } else {
                follow(nullptr, value, i + 1, path, where, out);  // a single value is a list of one
            }
            return;
        case PathStep::Kind::index:
            if (value && value->kind == PsValue::Kind::list) {
                if (step.index < value->items.size())
                    follow(nullptr, &value->items[step.index], i + 1, path, value->items[step.index].where, out);
                else
                    out.push_back({nullptr, where, {}});
            } else if (step.index == 0) {
                follow(nullptr, value, i + 1, path, where, out);
            } else {
                out.push_back({nullptr, where, {}});
            }
            return;
    }
}

// How people recognise an object: its Name or Identity, else its ToString.
std::string identity(const PsObject& o, std::size_t index) {
    for (const char* name : {"Name", "Identity", "SamAccountName", "Id"})
        if (const PsValue* v = o.property(name); v && v->kind != PsValue::Kind::null && !value_text(*v).empty())
            return v->kind == PsValue::Kind::string ? v->text : value_text(*v);
    if (!o.to_string.empty()) return o.to_string;
    return fmt::format("#{}", index + 1);
}

Item make_item(const Reached& r, std::string label) {
    Item item;
    item.where = r.where;
    item.label = label;
    if (!r.problem.empty()) {
        item.state = Item::State::bad;
        item.problem = fmt::format("{}: {}", label, r.problem);
        item.display = fmt::format("{} = unreadable", label);
    } else if (!r.value) {
        item.state = Item::State::absent;
        item.display = fmt::format("{} = absent", label);
    } else if (r.value->kind == PsValue::Kind::null) {
        item.state = Item::State::null;
        item.display = fmt::format("{} = null", label);
    } else {
        item.observed = observe(*r.value);
        item.display = fmt::format("{} = {}", label, value_text(*r.value));
    }
    return item;
}

std::vector<Item> items_of(const PsObject& o, std::size_t index, const std::vector<PathStep>& path,
                           const std::string& path_text) {
    std::vector<Item> out;
    const std::string label = fmt::format("{}: {}", identity(o, index), path_text);
    if (path.empty()) {
        Item item;
        item.observed.text = o.to_string;
        item.display = identity(o, index);
        item.where = o.where;
        out.push_back(std::move(item));
        return out;
    }
    std::vector<Reached> reached;
    follow(&o, nullptr, 0, path, o.where, reached);
    for (const auto& r : reached) out.push_back(make_item(r, label));
    return out;
}

// Filters have no missing evidence of their own: a property missing or null on
// the object simply does not match.
Truth filter(const Condition& c, const PsObject& o, const Context& ctx, std::string& problem) {
    switch (c.kind) {
        case Condition::Kind::leaf: {
            const auto& source = std::get<PropertySource>(c.leaf.source);
            Walk scratch;
            std::vector<Truth> answers;
            for (const auto& item : items_of(o, 0, source.path, source.path_text))
                answers.push_back(test_item(c.leaf, leaf_operands(c.leaf, ctx), item, ItemRules{nullptr, nullptr, true}, scratch));
            if (scratch.error && problem.empty()) problem = scratch.first_problem;
            return combine_any(answers);  // a path yielding several values matches when one does
        }
        case Condition::Kind::negation: return negate(filter(*c.children.front(), o, ctx, problem));
        case Condition::Kind::first_collected: return Truth::error;  // rejected by the parser
        case Condition::Kind::all:
        case Condition::Kind::any: {
            std::vector<Truth> answers;
            for (const auto& child : c.children) answers.push_back(filter(*child, o, ctx, problem));
            return c.kind == Condition::Kind::all ? combine_all(answers) : combine_any(answers);
        }
    }
    return Truth::error;
}

// A verdict that more objects could not overturn: `all` already has a counterexample,
// `any` already has a witness, `none` already has an item that matches.
bool decided_despite_lost_objects(Quantifier q, Truth t) {
    return (q == Quantifier::all && t == Truth::no) || (q == Quantifier::any && t == Truth::yes) ||
           (q == Quantifier::none && t == Truth::no);
}

}  // namespace

ObjectItems object_items(const ObjectSource& source, const Context& ctx) {
    ObjectItems out;
    const ObjectCollection* collection = ctx.host.find_objects(source.type);
    if (!collection) {
        out.state = ObjectItems::State::not_collected;
        out.problem = fmt::format("no export of {} objects is in the bundle", source.type);
        return out;
    }
    out.collection = collection;
    std::string filter_problem;
    for (std::size_t i = 0; i < collection->objects.size(); ++i) {
        const PsObject& o = *collection->objects[i];
        if (source.where) {
            const Truth t = filter(*source.where, o, ctx, filter_problem);
            if (t == Truth::error) {
                out.state = ObjectItems::State::error;
                out.problem = fmt::format("the 'where' filter cannot be applied to {}: {}", identity(o, i), filter_problem);
                out.where = o.where;
                return out;
            }
            if (t != Truth::yes) continue;
        }
        auto more = items_of(o, i, source.path, source.path_text);
        if (source.default_value)
            for (auto& item : more)
                if (item.state == Item::State::absent)
                    item.display += fmt::format(" (default {} assumed)", source.default_value->text);
        out.items.insert(out.items.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
    }
    if (!collection->files.empty()) out.where.file = collection->files.front();
    return out;
}

Truth evaluate_object(const Leaf& leaf, const ObjectSource& source, const Context& ctx, Walk& walk) {
    const std::string locator = render_source(source);
    ObjectItems selected = object_items(source, ctx);
    if (selected.state == ObjectItems::State::not_collected) {
        walk.not_collected = true;
        walk.problem(selected.problem);
        walk.evidence.push_back({{}, locator, "not collected", false});
        return Truth::unknown;
    }
    if (selected.state == ObjectItems::State::error) {
        walk.error = true;
        walk.problem(selected.problem);
        walk.evidence.push_back({selected.where, locator, "unreadable", false});
        return Truth::error;
    }
    const ObjectCollection* collection = selected.collection;
    std::vector<Item>& items = selected.items;
    const auto operands = leaf_operands(leaf, ctx);
    const ItemRules rules{&source.default_value, &source.null_as, false};
    std::vector<Truth> answers;
    answers.reserve(items.size());
    for (const auto& item : items) answers.push_back(test_item(leaf, operands, item, rules, walk));
    auto outcome = quantify(source.quantified, answers, ctx);
    if (outcome.truth == Truth::error && !outcome.problem.empty()) {
        walk.error = true;
        walk.problem(outcome.problem);
    }
    if (!collection->problems.empty() && !decided_despite_lost_objects(source.quantified.quantifier, outcome.truth)) {
        // Objects of this type were lost to unreadable input: they could change the
        // answer, so the leaf is an error rather than a verdict.
        walk.error = true;
        walk.problem(fmt::format("{} objects could not all be read ({})", source.type,
                                 collection->problems.front().str()));
        outcome.truth = Truth::error;
    }
    record_items(locator, items, outcome, selected.where, walk);
    return outcome.truth;
}

}  // namespace hardcheck::detail
