// Every element of a configuration document in document order, for `hardcheck dump`.
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "hardcheck/evidence.hpp"

namespace hardcheck::detail {

struct ConfigElement {
    std::string path;  // /configuration/system.webServer/security/access
    std::vector<std::pair<std::string, std::string>> attributes;
    std::string text;  // the element's own text, trimmed of nothing
    SourceLocation where;
};

void walk_config(const ConfigDocument& doc, const std::function<void(const ConfigElement&)>& visit);

}  // namespace hardcheck::detail
