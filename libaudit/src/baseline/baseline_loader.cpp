// Loads a baseline YAML file, validates it completely (every error, with its
// position), and compiles it into an immutable CompiledBaseline.
#include <algorithm>
#include <charconv>
#include <set>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "baseline/condition.hpp"
#include "baseline/yaml_limits.hpp"
#include "evidence/file_bytes.hpp"
#include "hardcheck/baseline.hpp"

namespace hardcheck {

namespace {

using detail::Condition;
using detail::Leaf;
using detail::Op;
using detail::RegistrySource;
using detail::Scalar;

class Loader {
public:
    explicit Loader(std::string name, Limits limits = {}) : name_(std::move(name)), limits_(limits) {}

    std::shared_ptr<const CompiledBaseline> load(std::string_view text);

private:
    SourceLocation at(const YAML::Node& node) const {
        const YAML::Mark mark = node.Mark();
        if (mark.is_null()) return {name_, 0, 0};
        return {name_, static_cast<std::uint32_t>(mark.line + 1), static_cast<std::uint32_t>(mark.column + 1)};
    }
    void error(const YAML::Node& node, std::string message) { errors_.push_back({at(node), std::move(message)}); }

    bool expect_map(const YAML::Node& node, std::string_view what) {
        if (node.IsMap()) return true;
        error(node, fmt::format("{} must be a mapping", what));
        return false;
    }
    void reject_unknown_keys(const YAML::Node& map, std::initializer_list<std::string_view> allowed, std::string_view what) {
        for (const auto& kv : map) {
            const auto key = kv.first.as<std::string>("");
            if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
                error(kv.first, fmt::format("unknown key '{}' in {}", key, what));
        }
    }
    std::string string_field(const YAML::Node& map, const char* field, bool required, std::string_view what) {
        const YAML::Node node = map[field];
        if (!node) {
            if (required) error(map, fmt::format("{} is missing required field '{}'", what, field));
            return {};
        }
        if (!node.IsScalar()) {
            error(node, fmt::format("'{}' must be a string", field));
            return {};
        }
        return node.Scalar();
    }
    std::vector<std::string> string_list(const YAML::Node& map, const char* field) {
        std::vector<std::string> out;
        const YAML::Node node = map[field];
        if (!node) return out;
        if (!node.IsSequence()) {
            error(node, fmt::format("'{}' must be a list of strings", field));
            return out;
        }
        for (const auto& item : node) {
            if (item.IsScalar())
                out.push_back(item.Scalar());
            else
                error(item, fmt::format("items of '{}' must be strings", field));
        }
        return out;
    }

    Scalar scalar(const YAML::Node& node);
    std::shared_ptr<const Condition> condition(const YAML::Node& node, std::string_view what);
    bool registry_source(const YAML::Node& node, RegistrySource& out);
    void check_operands(const YAML::Node& node, Leaf& leaf);
    void parse_check(const YAML::Node& node, CompiledBaseline& baseline, std::set<std::string>& ids);

    std::string name_;
    Limits limits_;
    std::vector<Diagnostic> errors_;
    EvidenceNeeds needs_ = EvidenceNeeds::none();
};

Scalar Loader::scalar(const YAML::Node& node) {
    Scalar s;
    s.text = node.Scalar();
    std::string_view t = s.text;
    bool negative = !t.empty() && t.front() == '-';
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

std::optional<std::uint32_t> parse_reg_type(std::string_view name) {
    static constexpr std::pair<std::string_view, std::uint32_t> kTypes[] = {
        {"REG_NONE", 0},  {"REG_SZ", 1},        {"REG_EXPAND_SZ", 2}, {"REG_BINARY", 3},
        {"REG_DWORD", 4}, {"REG_DWORD_BIG_ENDIAN", 5}, {"REG_LINK", 6}, {"REG_MULTI_SZ", 7},
        {"REG_QWORD", 11}};
    for (const auto& [n, t] : kTypes)
        if (n == name) return t;
    return std::nullopt;
}

bool Loader::registry_source(const YAML::Node& node, RegistrySource& out) {
    if (!expect_map(node, "'registry'")) return false;
    reject_unknown_keys(node, {"key", "value", "type", "default"}, "'registry'");
    out.key = string_field(node, "key", true, "'registry'");
    out.value_name = string_field(node, "value", false, "'registry'");
    if (out.key.empty()) return false;
    auto canonical = canonical_reg_key(out.key);
    if (!canonical) {
        error(node["key"], fmt::format("'{}' does not start with a registry root (HKLM, HKEY_LOCAL_MACHINE, ...)", out.key));
        return false;
    }
    out.canonical = *canonical;
    if (const auto type = node["type"]) {
        auto parsed = parse_reg_type(type.as<std::string>(""));
        if (!parsed)
            error(type, fmt::format("unknown registry type '{}'", type.as<std::string>("")));
        else
            out.expected_type = parsed;
    }
    if (const auto def = node["default"]) {
        if (!def.IsScalar())
            error(def, "'default' must be a single value");
        else
            out.default_value = scalar(def);
    }
    needs_.registry_keys.insert(out.canonical);
    return true;
}

bool is_numeric_type(std::optional<std::uint32_t> t) { return t && (*t == 4 || *t == 5 || *t == 11); }
bool is_string_type(std::optional<std::uint32_t> t) { return t && (*t == 1 || *t == 2 || *t == 7); }

void Loader::check_operands(const YAML::Node& node, Leaf& leaf) {
    const auto& reg = std::get<RegistrySource>(leaf.source);
    const Op op = leaf.op;
    const auto name = detail::op_name(op);
    const bool numeric_op = op == Op::gt || op == Op::ge || op == Op::lt || op == Op::le || op == Op::bits_all ||
                            op == Op::bits_any || op == Op::bits_none;
    const bool string_op = op == Op::matches || op == Op::contains || op == Op::version_ge ||
                           op == Op::version_lt || op == Op::version_in;
    if (numeric_op && is_string_type(reg.expected_type))
        error(node, fmt::format("operator '{}' does not fit {}", name, reg_type_name(*reg.expected_type)));
    if (string_op && op != Op::contains && is_numeric_type(reg.expected_type))
        error(node, fmt::format("operator '{}' does not fit {}", name, reg_type_name(*reg.expected_type)));
    if (op == Op::exists || op == Op::absent || op == Op::empty) {
        if (!leaf.operands.empty() && leaf.operands.front().text != "true")
            error(node, fmt::format("operator '{}' takes no operand (write '{}: true')", name, name));
        leaf.operands.clear();
        return;
    }
    if (leaf.operands.empty()) error(node, fmt::format("operator '{}' needs an operand", name));
    if (numeric_op)
        for (const auto& s : leaf.operands)
            if (!s.number) error(node, fmt::format("operator '{}' needs a number, got '{}'", name, s.text));
    if (op == Op::matches) {
        RE2::Options options;
        options.set_log_errors(false);
        options.set_case_sensitive(false);
        options.set_max_mem(static_cast<std::int64_t>(limits_.max_regex_bytes));
        auto re = std::make_shared<re2::RE2>(leaf.operands.front().text, options);
        if (!re->ok())
            error(node, fmt::format("invalid regular expression '{}': {}", leaf.operands.front().text, re->error()));
        else
            leaf.regex = std::move(re);
    }
}

std::shared_ptr<const Condition> Loader::condition(const YAML::Node& node, std::string_view what) {
    if (!expect_map(node, what)) return nullptr;
    auto c = std::make_shared<Condition>();
    c->where = at(node);
    for (const char* group : {"all", "any"}) {
        if (const auto list = node[group]) {
            reject_unknown_keys(node, {group}, what);
            c->kind = std::string_view(group) == "all" ? Condition::Kind::all : Condition::Kind::any;
            if (!list.IsSequence() || list.size() == 0) {
                error(list, fmt::format("'{}' must be a non-empty list of conditions", group));
                return nullptr;
            }
            for (const auto& item : list)
                if (auto child = condition(item, fmt::format("an item of '{}'", group))) c->children.push_back(child);
            return c->children.size() == list.size() ? c : nullptr;
        }
    }
    if (const auto inner = node["not"]) {
        reject_unknown_keys(node, {"not"}, what);
        c->kind = Condition::Kind::negation;
        auto child = condition(inner, "'not'");
        if (!child) return nullptr;
        c->children.push_back(child);
        return c;
    }
    // A leaf: one evidence source and one operator.
    c->kind = Condition::Kind::leaf;
    bool have_source = false;
    std::optional<Op> op;
    YAML::Node op_node;
    for (const auto& kv : node) {
        const std::string key = kv.first.as<std::string>("");
        if (key == "registry") {
            RegistrySource reg;
            if (registry_source(kv.second, reg)) c->leaf.source = std::move(reg);
            have_source = true;
        } else if (auto parsed = detail::parse_op(key)) {
            if (op) error(kv.first, fmt::format("a condition has one operator; found '{}' and '{}'", detail::op_name(*op), key));
            op = parsed;
            op_node = kv.second;
        } else {
            error(kv.first, fmt::format("unknown key '{}' in {} (expected all, any, not, registry or an operator)", key, what));
        }
    }
    if (!have_source) {
        error(node, fmt::format("{} has no evidence source (registry)", what));
        return nullptr;
    }
    if (!op) {
        error(node, fmt::format("{} has no operator", what));
        return nullptr;
    }
    if (std::get<RegistrySource>(c->leaf.source).canonical.empty()) return nullptr;
    c->leaf.op = *op;
    if (op_node.IsScalar()) {
        c->leaf.operands.push_back(scalar(op_node));
    } else if (op_node.IsSequence()) {
        for (const auto& item : op_node) {
            if (item.IsScalar())
                c->leaf.operands.push_back(scalar(item));
            else
                error(item, "operands must be single values");
        }
    } else {
        error(op_node, fmt::format("operator '{}' needs a value or a list of values", detail::op_name(*op)));
    }
    check_operands(node, c->leaf);
    return c;
}

bool valid_check_id(std::string_view id) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
    });
}

void Loader::parse_check(const YAML::Node& node, CompiledBaseline& baseline, std::set<std::string>& ids) {
    if (!expect_map(node, "a check")) return;
    reject_unknown_keys(node,
                        {"id", "title", "severity", "rationale", "remediation", "references", "tags",
                         "applies_when", "test", "manual"},
                        "a check");
    Check check;
    check.baseline_id = baseline.id;
    check.id = string_field(node, "id", true, "a check");
    check.where = at(node["id"] ? node["id"] : node);
    if (!check.id.empty()) {
        if (!valid_check_id(check.id))
            error(node["id"], fmt::format("check id '{}' may hold only letters, digits, '-', '_' and '.'", check.id));
        if (!ids.insert(check.id).second) error(node["id"], fmt::format("duplicate check id '{}'", check.id));
    }
    check.title = string_field(node, "title", true, "a check");
    const std::string severity = string_field(node, "severity", true, "a check");
    if (!severity.empty()) {
        if (auto s = parse_severity(severity))
            check.severity = *s;
        else
            error(node["severity"], fmt::format("unknown severity '{}' (critical, high, medium, low, info)", severity));
    }
    check.rationale = string_field(node, "rationale", false, "a check");
    check.remediation = string_field(node, "remediation", false, "a check");
    check.references = string_list(node, "references");
    check.tags = string_list(node, "tags");
    if (const auto manual = node["manual"]) {
        try {
            check.manual = manual.as<bool>();
        } catch (const YAML::Exception&) {
            error(manual, "'manual' must be true or false");
        }
    }
    if (const auto applies = node["applies_when"]) check.applies_when = condition(applies, "'applies_when'");
    if (const auto test = node["test"]) {
        check.test = condition(test, "'test'");
        if (check.test) check.expected_text = detail::render(*check.test);
    }
    else if (!check.manual)
        error(node, fmt::format("check '{}' needs a 'test' (or 'manual: true')", check.id));
    baseline.checks.push_back(std::move(check));
}

std::shared_ptr<const CompiledBaseline> Loader::load(std::string_view text) {
    const YAML::Node root = detail::load_yaml(text, name_, limits_);
    if (!root.IsMap()) throw InputError(Diagnostic{{name_, 1, 1}, "a baseline must be a YAML mapping"});
    auto baseline = std::make_shared<CompiledBaseline>();
    baseline->file = name_;
    reject_unknown_keys(root, {"id", "title", "version", "description", "references", "checks"}, "the baseline");
    baseline->id = string_field(root, "id", true, "the baseline");
    baseline->title = string_field(root, "title", true, "the baseline");
    baseline->version = string_field(root, "version", true, "the baseline");
    baseline->description = string_field(root, "description", false, "the baseline");
    baseline->references = string_list(root, "references");
    const auto checks = root["checks"];
    if (!checks || !checks.IsSequence()) {
        error(checks ? checks : root, "the baseline needs 'checks', a list of checks");
    } else {
        std::set<std::string> ids;
        for (const auto& node : checks) parse_check(node, *baseline, ids);
    }
    if (!errors_.empty()) {
        std::stable_sort(errors_.begin(), errors_.end(), [](const Diagnostic& a, const Diagnostic& b) {
            return std::tie(a.where.line, a.where.column) < std::tie(b.where.line, b.where.column);
        });
        throw InputError(std::move(errors_));
    }
    baseline->needs = std::move(needs_);
    return baseline;
}

}  // namespace

std::shared_ptr<const CompiledBaseline> load_baseline_text(std::string_view yaml, const std::string& name) {
    return Loader(name).load(yaml);
}

std::shared_ptr<const CompiledBaseline> load_baseline_text(std::string_view yaml, const std::string& name,
                                                           const Limits& limits) {
    return Loader(name, limits).load(yaml);
}

std::shared_ptr<const CompiledBaseline> load_baseline(const std::filesystem::path& file) {
    return load_baseline_text(detail::read_file_bytes(file, Limits{}.max_baseline_bytes), file.string());
}

const Check* CompiledBaseline::find(std::string_view check_id) const {
    for (const auto& c : checks)
        if (c.id == check_id) return &c;
    return nullptr;
}

}  // namespace hardcheck
