// HealthChecker's TLS settings object into the registry model (see the header).
//
// The object is what CSS-Exchange's Get-AllTlsSettings returns
// (Shared/TLS/Get-AllTlsSettingsFromRegistry.ps1, Get-AllTlsSettings.ps1 at
// https://github.com/microsoft/CSS-Exchange): Registry.TLS is a hashtable keyed by
// version ("1.0" ...) whose values carry Server/Client *EnabledValue and
// *DisabledByDefaultValue (the raw registry values, $null when the value is not
// set); Registry.NET is keyed NETv4/NETv2 with [Wow]SystemDefaultTlsVersionsValue and
// [Wow]SchUseStrongCryptoValue; TlsCipherSuite is Get-TlsCipherSuite's output.
#include "evidence/healthchecker_tls.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include <fmt/format.h>

#include "ascii.hpp"

namespace hardcheck::detail {

namespace {

using Kind = PsValue::Kind;

constexpr std::string_view kSchannelProtocols = "Control\\SecurityProviders\\SCHANNEL\\Protocols";
// Type of the cipher suites Get-TlsCipherSuite writes (TlsCipherSuite object in
// the corpus's GetAllTlsSettings.xml).
constexpr std::string_view kCipherSuiteType = "Microsoft.WindowsAuthenticationProtocols.Commands.TlsCipherSuite";

const PsValue* member(const PsValue& v, std::string_view name) {
    return v.object ? v.object->property(name) : nullptr;
}

const PsValue* dictionary_member(const PsObject& object, std::string_view name) {
    const PsValue* registry = object.property("Registry");
    if (!registry || registry->kind != Kind::object) return nullptr;
    const PsValue* d = member(*registry, name);
    return d && d->kind == Kind::dictionary ? d : nullptr;
}

// The registry path of HKLM\SYSTEM\CurrentControlSet for this view.  An export of
// the SYSTEM hive may hold ControlSet00N without CurrentControlSet (CHECKS.md §0.1,
// P13); mapped keys then go to the set Select\Current names, so that the view's own
// CurrentControlSet mapping keeps working.  nullopt: control sets but no Select.
std::optional<std::string> current_control_set(const RegistryView& view) {
    const std::string ccs = "HKEY_LOCAL_MACHINE\\SYSTEM\\CURRENTCONTROLSET";
    const std::string sets = "HKEY_LOCAL_MACHINE\\SYSTEM\\CONTROLSET";
    const auto& keys = view.keys();
    const auto has_prefix = [&](const std::string& prefix) {
        const auto it = keys.lower_bound(prefix);
        return it != keys.end() && it->first.starts_with(prefix);
    };
    if (has_prefix(ccs) || !has_prefix(sets)) return "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet";
    const auto found = view.lookup("HKEY_LOCAL_MACHINE\\SYSTEM\\Select", "Current");
    if (found.presence != Presence::present || found.value->type != static_cast<std::uint32_t>(RegType::dword) ||
        found.value->number < 1 || found.value->number > 999)
        return std::nullopt;
    return fmt::format("HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet{:03}", found.value->number);
}

class Mapper {
public:
    explicit Mapper(HostEvidence& host) : host_(host) {}

    void problem(const SourceLocation& where, std::string message) {
        host_.problems.push_back({where, fmt::format("HealthChecker TLS settings: {}", message)});
    }

    // A key the object reports.  Null when a real export already covers it (the
    // export wins) or when the key cannot be named.
    RegKey* open(const std::string& display, const SourceLocation& where) {
        const auto canonical = canonical_reg_key(display);
        if (!canonical || host_.registry.covers(display)) return nullptr;
        host_.registry.add_covered_root(*canonical, where);
        RegKey& key = host_.registry.open_key(*canonical, display, where);
        key.origin = kHealthCheckerTlsOrigin;
        return &key;
    }

    // One value: an integer is a REG_DWORD (normalised to 32 bits, §0.1), a string a
    // REG_SZ (as Get-ItemProperty reads one), Nil is absent; anything else, or a
    // missing property, is damaged.
    void value(RegKey& key, const PsValue& holder, std::string_view property, std::string_view name) {
        const PsValue* v = member(holder, property);
        if (!v) {
            problem(holder.where, fmt::format("property {} is missing", property));
            host_.registry.add_damaged_value(key, std::string(name), holder.where);
            return;
        }
        RegValue out;
        out.name = std::string(name);
        out.where = v->where;
        switch (v->kind) {
            case Kind::null:
                key.null_values.push_back({v->where, std::string(name)});
                return;
            case Kind::integer:
                out.type = static_cast<std::uint32_t>(RegType::dword);
                out.number = static_cast<std::uint64_t>(v->integer) & 0xFFFFFFFFULL;
                break;
            case Kind::unsigned_integer:
                out.type = static_cast<std::uint32_t>(RegType::dword);
                out.number = v->unsigned_integer & 0xFFFFFFFFULL;
                break;
            case Kind::string:
                out.type = static_cast<std::uint32_t>(RegType::sz);
                out.text = v->text;
                break;
            default:
                problem(v->where, fmt::format("{} is neither a number, a string nor Nil", property));
                host_.registry.add_damaged_value(key, std::string(name), v->where);
                return;
        }
        if (out.type == static_cast<std::uint32_t>(RegType::dword))
            for (int i = 0; i < 4; ++i) out.raw.push_back(static_cast<std::uint8_t>(out.number >> (8 * i)));
        key.values.push_back(std::move(out));
    }

    void tls(const PsValue& dictionary) {
        const auto control_set = current_control_set(host_.registry);
        if (!control_set) {
            problem(dictionary.where,
                    "the registry export has control sets but no Select\\Current; TLS protocol values not mapped");
            return;
        }
        for (const auto& entry : dictionary.entries) {
            const std::string version = entry.key.kind == Kind::string ? entry.key.text : std::string();
            if (version != "1.0" && version != "1.1" && version != "1.2" && version != "1.3") {
                problem(entry.key.where, fmt::format("unknown TLS version key '{}'; not mapped", entry.key.text));
                continue;
            }
            const std::string base = fmt::format("{}\\{}\\TLS {}", *control_set, kSchannelProtocols, version);
            const PsValue* named = entry.value.kind == Kind::object ? member(entry.value, "TLSVersion") : nullptr;
            const bool consistent = !named || (named->kind == Kind::string && named->text == version);
            for (const char* side : {"Server", "Client"}) {
                const SourceLocation& where = entry.value.where.line ? entry.value.where : entry.key.where;
                RegKey* key = open(fmt::format("{}\\{}", base, side), where);
                if (!key) continue;
                if (entry.value.kind != Kind::object || !consistent) {
                    // Which version these values belong to is unknown: an error, not a guess.
                    key->damaged_values.push_back({where, "Enabled"});
                    key->damaged_values.push_back({where, "DisabledByDefault"});
                    continue;
                }
                value(*key, entry.value, fmt::format("{}EnabledValue", side), "Enabled");
                value(*key, entry.value, fmt::format("{}DisabledByDefaultValue", side), "DisabledByDefault");
            }
            if (entry.value.kind != Kind::object)
                problem(entry.value.where, fmt::format("TLS {} entry is not an object", version));
            else if (!consistent)
                problem(named->where, fmt::format("TLSVersion '{}' does not match its key '{}'", named->text, version));
        }
    }

    void net(const PsValue& dictionary) {
        for (const auto& entry : dictionary.entries) {
            const std::string name = entry.key.kind == Kind::string ? entry.key.text : std::string();
            std::string_view version;
            if (iequals(name, "NETv4")) version = "v4.0.30319";
            else if (iequals(name, "NETv2")) version = "v2.0.50727";
            else {
                problem(entry.key.where, fmt::format("unknown .NET key '{}'; not mapped", entry.key.text));
                continue;
            }
            const PsValue* named = entry.value.kind == Kind::object ? member(entry.value, "NetVersion") : nullptr;
            const bool consistent = !named || (named->kind == Kind::string && named->text == version);
            const SourceLocation& where = entry.value.where.line ? entry.value.where : entry.key.where;
            for (const bool wow : {false, true}) {
                RegKey* key = open(fmt::format("HKEY_LOCAL_MACHINE\\SOFTWARE\\{}Microsoft\\.NETFramework\\{}",
                                               wow ? "WOW6432Node\\" : "", version),
                                   where);
                if (!key) continue;
                if (entry.value.kind != Kind::object || !consistent) {
                    key->damaged_values.push_back({where, "SystemDefaultTlsVersions"});
                    key->damaged_values.push_back({where, "SchUseStrongCrypto"});
                    continue;
                }
                const char* prefix = wow ? "Wow" : "";
                value(*key, entry.value, fmt::format("{}SystemDefaultTlsVersionsValue", prefix), "SystemDefaultTlsVersions");
                value(*key, entry.value, fmt::format("{}SchUseStrongCryptoValue", prefix), "SchUseStrongCrypto");
            }
            if (entry.value.kind != Kind::object)
                problem(entry.value.where, fmt::format("{} entry is not an object", name));
            else if (!consistent)
                problem(named->where, fmt::format("NetVersion '{}' does not match its key '{}'", named->text, name));
        }
    }

    // The suites become the Get-TlsCipherSuite collection, unless the bundle has
    // that export itself.
    void cipher_suites(const PsValue& list, const std::string& file) {
        if (host_.find_objects("Get-TlsCipherSuite")) return;
        ObjectCollection collection;
        collection.type_name = std::string(kCipherSuiteType);
        collection.files.push_back(file);
        for (const auto& item : list.items) {
            if (item.kind == Kind::object && item.object && !item.object->type_names.empty() &&
                object_type_matches(item.object->type_names.front(), "TlsCipherSuite")) {
                collection.objects.push_back(item.object);
                continue;
            }
            // The list is incomplete: a check over it must not pass.
            Diagnostic d{item.where, "HealthChecker TLS settings: a TlsCipherSuite item is not a cipher suite object"};
            collection.problems.push_back(d);
            host_.problems.push_back(std::move(d));
        }
        host_.objects[collection.type_name] = std::move(collection);
    }

private:
    HostEvidence& host_;
};

}  // namespace

bool is_healthchecker_tls_settings(const PsObject& object) {
    return dictionary_member(object, "TLS") || dictionary_member(object, "NET");
}

void apply_healthchecker_tls(const PsObject& object, HostEvidence& host) {
    Mapper mapper(host);
    if (const PsValue* tls = dictionary_member(object, "TLS")) mapper.tls(*tls);
    if (const PsValue* net = dictionary_member(object, "NET")) mapper.net(*net);
    if (const PsValue* suites = object.property("TlsCipherSuite")) {
        if (suites->kind == Kind::list) mapper.cipher_suites(*suites, object.where.file);
        else if (suites->kind != Kind::null)
            mapper.problem(suites->where, "TlsCipherSuite is not a list; cipher suites not mapped");
    }
}

}  // namespace hardcheck::detail
