// ConfigDocument::select belongs to the XML configuration reader in src/evidence.
// Until that reader is part of the build, this weak definition keeps the library
// linkable; the reader's own (strong) definition replaces it at link time.
#include <fmt/format.h>

#include "hardcheck/evidence.hpp"

namespace hardcheck {

__attribute__((weak)) std::vector<XmlMatch> ConfigDocument::select(std::string_view) const {
    throw InputError(Diagnostic{{file, 0, 0}, "XML configuration files cannot be queried: no reader is built in"});
}

}  // namespace hardcheck
