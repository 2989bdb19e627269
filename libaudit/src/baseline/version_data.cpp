#include "baseline/version_data.hpp"

#include <algorithm>
#include <chrono>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "baseline/yaml_context.hpp"
#include "baseline/yaml_limits.hpp"
#include "evidence/file_bytes.hpp"

namespace hardcheck::detail {

namespace {

std::optional<std::uint64_t> read_number(const YAML::Node& node) {
    if (!node || !node.IsScalar()) return std::nullopt;
    const std::string& s = node.Scalar();
    if (s.empty() || s.size() > 9 || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    return std::stoull(s);
}

void read_windows_updates(const YAML::Node& list, YamlContext& y, VersionData& data) {
    if (!list.IsSequence()) {
        y.error(list, "'windows_updates' must be a list of {current_build, updates}");
        return;
    }
    for (const auto& build : list) {
        if (!y.expect_map(build, "a windows_updates entry")) continue;
        y.reject_unknown_keys(build, {"current_build", "name", "history", "updates"}, "a windows_updates entry");
        const auto current = read_number(build["current_build"]);
        if (!current) {
            y.error(build["current_build"] ? build["current_build"] : build, "'current_build' must be a number such as 20348");
            continue;
        }
        const auto updates = build["updates"];
        if (!updates || !updates.IsSequence()) {
            y.error(updates ? updates : build, "'updates' must be a list of {ubr, kb, released, url}");
            continue;
        }
        auto& into = data.windows_updates[*current];
        for (const auto& u : updates) {
            if (!y.expect_map(u, "an update")) continue;
            y.reject_unknown_keys(u, {"ubr", "kb", "released", "url", "confirmed", "note"}, "an update");
            WindowsUpdate w;
            w.where = y.at(u);
            const auto ubr = read_number(u["ubr"]);
            if (!ubr) y.error(u["ubr"] ? u["ubr"] : u, "'ubr' must be a number (the UBR after the update)");
            w.kb = y.string_field(u, "kb", true, "an update");
            w.released = y.string_field(u, "released", true, "an update");
            if (!w.released.empty() && (w.released.size() != 10 || !day_number(w.released)))
                y.error(u["released"], fmt::format("'released' must be a date YYYY-MM-DD, got '{}'", w.released));
            // Every fact carries its source (STYLE: facts have a reference URL).
            y.string_field(u, "url", true, "an update");
            if (const auto c = u["confirmed"]) {
                try {
                    w.confirmed = c.as<bool>();
                } catch (const YAML::Exception&) {
                    y.error(c, "'confirmed' must be true or false");
                }
            }
            if (!ubr) continue;
            w.ubr = *ubr;
            into.push_back(std::move(w));
        }
        std::sort(into.begin(), into.end(), [](const auto& a, const auto& b) { return a.ubr < b.ubr; });
    }
}

}  // namespace

std::optional<std::int64_t> day_number(std::string_view text) {
    if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    int parts[3] = {0, 0, 0};
    const std::size_t starts[3] = {0, 5, 8}, lengths[3] = {4, 2, 2};
    for (int i = 0; i < 3; ++i)
        for (std::size_t k = 0; k < lengths[i]; ++k) {
            const char c = text[starts[i] + k];
            if (c < '0' || c > '9') return std::nullopt;
            parts[i] = parts[i] * 10 + (c - '0');
        }
    if (text.size() > 10 && text[10] != 'T' && text[10] != ' ') return std::nullopt;
    using namespace std::chrono;
    const year_month_day date{year{parts[0]}, month{static_cast<unsigned>(parts[1])}, day{static_cast<unsigned>(parts[2])}};
    if (!date.ok()) return std::nullopt;
    return sys_days{date}.time_since_epoch().count();
}

std::shared_ptr<const VersionData> load_version_data(const std::string& file, const std::string& name,
                                                     std::vector<Diagnostic>& errors) {
    const Limits limits;
    YAML::Node root;
    try {
        root = load_yaml(read_file_bytes(file, limits.max_baseline_bytes), file, limits);
    } catch (const InputError& e) {
        errors.insert(errors.end(), e.diagnostics().begin(), e.diagnostics().end());
        return nullptr;
    }
    YamlContext y(file, errors);
    if (!y.expect_map(root, "a version data file")) return nullptr;
    auto data = std::make_shared<VersionData>();
    data->name = name;
    data->file = file;
    // Only what the evaluator reads is checked; the rest of the file is data for people
    // and for future checks.
    data->as_of = y.string_field(root, "as_of", true, "a version data file");
    data->as_of_where = y.at(root["as_of"] ? root["as_of"] : root);
    if (!data->as_of.empty() && (data->as_of.size() != 10 || !day_number(data->as_of)))
        y.error(root["as_of"], fmt::format("'as_of' must be a date YYYY-MM-DD, got '{}'", data->as_of));
    if (const auto updates = root["windows_updates"]) read_windows_updates(updates, y, *data);
    return data;
}

}  // namespace hardcheck::detail
