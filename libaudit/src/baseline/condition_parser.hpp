// Parses and validates one condition tree (test, applies_when, where filters).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include <yaml-cpp/yaml.h>

#include "baseline/condition.hpp"
#include "baseline/yaml_context.hpp"
#include "hardcheck/baseline.hpp"
#include "hardcheck/evidence.hpp"

namespace hardcheck::detail {

// Which leaves a condition may hold: evidence sources at the top, the filtered
// object's properties or the filtered event's fields inside a `where`.
// A fleet read (`same_on_all_hosts`) is a registry or object source without operator.
enum class Scope { top, object_where, events_where, fleet_read };

class ConditionParser {
public:
    ConditionParser(YamlContext& yaml, EvidenceNeeds& needs, const std::map<std::string, ParameterValue>& parameters)
        : y_(yaml), needs_(needs), parameters_(parameters) {}

    // Null when the condition has errors (they are recorded in the context).
    std::shared_ptr<const Condition> parse(const YAML::Node& node, std::string_view what, Scope scope = Scope::top);

private:
    bool parse_leaf(const YAML::Node& node, std::string_view what, Scope scope, Condition& c);
    bool registry_source(const YAML::Node& node, RegistrySource& out);
    bool registry_key_source(const YAML::Node& node, RegistryKeySource& out);
    bool object_source(const YAML::Node& node, ObjectSource& out);
    bool xml_source(const YAML::Node& node, XmlSource& out);
    bool events_source(const YAML::Node& node, EventsSource& out);
    bool quantified(const YAML::Node& node, Quantified& out);
    bool number_ref(const YAML::Node& node, NumberRef& out, std::string_view what);
    bool text_ref(const YAML::Node& node, TextRef& out, std::string_view what);
    bool param_ref(const YAML::Node& node, std::string& name);
    bool property_path(const YAML::Node& node, std::vector<PathStep>& path, std::string& text);
    void add_fact_needs(const std::string& fact);
    void operands(const YAML::Node& node, Leaf& leaf);
    void check_operator(const YAML::Node& node, Leaf& leaf);
    std::optional<Scalar> single_value(const YAML::Node& node, std::string_view field);

    YamlContext& y_;
    EvidenceNeeds& needs_;
    const std::map<std::string, ParameterValue>& parameters_;
    int depth_ = 0;  // nesting of the condition being parsed
};

// Conditions deeper than this are rejected: evaluation recurses over the tree.
inline constexpr int kMaxConditionDepth = 64;

// Property path syntax: `A`, `A.B`, `A[*]`, `A[2]`, `A[*].B`.  Nullopt with a reason
// in `problem` when malformed.
std::optional<std::vector<PathStep>> parse_property_path(std::string_view text, std::string& problem);

}  // namespace hardcheck::detail
