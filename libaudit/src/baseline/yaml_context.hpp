// Reading YAML while collecting every problem with its file:line:col, shared by
// the baseline, condition and profile loaders.
#pragma once

#include <algorithm>
#include <optional>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "hardcheck/baseline.hpp"
#include "hardcheck/diagnostics.hpp"

namespace hardcheck::detail {

class YamlContext {
public:
    YamlContext(std::string file, std::vector<Diagnostic>& errors) : file_(std::move(file)), errors_(&errors) {}

    const std::string& file() const { return file_; }
    std::vector<Diagnostic>& errors() { return *errors_; }

    // yaml-cpp marks are 0-based; ours count from 1.
    SourceLocation at(const YAML::Node& node) const {
        const YAML::Mark mark = node.Mark();
        if (mark.is_null()) return {file_, 0, 0};
        return {file_, static_cast<std::uint32_t>(mark.line + 1), static_cast<std::uint32_t>(mark.column + 1)};
    }
    void error(const YAML::Node& node, std::string message) { errors_->push_back({at(node), std::move(message)}); }

    // A parameter's value (a check's default or a profile's override): one value or
    // a list of single values.  `shape` completes "parameter 'NAME' ..." when it is
    // neither.
    std::optional<ParameterValue> parameter_value(const YAML::Node& node, std::string_view name,
                                                  std::string_view shape) {
        ParameterValue value;
        value.where = at(node);
        if (node.IsScalar()) {
            value.values.push_back(node.Scalar());
        } else if (node.IsSequence()) {
            value.is_list = true;
            for (const auto& item : node) {
                if (item.IsScalar())
                    value.values.push_back(item.Scalar());
                else
                    error(item, fmt::format("items of parameter '{}' must be single values", name));
            }
        } else {
            error(node, fmt::format("parameter '{}' {}", name, shape));
            return std::nullopt;
        }
        return value;
    }

    bool expect_map(const YAML::Node& node, std::string_view what) {
        if (node.IsMap()) return true;
        error(node, fmt::format("{} must be a mapping", what));
        return false;
    }
    void reject_unknown_keys(const YAML::Node& map, std::initializer_list<std::string_view> allowed,
                             std::string_view what) {
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
    // A list of strings; a single string is accepted as a list of one when `lenient`.
    std::vector<std::string> string_list(const YAML::Node& map, const char* field, bool lenient = false) {
        std::vector<std::string> out;
        const YAML::Node node = map[field];
        if (!node) return out;
        if (lenient && node.IsScalar()) return {node.Scalar()};
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

private:
    std::string file_;
    std::vector<Diagnostic>* errors_;
};

// Sorts diagnostics by position, keeping files in the order they were read.
inline void sort_diagnostics(std::vector<Diagnostic>& errors) {
    std::vector<std::string> order;
    for (const auto& d : errors)
        if (std::find(order.begin(), order.end(), d.where.file) == order.end()) order.push_back(d.where.file);
    auto rank = [&](const Diagnostic& d) { return std::find(order.begin(), order.end(), d.where.file) - order.begin(); };
    std::stable_sort(errors.begin(), errors.end(), [&](const Diagnostic& a, const Diagnostic& b) {
        const auto ra = rank(a), rb = rank(b);
        return std::tie(ra, a.where.line, a.where.column) < std::tie(rb, b.where.line, b.where.column);
    });
}

}  // namespace hardcheck::detail
