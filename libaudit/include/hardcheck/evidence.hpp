// Evidence: what the readers make of one host's exported files.
//
// Readers never know about checks.  A baseline may pass an EvidenceNeeds so that
// readers skip what nobody will read; without one, everything is decoded.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <initializer_list>
#include <iosfwd>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "hardcheck/diagnostics.hpp"
#include "hardcheck/export.hpp"
#include "hardcheck/limits.hpp"

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
    // Empty for a .reg export; otherwise what the key was mapped from (for example
    // HealthChecker's TLS settings object), so a result can say where a value came from.
    std::string origin;
    // Values a mapped object reports as null: absent (an OS default may apply), and
    // this is where the object says so.  message holds the value name.
    std::vector<Diagnostic> null_values;

    const RegValue* find(std::string_view name) const;
    const Diagnostic* find_damaged(std::string_view name) const;
    const Diagnostic* find_null(std::string_view name) const;
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
    // present, absent, not_collected, or damaged (under an unreadable key line, or
    // any key once a registry export of the host was refused); `damage` then points
    // at the unreadable line.
    Presence key_presence(std::string_view key, const SourceLocation** damage = nullptr) const;
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
    // A whole export of this host could not be read (NUL bytes, a line over the
    // limit...): what it would have set or deleted is unknown, and it may be any key,
    // so every lookup is damaged rather than answered from the other exports.
    void add_refused_file(const SourceLocation& where);

private:
    std::map<std::string, RegKey> keys_;  // by canonical upper-case path
    std::vector<CoveredRoot> roots_;      // none below another
    std::vector<CoveredRoot> damaged_keys_;
    std::vector<SourceLocation> refused_files_;
};

// Upper-cases (ASCII and Latin-1 letters), expands root aliases (HKLM ...), trims
// trailing separators.  Returns nullopt when the root is not a registry root.
HARDCHECK_API std::optional<std::string> canonical_reg_key(std::string_view key);

// ---------------------------------------------------------------------------
// PowerShell objects (Export-Clixml)

struct PsObject;
struct PsEntry;
struct EvidenceNeeds;

// One value of a CLIXML document.  Enums (an Obj with ToString and an integer)
// are kind `enumeration` with both `text` (name) and `integer` (number).
struct HARDCHECK_API PsValue {
    enum class Kind {
        null, boolean, integer, unsigned_integer, real, string, datetime, timespan,
        version, guid, uri, bytes, enumeration, list, dictionary, object,
    };
    Kind kind = Kind::null;
    bool boolean = false;
    std::int64_t integer = 0;         // I16/I32/I64/SB, enumeration number
    std::uint64_t unsigned_integer = 0;  // By/U16/U32/U64
    double real = 0;                  // Db, Sg, D
    std::string text;  // S, DT (as written, ISO 8601), TS (xs:duration), Version, G,
                       // URI, XD, SBK, enumeration name, ToString of objects; BA as base64
    std::vector<PsValue> items;                         // list (LST, IE, STK, QUE)
    std::vector<PsEntry> entries;                       // dictionary (DCT)
    std::shared_ptr<const PsObject> object;             // nested object
    SourceLocation where;
};

// One key/value pair of a dictionary.  A named struct rather than std::pair, so
// that PsValue may hold a vector of them while it is still incomplete.
struct HARDCHECK_API PsEntry {
    PsValue key;
    PsValue value;
};

struct HARDCHECK_API PsProperty {
    std::string name;
    PsValue value;
};

// The type names of an object, most derived first.  One list is shared by every
// object that names it (a TN is written once, then TNRef'd by thousands of
// objects), so copying it copies a pointer.  Reads like a const vector of strings.
class HARDCHECK_API TypeNames {
public:
    TypeNames() = default;
    TypeNames(std::vector<std::string> names);  // NOLINT(google-explicit-constructor)
    TypeNames(std::initializer_list<std::string> names) : TypeNames(std::vector<std::string>(names)) {}

    const std::vector<std::string>& list() const noexcept { return names_ ? *names_ : empty_list(); }
    operator const std::vector<std::string>&() const noexcept { return list(); }  // NOLINT
    std::size_t size() const noexcept { return list().size(); }
    bool empty() const noexcept { return list().empty(); }
    const std::string& front() const { return list().front(); }
    const std::string& operator[](std::size_t i) const { return list()[i]; }
    auto begin() const noexcept { return list().begin(); }
    auto end() const noexcept { return list().end(); }
    void clear() noexcept { names_.reset(); }

    friend bool operator==(const TypeNames& a, const TypeNames& b) { return a.list() == b.list(); }
    friend HARDCHECK_API std::ostream& operator<<(std::ostream& out, const TypeNames& names);

private:
    static const std::vector<std::string>& empty_list() noexcept;
    std::shared_ptr<const std::vector<std::string>> names_;  // null: no type names
};

struct HARDCHECK_API PsObject {
    TypeNames type_names;                 // TN, most derived first (TNRef resolved)
    std::string to_string;                // ToString, when written
    std::vector<PsProperty> properties;   // Props then MS, in document order
    SourceLocation where;                 // the <Obj> start tag
    // What a top-level object wraps besides its properties: an enum, a list, a
    // dictionary or a primitive (a top-level <S> becomes an object of type
    // System.String with its value here); kind null for a plain property bag.  Nested
    // objects leave it null: the PsValue holding them carries the content itself.
    PsValue value;

    // Case-insensitive property lookup, as PowerShell does.
    const PsValue* property(std::string_view name) const;
};

// The top-level objects of one type, from every CLIXML file of the host.
struct HARDCHECK_API ObjectCollection {
    std::string type_name;  // the objects' first type name, full
    std::vector<std::shared_ptr<const PsObject>> objects;
    std::vector<std::string> files;
    // Parts of those files that could not be read (an object that did not parse, a
    // Ref to nothing): the collection may be missing objects, so a check over it
    // must not pass.
    std::vector<Diagnostic> problems;
};

// Short type name ("ExchangeServer") or cmdlet ("Get-ExchangeServer") to the full
// type names that may carry those objects; empty when unknown.
HARDCHECK_API std::vector<std::string> object_type_names_for(std::string_view type_or_cmdlet);

// True when `type_name` (full, as in a TN) is what `wanted` (full, short or cmdlet
// name) names; "Deserialized." prefixes and generic arguments are ignored.
HARDCHECK_API bool object_type_matches(std::string_view type_name, std::string_view wanted);

// Statistics of one CLIXML file (for `hardcheck dump --summary`).
struct HARDCHECK_API ClixmlFileSummary {
    std::string encoding;        // utf-16le, utf-8, utf-8-bom, windows-1252
    std::uint64_t objects = 0;   // top-level values decoded
    std::uint64_t skipped = 0;   // top-level objects of types nobody asked for
    std::uint64_t errors = 0;
    // First type name of each top-level object that could not be read ("" when even
    // that is unknown), so a collection of that type can be marked incomplete.
    std::vector<std::string> damaged_types;
};

// Reads an Export-Clixml file one top-level value at a time and hands each to
// `on_object` as an object (a top-level primitive becomes an object of its .NET type
// holding the value).  Objects that cannot be read are reported in `problems` and
// skipped; a file that is not CLIXML at all (or not XML) throws InputError.  With
// `needs`, top-level objects of types it does not name are not decoded.
using ClixmlObjectSink = std::function<void(std::shared_ptr<const PsObject>)>;
HARDCHECK_API ClixmlFileSummary read_clixml_file(const std::filesystem::path& file, const ClixmlObjectSink& on_object,
                                                 std::vector<Diagnostic>& problems,
                                                 const EvidenceNeeds* needs = nullptr);
HARDCHECK_API ClixmlFileSummary read_clixml_buffer(std::string_view bytes, const std::string& name,
                                                   const ClixmlObjectSink& on_object,
                                                   std::vector<Diagnostic>& problems,
                                                   const EvidenceNeeds* needs = nullptr);

// True when the (decoded) start of a file has the CLIXML root: Objs in the
// PowerShell 2004/04 namespace.
HARDCHECK_API bool looks_like_clixml(std::string_view first_bytes);

// ---------------------------------------------------------------------------
// IIS / .NET configuration files and event exports

struct HARDCHECK_API XmlMatch {
    std::string value;  // attribute value, or the element's text
    SourceLocation where;
};

// An applicationHost.config or web.config, queried with XPath.
class HARDCHECK_API ConfigDocument {
public:
    std::string file;
    std::string kind;  // "applicationHost", "web.config", "machine.config", "config"

    // Throws InputError for an invalid XPath expression.
    std::vector<XmlMatch> select(std::string_view xpath) const;

    struct Impl;
    std::shared_ptr<const Impl> impl;
};

// Reads an XML file whose root is `configuration` (UTF-8 or UTF-16LE with BOM).
// Throws InputError (file:line:col) when it is not well-formed or has another root.
HARDCHECK_API ConfigDocument read_config_file(const std::filesystem::path& file);
HARDCHECK_API ConfigDocument read_config_buffer(std::string_view bytes, const std::string& name);
HARDCHECK_API bool looks_like_config(std::string_view first_bytes);

struct HARDCHECK_API EventRecord {
    std::uint32_t id = 0;
    std::string provider;
    std::string time;  // ISO 8601 UTC (Export-Clixml's local time with offset is converted)
    std::string channel;
    std::vector<std::pair<std::string, std::string>> data;  // EventData, in order
    SourceLocation where;

    // The value of a named EventData field, or null.
    const std::string* field(std::string_view name) const;
};

// `wevtutil qe LOG /f:xml` output (Event elements in the Windows event schema, one
// after another or under one root).  Events that cannot be read are reported in
// `problems`; a file that is not an event export throws InputError.
HARDCHECK_API std::vector<EventRecord> read_event_xml_file(const std::filesystem::path& file,
                                                           std::vector<Diagnostic>& problems);
HARDCHECK_API std::vector<EventRecord> read_event_xml_buffer(std::string_view bytes, const std::string& name,
                                                             std::vector<Diagnostic>& problems);
HARDCHECK_API bool looks_like_event_xml(std::string_view first_bytes);
// An EventLogRecord from Get-WinEvent | Export-Clixml as an event; nullopt for any
// other object.  The export keeps EventData values without names: Security 4688's
// get their names from its known layout, Sysmon's are read from its Message text
// ("Image: ..."), any other event's are named "1", "2", ...  4688 also answers
// Image and ParentImage (NewProcessName, ParentProcessName), as Sysmon 1 names them.
HARDCHECK_API std::optional<EventRecord> event_from_object(const PsObject& object);

// What load_host made of one file.
struct HARDCHECK_API EvidenceFile {
    std::string path;
    std::string format;  // reg, clixml, config, events, manifest, unknown
    bool read = false;   // false: recognised but not needed (or unreadable: see problems)
};

// What a baseline reads.  Readers may skip everything else.
struct HARDCHECK_API EvidenceNeeds {
    std::unordered_set<std::string> registry_keys;  // canonical paths
    std::unordered_set<std::string> object_types;   // full type names
    bool configs = false;
    bool events = false;
    bool everything = true;  // true: decode all
    Limits limits;           // how much hostile input may make the readers do
    // What `collect-script` must gather, as the baselines wrote it: object sources
    // (a type or a cmdlet name, before mapping to type names), config kinds and the
    // filters of events leaves.  Readers do not use these.
    struct EventFilter {
        std::vector<std::uint32_t> ids;
        std::string provider;
        std::string channel;
        bool operator==(const EventFilter&) const = default;
    };
    std::vector<std::string> object_sources;  // unique, first-seen order
    std::vector<std::string> config_kinds;    // unique: applicationHost, web.config, ...
    std::vector<EventFilter> event_filters;   // unique

    bool wants_key(const std::string& canonical) const;
    // Adds what `other` needs (for several baselines over one bundle).
    void merge(const EvidenceNeeds& other);
    // Needs nothing yet; add to it.
    static EvidenceNeeds none();
};

// Everything known about one host.
struct HARDCHECK_API HostEvidence {
    std::string host;
    std::filesystem::path directory;
    std::map<std::string, std::string> facts;  // from host.yaml: host, collected_at, roles, ...
    RegistryView registry;
    std::map<std::string, ObjectCollection> objects;  // by full type name
    std::vector<ConfigDocument> configs;
    std::vector<EventRecord> events;
    std::vector<std::string> files;    // evidence files read, in order
    std::vector<std::string> ignored;  // files not recognised as evidence
    std::vector<EvidenceFile> recognised;  // every file below the directory, in order
    std::vector<Diagnostic> problems;  // lines or files that could not be read

    // The collection for a short type name, full type name or cmdlet name; null
    // when no such export is in the bundle (not collected).
    const ObjectCollection* find_objects(std::string_view type_or_cmdlet) const;
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
// With `needs` (not `everything`), only the keys it names are kept (and the
// ControlSet00N keys CurrentControlSet may stand for); the rest of a UTF-16 export
// is skipped without being decoded, so the summary then counts every key line but
// only the values, and the errors, of the keys read.
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

// `hardcheck dump FILE` for CLIXML, configuration and event files: one JSON line per
// top-level object (type_names, to_string, value, properties with typed values,
// file, line), per config element (path, attributes, text) or per event.  With
// `summary`, one line {"file","format","objects","errors"} instead.  Problems are
// appended to `problems` (print them as file:line:col: error: ...); the return value
// is their number.  Throws InputError for a file of none of these formats (registry
// exports have their own dump).
HARDCHECK_API std::uint64_t dump_evidence_json(const std::filesystem::path& file, std::ostream& out, bool summary,
                                               std::vector<Diagnostic>& problems);
// `hardcheck dump --bundle DIR`: a line for the host (name, collections, counts),
// then one {"file","format","read"} line per file below the directory.  The host's
// problems are appended to `problems` when given.
HARDCHECK_API void dump_bundle_json(const std::filesystem::path& directory, std::ostream& out,
                                    std::vector<Diagnostic>* problems = nullptr);

// Expands a bundle argument: a host directory itself, or a directory whose
// subdirectories are host directories.  host.yaml decides (here: one host; in a
// subdirectory: a parent of hosts); without one, files here or only HealthChecker's
// section folders (Exchange, OS, Hardware) make one host, other folders are hosts.
HARDCHECK_API std::vector<std::filesystem::path> discover_hosts(const std::filesystem::path& path);

}  // namespace hardcheck
