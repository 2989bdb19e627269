#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "hardcheck/evidence.hpp"

namespace hardcheck {

namespace {

// Upper-cases ASCII letters.  Non-ASCII UTF-8 is kept as written: Windows folds
// case with its own Unicode table, and the keys checks read are ASCII.
std::string upper_ascii(std::string_view s) {
    std::string out(s);
    // Branch-free, so the compiler can vectorise it (every key line goes through here).
    for (char& c : out) {
        const auto u = static_cast<unsigned char>(c);
        c = static_cast<char>(u - (static_cast<unsigned char>(u - 'a') < 26u ? 32u : 0u));
    }
    return out;
}

struct RootAlias {
    std::string_view alias;
    std::string_view full;
};
constexpr std::array<RootAlias, 13> kRoots{{
    {"HKEY_LOCAL_MACHINE", "HKEY_LOCAL_MACHINE"},
    {"HKLM", "HKEY_LOCAL_MACHINE"},
    {"HKEY_CURRENT_USER", "HKEY_CURRENT_USER"},
    {"HKCU", "HKEY_CURRENT_USER"},
    {"HKEY_CLASSES_ROOT", "HKEY_CLASSES_ROOT"},
    {"HKCR", "HKEY_CLASSES_ROOT"},
    {"HKEY_USERS", "HKEY_USERS"},
    {"HKU", "HKEY_USERS"},
    {"HKEY_CURRENT_CONFIG", "HKEY_CURRENT_CONFIG"},
    {"HKCC", "HKEY_CURRENT_CONFIG"},
    {"HKEY_PERFORMANCE_DATA", "HKEY_PERFORMANCE_DATA"},
    {"HKEY_DYN_DATA", "HKEY_DYN_DATA"},
    {"HKEY_PERFORMANCE_TEXT", "HKEY_PERFORMANCE_TEXT"},
}};

bool is_under(const std::string& key, const std::string& root) {
    return key.size() >= root.size() && key.compare(0, root.size(), root) == 0 &&
           (key.size() == root.size() || key[root.size()] == '\\');
}

// CHECKS.md §0.1 (P13): an export of the whole SYSTEM hive holds ControlSet00N and
// HKLM\SYSTEM\Select, but not necessarily CurrentControlSet, the link Windows makes
// to the set that Select\Current names.  Baselines name CurrentControlSet.
constexpr std::string_view kCurrentControlSet = "HKEY_LOCAL_MACHINE\\SYSTEM\\CURRENTCONTROLSET";
constexpr std::string_view kControlSetPrefix = "HKEY_LOCAL_MACHINE\\SYSTEM\\CONTROLSET";
constexpr std::string_view kSelect = "HKEY_LOCAL_MACHINE\\SYSTEM\\SELECT";

bool has_subtree(const std::map<std::string, RegKey>& keys, const std::string& top) {
    if (keys.count(top)) return true;
    const auto it = keys.lower_bound(top + '\\');
    return it != keys.end() && is_under(it->first, top);
}

enum class SetMapping { unchanged, mapped, unknown };

// Rewrites a canonical CurrentControlSet path to the ControlSet00N it stands for,
// when the export has no CurrentControlSet of its own.  `unknown`: the export has
// control sets but does not say which one is current.
SetMapping map_current_control_set(std::string& canonical, const std::map<std::string, RegKey>& keys,
                                   const std::vector<CoveredRoot>& roots) {
    const std::string ccs(kCurrentControlSet);
    if (!is_under(canonical, ccs) || has_subtree(keys, ccs)) return SetMapping::unchanged;
    for (const auto& root : roots)
        if (is_under(root.key, ccs)) return SetMapping::unchanged;
    const auto select = keys.find(std::string(kSelect));
    const RegValue* current = select == keys.end() ? nullptr : select->second.find("Current");
    if (current && current->type == static_cast<std::uint32_t>(RegType::dword) && current->number >= 1 &&
        current->number <= 999) {
        canonical = fmt::format("{}{:03}{}", kControlSetPrefix, current->number, canonical.substr(ccs.size()));
        return SetMapping::mapped;
    }
    const auto it = keys.lower_bound(std::string(kControlSetPrefix));
    if (it != keys.end() && it->first.starts_with(kControlSetPrefix)) return SetMapping::unknown;
    return SetMapping::unchanged;
}

}  // namespace

std::optional<std::string> canonical_reg_key(std::string_view key) {
    while (!key.empty() && key.back() == '\\') key.remove_suffix(1);
    const auto sep = key.find('\\');
    const std::string root = upper_ascii(key.substr(0, sep));
    for (const auto& r : kRoots) {
        if (root == r.alias) {
            std::string out(r.full);
            if (sep != std::string_view::npos) out += upper_ascii(key.substr(sep));
            return out;
        }
    }
    return std::nullopt;
}

std::string reg_type_name(std::uint32_t type) {
    static constexpr std::array<std::string_view, 12> names = {
        "REG_NONE",          "REG_SZ",
        "REG_EXPAND_SZ",     "REG_BINARY",
        "REG_DWORD",         "REG_DWORD_BIG_ENDIAN",
        "REG_LINK",          "REG_MULTI_SZ",
        "REG_RESOURCE_LIST", "REG_FULL_RESOURCE_DESCRIPTOR",
        "REG_RESOURCE_REQUIREMENTS_LIST", "REG_QWORD"};
    if (type < names.size()) return std::string(names[type]);
    return fmt::format("REG_0x{:x}", type);
}

bool RegValue::is_number() const {
    return type == static_cast<std::uint32_t>(RegType::dword) ||
           type == static_cast<std::uint32_t>(RegType::dword_big_endian) ||
           type == static_cast<std::uint32_t>(RegType::qword);
}

bool RegValue::is_string() const {
    return type == static_cast<std::uint32_t>(RegType::sz) ||
           type == static_cast<std::uint32_t>(RegType::expand_sz) ||
           type == static_cast<std::uint32_t>(RegType::link);
}

std::string RegValue::display() const {
    if (is_number()) return fmt::format("{} (0x{:x})", number, number);
    if (is_string()) return fmt::format("\"{}\"", text);
    if (type == static_cast<std::uint32_t>(RegType::multi_sz)) {
        std::string out = "[";
        for (std::size_t i = 0; i < strings.size(); ++i)
            out += fmt::format("{}\"{}\"", i ? ", " : "", strings[i]);
        return out + "]";
    }
    std::string out = "hex:";
    for (std::size_t i = 0; i < raw.size(); ++i) out += fmt::format("{}{:02x}", i ? "," : "", raw[i]);
    return out;
}

const RegValue* RegKey::find(std::string_view name) const {
    const std::string wanted = upper_ascii(name);
    // Later assignments replace earlier ones in place, so the first match is current.
    for (const auto& v : values)
        if (upper_ascii(v.name) == wanted) return &v;
    return nullptr;
}

const CoveredRoot* RegistryView::covering(std::string_view key) const {
    auto canonical = canonical_reg_key(key);
    if (!canonical || map_current_control_set(*canonical, keys_, roots_) == SetMapping::unknown) return nullptr;
    for (const auto& root : roots_)
        if (is_under(*canonical, root.key)) return &root;
    return nullptr;
}

const RegKey* RegistryView::find_key(std::string_view key) const {
    auto canonical = canonical_reg_key(key);
    if (!canonical || map_current_control_set(*canonical, keys_, roots_) == SetMapping::unknown) return nullptr;
    auto it = keys_.find(*canonical);
    return it == keys_.end() ? nullptr : &it->second;
}

Presence RegistryView::key_presence(std::string_view key, const SourceLocation** damage) const {
    const SourceLocation* bad = nullptr;
    if (!refused_files_.empty()) {
        bad = &refused_files_.front();
    } else if (find_key(key)) {
        return Presence::present;
    } else if (auto canonical = canonical_reg_key(key)) {
        for (const auto& d : damaged_keys_)
            if (is_under(*canonical, d.key)) bad = &d.where;
    }
    if (bad) {
        if (damage) *damage = bad;
        return Presence::damaged;
    }
    return covers(key) ? Presence::absent : Presence::not_collected;
}

void RegistryView::add_refused_file(const SourceLocation& where) { refused_files_.push_back(where); }

RegLookup RegistryView::lookup(std::string_view key, std::string_view value_name) const {
    RegLookup result;
    if (!refused_files_.empty()) {
        result.presence = Presence::damaged;
        result.damage = &refused_files_.front();
        return result;
    }
    result.key = find_key(key);
    if (result.key) result.value = result.key->find(value_name);
    result.coverage = covering(key);
    if (result.value) {
        result.presence = Presence::present;
        return result;
    }
    if (result.key) {
        if (const Diagnostic* d = result.key->find_damaged(value_name)) {
            result.presence = Presence::damaged;
            result.damage = &d->where;
            return result;
        }
    }
    if (auto canonical = canonical_reg_key(key)) {
        map_current_control_set(*canonical, keys_, roots_);
        for (const auto& bad : damaged_keys_) {
            if (is_under(*canonical, bad.key)) {
                result.presence = Presence::damaged;
                result.damage = &bad.where;
                return result;
            }
        }
    }
    result.presence = result.coverage ? Presence::absent : Presence::not_collected;
    return result;
}

RegKey& RegistryView::open_key(const std::string& canonical, std::string display, SourceLocation where) {
    auto [it, inserted] = keys_.try_emplace(canonical);
    if (inserted) {
        it->second.path = std::move(display);
        it->second.where = std::move(where);
    }
    return it->second;
}

void RegistryView::delete_key(const std::string& canonical) {
    // The subtree is every key equal to the path or starting with "path\"; in
    // byte order those sit between "path" and "path]" ('\\' + 1 == ']').
    auto first = keys_.lower_bound(canonical);
    auto last = keys_.lower_bound(canonical + ']');
    for (auto it = first; it != last;) {
        if (is_under(it->first, canonical))
            it = keys_.erase(it);
        else
            ++it;
    }
}

void RegistryView::delete_value(const std::string& canonical, std::string_view name) {
    auto it = keys_.find(canonical);
    if (it == keys_.end()) return;
    const std::string wanted = upper_ascii(name);
    auto& values = it->second.values;
    values.erase(std::remove_if(values.begin(), values.end(),
                                [&](const RegValue& v) { return upper_ascii(v.name) == wanted; }),
                 values.end());
}

void RegistryView::add_covered_root(const std::string& canonical, const SourceLocation& where) {
    // Keys come in tree order: most fall under the root added last, so check it
    // first (the scan below is linear in the roots, per key).
    if (!roots_.empty() && is_under(canonical, roots_.back().key)) return;
    for (const auto& root : roots_)
        if (is_under(canonical, root.key)) return;
    std::erase_if(roots_, [&](const CoveredRoot& root) { return is_under(root.key, canonical); });
    roots_.push_back({canonical, where});
}

void RegistryView::add_damaged_key(const std::string& canonical, const SourceLocation& where) {
    damaged_keys_.push_back({canonical, where});
}

void RegistryView::add_damaged_value(RegKey& key, std::string name, const SourceLocation& where) {
    // A damaged line replaces what an earlier line set: the value is unknown now,
    // and keeping the earlier one would let a hostile export force a pass.
    if (const RegValue* earlier = key.find(name))
        key.values.erase(key.values.begin() + (earlier - key.values.data()));
    key.damaged_values.push_back({where, std::move(name)});
}

const Diagnostic* RegKey::find_damaged(std::string_view name) const {
    const std::string wanted = upper_ascii(name);
    for (const auto& d : damaged_values)
        if (upper_ascii(d.message) == wanted) return &d;
    return nullptr;
}

const Diagnostic* RegKey::find_null(std::string_view name) const {
    const std::string wanted = upper_ascii(name);
    for (const auto& d : null_values)
        if (upper_ascii(d.message) == wanted) return &d;
    return nullptr;
}

}  // namespace hardcheck
