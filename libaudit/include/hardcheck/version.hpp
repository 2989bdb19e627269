// The library's version, for reports and `hardcheck version`.
#pragma once

#include <string_view>

#include "hardcheck/export.hpp"

namespace hardcheck {

HARDCHECK_API std::string_view version_string();

}  // namespace hardcheck
