#include "eval/host_facts.hpp"

#include <fmt/format.h>

#include "baseline/fact_sources.hpp"
#include "eval/operators.hpp"

namespace hardcheck::detail {

namespace {

std::string lower_ascii(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

FactValue from_registry_value(const HostEvidence& host, std::string_view key, std::string_view value) {
    FactValue f;
    f.source = fmt::format("{}\\{}", key, value);
    const auto canonical = canonical_reg_key(key);
    const RegLookup found = host.registry.lookup(*canonical, value);
    f.presence = found.presence;
    if (found.presence == Presence::present) {
        f.where = found.value->where;
        f.text = found.value->is_number() ? std::to_string(found.value->number & 0xFFFFFFFFULL) : found.value->text;
    } else if (found.presence == Presence::absent) {
        f.where = found.key ? found.key->where : found.coverage->where;
    } else if (found.presence == Presence::damaged) {
        f.where = *found.damage;
    }
    return f;
}

FactValue from_key_presence(const HostEvidence& host, std::string_view key) {
    FactValue f;
    f.source = fmt::format("key {}", key);
    const auto canonical = canonical_reg_key(key);
    const SourceLocation* damage = nullptr;
    const Presence p = host.registry.key_presence(*canonical, &damage);
    if (p == Presence::not_collected) return f;
    if (p == Presence::damaged) {
        f.presence = Presence::damaged;
        f.where = *damage;
        return f;
    }
    f.presence = Presence::present;
    f.text = p == Presence::present ? "true" : "false";
    if (const RegKey* k = host.registry.find_key(*canonical))
        f.where = k->where;
    else if (const CoveredRoot* root = host.registry.covering(*canonical))
        f.where = root->where;
    return f;
}

FactValue exchange_build_fact(const HostEvidence& host) {
    FactValue f;
    f.source = "ExSetup FileVersionInfo FileVersion";
    const ObjectCollection* files = host.find_objects(kFileVersionType);
    if (!files) return f;
    // Prefer ExSetup.exe's version info when the export holds several files.
    const PsObject* chosen = files->objects.empty() ? nullptr : files->objects.front().get();
    for (const auto& o : files->objects) {
        const PsValue* name = o->property("FileName");
        if (name && name->kind == PsValue::Kind::string && lower_ascii(name->text).find("exsetup") != std::string::npos) {
            chosen = o.get();
            break;
        }
    }
    if (!chosen) {
        f.presence = Presence::absent;
        return f;
    }
    const PsValue* version = chosen->property("FileVersion");
    if (!version || version->kind == PsValue::Kind::null) {
        f.presence = Presence::absent;
        f.where = chosen->where;
        return f;
    }
    f.where = version->where;
    if (auto normal = normalise_build(version->text)) {
        f.presence = Presence::present;
        f.text = *normal;
    } else {
        f.presence = Presence::damaged;
        f.text = version->text;
    }
    return f;
}

FactValue role_edge_fact(const HostEvidence& host) {
    if (const ObjectCollection* servers = host.find_objects(kExchangeServerType)) {
        // The server object of this host, or the only one exported.
        const PsObject* mine = servers->objects.size() == 1 ? servers->objects.front().get() : nullptr;
        for (const auto& o : servers->objects)
            if (const PsValue* n = o->property("Name"); n && iequals(n->text, host.host)) mine = o.get();
        if (mine) {
            if (const PsValue* edge = mine->property("IsEdgeServer"); edge && edge->kind == PsValue::Kind::boolean) {
                FactValue f;
                f.presence = Presence::present;
                f.text = edge->boolean ? "true" : "false";
                f.where = edge->where;
                f.source = "Get-ExchangeServer IsEdgeServer";
                return f;
            }
        }
    }
    return from_key_presence(host, kEdgeRoleKey);
}

}  // namespace

std::optional<std::string> normalise_build(std::string_view text) {
    auto parts = parse_version(text);
    if (!parts || parts->size() < 2) return std::nullopt;
    std::string out;
    for (std::size_t i = 0; i < parts->size(); ++i) out += fmt::format("{}{}", i ? "." : "", (*parts)[i]);
    return out;
}

std::string exchange_line(std::string_view build) {
    auto parts = parse_version(build);
    if (!parts || parts->size() < 3 || (*parts)[0] != 15) return {};
    // Exchange build numbers: https://learn.microsoft.com/exchange/new-features/build-numbers-and-release-dates
    if ((*parts)[1] == 0) return "2013";
    if ((*parts)[1] == 1) return "2016";
    if ((*parts)[1] == 2) return (*parts)[2] >= 2562 ? "SE" : "2019";
    return {};
}

FactValue host_fact(const HostEvidence& host, const std::string& name) {
    if (auto it = host.facts.find(name); it != host.facts.end()) {
        FactValue f;
        f.presence = Presence::present;
        f.text = it->second;
        f.source = "host.yaml";
        f.where = {(host.directory / "host.yaml").string(), 0, 0};
        if (name == "roles") {
            // host.yaml lists are joined with commas by the bundle reader.
            f.is_list = true;
            std::string_view rest = it->second;
            while (!rest.empty()) {
                const auto comma = rest.find(',');
                f.list.emplace_back(rest.substr(0, comma));
                rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
            }
        }
        return f;
    }
    if (name == "host") {
        FactValue f;
        f.presence = host.host.empty() ? Presence::not_collected : Presence::present;
        f.text = host.host;
        f.source = "bundle directory";
        return f;
    }
    if (name == "os_build") return from_registry_value(host, kCurrentVersionKey, "CurrentBuild");
    if (name == "ubr") return from_registry_value(host, kCurrentVersionKey, "UBR");
    if (name == "exchange_build") return exchange_build_fact(host);
    if (name == "exchange_line") {
        FactValue f = exchange_build_fact(host);
        f.source = "exchange_build";
        if (f.presence == Presence::present) {
            f.text = exchange_line(f.text);
            if (f.text.empty()) f.presence = Presence::damaged;
        }
        return f;
    }
    if (name == "role_edge") return role_edge_fact(host);
    if (name == "wsus_server") return from_key_presence(host, kWsusSetupKey);
    FactValue unknown;
    unknown.source = fmt::format("fact {}", name);
    return unknown;
}

}  // namespace hardcheck::detail
