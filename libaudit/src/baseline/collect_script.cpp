// The evidence collection script, written from the compiled needs of baselines.
//
// Safety: every name that comes from a baseline (registry keys, cmdlet names, event
// providers and channels) reaches the script only through powershell_quote, as
// data; cmdlet names are also checked to be Verb-Noun.  Nothing the script reads
// on the server is executed: exported values are only written to files.
#include "ascii.hpp"
#include "hardcheck/collect_script.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <set>

#include <fmt/format.h>

#include "hardcheck/version.hpp"

namespace hardcheck {

namespace {

using detail::iequals;

bool starts_with_ci(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

// Decodes one UTF-8 sequence at s[i]; an invalid byte becomes U+FFFD on its own.
std::uint32_t next_code_point(std::string_view s, std::size_t& i) {
    const auto lead = static_cast<unsigned char>(s[i]);
    std::size_t extra = 0;
    std::uint32_t cp = lead;
    if (lead >= 0xF0 && lead < 0xF8) {
        extra = 3;
        cp = lead & 0x07u;
    } else if (lead >= 0xE0) {
        extra = lead < 0xF0 ? 2 : 0;
        cp = lead & 0x0Fu;
    } else if (lead >= 0xC2) {
        extra = 1;
        cp = lead & 0x1Fu;
    }
    if (lead >= 0x80 && (extra == 0 || i + extra >= s.size())) {
        ++i;
        return 0xFFFD;
    }
    for (std::size_t k = 1; k <= extra; ++k) {
        const auto c = static_cast<unsigned char>(s[i + k]);
        if ((c & 0xC0) != 0x80) {
            ++i;
            return 0xFFFD;
        }
        cp = (cp << 6) | (c & 0x3Fu);
    }
    i += extra + 1;
    return cp;
}

// Cmdlets whose arguments matter for a complete export.  Without -ResultSize
// Unlimited, Exchange's Get-User stops at 1,000 objects, and a check over a cut list
// could pass on what it never saw
// (https://learn.microsoft.com/powershell/module/exchange/get-user).
// Get-RoleGroupMember needs the group: RBAC-01 reads Organization Management
// (https://learn.microsoft.com/powershell/module/exchange/get-rolegroupmember).
struct CmdletArguments {
    std::string_view cmdlet;
    std::string_view arguments;
};
// Get-ClientAccessService needs the switch for KRB-02's alternate service account
// credentials (https://learn.microsoft.com/powershell/module/exchange/get-clientaccessservice).
constexpr std::array<CmdletArguments, 3> kArguments{{
    {"Get-User", "ResultSize = 'Unlimited'"},
    {"Get-RoleGroupMember", "Identity = 'Organization Management'"},
    {"Get-ClientAccessService", "Identity = $env:COMPUTERNAME; IncludeAlternateServiceAccountCredentialStatus = $true"},
}};

// Type names whose cmdlet is not Get-<type>.  Virtual directory objects are
// AD<Name>VirtualDirectory, returned by Get-<Name>VirtualDirectory; the RPC over
// HTTP one by Get-OutlookAnywhere
// (https://learn.microsoft.com/powershell/module/exchange/get-outlookanywhere); the
// ClientAccessServer objects by Get-ClientAccessService since Exchange 2016.
struct TypeCmdlet {
    std::string_view type;
    std::string_view cmdlet;
};
constexpr std::array<TypeCmdlet, 2> kTypeCmdlets{{
    {"ADRpcHttpVirtualDirectory", "Get-OutlookAnywhere"},
    {"ClientAccessServer", "Get-ClientAccessService"},
}};

// Cmdlets of Windows itself; any other Get- cmdlet a baseline names is taken to be
// an Exchange one (the script then loads the Exchange snap-in first).
constexpr std::array<std::string_view, 9> kWindowsCmdlets{
    "Get-Service", "Get-WindowsFeature", "Get-MpComputerStatus", "Get-MpPreference", "Get-SmbServerConfiguration",
    "Get-SmbClientConfiguration", "Get-HotFix", "Get-WinEvent", "Get-TlsCipherSuite"};

// The file version of ExSetup.exe is how the Exchange build is read
// (https://learn.microsoft.com/exchange/new-features/build-numbers-and-release-dates).
constexpr std::string_view kFileVersionType = "System.Diagnostics.FileVersionInfo";
constexpr std::string_view kFileVersionCmdlet = "Get-HcExSetupVersion";  // defined by the script

bool is_verb_noun(std::string_view name) {
    const auto dash = name.find('-');
    if (dash == 0 || dash == std::string_view::npos || dash + 1 == name.size()) return false;
    return std::all_of(name.begin(), name.end(), [&](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    }) && name.find('-', dash + 1) == std::string_view::npos;
}

// Letters, digits, '-' and '_' of `name`, for file names the script writes.
std::string file_stem(std::string_view name) {
    std::string out;
    for (char c : name)
        out += (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ? c : '_';
    return out.substr(0, 60);
}

std::vector<std::string> split_key(const std::string& key) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (;;) {
        const auto sep = key.find('\\', start);
        parts.push_back(key.substr(start, sep - start));
        if (sep == std::string::npos) break;
        start = sep + 1;
    }
    return parts;
}

// The key, then the ancestors the script may export instead when the key does not
// exist: at most three levels up, never shallower than ROOT\A\B\C\D, so that what is
// exported stays small (the script also refuses an ancestor with over 5,000 subkeys).
std::vector<std::string> export_candidates(const std::string& key) {
    constexpr std::size_t kMinDepth = 5;
    constexpr std::size_t kMaxLevelsUp = 3;
    std::vector<std::string> out{key};
    auto parts = split_key(key);
    for (std::size_t up = 1; up <= kMaxLevelsUp && parts.size() - 1 >= kMinDepth; ++up) {
        parts.pop_back();
        std::string joined;
        for (const auto& p : parts) joined += (joined.empty() ? "" : "\\") + p;
        out.push_back(joined);
    }
    return out;
}

std::string quoted_list(const std::vector<std::string>& items) {
    std::string out = "@(";
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + powershell_quote(items[i]);
    return out + ")";
}

// The fixed part of the script: parameters and the helper functions.  Each helper
// only reads the server and writes below $OutputDirectory.
constexpr std::string_view kPrologue = R"PS(
[CmdletBinding()]
param(
    # Where the bundle is written (one directory per host).
    [string]$OutputDirectory = (Join-Path -Path (Get-Location) -ChildPath $env:COMPUTERNAME),
    # Earliest event to export.  Default: every event the logs still hold, so that an
    # indicator check never passes for want of older events.
    [Nullable[datetime]]$StartTime = $null
)
Set-StrictMode -Version 2.0
$ErrorActionPreference = 'Continue'
$script:Missing = 0

function New-HcDirectory([string]$Name) {
    $path = Join-Path -Path $OutputDirectory -ChildPath $Name
    New-Item -ItemType Directory -Force -Path $path | Out-Null
    return $path
}

# reg export of the first candidate key that exists.  A candidate other than the key
# itself is an ancestor: exporting it records the missing key as absent (not "not
# collected"), so it is used only while it stays small.
function Export-HcRegistryKey([string]$Name, [string[]]$Candidates) {
    foreach ($key in $Candidates) {
        if (-not (Test-Path -LiteralPath ('Registry::' + $key))) { continue }
        if ($key -ne $Candidates[0]) {
            $subkeys = @(Get-ChildItem -LiteralPath ('Registry::' + $key) -Recurse -ErrorAction SilentlyContinue |
                Select-Object -First 5001).Count
            if ($subkeys -gt 5000) { break }
        }
        $file = Join-Path -Path (New-HcDirectory 'registry') -ChildPath ($Name + '.reg')
        & reg.exe export $key $file /y | Out-Null
        if ($LASTEXITCODE -eq 0) { return }
        # A partial export would make the keys it lacks look absent: drop it.
        Remove-Item -LiteralPath $file -ErrorAction SilentlyContinue
        Write-Warning ('reg export failed for ' + $key)
        break
    }
    Write-Warning ('not collected: ' + $Candidates[0])
    $script:Missing++
}

# Export-Clixml of what one Get- cmdlet returns.
function Export-HcObjects([string]$Name, [string]$Cmdlet, [hashtable]$Arguments) {
    if (-not (Get-Command -Name $Cmdlet -ErrorAction SilentlyContinue)) {
        Write-Warning ('not collected: ' + $Cmdlet + ' is not available in this shell')
        $script:Missing++
        return
    }
    $file = Join-Path -Path (New-HcDirectory 'objects') -ChildPath ($Name + '.xml')
    try {
        & $Cmdlet @Arguments -ErrorAction Stop | Export-Clixml -LiteralPath $file -Depth 2
    } catch {
        Write-Warning ('not collected: ' + $Cmdlet + ': ' + $_.Exception.Message)
        Remove-Item -LiteralPath $file -ErrorAction SilentlyContinue
        $script:Missing++
    }
}

# The file version of ExSetup.exe: the installed Exchange build.
function Get-HcExSetupVersion {
    [CmdletBinding()] param()
    $exsetup = Get-Command -Name 'ExSetup.exe' -ErrorAction SilentlyContinue
    if ($exsetup) { return $exsetup.FileVersionInfo }
    if ($env:ExchangeInstallPath) {
        $path = Join-Path -Path $env:ExchangeInstallPath -ChildPath 'bin\ExSetup.exe'
        if (Test-Path -LiteralPath $path) { return (Get-Item -LiteralPath $path).VersionInfo }
    }
    throw 'ExSetup.exe not found'
}

# A copy of one configuration file; the name must keep its ending (web.config,
# machine.config) because that is how hardcheck tells the kinds apart.
function Copy-HcConfig([string]$Path, [string]$Name) {
    if (-not (Test-Path -LiteralPath $Path)) {
        Write-Warning ('not collected: ' + $Path)
        $script:Missing++
        return
    }
    Copy-Item -LiteralPath $Path -Destination (Join-Path -Path (New-HcDirectory 'config') -ChildPath $Name)
}

# The root web.config of an IIS site, found through applicationHost.config.
function Copy-HcSiteWebConfig([string]$Site, [string]$Name) {
    $appHost = Join-Path -Path $env:windir -ChildPath 'System32\inetsrv\config\applicationHost.config'
    $physical = $null
    if (Test-Path -LiteralPath $appHost) {
        $xml = New-Object -TypeName System.Xml.XmlDocument
        $xml.Load($appHost)
        foreach ($s in $xml.SelectNodes('/configuration/system.applicationHost/sites/site')) {
            if ($s.GetAttribute('name') -ne $Site) { continue }
            $vdir = $s.SelectSingleNode("application[@path='/']/virtualDirectory[@path='/']")
            if ($vdir) { $physical = [Environment]::ExpandEnvironmentVariables($vdir.GetAttribute('physicalPath')) }
        }
    }
    if (-not $physical) {
        Write-Warning ('not collected: no site ' + $Site + ' in applicationHost.config')
        $script:Missing++
        return
    }
    Copy-HcConfig -Path (Join-Path -Path $physical -ChildPath 'web.config') -Name $Name
}

# Get-WinEvent with one filter, to CLIXML.  No matching event writes no file: the
# checks then say "not collected" rather than pass on an empty export.
function Export-HcEvents([string]$Name, [hashtable]$Filter) {
    if ($null -ne $StartTime) { $Filter['StartTime'] = $StartTime }
    $file = Join-Path -Path (New-HcDirectory 'events') -ChildPath ($Name + '.xml')
    try {
        Get-WinEvent -FilterHashtable $Filter -ErrorAction Stop | Export-Clixml -LiteralPath $file
    } catch {
        Write-Warning ('no events exported for ' + $Name + ': ' + $_.Exception.Message)
        Remove-Item -LiteralPath $file -ErrorAction SilentlyContinue
        $script:Missing++
    }
}

# Files left by an earlier run would pass for this run's evidence.
if ((Test-Path -LiteralPath $OutputDirectory) -and @(Get-ChildItem -LiteralPath $OutputDirectory -Force).Count -gt 0) {
    throw ('-OutputDirectory ' + $OutputDirectory + ' is not empty: give a new directory')
}
New-Item -ItemType Directory -Force -Path $OutputDirectory | Out-Null
# Absolute: reg.exe resolves a relative path against the process's directory, not
# PowerShell's current location.
$OutputDirectory = (Resolve-Path -LiteralPath $OutputDirectory).ProviderPath
)PS";

// host.yaml: host name, collection time, roles.  internet_facing is for people to add.
constexpr std::string_view kManifest = R"PS(
# host.yaml.  internet_facing, load_balanced and namespace (KRB-02) and similar facts
# only people know: add them by hand.
$roles = @()
if (Get-Command -Name 'Get-ExchangeServer' -ErrorAction SilentlyContinue) {
    try {
        $server = Get-ExchangeServer -Identity $env:COMPUTERNAME -ErrorAction Stop
        $roles += @(([string]$server.ServerRole).Split(',') | ForEach-Object { $_.Trim().ToLowerInvariant() } | Where-Object { $_ })
    } catch { Write-Warning ('roles: ' + $_.Exception.Message) }
}
if (Get-Service -Name 'WsusService' -ErrorAction SilentlyContinue) { $roles += 'wsus' }
$yamlQuote = { param([string]$s) "'" + $s.Replace("'", "''") + "'" }
$manifest = @(
    ('host: ' + (& $yamlQuote $env:COMPUTERNAME)),
    ('collected_at: ' + (& $yamlQuote ((Get-Date).ToUniversalTime().ToString('yyyy-MM-ddTHH:mm:ssZ')))),
    ('roles: [' + (($roles | ForEach-Object { & $yamlQuote $_ }) -join ', ') + ']')
)
Set-Content -LiteralPath (Join-Path -Path $OutputDirectory -ChildPath 'host.yaml') -Value $manifest -Encoding UTF8

if ($script:Missing -gt 0) {
    Write-Warning ([string]$script:Missing + ' item(s) not collected: the checks that need them will say so.')
}
Write-Host ('hardcheck bundle written to ' + $OutputDirectory)
)PS";

void write_registry(std::string& out, const EvidenceNeeds& needs) {
    const auto roots = registry_export_roots(needs);
    if (roots.empty()) return;
    out += "\n# Registry: each needed key, or the parent of needed siblings (or, when it is\n"
           "# missing, a small ancestor).\n";
    int n = 0;
    for (const auto& key : roots) {
        ++n;
        if (key.find('"') != std::string::npos) {
            // reg.exe cannot be given such a key safely on Windows PowerShell 5.1.
            out += fmt::format("Write-Warning ('not collected (quote in key name): ' + {})\n", powershell_quote(key));
            continue;
        }
        out += fmt::format("Export-HcRegistryKey -Name 'registry-{:03}' -Candidates {}\n", n,
                           quoted_list(export_candidates(key)));
    }
}

void write_objects(std::string& out, const EvidenceNeeds& needs) {
    if (needs.object_sources.empty()) return;
    std::vector<ObjectCollector> collectors;
    std::vector<std::string> unknown;
    for (const auto& source : needs.object_sources) {
        auto c = object_collector_for(source);
        if (c.cmdlet.empty()) {
            unknown.push_back(source);
            continue;
        }
        const bool seen = std::any_of(collectors.begin(), collectors.end(), [&](const ObjectCollector& o) {
            return iequals(o.cmdlet, c.cmdlet) && o.arguments == c.arguments;
        });
        if (!seen) collectors.push_back(std::move(c));
    }
    out += "\n# PowerShell objects (Export-Clixml).\n";
    if (std::any_of(collectors.begin(), collectors.end(), [](const ObjectCollector& c) { return c.exchange; }))
        out += "if (-not (Get-Command -Name 'Get-ExchangeServer' -ErrorAction SilentlyContinue)) {\n"
               "    # Exchange cmdlets: the Exchange Management Shell snap-in, when not already loaded.\n"
               "    Add-PSSnapin -Name 'Microsoft.Exchange.Management.PowerShell.SnapIn' -ErrorAction SilentlyContinue\n"
               "}\n";
    for (const auto& c : collectors)
        out += fmt::format("Export-HcObjects -Name {} -Cmdlet {} -Arguments @{{{}}}\n",
                           powershell_quote("objects-" + file_stem(c.cmdlet)), powershell_quote(c.cmdlet), c.arguments);
    for (const auto& source : unknown)
        out += fmt::format("Write-Warning ('not collected: no cmdlet known for object type ' + {})\n",
                           powershell_quote(source));
}

void write_configs(std::string& out, const EvidenceNeeds& needs) {
    if (!needs.configs) return;
    auto wants = [&](std::string_view kind) {
        return std::any_of(needs.config_kinds.begin(), needs.config_kinds.end(), [&](const std::string& k) {
            return k == kind || k == "config" || k == "any";
        }) || needs.config_kinds.empty();
    };
    out += "\n# Configuration files, copied as they are.\n";
    // IIS keeps its configuration here (https://learn.microsoft.com/iis/get-started/planning-your-iis-architecture/introduction-to-applicationhostconfig).
    if (wants("applicationHost"))
        out += "Copy-HcConfig -Path (Join-Path -Path $env:windir -ChildPath 'System32\\inetsrv\\config\\applicationHost.config') "
               "-Name 'applicationHost.config'\n";
    // The root web.config of the two Exchange sites (CHECKS.md 3.3).
    if (wants("web.config")) {
        out += "Copy-HcSiteWebConfig -Site 'Default Web Site' -Name 'default-web-site.web.config'\n";
        out += "Copy-HcSiteWebConfig -Site 'Exchange Back End' -Name 'exchange-back-end.web.config'\n";
    }
    if (wants("machine.config"))
        out += "Copy-HcConfig -Path (Join-Path -Path $env:windir -ChildPath "
               "'Microsoft.NET\\Framework64\\v4.0.30319\\Config\\machine.config') -Name 'machine.config'\n";
}

void write_events(std::string& out, const EvidenceNeeds& needs) {
    if (!needs.events) return;
    out += "\n# Event log records (Get-WinEvent | Export-Clixml).\n";
    int n = 0;
    for (const auto& f : needs.event_filters) {
        ++n;
        if (f.channel.empty() && f.provider.empty()) {
            out += "Write-Warning 'not collected: an events check names neither a channel nor a provider'\n";
            continue;
        }
        std::string filter;
        if (!f.channel.empty()) filter += "LogName = " + powershell_quote(f.channel);
        if (!f.provider.empty()) filter += (filter.empty() ? "" : "; ") + std::string("ProviderName = ") + powershell_quote(f.provider);
        if (!f.ids.empty()) {
            filter += "; Id = @(";
            for (std::size_t i = 0; i < f.ids.size(); ++i) filter += (i ? ", " : "") + std::to_string(f.ids[i]);
            filter += ")";
        }
        out += fmt::format("Export-HcEvents -Name 'events-{:02}' -Filter @{{{}}}\n", n, filter);
    }
}

}  // namespace

std::string powershell_quote(std::string_view text) {
    std::vector<std::string> pieces{""};  // a string first, so '+' concatenates
    bool literal_open = true;
    auto add_char = [&](std::uint32_t cp) {
        pieces.push_back(fmt::format("[char]0x{:04X}", cp));
        literal_open = false;
    };
    for (std::size_t i = 0; i < text.size();) {
        const std::uint32_t cp = next_code_point(text, i);
        if (cp < 0x20 || cp == 0x7F || cp >= 0x80) {
            // Non-ASCII goes in as code units: the script stays ASCII, and no quote
            // look-alike (U+2018..U+201B) can close the literal.
            if (cp > 0xFFFF) {
                add_char(0xD800 + ((cp - 0x10000) >> 10));
                add_char(0xDC00 + ((cp - 0x10000) & 0x3FF));
            } else {
                add_char(cp);
            }
            continue;
        }
        if (!literal_open) {
            pieces.emplace_back();
            literal_open = true;
        }
        pieces.back() += static_cast<char>(cp);
        if (cp == '\'') pieces.back() += '\'';
    }
    auto literal = [](const std::string& p) { return p.rfind("[char]", 0) == 0 ? p : "'" + p + "'"; };
    if (pieces.size() == 1) return literal(pieces.front());
    std::string out = "(";
    for (std::size_t i = 0; i < pieces.size(); ++i) out += (i ? " + " : "") + literal(pieces[i]);
    return out + ")";
}

ObjectCollector object_collector_for(std::string_view source) {
    ObjectCollector c;
    std::string cmdlet;
    if (starts_with_ci(source, "Get-")) {
        cmdlet = std::string(source);
    } else if (iequals(source, kFileVersionType)) {
        c.cmdlet = std::string(kFileVersionCmdlet);
        c.exchange = true;
        return c;
    } else {
        for (const auto& t : kTypeCmdlets)
            if (iequals(t.type, source)) cmdlet = std::string(t.cmdlet);
        if (cmdlet.empty()) {
            std::string_view type = source.substr(source.rfind('.') == std::string_view::npos ? 0 : source.rfind('.') + 1);
            constexpr std::string_view kVdir = "VirtualDirectory";
            if (starts_with_ci(type, "AD") && type.size() > 2 + kVdir.size() &&
                iequals(type.substr(type.size() - kVdir.size()), kVdir))
                type.remove_prefix(2);
            cmdlet = "Get-" + std::string(type);
        }
    }
    if (!is_verb_noun(cmdlet)) return c;  // not a name the script may call
    c.cmdlet = cmdlet;
    for (const auto& a : kArguments)
        if (iequals(a.cmdlet, cmdlet)) c.arguments = std::string(a.arguments);
    c.exchange = std::none_of(kWindowsCmdlets.begin(), kWindowsCmdlets.end(),
                              [&](std::string_view w) { return iequals(w, cmdlet); });
    return c;
}

std::vector<std::string> registry_export_roots(const EvidenceNeeds& needs) {
    auto is_below = [](const std::string& key, const std::string& root) {
        return key.size() > root.size() && key.compare(0, root.size(), root) == 0 && key[root.size()] == '\\';
    };
    auto drop_covered = [&](std::vector<std::string> keys) {
        std::sort(keys.begin(), keys.end());
        keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
        std::vector<std::string> roots;
        for (const auto& key : keys)
            if (std::none_of(roots.begin(), roots.end(), [&](const std::string& r) { return is_below(key, r); }))
                roots.push_back(key);
        return roots;
    };
    // Siblings share one export of their parent when it is deep enough to be small
    // (SCHANNEL\Protocols\TLS 1.0 for its Client and Server): fewer files, and a
    // sibling that does not exist is then absent rather than not collected.
    constexpr std::size_t kMinGroupDepth = 6;
    auto roots = drop_covered({needs.registry_keys.begin(), needs.registry_keys.end()});
    for (bool changed = true; changed;) {
        changed = false;
        std::map<std::string, int> children;
        for (const auto& r : roots) {
            const auto sep = r.rfind('\\');
            if (sep != std::string::npos) ++children[r.substr(0, sep)];
        }
        for (const auto& [parent, count] : children) {
            if (count < 2 || split_key(parent).size() < kMinGroupDepth) continue;
            roots.push_back(parent);
            changed = true;
        }
        if (changed) roots = drop_covered(std::move(roots));
    }
    return roots;
}

std::string collect_script(const std::vector<const CompiledBaseline*>& baselines) {
    EvidenceNeeds needs = EvidenceNeeds::none();
    std::string ids;
    for (const auto* b : baselines) {
        needs.merge(b->needs);
        ids += (ids.empty() ? "" : ", ") + file_stem(b->id);  // ids are free text: keep comments plain
    }
    std::string out = fmt::format(
        "# hardcheck {} evidence collection for: {}\n"
        "# Written by `hardcheck collect-script` from what these baselines read.\n"
        "# Run on the server, elevated (and in the Exchange Management Shell for Exchange):\n"
        "#   powershell.exe -NoProfile -ExecutionPolicy Bypass -File collect.ps1 -OutputDirectory D:\\bundles\\HOST\n"
        "# It only reads the server; everything goes below -OutputDirectory.",
        version_string(), ids);
    out += kPrologue;
    write_registry(out, needs);
    write_objects(out, needs);
    write_configs(out, needs);
    write_events(out, needs);
    out += kManifest;
    return out;
}

}  // namespace hardcheck
