// Where derived host facts come from (CHECKS.md §0.3): the loader adds these to a
// baseline's evidence needs, the evaluator reads them.
#pragma once

#include <string>
#include <string_view>

#include "hardcheck/evidence.hpp"

namespace hardcheck::detail {

// CurrentBuild and UBR: https://learn.microsoft.com/windows/release-health/windows-server-release-info
inline constexpr std::string_view kCurrentVersionKey = "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion";
// Keys HealthChecker reads to tell an Edge Transport server and a WSUS server
// (microsoft/CSS-Exchange, Diagnostics/HealthChecker; CHECKS.md §0.3).
inline constexpr std::string_view kEdgeRoleKey = "HKLM\\SOFTWARE\\Microsoft\\ExchangeServer\\v15\\EdgeTransportRole";
inline constexpr std::string_view kWsusSetupKey = "HKLM\\SOFTWARE\\Microsoft\\Update Services\\Server\\Setup";
// `Get-Command ExSetup.exe | % FileVersionInfo` exports these objects.
inline constexpr std::string_view kFileVersionType = "System.Diagnostics.FileVersionInfo";
inline constexpr std::string_view kExchangeServerType = "Get-ExchangeServer";

// Adds the registry keys and object types a derived fact reads.
inline void add_host_fact_needs(const std::string& name, EvidenceNeeds& needs) {
    auto key = [&](std::string_view k) { needs.registry_keys.insert(*canonical_reg_key(k)); };
    auto type = [&](std::string_view t) {
        auto names = object_type_names_for(t);
        if (names.empty()) names.emplace_back(t);
        needs.object_types.insert(names.begin(), names.end());
        EvidenceNeeds source = EvidenceNeeds::none();
        source.object_sources.emplace_back(t);
        needs.merge(source);
    };
    if (name == "os_build" || name == "ubr") key(kCurrentVersionKey);
    if (name == "exchange_build" || name == "exchange_line") type(kFileVersionType);
    if (name == "role_edge") {
        type(kExchangeServerType);
        key(kEdgeRoleKey);
    }
    if (name == "wsus_server") key(kWsusSetupKey);
    if (name == "os_update_lag_days") {  // EXV-06: CurrentBuild/UBR, else Get-HotFix
        key(kCurrentVersionKey);
        type("Get-HotFix");
    }
}

}  // namespace hardcheck::detail
