// Loads a baseline YAML file and the baselines it includes, validates them
// completely (every error, with its position), and compiles them into one
// immutable CompiledBaseline.
#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "baseline/condition.hpp"
#include "baseline/yaml_limits.hpp"
#include "baseline/condition_parser.hpp"
#include "baseline/version_data.hpp"
#include "baseline/yaml_context.hpp"
#include "evidence/file_bytes.hpp"
#include "hardcheck/baseline.hpp"

namespace hardcheck {

namespace {

namespace fs = std::filesystem;
using detail::ConditionParser;
using detail::YamlContext;

constexpr std::uintmax_t kMaxBaselineBytes = Limits{}.max_baseline_bytes;

bool valid_check_id(std::string_view id) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
    });
}

// The identity of a file for include cycles and diamonds.
std::string file_identity(const std::string& name) {
    std::error_code ec;
    auto canonical = fs::weakly_canonical(fs::path(name), ec);
    return ec ? name : canonical.string();
}

class Loader {
public:
    // The limits travel in needs_ too: the condition parser reads the regex limit there.
    explicit Loader(Limits limits = {}) : limits_(limits) { needs_.limits = limits; }
    std::shared_ptr<const CompiledBaseline> load(std::string_view text, const std::string& name);

private:
    void load_file(std::string_view text, const std::string& name, CompiledBaseline& baseline, bool top);
    void load_include(const YAML::Node& item, YamlContext& y, CompiledBaseline& baseline);
    void parse_check(const YAML::Node& node, YamlContext& y, const std::string& baseline_id, CompiledBaseline& baseline);
    void parse_parameters(const YAML::Node& node, YamlContext& y, Check& check);
    void parse_fleet(const YAML::Node& node, YamlContext& y, detail::ConditionParser& conditions, Check& check);
    void parse_version_data(const YAML::Node& node, YamlContext& y, Check& check);

    Limits limits_;
    std::vector<Diagnostic> errors_;
    EvidenceNeeds needs_ = EvidenceNeeds::none();
    std::vector<std::string> stack_;  // files being read, outermost first
    std::set<std::string> done_;      // files read completely
    std::map<std::string, SourceLocation> ids_;
    std::map<std::string, std::shared_ptr<const detail::VersionData>> version_data_;  // by file identity
};

// `version_data: versions/x.yaml` (or a list): paths relative to the baseline file,
// each read once per load however many checks name it.
void Loader::parse_version_data(const YAML::Node& node, YamlContext& y, Check& check) {
    std::vector<YAML::Node> items;
    if (node.IsScalar())
        items.push_back(node);
    else if (node.IsSequence())
        for (const auto& item : node) items.push_back(item);
    for (const auto& item : items) {
        if (!item.IsScalar() || item.Scalar().empty()) {
            y.error(item, "'version_data' is a file path or a list of file paths");
            continue;
        }
        const fs::path ref(item.Scalar());
        const fs::path file = (ref.is_absolute() ? ref : fs::path(y.file()).parent_path() / ref).lexically_normal();
        std::error_code ec;
        if (!fs::is_regular_file(file, ec)) {
            y.error(item, fmt::format("version data file '{}' not found", file.string()));
            continue;
        }
        const std::string identity = file_identity(file.string());
        auto it = version_data_.find(identity);
        if (it == version_data_.end())
            it = version_data_.emplace(identity, detail::load_version_data(file.string(), item.Scalar(), errors_)).first;
        if (it->second) check.version_data.push_back(it->second);
    }
    if (items.empty()) y.error(node, "'version_data' is a file path or a list of file paths");
}

void Loader::parse_parameters(const YAML::Node& node, YamlContext& y, Check& check) {
    if (!y.expect_map(node, "'parameters'")) return;
    for (const auto& kv : node) {
        const std::string name = kv.first.as<std::string>("");
        if (!valid_check_id(name)) {
            y.error(kv.first, fmt::format("parameter name '{}' may hold only letters, digits, '-', '_' and '.'", name));
            continue;
        }
        if (auto value = y.parameter_value(kv.second, name, "needs a default: a value or a list of values"))
            check.parameters.emplace(name, std::move(*value));
    }
}

// `scope: fleet` with its `same_on_all_hosts` reads and optional `group_by` fact.
void Loader::parse_fleet(const YAML::Node& node, YamlContext& y, detail::ConditionParser& conditions, Check& check) {
    const auto scope = node["scope"];
    const auto reads = node["same_on_all_hosts"];
    const auto group = node["group_by"];
    if (scope) {
        if (scope.IsScalar() && (scope.Scalar() == "host" || scope.Scalar() == "fleet"))
            check.scope = scope.Scalar() == "fleet" ? CheckScope::fleet : CheckScope::host;
        else
            y.error(scope, "'scope' is 'host' (the default) or 'fleet'");
    }
    if (check.scope != CheckScope::fleet) {
        for (const auto& fleet_only : {reads, group})
            if (fleet_only) y.error(fleet_only, "'same_on_all_hosts' and 'group_by' need 'scope: fleet'");
        return;
    }
    if (check.manual) y.error(node["manual"], "a fleet check cannot be manual");
    if (!reads || !reads.IsSequence() || reads.size() == 0) {
        y.error(reads ? reads : node, "a fleet check needs 'same_on_all_hosts', a non-empty list of values to compare");
    } else {
        for (const auto& item : reads) {
            auto read = conditions.parse(item, "an item of 'same_on_all_hosts'", detail::Scope::fleet_read);
            if (read && read->kind != detail::Condition::Kind::leaf) {
                y.error(item, "an item of 'same_on_all_hosts' is one registry or object value, not all/any/not");
                continue;
            }
            if (read) check.same_on_all_hosts.push_back(std::move(read));
        }
    }
    if (group) {
        if (group.IsScalar() && valid_check_id(group.Scalar()))
            check.group_by = group.Scalar();
        else
            y.error(group, "'group_by' is a fact name such as namespace");
    }
}

void Loader::parse_check(const YAML::Node& node, YamlContext& y, const std::string& baseline_id,
                         CompiledBaseline& baseline) {
    if (!y.expect_map(node, "a check")) return;
    y.reject_unknown_keys(node,
                          {"id", "title", "severity", "rationale", "remediation", "references", "tags",
                           "applies_when", "test", "parameters", "manual", "manual_when", "scope", "same_on_all_hosts",
                           "group_by", "version_data"},
                          "a check");
    Check check;
    check.baseline_id = baseline_id;
    check.id = y.string_field(node, "id", true, "a check");
    check.where = y.at(node["id"] ? node["id"] : node);
    if (!check.id.empty()) {
        if (!valid_check_id(check.id))
            y.error(node["id"], fmt::format("check id '{}' may hold only letters, digits, '-', '_' and '.'", check.id));
        if (auto [it, fresh] = ids_.emplace(check.id, check.where); !fresh) {
            if (it->second.file == check.where.file)
                y.error(node["id"], fmt::format("duplicate check id '{}'", check.id));
            else
                y.error(node["id"], fmt::format("duplicate check id '{}' (also at {})", check.id, it->second.str()));
        }
    }
    check.title = y.string_field(node, "title", true, "a check");
    const std::string severity = y.string_field(node, "severity", true, "a check");
    if (!severity.empty()) {
        if (auto s = parse_severity(severity))
            check.severity = *s;
        else
            y.error(node["severity"], fmt::format("unknown severity '{}' (critical, high, medium, low, info)", severity));
    }
    check.rationale = y.string_field(node, "rationale", false, "a check");
    check.remediation = y.string_field(node, "remediation", false, "a check");
    check.references = y.string_list(node, "references");
    check.tags = y.string_list(node, "tags");
    if (const auto manual = node["manual"]) {
        try {
            check.manual = manual.as<bool>();
        } catch (const YAML::Exception&) {
            y.error(manual, "'manual' must be true or false");
        }
    }
    if (const auto params = node["parameters"]) parse_parameters(params, y, check);
    if (const auto data = node["version_data"]) parse_version_data(data, y, check);
    ConditionParser conditions(y, needs_, check.parameters);
    if (const auto applies = node["applies_when"]) check.applies_when = conditions.parse(applies, "'applies_when'");
    parse_fleet(node, y, conditions, check);
    if (const auto test = node["test"]) {
        check.test = conditions.parse(test, "'test'");
        if (check.test) check.expected_text = detail::render(*check.test);
    } else if (!check.manual && check.scope != CheckScope::fleet)
        y.error(node, fmt::format("check '{}' needs a 'test' (or 'manual: true')", check.id));
    if (check.scope == CheckScope::fleet) check.expected_text = detail::render_fleet(check);
    if (const auto when = node["manual_when"]; when && y.expect_map(when, "'manual_when'")) {
        y.reject_unknown_keys(when, {"test", "guidance"}, "'manual_when'");
        check.manual_guidance = y.string_field(when, "guidance", true, "'manual_when'");
        if (const auto test = when["test"]) {
            check.manual_when = conditions.parse(test, "'manual_when' 'test'");
            if (check.manual_when) check.manual_when_text = detail::render(*check.manual_when);
        } else
            y.error(when, "'manual_when' is missing required field 'test'");
    }
    baseline.checks.push_back(std::move(check));
}

void Loader::load_include(const YAML::Node& item, YamlContext& y, CompiledBaseline& baseline) {
    if (!item.IsScalar() || item.Scalar().empty()) {
        y.error(item, "an include is a baseline id or a file path");
        return;
    }
    const std::string& ref = item.Scalar();
    fs::path file;
    const bool looks_like_path = ref.find('/') != std::string::npos || fs::path(ref).has_extension();
    if (looks_like_path) {
        file = (fs::path(ref).is_absolute() ? fs::path(ref) : fs::path(y.file()).parent_path() / ref).lexically_normal();
        std::error_code ec;
        if (!fs::is_regular_file(file, ec)) {
            y.error(item, fmt::format("included baseline file '{}' not found", file.string()));
            return;
        }
    } else {
        // An id names a sibling file first (a composite baseline next to its parts
        // works wherever the directory is copied), then a built-in baseline.
        const fs::path sibling = (fs::path(y.file()).parent_path() / (ref + ".yaml")).lexically_normal();
        std::error_code ec;
        if (fs::is_regular_file(sibling, ec)) {
            file = sibling;
        } else {
            try {
                file = resolve_baseline(ref);
            } catch (const InputError&) {
                y.error(item, fmt::format("no baseline with id '{}' next to this file or built in", ref));
                return;
            }
        }
    }
    const std::string identity = file_identity(file.string());
    if (auto cycle = std::find(stack_.begin(), stack_.end(), identity); cycle != stack_.end()) {
        std::string chain;
        for (auto it = cycle; it != stack_.end(); ++it) chain += fs::path(*it).filename().string() + " -> ";
        y.error(item, fmt::format("include cycle: {}{}", chain, file.filename().string()));
        return;
    }
    if (done_.count(identity)) return;  // a diamond: its checks are already in
    std::string text;
    try {
        text = detail::read_file_bytes(file, kMaxBaselineBytes);
    } catch (const InputError& e) {
        errors_.insert(errors_.end(), e.diagnostics().begin(), e.diagnostics().end());
        return;
    }
    load_file(text, file.string(), baseline, false);
}

void Loader::load_file(std::string_view text, const std::string& name, CompiledBaseline& baseline, bool top) {
    YamlContext y(name, errors_);
    YAML::Node root;
    try {
        root = detail::load_yaml(text, name, limits_);
    } catch (const InputError& e) {
        errors_.insert(errors_.end(), e.diagnostics().begin(), e.diagnostics().end());
        return;
    }
    if (!root.IsMap()) {
        errors_.push_back({{name, 1, 1}, "a baseline must be a YAML mapping"});
        return;
    }
    const std::string identity = file_identity(name);
    stack_.push_back(identity);
    y.reject_unknown_keys(root, {"id", "title", "version", "description", "references", "include", "checks"},
                          "the baseline");
    const std::string id = y.string_field(root, "id", true, "the baseline");
    const std::string title = y.string_field(root, "title", true, "the baseline");
    const std::string version = y.string_field(root, "version", true, "the baseline");
    const std::string description = y.string_field(root, "description", false, "the baseline");
    auto references = y.string_list(root, "references");
    if (top) {
        baseline.id = id;
        baseline.title = title;
        baseline.version = version;
        baseline.description = description;
        baseline.references = std::move(references);
    }
    const auto includes = root["include"];
    if (includes) {
        if (!includes.IsSequence())
            y.error(includes, "'include' must be a list of baseline ids or paths");
        else
            for (const auto& item : includes) load_include(item, y, baseline);
    }
    const auto checks = root["checks"];
    if (checks && checks.IsSequence()) {
        for (const auto& node : checks) parse_check(node, y, id, baseline);
    } else if (checks || !includes) {
        y.error(checks ? checks : root, "the baseline needs 'checks', a list of checks");
    }
    stack_.pop_back();
    done_.insert(identity);
}

std::shared_ptr<const CompiledBaseline> Loader::load(std::string_view text, const std::string& name) {
    auto baseline = std::make_shared<CompiledBaseline>();
    baseline->file = name;
    load_file(text, name, *baseline, true);
    if (!errors_.empty()) {
        detail::sort_diagnostics(errors_);
        throw InputError(std::move(errors_));
    }
    baseline->needs = std::move(needs_);
    return baseline;
}

}  // namespace

std::shared_ptr<const CompiledBaseline> load_baseline_text(std::string_view yaml, const std::string& name) {
    return Loader().load(yaml, name);
}

std::shared_ptr<const CompiledBaseline> load_baseline_text(std::string_view yaml, const std::string& name,
                                                           const Limits& limits) {
    return Loader(limits).load(yaml, name);
}

std::shared_ptr<const CompiledBaseline> load_baseline(const std::filesystem::path& file) {
    return load_baseline_text(detail::read_file_bytes(file, kMaxBaselineBytes), file.string());
}

const Check* CompiledBaseline::find(std::string_view check_id) const {
    for (const auto& c : checks)
        if (c.id == check_id) return &c;
    return nullptr;
}

}  // namespace hardcheck
