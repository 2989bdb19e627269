// File names of CLIXML exports that say which cmdlet wrote them.
#include "evidence/export_names.hpp"

#include <algorithm>

#include "ascii.hpp"

namespace hardcheck::detail {

namespace {

bool starts_with_ci(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

bool is_alnum(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

}  // namespace

std::optional<std::string> cmdlet_of_export_name(std::string_view name) {
    constexpr std::string_view kExtension = ".xml";
    if (name.size() <= kExtension.size() || !iequals(name.substr(name.size() - kExtension.size()), kExtension))
        return std::nullopt;
    name.remove_suffix(kExtension.size());
    // The collect script's prefix (collect_script.cpp, Export-HcObjects -Name).
    if (starts_with_ci(name, "objects-")) name.remove_prefix(8);
    if (!starts_with_ci(name, "Get")) return std::nullopt;
    name.remove_prefix(3);
    if (!name.empty() && name.front() == '-') name.remove_prefix(1);
    // A noun of letters and digits only: "Get-Foo (1).xml" or "GetFoo_old.xml" is not
    // a name anybody can vouch for.
    if (name.empty() || !std::all_of(name.begin(), name.end(), is_alnum)) return std::nullopt;
    return "Get-" + std::string(name);
}

}  // namespace hardcheck::detail
