#include "baseline/condition.hpp"

#include <array>

#include <fmt/format.h>

namespace hardcheck::detail {

namespace {
constexpr std::array<std::string_view, 19> kOpNames = {
    "equals",   "not_equals", "in",        "not_in",     "gt",         "ge",     "lt",
    "le",       "bits_all",   "bits_any",  "bits_none",  "matches",    "version_ge",
    "version_lt", "version_in", "exists",  "absent",     "contains",   "empty"};
}

std::string_view op_name(Op op) { return kOpNames[static_cast<std::size_t>(op)]; }

std::optional<Op> parse_op(std::string_view name) {
    for (std::size_t i = 0; i < kOpNames.size(); ++i)
        if (kOpNames[i] == name) return static_cast<Op>(i);
    return std::nullopt;
}

namespace {

std::string render_source(const Source& source) {
    const auto& reg = std::get<RegistrySource>(source);
    return fmt::format("{}\\{}", reg.key, reg.value_name.empty() ? "(Default)" : reg.value_name);
}

std::string render_operands(const Leaf& leaf) {
    if (leaf.operands.empty()) return "";
    if (leaf.operands.size() == 1 && leaf.op != Op::in && leaf.op != Op::not_in && leaf.op != Op::version_in)
        return " " + leaf.operands.front().text;
    std::string out = " [";
    for (std::size_t i = 0; i < leaf.operands.size(); ++i)
        out += fmt::format("{}{}", i ? ", " : "", leaf.operands[i].text);
    return out + "]";
}

}  // namespace

std::string render(const Condition& c) {
    switch (c.kind) {
        case Condition::Kind::leaf:
            return fmt::format("{} {}{}", render_source(c.leaf.source), op_name(c.leaf.op), render_operands(c.leaf));
        case Condition::Kind::negation:
            return fmt::format("not ({})", render(*c.children.front()));
        case Condition::Kind::all:
        case Condition::Kind::any: {
            if (c.children.size() == 1) return render(*c.children.front());
            std::string out;
            const char* joiner = c.kind == Condition::Kind::all ? " and " : " or ";
            for (std::size_t i = 0; i < c.children.size(); ++i) {
                const auto& child = *c.children[i];
                const bool group = child.kind == Condition::Kind::all || child.kind == Condition::Kind::any;
                out += fmt::format("{}{}{}{}", i ? joiner : "", group ? "(" : "", render(child), group ? ")" : "");
            }
            return out;
        }
    }
    return {};
}

}  // namespace hardcheck::detail
