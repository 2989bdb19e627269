#include "baseline/condition_parser.hpp"

#include <charconv>

#include <fmt/format.h>
#include <pugixml.hpp>

#include "baseline/fact_sources.hpp"

namespace hardcheck::detail {

namespace {

constexpr std::string_view kConfigKinds[] = {"applicationHost", "web.config", "machine.config", "config", "any"};

// RE2 compiles any pattern in linear time, but a huge program still costs memory
// per evaluation thread; patterns in baselines are short.
constexpr int kMaxRegexProgramSize = 4000;

bool is_numeric_op(Op op) {
    return op == Op::gt || op == Op::ge || op == Op::lt || op == Op::le || op == Op::bits_all ||
           op == Op::bits_any || op == Op::bits_none;
}
bool is_presence_op(Op op) { return op == Op::exists || op == Op::absent || op == Op::empty; }
bool is_numeric_type(std::optional<std::uint32_t> t) { return t && (*t == 4 || *t == 5 || *t == 11); }
bool is_string_type(std::optional<std::uint32_t> t) { return t && (*t == 1 || *t == 2 || *t == 7); }

std::optional<std::uint32_t> parse_reg_type(std::string_view name) {
    static constexpr std::pair<std::string_view, std::uint32_t> kTypes[] = {
        {"REG_NONE", 0},  {"REG_SZ", 1},        {"REG_EXPAND_SZ", 2}, {"REG_BINARY", 3},
        {"REG_DWORD", 4}, {"REG_DWORD_BIG_ENDIAN", 5}, {"REG_LINK", 6}, {"REG_MULTI_SZ", 7},
        {"REG_QWORD", 11}};
    for (const auto& [n, t] : kTypes)
        if (n == name) return t;
    return std::nullopt;
}

std::optional<Quantifier> parse_quantifier(std::string_view name) {
    for (auto q : {Quantifier::all, Quantifier::any, Quantifier::none, Quantifier::count})
        if (quantifier_name(q) == name) return q;
    return std::nullopt;
}

}  // namespace

std::optional<std::vector<PathStep>> parse_property_path(std::string_view text, std::string& problem) {
    std::vector<PathStep> path;
    std::size_t i = 0;
    auto fail = [&](std::string why) -> std::optional<std::vector<PathStep>> {
        problem = std::move(why);
        return std::nullopt;
    };
    if (text.empty()) return fail("the property path is empty");
    while (i < text.size()) {
        const std::size_t start = i;
        while (i < text.size() && text[i] != '.' && text[i] != '[' && text[i] != ']') ++i;
        if (i == start) return fail(fmt::format("a property name is missing at position {}", start + 1));
        path.push_back({PathStep::Kind::property, std::string(text.substr(start, i - start)), 0});
        while (i < text.size() && text[i] == '[') {
            const auto close = text.find(']', i);
            if (close == std::string_view::npos) return fail("'[' without ']'");
            const auto inside = text.substr(i + 1, close - i - 1);
            if (inside == "*") {
                path.push_back({PathStep::Kind::every_item, {}, 0});
            } else {
                std::size_t n = 0;
                auto [ptr, ec] = std::from_chars(inside.data(), inside.data() + inside.size(), n);
                if (inside.empty() || ec != std::errc() || ptr != inside.data() + inside.size())
                    return fail(fmt::format("'[{}]' is neither [*] nor an index", inside));
                path.push_back({PathStep::Kind::index, {}, n});
            }
            i = close + 1;
        }
        if (i < text.size()) {
            if (text[i] != '.') return fail(fmt::format("unexpected '{}' at position {}", text[i], i + 1));
            ++i;
            if (i == text.size()) return fail("the property path ends with '.'");
        }
    }
    return path;
}

std::optional<Scalar> ConditionParser::single_value(const YAML::Node& node, std::string_view field) {
    if (!node.IsScalar()) {
        y_.error(node, fmt::format("'{}' must be a single value", field));
        return std::nullopt;
    }
    return make_scalar(node.Scalar());
}

bool ConditionParser::param_ref(const YAML::Node& node, std::string& name) {
    y_.reject_unknown_keys(node, {"param"}, "a parameter reference");
    const YAML::Node p = node["param"];
    if (!p || !p.IsScalar()) {
        y_.error(node, "a parameter reference is written {param: NAME}");
        return false;
    }
    name = p.Scalar();
    if (parameters_.find(name) == parameters_.end()) {
        y_.error(p, fmt::format("parameter '{}' is not declared in the check's 'parameters'", name));
        return false;
    }
    return true;
}

bool ConditionParser::number_ref(const YAML::Node& node, NumberRef& out, std::string_view what) {
    if (node.IsMap()) {
        if (!param_ref(node, out.param)) return false;
        for (const auto& v : parameters_.at(out.param).values)
            if (!make_scalar(v).number) {
                y_.error(node, fmt::format("{} needs a number, but parameter '{}' defaults to '{}'", what, out.param, v));
                return false;
            }
        return true;
    }
    if (!node.IsScalar() || !make_scalar(node.Scalar()).number) {
        y_.error(node, fmt::format("{} must be a number or {{param: NAME}}", what));
        return false;
    }
    out.value = make_scalar(node.Scalar()).number;
    return true;
}

bool ConditionParser::text_ref(const YAML::Node& node, TextRef& out, std::string_view what) {
    if (node.IsMap()) return param_ref(node, out.param);
    if (!node.IsScalar()) {
        y_.error(node, fmt::format("{} must be a value or {{param: NAME}}", what));
        return false;
    }
    out.value = node.Scalar();
    return true;
}

bool ConditionParser::property_path(const YAML::Node& node, std::vector<PathStep>& path, std::string& text) {
    if (!node.IsScalar()) {
        y_.error(node, "a property path must be a string such as Name, A.B or A[*].B");
        return false;
    }
    text = node.Scalar();
    std::string problem;
    auto parsed = parse_property_path(text, problem);
    if (!parsed) {
        y_.error(node, fmt::format("invalid property path '{}': {}", text, problem));
        return false;
    }
    path = std::move(*parsed);
    return true;
}

bool ConditionParser::quantified(const YAML::Node& node, Quantified& out) {
    bool ok = true;
    if (const auto q = node["quantifier"]) {
        auto parsed = q.IsScalar() ? parse_quantifier(q.Scalar()) : std::nullopt;
        if (!parsed) {
            y_.error(q, fmt::format("unknown quantifier '{}' (all, any, none, count)", q.as<std::string>("")));
            ok = false;
        } else {
            out.quantifier = *parsed;
        }
    }
    const auto count = node["count"];
    if (count) {
        if (out.quantifier != Quantifier::count) {
            y_.error(count, "'count' bounds need 'quantifier: count'");
            return false;
        }
        if (!y_.expect_map(count, "'count'")) return false;
        y_.reject_unknown_keys(count, {"min", "max"}, "'count'");
        if (const auto min = count["min"]) ok &= number_ref(min, out.count_min, "'min'");
        if (const auto max = count["max"]) ok &= number_ref(max, out.count_max, "'max'");
        if (!count["min"] && !count["max"]) {
            y_.error(count, "'count' needs 'min', 'max' or both");
            ok = false;
        }
    } else if (out.quantifier == Quantifier::count) {
        y_.error(node, "'quantifier: count' needs 'count: {min: N, max: M}'");
        ok = false;
    }
    return ok;
}

bool ConditionParser::registry_source(const YAML::Node& node, RegistrySource& out) {
    if (!y_.expect_map(node, "'registry'")) return false;
    y_.reject_unknown_keys(node, {"key", "value", "type", "default"}, "'registry'");
    out.key = y_.string_field(node, "key", true, "'registry'");
    out.value_name = y_.string_field(node, "value", false, "'registry'");
    if (out.key.empty()) return false;
    auto canonical = canonical_reg_key(out.key);
    if (!canonical) {
        y_.error(node["key"], fmt::format("'{}' does not start with a registry root (HKLM, HKEY_LOCAL_MACHINE, ...)", out.key));
        return false;
    }
    out.canonical = *canonical;
    if (const auto type = node["type"]) {
        auto parsed = parse_reg_type(type.as<std::string>(""));
        if (!parsed)
            y_.error(type, fmt::format("unknown registry type '{}'", type.as<std::string>("")));
        else
            out.expected_type = parsed;
    }
    if (const auto def = node["default"]) out.default_value = single_value(def, "default");
    needs_.registry_keys.insert(out.canonical);
    return true;
}

bool ConditionParser::registry_key_source(const YAML::Node& node, RegistryKeySource& out) {
    if (!node.IsScalar()) {
        y_.error(node, "'registry_key' must be a key path such as HKLM\\SOFTWARE\\Vendor");
        return false;
    }
    out.key = node.Scalar();
    auto canonical = canonical_reg_key(out.key);
    if (!canonical) {
        y_.error(node, fmt::format("'{}' does not start with a registry root (HKLM, HKEY_LOCAL_MACHINE, ...)", out.key));
        return false;
    }
    out.canonical = *canonical;
    needs_.registry_keys.insert(out.canonical);
    return true;
}

bool ConditionParser::object_source(const YAML::Node& node, ObjectSource& out) {
    if (!y_.expect_map(node, "'object'")) return false;
    y_.reject_unknown_keys(node, {"type", "where", "property", "quantifier", "count", "default", "null_as"}, "'object'");
    out.type = y_.string_field(node, "type", true, "'object'");
    bool ok = !out.type.empty();
    if (const auto where = node["where"]) {
        out.where = parse(where, "'where'", Scope::object_where);
        ok &= out.where != nullptr;
    }
    if (const auto property = node["property"]) ok &= property_path(property, out.path, out.path_text);
    ok &= quantified(node, out.quantified);
    if (const auto def = node["default"]) out.default_value = single_value(def, "default");
    if (const auto null_as = node["null_as"]) out.null_as = single_value(null_as, "null_as");
    if ((node["default"] || node["null_as"]) && out.path.empty()) {
        y_.error(node, "'default' and 'null_as' need a 'property'");
        ok = false;
    }
    if (!out.type.empty()) {
        auto names = object_type_names_for(out.type);
        if (names.empty()) names.push_back(out.type);
        needs_.object_types.insert(names.begin(), names.end());
        EvidenceNeeds source = EvidenceNeeds::none();
        source.object_sources.push_back(out.type);
        needs_.merge(source);
    }
    return ok;
}

bool ConditionParser::xml_source(const YAML::Node& node, XmlSource& out) {
    if (!y_.expect_map(node, "'xml'")) return false;
    y_.reject_unknown_keys(node, {"config", "xpath", "quantifier", "count", "default"}, "'xml'");
    out.config = y_.string_field(node, "config", true, "'xml'");
    out.xpath = y_.string_field(node, "xpath", true, "'xml'");
    bool ok = !out.config.empty() && !out.xpath.empty();
    if (!out.config.empty() && std::find(std::begin(kConfigKinds), std::end(kConfigKinds), out.config) == std::end(kConfigKinds)) {
        y_.error(node["config"], fmt::format("unknown config kind '{}' (applicationHost, web.config, machine.config, config, any)", out.config));
        ok = false;
    }
    if (!out.xpath.empty()) {
        // Compile once here so that a bad XPath is a load error, not a run-time surprise.
        try {
            pugi::xpath_query query(out.xpath.c_str());
            if (!query) {
                y_.error(node["xpath"], fmt::format("invalid XPath '{}': {}", out.xpath, query.result().description()));
                ok = false;
            }
        } catch (const pugi::xpath_exception& e) {
            y_.error(node["xpath"], fmt::format("invalid XPath '{}': {}", out.xpath, e.result().description()));
            ok = false;
        }
    }
    ok &= quantified(node, out.quantified);
    if (const auto def = node["default"]) out.default_value = single_value(def, "default");
    needs_.configs = true;
    if (!out.config.empty()) {
        EvidenceNeeds kind = EvidenceNeeds::none();
        kind.config_kinds.push_back(out.config);
        needs_.merge(kind);
    }
    return ok;
}

bool ConditionParser::events_source(const YAML::Node& node, EventsSource& out) {
    if (!y_.expect_map(node, "'events'")) return false;
    y_.reject_unknown_keys(node, {"id", "provider", "channel", "since", "until", "where", "field", "quantifier", "count"},
                           "'events'");
    bool ok = true;
    if (const auto ids = node["id"]) {
        std::vector<YAML::Node> items;
        if (ids.IsSequence())
            for (const auto& i : ids) items.push_back(i);
        else
            items.push_back(ids);
        for (const auto& i : items) {
            const auto n = i.IsScalar() ? make_scalar(i.Scalar()).number : std::nullopt;
            if (!n || *n > 0xFFFFFFFFULL || i.Scalar().front() == '-') {
                y_.error(i, "event ids must be non-negative numbers");
                ok = false;
            } else {
                out.ids.push_back(static_cast<std::uint32_t>(*n));
            }
        }
    }
    out.provider = y_.string_field(node, "provider", false, "'events'");
    out.channel = y_.string_field(node, "channel", false, "'events'");
    out.field = y_.string_field(node, "field", false, "'events'");
    if (const auto since = node["since"]) ok &= text_ref(since, out.since, "'since'");
    if (const auto until = node["until"]) ok &= text_ref(until, out.until, "'until'");
    if (const auto where = node["where"]) {
        out.where = parse(where, "'where'", Scope::events_where);
        ok &= out.where != nullptr;
    }
    ok &= quantified(node, out.quantified);
    needs_.events = true;
    EvidenceNeeds filter = EvidenceNeeds::none();
    filter.event_filters.push_back({out.ids, out.provider, out.channel});
    needs_.merge(filter);
    return ok;
}

void ConditionParser::add_fact_needs(const std::string& fact) { add_host_fact_needs(fact, needs_); }

void ConditionParser::operands(const YAML::Node& node, Leaf& leaf) {
    const auto name = op_name(leaf.op);
    if (node.IsScalar()) {
        leaf.operands.push_back(make_scalar(node.Scalar()));
    } else if (node.IsSequence()) {
        for (const auto& item : node) {
            // version_in pairs may be written [[low, high], ...] or flat [low, high, ...].
            if (item.IsSequence() && leaf.op == Op::version_in && item.size() == 2 && item[0].IsScalar() &&
                item[1].IsScalar()) {
                leaf.operands.push_back(make_scalar(item[0].Scalar()));
                leaf.operands.push_back(make_scalar(item[1].Scalar()));
            } else if (item.IsScalar()) {
                leaf.operands.push_back(make_scalar(item.Scalar()));
            } else {
                y_.error(item, "operands must be single values");
            }
        }
    } else if (node.IsMap()) {
        if (param_ref(node, leaf.param)) {
            for (const auto& v : parameters_.at(leaf.param).values) leaf.operands.push_back(make_scalar(v));
            if (leaf.op == Op::matches)
                y_.error(node, "'matches' takes its regular expression literally, not from a parameter");
        }
    } else {
        y_.error(node, fmt::format("operator '{}' needs a value or a list of values", name));
    }
}

void ConditionParser::check_operator(const YAML::Node& node, Leaf& leaf) {
    const Op op = leaf.op;
    const auto name = op_name(op);
    if (const auto* reg = std::get_if<RegistrySource>(&leaf.source)) {
        const bool string_op = op == Op::matches || op == Op::version_ge || op == Op::version_lt ||
                               op == Op::version_in || op == Op::like || op == Op::not_like;
        if (is_numeric_op(op) && is_string_type(reg->expected_type))
            y_.error(node, fmt::format("operator '{}' does not fit {}", name, reg_type_name(*reg->expected_type)));
        if (string_op && is_numeric_type(reg->expected_type))
            y_.error(node, fmt::format("operator '{}' does not fit {}", name, reg_type_name(*reg->expected_type)));
    }
    if (std::holds_alternative<RegistryKeySource>(leaf.source) && op != Op::exists && op != Op::absent)
        y_.error(node, fmt::format("operator '{}' does not fit 'registry_key' (only exists, absent)", name));
    if (is_presence_op(op)) {
        if (!leaf.param.empty() || leaf.operands.size() != 1 || leaf.operands.front().text != "true")
            y_.error(node, fmt::format("operator '{}' takes no operand (write '{}: true')", name, name));
        leaf.operands.clear();
        return;
    }
    if (leaf.operands.empty() && leaf.param.empty()) {
        y_.error(node, fmt::format("operator '{}' needs an operand", name));
        return;
    }
    if (leaf.operands.size() > 1 && (op == Op::equals || op == Op::not_equals || is_numeric_op(op) ||
                                     op == Op::matches || op == Op::version_ge || op == Op::version_lt ||
                                     op == Op::contains)) {
        if (leaf.param.empty())
            y_.error(node, fmt::format("operator '{}' takes one value, not a list", name));
        else
            y_.error(node, fmt::format("operator '{}' takes one value, but parameter '{}' is a list", name, leaf.param));
    }
    if (is_numeric_op(op))
        for (const auto& s : leaf.operands)
            if (!s.number) y_.error(node, fmt::format("operator '{}' needs a number, got '{}'", name, s.text));
    if (op == Op::version_in && leaf.operands.size() % 2 != 0)
        y_.error(node, "'version_in' needs pairs [low, high]");
    if (op == Op::version_ge || op == Op::version_lt || op == Op::version_in)
        for (const auto& s : leaf.operands)
            if (s.text.empty() || s.text.find_first_not_of("0123456789.") != std::string::npos)
                y_.error(node, fmt::format("operator '{}' needs a dotted version number, got '{}'", name, s.text));
    if (op == Op::matches && !leaf.operands.empty() && leaf.param.empty()) {
        RE2::Options options;
        options.set_log_errors(false);
        options.set_case_sensitive(false);
        options.set_max_mem(static_cast<std::int64_t>(needs_.limits.max_regex_bytes));
        auto re = std::make_shared<re2::RE2>(leaf.operands.front().text, options);
        if (!re->ok())
            y_.error(node, fmt::format("invalid regular expression '{}': {}", leaf.operands.front().text, re->error()));
        else if (re->ProgramSize() > kMaxRegexProgramSize)
            y_.error(node, fmt::format("regular expression '{}' is too large ({} instructions, at most {})",
                                       leaf.operands.front().text, re->ProgramSize(), kMaxRegexProgramSize));
        else
            leaf.regex = std::move(re);
    }
}

bool ConditionParser::parse_leaf(const YAML::Node& node, std::string_view what, Scope scope, Condition& c) {
    bool have_source = false, source_ok = true;
    std::optional<Op> op;
    YAML::Node op_node;
    const char* expected = scope == Scope::top            ? "registry, registry_key, object, xml, events, fact"
                           : scope == Scope::fleet_read   ? "registry, object"
                           : scope == Scope::object_where ? "property"
                                                          : "field";
    auto take_source = [&](const YAML::Node& key) {
        if (have_source) {
            y_.error(key, fmt::format("a condition reads one evidence source; found a second one, '{}'", key.Scalar()));
            return false;
        }
        have_source = true;
        return true;
    };
    for (const auto& kv : node) {
        const std::string key = kv.first.as<std::string>("");
        const bool top = scope == Scope::top;
        const bool read = scope == Scope::fleet_read;
        if ((top || read) && key == "registry") {
            if (!take_source(kv.first)) continue;
            RegistrySource s;
            source_ok = registry_source(kv.second, s);
            c.leaf.source = std::move(s);
        } else if (top && key == "registry_key") {
            if (!take_source(kv.first)) continue;
            RegistryKeySource s;
            source_ok = registry_key_source(kv.second, s);
            c.leaf.source = std::move(s);
        } else if ((top || read) && key == "object") {
            if (!take_source(kv.first)) continue;
            ObjectSource s;
            source_ok = object_source(kv.second, s);
            c.leaf.source = std::move(s);
        } else if (top && key == "xml") {
            if (!take_source(kv.first)) continue;
            XmlSource s;
            source_ok = xml_source(kv.second, s);
            c.leaf.source = std::move(s);
        } else if (top && key == "events") {
            if (!take_source(kv.first)) continue;
            EventsSource s;
            source_ok = events_source(kv.second, s);
            c.leaf.source = std::move(s);
        } else if (top && key == "fact") {
            if (!take_source(kv.first)) continue;
            FactSource s;
            if (!kv.second.IsScalar() || kv.second.Scalar().empty()) {
                y_.error(kv.second, "'fact' must be a fact name such as os_build");
                source_ok = false;
            } else {
                s.name = kv.second.Scalar();
                add_fact_needs(s.name);
            }
            c.leaf.source = std::move(s);
        } else if (scope == Scope::object_where && key == "property") {
            if (!take_source(kv.first)) continue;
            PropertySource s;
            source_ok = property_path(kv.second, s.path, s.path_text);
            c.leaf.source = std::move(s);
        } else if (scope == Scope::events_where && key == "field") {
            if (!take_source(kv.first)) continue;
            if (!kv.second.IsScalar() || kv.second.Scalar().empty()) {
                y_.error(kv.second, "'field' must be an event data field name");
                source_ok = false;
            }
            c.leaf.source = FieldSource{kv.second.IsScalar() ? kv.second.Scalar() : std::string()};
        } else if (read && key == "compare") {
            if (kv.second.IsScalar() && (kv.second.Scalar() == "value" || kv.second.Scalar() == "nonzero"))
                c.leaf.compare_nonzero = kv.second.Scalar() == "nonzero";
            else
                y_.error(kv.second, "'compare' is 'value' (the default) or 'nonzero'");
        } else if (read && parse_op(key)) {
            y_.error(kv.first, fmt::format("a value compared across hosts takes no operator ('{}')", key));
        } else if (auto parsed = parse_op(key)) {
            if (op) y_.error(kv.first, fmt::format("a condition has one operator; found '{}' and '{}'", op_name(*op), key));
            op = parsed;
            op_node = kv.second;
        } else {
            y_.error(kv.first, fmt::format("unknown key '{}' in {} (expected all, any, not, {} or an operator)", key,
                                           what, expected));
        }
    }
    if (!have_source) {
        y_.error(node, fmt::format("{} has no evidence source ({})", what, expected));
        return false;
    }
    const Quantified* q = nullptr;
    if (const auto* o = std::get_if<ObjectSource>(&c.leaf.source)) q = &o->quantified;
    if (const auto* e = std::get_if<EventsSource>(&c.leaf.source)) q = &e->quantified;
    if (const auto* x = std::get_if<XmlSource>(&c.leaf.source)) q = &x->quantified;
    if (scope == Scope::fleet_read) {
        const auto* object = std::get_if<ObjectSource>(&c.leaf.source);
        if (object && object->quantified.quantifier == Quantifier::count) {
            y_.error(node, "a value compared across hosts cannot be a 'count'");
            return false;
        }
        c.leaf.has_op = false;
        return source_ok;
    }
    if (!op) {
        // `count` may count the selected items themselves.
        if (q && q->quantifier == Quantifier::count) {
            c.leaf.has_op = false;
            return source_ok;
        }
        y_.error(node, fmt::format("{} has no operator", what));
        return false;
    }
    if (!source_ok) return false;
    c.leaf.op = *op;
    operands(op_node, c.leaf);
    check_operator(node, c.leaf);
    return true;
}

std::shared_ptr<const Condition> ConditionParser::parse(const YAML::Node& node, std::string_view what, Scope scope) {
    if (!y_.expect_map(node, what)) return nullptr;
    if (depth_ >= kMaxConditionDepth) {
        y_.error(node, fmt::format("conditions nest deeper than {} levels", kMaxConditionDepth));
        return nullptr;
    }
    struct Deeper {
        int& depth;
        explicit Deeper(int& d) : depth(++d) {}
        ~Deeper() { --depth; }
    } deeper(depth_);
    auto c = std::make_shared<Condition>();
    c->where = y_.at(node);
    for (const char* group : {"all", "any", "first_collected"}) {
        if (const auto list = node[group]) {
            y_.reject_unknown_keys(node, {group}, what);
            const std::string_view name(group);
            c->kind = name == "all" ? Condition::Kind::all
                      : name == "any" ? Condition::Kind::any
                                      : Condition::Kind::first_collected;
            // Inside a filter every item's properties are there or not: nothing to
            // fall back from.
            if (c->kind == Condition::Kind::first_collected && scope != Scope::top) {
                y_.error(node, "'first_collected' chooses between evidence sources; it cannot be used inside 'where'");
                return nullptr;
            }
            if (!list.IsSequence() || list.size() == 0) {
                y_.error(list, fmt::format("'{}' must be a non-empty list of conditions", group));
                return nullptr;
            }
            for (const auto& item : list)
                if (auto child = parse(item, fmt::format("an item of '{}'", group), scope)) c->children.push_back(child);
            return c->children.size() == list.size() ? c : nullptr;
        }
    }
    if (const auto inner = node["not"]) {
        y_.reject_unknown_keys(node, {"not"}, what);
        c->kind = Condition::Kind::negation;
        auto child = parse(inner, "'not'", scope);
        if (!child) return nullptr;
        c->children.push_back(child);
        return c;
    }
    c->kind = Condition::Kind::leaf;
    if (!parse_leaf(node, what, scope, *c)) return nullptr;
    return c;
}

}  // namespace hardcheck::detail
