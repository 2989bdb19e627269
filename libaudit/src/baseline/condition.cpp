#include "baseline/condition.hpp"

#include <array>
#include <charconv>

#include <fmt/format.h>

namespace hardcheck::detail {

namespace {
constexpr std::array<std::string_view, 21> kOpNames = {
    "equals",     "not_equals", "in",         "not_in",   "gt",       "ge",      "lt",
    "le",         "bits_all",   "bits_any",   "bits_none", "matches", "version_ge", "version_lt",
    "version_in", "exists",     "absent",     "contains", "empty",    "like",    "not_like"};
constexpr std::array<std::string_view, 4> kQuantifierNames = {"all", "any", "none", "count"};
}  // namespace

std::string_view op_name(Op op) { return kOpNames[static_cast<std::size_t>(op)]; }

std::optional<Op> parse_op(std::string_view name) {
    for (std::size_t i = 0; i < kOpNames.size(); ++i)
        if (kOpNames[i] == name) return static_cast<Op>(i);
    return std::nullopt;
}

std::string_view quantifier_name(Quantifier q) { return kQuantifierNames[static_cast<std::size_t>(q)]; }

Scalar make_scalar(std::string text) {
    Scalar s;
    s.text = std::move(text);
    std::string_view t = s.text;
    const bool negative = !t.empty() && t.front() == '-';
    if (negative) t.remove_prefix(1);
    int base = 10;
    if (t.size() > 2 && t[0] == '0' && (t[1] == 'x' || t[1] == 'X')) {
        t.remove_prefix(2);
        base = 16;
    }
    std::uint64_t value = 0;
    auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), value, base);
    if (!t.empty() && ec == std::errc() && ptr == t.data() + t.size()) {
        // A negative literal means the DWORD with the same bits, as CLIXML writes I32 -1
        // for dword:ffffffff.
        if (negative) value = value <= 0x80000000ULL ? (0x100000000ULL - value) & 0xFFFFFFFFULL : 0;
        if (!negative || value != 0 || s.text == "-0") s.number = value;
    }
    return s;
}

namespace {

std::string render_number(const NumberRef& n) {
    return n.param.empty() ? std::to_string(n.value.value_or(0)) : fmt::format("{{param: {}}}", n.param);
}

std::string render_quantified(const Quantified& q) {
    if (q.quantifier != Quantifier::count) return fmt::format(" ({})", quantifier_name(q.quantifier));
    std::string bounds;
    if (q.count_min.set()) bounds += fmt::format(" >= {}", render_number(q.count_min));
    if (q.count_max.set()) bounds += fmt::format("{} <= {}", bounds.empty() ? "" : " and", render_number(q.count_max));
    return fmt::format(" (count{})", bounds);
}

std::string render_where(const std::shared_ptr<const Condition>& where) {
    return where ? fmt::format(" where ({})", render(*where)) : std::string();
}

std::string render_operands(const Leaf& leaf, const ParamRenderer& params) {
    if (!leaf.param.empty()) {
        const std::string value = params ? params(leaf.param) : std::string();
        return value.empty() ? fmt::format(" {{param: {}}}", leaf.param) : fmt::format(" {} ({})", value, leaf.param);
    }
    if (leaf.operands.empty()) return "";
    if (leaf.operands.size() == 1 && leaf.op != Op::in && leaf.op != Op::not_in && leaf.op != Op::version_in)
        return " " + leaf.operands.front().text;
    std::string out = " [";
    for (std::size_t i = 0; i < leaf.operands.size(); ++i)
        out += fmt::format("{}{}", i ? ", " : "", leaf.operands[i].text);
    return out + "]";
}

struct SourceRenderer {
    std::string operator()(const RegistrySource& s) const {
        return fmt::format("{}\\{}", s.key, s.value_name.empty() ? "(Default)" : s.value_name);
    }
    std::string operator()(const RegistryKeySource& s) const { return fmt::format("key {}", s.key); }
    std::string operator()(const ObjectSource& s) const {
        return fmt::format("{}{}{}{}", s.type, render_where(s.where), s.path_text.empty() ? "" : ".", s.path_text) +
               render_quantified(s.quantified);
    }
    std::string operator()(const PropertySource& s) const { return s.path_text; }
    std::string operator()(const XmlSource& s) const {
        return fmt::format("{} {}", s.config, s.xpath) + render_quantified(s.quantified);
    }
    std::string operator()(const EventsSource& s) const {
        std::string out = "events";
        if (!s.ids.empty()) out += fmt::format(" id {}", fmt::join(s.ids, ","));
        if (!s.provider.empty()) out += fmt::format(" provider {}", s.provider);
        if (!s.channel.empty()) out += fmt::format(" channel {}", s.channel);
        if (s.since.set()) out += fmt::format(" since {}", s.since.value ? *s.since.value : "{param: " + s.since.param + "}");
        if (s.until.set()) out += fmt::format(" until {}", s.until.value ? *s.until.value : "{param: " + s.until.param + "}");
        out += render_where(s.where);
        if (!s.field.empty()) out += fmt::format(" .{}", s.field);
        return out + render_quantified(s.quantified);
    }
    std::string operator()(const FieldSource& s) const { return s.name; }
    std::string operator()(const FactSource& s) const { return fmt::format("fact {}", s.name); }
};

}  // namespace

std::string render_source(const Source& source) { return std::visit(SourceRenderer{}, source); }

std::string render(const Condition& c, const ParamRenderer& params) {
    switch (c.kind) {
        case Condition::Kind::leaf:
            if (!c.leaf.has_op) return render_source(c.leaf.source);
            return fmt::format("{} {}{}", render_source(c.leaf.source), op_name(c.leaf.op), render_operands(c.leaf, params));
        case Condition::Kind::negation:
            return fmt::format("not ({})", render(*c.children.front(), params));
        case Condition::Kind::first_collected: {
            std::string out = "first collected of (";
            for (std::size_t i = 0; i < c.children.size(); ++i)
                out += fmt::format("{}{}", i ? "; " : "", render(*c.children[i], params));
            return out + ")";
        }
        case Condition::Kind::all:
        case Condition::Kind::any: {
            if (c.children.size() == 1) return render(*c.children.front(), params);
            std::string out;
            const char* joiner = c.kind == Condition::Kind::all ? " and " : " or ";
            for (std::size_t i = 0; i < c.children.size(); ++i) {
                const auto& child = *c.children[i];
                const bool group = child.kind == Condition::Kind::all || child.kind == Condition::Kind::any;
                out += fmt::format("{}{}{}{}", i ? joiner : "", group ? "(" : "", render(child, params), group ? ")" : "");
            }
            return out;
        }
    }
    return {};
}

std::string render_read(const Leaf& leaf) {
    // Every item of an object read is compared: its quantifier means nothing here.
    if (const auto* o = std::get_if<ObjectSource>(&leaf.source))
        return fmt::format("{}{}{}{}", o->type, render_where(o->where), o->path_text.empty() ? "" : ".", o->path_text);
    return render_source(leaf.source);
}

std::string render_fleet(const Check& check) {
    std::string out = check.test ? fmt::format("{}, and on every host compared ", render(*check.test)) : "on every host compared ";
    out += check.group_by.empty() ? "the same" : fmt::format("(per {}) the same", check.group_by);
    for (std::size_t i = 0; i < check.same_on_all_hosts.size(); ++i) {
        const auto& read = *check.same_on_all_hosts[i];
        out += fmt::format("{}{}{}", i ? ", " : ": ", render_read(read.leaf), read.leaf.compare_nonzero ? " (zero or not)" : "");
    }
    return out;
}

}  // namespace hardcheck::detail
