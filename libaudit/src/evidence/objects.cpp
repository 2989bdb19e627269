// Lookups over PowerShell objects and the cmdlet-to-type table.
#include <algorithm>
#include <array>
#include <ostream>

#include "ascii.hpp"
#include "hardcheck/evidence.hpp"

namespace hardcheck {

namespace {

using detail::iequals;

// The last dotted component of a full .NET type name ("...Management.ExchangeServer"),
// without generic arguments ("List`1[[...]]" is "List").
std::string_view short_name(std::string_view full) {
    full = full.substr(0, std::min(full.find('`'), full.find('[')));
    // CIM and WMI objects: "...CimInstance#ROOT/Microsoft/Windows/SMB/MSFT_SmbServerConfiguration".
    if (full.find('#') != std::string_view::npos) return full.substr(full.find_last_of("#/\\") + 1);
    const auto dot = full.rfind('.');
    return dot == std::string_view::npos ? full : full.substr(dot + 1);
}

// Cmdlets whose objects' short type name is not simply the noun.  Facts from the
// Exchange and Windows cmdlet reference (learn.microsoft.com/powershell/module).
struct CmdletType {
    std::string_view cmdlet;
    std::string_view type;  // short type name
};
// Get-RoleGroupMember writes ReducedRecipient objects (as Get-Recipient does: a bundle
// must not hold both) and Get-ManagementRoleAssignment ExchangeRoleAssignmentPresentation
// (Microsoft.Exchange.Data.Directory.Management); RBAC-01/02 read them.
constexpr std::array<CmdletType, 11> kCmdletTypes{{
    {"Get-User", "User"},
    {"Get-Service", "ServiceController"},
    {"Get-MpComputerStatus", "MSFT_MpComputerStatus"},
    {"Get-MpPreference", "MSFT_MpPreference"},
    {"Get-HotFix", "Win32_QuickFixEngineering"},
    {"Get-WinEvent", "EventLogRecord"},
    {"Get-SmbServerConfiguration", "MSFT_SmbServerConfiguration"},
    {"Get-SmbClientConfiguration", "MSFT_SmbClientConfiguration"},
    {"Get-WindowsFeature", "Feature"},
    {"Get-RoleGroupMember", "ReducedRecipient"},
    {"Get-ManagementRoleAssignment", "ExchangeRoleAssignmentPresentation"},
}};

}  // namespace

TypeNames::TypeNames(std::vector<std::string> names) {
    if (!names.empty()) names_ = std::make_shared<const std::vector<std::string>>(std::move(names));
}

const std::vector<std::string>& TypeNames::empty_list() noexcept {
    static const std::vector<std::string> empty;
    return empty;
}

std::ostream& operator<<(std::ostream& out, const TypeNames& names) {
    out << '[';
    for (std::size_t i = 0; i < names.size(); ++i) out << (i ? ", " : "") << names[i];
    return out << ']';
}

const PsValue* PsObject::property(std::string_view name) const {
    for (const auto& p : properties)
        if (iequals(p.name, name)) return &p.value;
    return nullptr;
}

std::vector<std::string> object_type_names_for(std::string_view type_or_cmdlet) {
    std::string_view wanted = type_or_cmdlet;
    for (const auto& entry : kCmdletTypes)
        if (iequals(entry.cmdlet, type_or_cmdlet)) wanted = entry.type;
    if (wanted.size() > 4 && iequals(wanted.substr(0, 4), "Get-")) wanted.remove_prefix(4);
    return {std::string(wanted)};
}

bool object_type_matches(std::string_view type_name, std::string_view wanted) {
    constexpr std::string_view kDeserialized = "Deserialized.";
    if (type_name.size() > kDeserialized.size() && iequals(type_name.substr(0, kDeserialized.size()), kDeserialized))
        type_name.remove_prefix(kDeserialized.size());
    for (const auto& name : object_type_names_for(wanted))
        if (iequals(type_name, name) || iequals(short_name(type_name), name)) return true;
    return false;
}

const ObjectCollection* HostEvidence::find_objects(std::string_view type_or_cmdlet) const {
    for (const auto& [full, collection] : objects)
        if (object_type_matches(full, type_or_cmdlet)) return &collection;
    return nullptr;
}

bool EvidenceNeeds::wants_key(const std::string& canonical) const {
    return everything || registry_keys.count(canonical) != 0;
}

void EvidenceNeeds::merge(const EvidenceNeeds& other) {
    everything = everything || other.everything;
    registry_keys.insert(other.registry_keys.begin(), other.registry_keys.end());
    object_types.insert(other.object_types.begin(), other.object_types.end());
    configs = configs || other.configs;
    events = events || other.events;
    auto add_unique = [](auto& into, const auto& from) {
        for (const auto& item : from)
            if (std::find(into.begin(), into.end(), item) == into.end()) into.push_back(item);
    };
    add_unique(object_sources, other.object_sources);
    add_unique(config_kinds, other.config_kinds);
    add_unique(event_filters, other.event_filters);
}

EvidenceNeeds EvidenceNeeds::none() {
    EvidenceNeeds needs;
    needs.everything = false;
    return needs;
}

}  // namespace hardcheck
