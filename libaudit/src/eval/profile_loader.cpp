// Loads a profile (tailoring) file, reporting every problem at once.
#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "baseline/yaml_context.hpp"
#include "baseline/yaml_limits.hpp"
#include "eval/waivers.hpp"
#include "evidence/file_bytes.hpp"
#include "hardcheck/evaluate.hpp"

namespace hardcheck {

namespace {

using detail::YamlContext;

void selection(const YAML::Node& node, YamlContext& y, const char* what, std::vector<std::string>& ids,
               std::vector<std::string>& tags) {
    if (!y.expect_map(node, what)) return;
    y.reject_unknown_keys(node, {"ids", "tags"}, what);
    ids = y.string_list(node, "ids");
    tags = y.string_list(node, "tags");
}

void waiver(const YAML::Node& node, YamlContext& y, Profile& profile) {
    if (!y.expect_map(node, "a waiver")) return;
    y.reject_unknown_keys(node, {"check", "hosts", "reason", "owner", "expires"}, "a waiver");
    Waiver w;
    w.where = y.at(node);
    w.check_id = y.string_field(node, "check", true, "a waiver");
    if (node["hosts"]) w.hosts = y.string_field(node, "hosts", false, "a waiver");
    w.reason = y.string_field(node, "reason", true, "a waiver");
    w.owner = y.string_field(node, "owner", true, "a waiver");
    w.expires = y.string_field(node, "expires", true, "a waiver");
    if (!w.expires.empty() && !detail::valid_date(w.expires))
        y.error(node["expires"], fmt::format("'expires' must be a date YYYY-MM-DD, got '{}'", w.expires));
    if (node["hosts"] && w.hosts.empty()) y.error(node["hosts"], "'hosts' must be a host name glob such as 'EXCH*'");
    profile.waivers.push_back(std::move(w));
}

Profile parse(std::string_view text, const std::string& name) {
    std::vector<Diagnostic> errors;
    YamlContext y(name, errors);
    YAML::Node root;
    root = detail::load_yaml(text, name, Limits{});
    if (!root.IsMap()) throw InputError(Diagnostic{{name, 1, 1}, "a profile must be a YAML mapping"});
    Profile profile;
    profile.file = name;
    y.reject_unknown_keys(root, {"profile", "title", "select", "deselect", "severity", "parameters", "waivers"},
                          "the profile");
    profile.id = y.string_field(root, "profile", true, "the profile");
    profile.title = y.string_field(root, "title", false, "the profile");
    if (const auto s = root["select"]) selection(s, y, "'select'", profile.select_ids, profile.select_tags);
    if (const auto s = root["deselect"]) selection(s, y, "'deselect'", profile.deselect_ids, profile.deselect_tags);
    if (const auto sev = root["severity"]; sev && y.expect_map(sev, "'severity'")) {
        for (const auto& kv : sev) {
            const auto value = kv.second.as<std::string>("");
            if (auto parsed = kv.second.IsScalar() ? parse_severity(value) : std::nullopt)
                profile.severity[kv.first.as<std::string>("")] = *parsed;
            else
                y.error(kv.second, fmt::format("unknown severity '{}' (critical, high, medium, low, info)", value));
        }
    }
    if (const auto params = root["parameters"]; params && y.expect_map(params, "'parameters'")) {
        for (const auto& kv : params) {
            const auto name = kv.first.as<std::string>("");
            if (auto value = y.parameter_value(kv.second, name, "must be a value or a list of values"))
                profile.parameters[name] = std::move(*value);
        }
    }
    if (const auto waivers = root["waivers"]) {
        if (!waivers.IsSequence())
            y.error(waivers, "'waivers' must be a list of waivers");
        else
            for (const auto& w : waivers) waiver(w, y, profile);
    }
    if (!errors.empty()) {
        detail::sort_diagnostics(errors);
        throw InputError(std::move(errors));
    }
    return profile;
}

}  // namespace

Profile load_profile_text(std::string_view yaml, const std::string& name) { return parse(yaml, name); }

Profile load_profile(const std::filesystem::path& file) {
    return parse(detail::read_file_bytes(file, 16u << 20), file.string());
}

}  // namespace hardcheck
