#include "hardcheck/version.hpp"

namespace hardcheck {

std::string_view version_string() { return HARDCHECK_VERSION; }

}  // namespace hardcheck
