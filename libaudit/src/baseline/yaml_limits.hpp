// Refuses YAML documents that would make the loader recurse too deep or walk too
// many nodes: aliases let a few hundred bytes stand for a billion nodes, and the
// loader walks the tree with aliases expanded.
#pragma once

#include <string>
#include <string_view>

#include <yaml-cpp/yaml.h>

#include "hardcheck/limits.hpp"

namespace hardcheck::detail {

// Throws InputError at the node where the document first nests deeper than
// limits.max_yaml_depth or expands (aliases followed) beyond limits.max_yaml_nodes.
void check_yaml_limits(const YAML::Node& root, const Limits& limits, const std::string& name);

// YAML::Load for baselines and profiles, with every defence in one call: the text
// must be UTF-8 without NUL, yaml-cpp's errors (its depth guard included) get
// file:line:col, and the document must keep within the limits above.  Throws
// InputError.
YAML::Node load_yaml(std::string_view text, const std::string& name, const Limits& limits);

}  // namespace hardcheck::detail
