// The cmdlet an export file is named after, for exports that carry no type name.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace hardcheck::detail {

// "Get-<Noun>" when `file_name` (the last path component) is the name of an export
// of that cmdlet: `objects-Get-SettingOverride.xml` as `hardcheck collect-script`
// writes it, or `Get-SettingOverride.xml` / `GetSettingOverride.xml` as HealthChecker
// and admins write them (case-insensitive).  Anything else: nullopt.
std::optional<std::string> cmdlet_of_export_name(std::string_view file_name);

}  // namespace hardcheck::detail
