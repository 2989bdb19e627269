// Evidence: what the readers make of one host's exported files.
//
// Readers never know about checks.  A baseline may pass an EvidenceNeeds so that
// readers skip what nobody will read; without one, everything is decoded.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "hardcheck/diagnostics.hpp"
#include "hardcheck/export.hpp"

namespace hardcheck {

// Registry value types, numbered as Windows numbers them (hex(N) in a .reg file).
enum class RegType : std::uint32_t {
    none = 0,
    sz = 1,
    expand_sz = 2,
    binary = 3,
    dword = 4,
    dword_big_endian = 5,
    link = 6,
    multi_sz = 7,
    resource_list = 8,
    full_resource_descriptor = 9,
    resource_requirements_list = 10,
    qword = 11,
};

// "REG_DWORD", "REG_SZ", ... or "REG_0x1f" for a type Windows does not name.
HARDCHECK_API std::string reg_type_name(std::uint32_t type);

struct HARDCHECK_API RegValue {
    std::string name;                  // as written; empty for the default value (@)
    std::uint32_t type = 0;            // a RegType number, or any other hex(N)
    std::vector<std::uint8_t> raw;     // the data as Windows stores it
    std::string text;                  // sz / expand_sz (UTF-8), also link
    std::vector<std::string> strings;  // multi_sz (UTF-8)
    std::uint64_t number = 0;          // dword (unsigned 32-bit), dword_big_endian, qword
    SourceLocation where;

    bool is_number() const;
    bool is_string() const;
    // Human-readable rendering: number in decimal and hex, strings quoted, bytes in hex.
    std::string display() const;
};

struct HARDCHECK_API RegKey {
    std::string path;  // canonical: full root name, as first written otherwise
    SourceLocation where;
    std::vector<RegValue> values;  // file order; later assignments replace earlier
    // Value lines of this key that could not be read: a check must not take such a
    // value for absent (and apply a default), so lookups report it as damaged.
    std::vector<Diagnostic> damaged_values;  // message holds the value name

    const RegValue* find(std::string_view name) const;
    const Diagnostic* find_damaged(std::string_view name) const;
};

// The answer to a lookup: present, absent inside an exported subtree (so a declared
// OS default may apply), or outside everything that was exported.
// `damaged`: the export has the value (or its key) but the line could not be read.
enum class Presence { present, absent, not_collected, damaged };

// A subtree an export covers, and the header line of its top key.
struct HARDCHECK_API CoveredRoot {
    std::string key;  // canonical
    SourceLocation where;
};

struct HARDCHECK_API RegLookup {
    Presence presence = Presence::not_collected;
    const RegValue* value = nullptr;        // set when present
    const SourceLocation* damage = nullptr; // set when damaged: the unreadable line
    const RegKey* key = nullptr;            // set when the key exists
    const CoveredRoot* coverage = nullptr;  // set when present or absent
};

// The merged view of every registry export of one host.
class HARDCHECK_API RegistryView {
public:
    RegLookup lookup(std::string_view key, std::string_view value_name) const;
    Presence key_presence(std::string_view key) const;
    const RegKey* find_key(std::string_view key) const;
    // The exported subtree that holds `key`, or null when it was not collected.
    const CoveredRoot* covering(std::string_view key) const;
    bool covers(std::string_view key) const { return covering(key) != nullptr; }

    const std::map<std::string, RegKey>& keys() const noexcept { return keys_; }
    const std::vector<CoveredRoot>& covered_roots() const noexcept { return roots_; }

    // Building the view, in file order.  Keys are canonical paths (see
    // canonical_reg_key).
    RegKey& open_key(const std::string& canonical, std::string display, SourceLocation where);
    void delete_key(const std::string& canonical);
    void delete_value(const std::string& canonical, std::string_view name);
    void add_covered_root(const std::string& canonical, const SourceLocation& where);
    // A key header that could not be read: lookups below it are damaged, not absent.
    void add_damaged_key(const std::string& canonical, const SourceLocation& where);
    void add_damaged_value(RegKey& key, std::string name, const SourceLocation& where);

private:
    std::map<std::string, RegKey> keys_;  // by canonical upper-case path
    std::vector<CoveredRoot> roots_;      // none below another
    std::vector<CoveredRoot> damaged_keys_;
};

// Upper-cases (ASCII and Latin-1 letters), expands root aliases (HKLM ...), trims
// trailing separators.  Returns nullopt when the root is not a registry root.
HARDCHECK_API std::optional<std::string> canonical_reg_key(std::string_view key);

// The keys a baseline reads.  Readers may skip everything else.
struct HARDCHECK_API EvidenceNeeds {
    std::unordered_set<std::string> registry_keys;  // canonical paths
    bool everything = true;                          // true: decode all

    bool wants_key(const std::string& canonical) const;
};

// Everything known about one host.
struct HARDCHECK_API HostEvidence {
    std::string host;
    std::filesystem::path directory;
    RegistryView registry;
    std::vector<std::string> files;  // evidence files read, in order
    std::vector<Diagnostic> problems;  // lines or files that could not be read
};

// Statistics of one .reg file, counted as written (for `hardcheck dump --summary`).
struct HARDCHECK_API RegFileSummary {
    std::string encoding;  // utf-16le, utf-8, utf-8-bom, windows-1252
    std::uint64_t keys = 0;
    std::uint64_t values = 0;
    std::uint64_t deletions = 0;
    std::uint64_t errors = 0;
};

// Reads one .reg export into `into`.  Malformed lines are reported in `problems`
// and skipped; a file that is not a registry export at all throws InputError.
HARDCHECK_API RegFileSummary read_reg_file(const std::filesystem::path& file, RegistryView& into,
                                           std::vector<Diagnostic>& problems,
                                           const EvidenceNeeds* needs = nullptr);
HARDCHECK_API RegFileSummary read_reg_buffer(std::string_view bytes, const std::string& name,
                                             RegistryView& into, std::vector<Diagnostic>& problems,
                                             const EvidenceNeeds* needs = nullptr);

// True when the bytes look like a registry export (header after an optional BOM).
HARDCHECK_API bool looks_like_reg(std::string_view first_bytes);

// Loads one host bundle directory: every file recognised by content.
HARDCHECK_API HostEvidence load_host(const std::filesystem::path& directory,
                                     const EvidenceNeeds* needs = nullptr);

// Expands a bundle argument: a host directory itself, or a directory whose
// subdirectories are host directories.
HARDCHECK_API std::vector<std::filesystem::path> discover_hosts(const std::filesystem::path& path);

}  // namespace hardcheck
