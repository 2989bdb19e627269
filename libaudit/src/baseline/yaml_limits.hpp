// Refuses YAML documents that would make the loader recurse too deep or walk too
// many nodes: aliases let a few hundred bytes stand for a billion nodes, and the
// loader walks the tree with aliases expanded.
#pragma once

#include <string>

#include <yaml-cpp/yaml.h>

#include "hardcheck/limits.hpp"

namespace hardcheck::detail {

// Throws InputError at the node where the document first nests deeper than
// limits.max_yaml_depth or expands (aliases followed) beyond limits.max_yaml_nodes.
void check_yaml_limits(const YAML::Node& root, const Limits& limits, const std::string& name);

}  // namespace hardcheck::detail
