// Export-Clixml files (PowerShell serialization, [MS-PSRP] 2.2.5,
// https://learn.microsoft.com/openspecs/windows_protocols/ms-psrp/) into PsObjects.
//
// The file is cut into top-level elements with a light scanner and each is parsed
// with pugixml on its own, so the tree in memory is one object, not the file.  A Ref
// may point to any earlier object of the file, so the reader remembers where each
// RefId starts and parses that object again when a Ref needs it (with a small cache).
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>
#include <pugixml.hpp>

#include "evidence/clixml_text.hpp"
#include "evidence/file_bytes.hpp"
#include "evidence/input_limits.hpp"
#include "evidence/mapped_file.hpp"
#include "evidence/text_decoding.hpp"
#include "evidence/text_locator.hpp"
#include "evidence/xml_scan.hpp"
#include "hardcheck/evidence.hpp"

namespace hardcheck {

namespace {

constexpr std::string_view kPsNamespace = "http://schemas.microsoft.com/powershell/2004/04";
// Export-Clixml -Depth rarely exceeds a handful; anything far deeper is hostile.
constexpr int kMaxValueDepth = static_cast<int>(Limits::clixml_value_depth);
constexpr std::size_t kMaxElementDepth = 2 * kMaxValueDepth + 16;
constexpr std::size_t kRefCacheEntries = 4096;
constexpr unsigned kParseOptions = pugi::parse_default | pugi::parse_ws_pcdata_single;

using Kind = PsValue::Kind;
using namespace detail::clixml;

// Thrown inside the reader; becomes a Diagnostic for the top-level object.
struct ValueError {
    std::size_t offset;
    std::string message;
};

// The .NET type a primitive element stands for, for top-level primitives.
std::string_view primitive_type_name(std::string_view tag) {
    static const std::unordered_map<std::string_view, std::string_view> names{
        {"S", "System.String"},        {"B", "System.Boolean"},       {"C", "System.Char"},
        {"By", "System.Byte"},         {"SB", "System.SByte"},        {"I16", "System.Int16"},
        {"I32", "System.Int32"},       {"I64", "System.Int64"},       {"U16", "System.UInt16"},
        {"U32", "System.UInt32"},      {"U64", "System.UInt64"},      {"Db", "System.Double"},
        {"Sg", "System.Single"},       {"D", "System.Decimal"},       {"DT", "System.DateTime"},
        {"TS", "System.TimeSpan"},     {"Version", "System.Version"}, {"G", "System.Guid"},
        {"URI", "System.Uri"},         {"BA", "System.Byte[]"},       {"XD", "System.Xml.XmlDocument"},
        {"SBK", "System.Management.Automation.ScriptBlock"},          {"SS", "System.Security.SecureString"},
        {"LST", "System.Collections.ArrayList"},                      {"IE", "System.Collections.IEnumerable"},
        {"STK", "System.Collections.Stack"},                          {"QUE", "System.Collections.Queue"},
        {"DCT", "System.Collections.Hashtable"},
        {"PR", "System.Management.Automation.ProgressRecord"},
    };
    auto it = names.find(tag);
    return it == names.end() ? std::string_view{} : it->second;
}

// The element names of [MS-PSRP] 2.2.5, recognised without a chain of string compares.
enum class Tag : std::uint8_t {
    S, B, Nil, C, By, SB, I16, I32, I64, U16, U32, U64, Db, Sg, D, DT, TS, Version, G, URI, BA, XD, SBK, SS,
    Obj, Ref, LST, IE, STK, QUE, DCT, PR, other,
};

Tag tag_of(std::string_view t) {
    switch (t.size()) {
        case 1:
            switch (t[0]) {
                case 'S': return Tag::S;
                case 'B': return Tag::B;
                case 'C': return Tag::C;
                case 'D': return Tag::D;
                case 'G': return Tag::G;
                default: return Tag::other;
            }
        case 2: {
            static constexpr std::pair<std::string_view, Tag> two[] = {
                {"By", Tag::By}, {"SB", Tag::SB}, {"Db", Tag::Db}, {"Sg", Tag::Sg}, {"DT", Tag::DT}, {"TS", Tag::TS},
                {"BA", Tag::BA}, {"XD", Tag::XD}, {"SS", Tag::SS}, {"IE", Tag::IE}, {"PR", Tag::PR},
            };
            for (const auto& [name, tag] : two)
                if (t == name) return tag;
            return Tag::other;
        }
        case 3: {
            static constexpr std::pair<std::string_view, Tag> three[] = {
                {"Obj", Tag::Obj}, {"Nil", Tag::Nil}, {"I32", Tag::I32}, {"Ref", Tag::Ref}, {"LST", Tag::LST},
                {"I64", Tag::I64}, {"U32", Tag::U32}, {"I16", Tag::I16}, {"U16", Tag::U16}, {"U64", Tag::U64},
                {"URI", Tag::URI}, {"SBK", Tag::SBK}, {"STK", Tag::STK}, {"QUE", Tag::QUE}, {"DCT", Tag::DCT},
            };
            for (const auto& [name, tag] : three)
                if (t == name) return tag;
            return Tag::other;
        }
        case 7: return t == "Version" ? Tag::Version : Tag::other;
        default: return Tag::other;
    }
}

bool is_collection(Tag t) { return t == Tag::LST || t == Tag::IE || t == Tag::STK || t == Tag::QUE; }
bool is_primitive(Tag t) { return t <= Tag::SS; }

std::size_t count_values(const PsValue& v) {
    std::size_t n = 1;
    for (const auto& item : v.items) n += count_values(item);
    for (const auto& [key, value] : v.entries) n += count_values(key) + count_values(value);
    return n;
}

std::string display(const PsValue& v) {
    switch (v.kind) {
        case Kind::boolean: return v.boolean ? "True" : "False";
        case Kind::integer: return std::to_string(v.integer);
        case Kind::unsigned_integer: return std::to_string(v.unsigned_integer);
        case Kind::real: return v.text.empty() ? fmt::format("{}", v.real) : v.text;
        default: return v.text;
    }
}

// Obj RefIds to where each object starts.  PowerShell numbers them 0, 1, 2, ... so
// those live in a vector (a few bytes per object however large the file); any
// other spelling goes to a map.
class RefTable {
public:
    bool add(std::string_view id, std::size_t offset) {
        auto index = as_index(id);
        if (index && offset < kAbsent) {
            if (*index >= dense_.size()) dense_.resize(*index + 1, kAbsent);
            if (dense_[*index] != kAbsent || other_.count(std::string(id)) != 0) return false;
            dense_[*index] = static_cast<std::uint32_t>(offset);
            return true;
        }
        if (index && *index < dense_.size() && dense_[*index] != kAbsent) return false;
        return other_.emplace(std::string(id), offset).second;
    }
    std::optional<std::size_t> find(std::string_view id) const {
        if (auto index = as_index(id); index && *index < dense_.size() && dense_[*index] != kAbsent)
            return dense_[*index];
        auto it = other_.find(std::string(id));
        return it == other_.end() ? std::nullopt : std::optional<std::size_t>(it->second);
    }

private:
    // 4 bytes per object: offsets below 4 GiB (files are at most that large).
    static constexpr std::uint32_t kAbsent = UINT32_MAX;
    std::vector<std::uint32_t> dense_;
    // A plain decimal that does not jump far ahead of the ids seen so far.
    std::optional<std::size_t> as_index(std::string_view id) const {
        if (id.empty() || id.size() > 9 || (id.size() > 1 && id[0] == '0')) return std::nullopt;
        std::size_t n = 0;
        for (char c : id) {
            if (c < '0' || c > '9') return std::nullopt;
            n = n * 10 + static_cast<std::size_t>(c - '0');
        }
        if (n > dense_.size() + (1u << 16)) return std::nullopt;
        return n;
    }
    std::unordered_map<std::string, std::size_t> other_;
};

class ClixmlReader {
public:
    ClixmlReader(std::string_view text, const std::string& name, std::vector<Diagnostic>& problems,
                 const EvidenceNeeds* needs)
        : text_(text), locator_(text, name), problems_(problems), needs_(needs),
          budget_(text.size() / 2 + 100000) {}

    void run(const ClixmlObjectSink& sink, ClixmlFileSummary& summary);
    // Called with the offset up to which the text will not be needed again (except
    // for Refs, which read it again), so its memory can be given back.
    void on_progress(std::function<void(std::size_t)> release) { release_ = std::move(release); }

private:
    struct Chunk {
        std::string buffer;
        pugi::xml_document doc;
    };

    // Parses text_[begin, end) as one element; throws ValueError when it is not XML.
    pugi::xml_node parse_chunk(Chunk& chunk, std::size_t begin, std::size_t end);
    std::size_t offset_of(pugi::xml_node node) const {
        const auto off = node.offset_debug();
        // An element's offset is its name; point at the '<'.
        return base_ + static_cast<std::size_t>(off > 0 ? off - (node.type() == pugi::node_element ? 1 : 0) : 0);
    }
    [[noreturn]] void fail(pugi::xml_node node, std::string message) const { throw ValueError{offset_of(node), std::move(message)}; }

    PsValue convert(pugi::xml_node node, int depth);
    PsValue convert_primitive(pugi::xml_node node, Tag id);
    std::shared_ptr<PsObject> read_obj(pugi::xml_node node, int depth, PsValue& content);
    PsValue convert_obj(pugi::xml_node node, int depth);
    PsValue resolve_ref(pugi::xml_node node, int depth);
    std::vector<PsValue> read_items(pugi::xml_node node, int depth);
    std::vector<PsEntry> read_entries(pugi::xml_node node, int depth);
    PsValue read_progress_record(pugi::xml_node node, int depth);
    TypeNames read_type_names(pugi::xml_node node);
    // The text of an element; valid until the next call.
    std::string_view text_of(pugi::xml_node node);
    void register_ids(pugi::xml_node node);
    std::string declared_type(pugi::xml_node obj) const;
    bool wanted(const std::string& type_name) const;
    std::shared_ptr<const PsObject> top_level_object(pugi::xml_node root, PsValue value);
    void count(std::size_t n, pugi::xml_node node) {
        if (n > budget_) fail(node, "too many values (Ref expansion beyond what the file size allows)");
        budget_ -= n;
    }

    std::string_view text_;
    detail::TextLocator locator_;
    std::vector<Diagnostic>& problems_;
    const EvidenceNeeds* needs_;
    std::size_t budget_;  // values left to create (bounds what Refs can multiply)

    std::size_t base_ = 0;  // offset of the chunk being converted
    bool replaying_ = false;
    RefTable object_offsets_;  // Obj RefId -> offset of '<Obj'
    std::function<void(std::size_t)> release_;
    std::size_t released_ = 0;
    static constexpr std::size_t kReleaseStep = std::size_t{8} << 20;
    std::unordered_map<std::string, TypeNames> type_names_;  // TN RefId
    // Obj RefIds being converted: a Ref to one points back up the tree.
    std::unordered_map<std::string, const PsObject*> open_;
    std::unordered_map<std::string, std::shared_ptr<const PsValue>> ref_cache_;
    std::string scratch_;
};

pugi::xml_node ClixmlReader::parse_chunk(Chunk& chunk, std::size_t begin, std::size_t end) {
    chunk.buffer.assign(text_.substr(begin, end - begin));
    const auto result = chunk.doc.load_buffer_inplace(chunk.buffer.data(), chunk.buffer.size(), kParseOptions,
                                                      pugi::encoding_utf8);
    if (!result) throw ValueError{begin + static_cast<std::size_t>(std::max<std::ptrdiff_t>(result.offset, 0)),
                                  result.description()};
    return chunk.doc.document_element();
}

std::string_view ClixmlReader::text_of(pugi::xml_node node) {
    const auto first = node.first_child();
    if (!first) return {};
    const auto type = first.type();
    if ((type == pugi::node_pcdata || type == pugi::node_cdata) && !first.next_sibling()) return first.value();
    scratch_.clear();
    for (auto child : node.children()) {
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata)
            scratch_ += child.value();
        else if (child.type() == pugi::node_element)
            fail(child, fmt::format("unexpected element <{}> inside <{}>", child.name(), node.name()));
    }
    return scratch_;
}

PsValue ClixmlReader::convert_primitive(pugi::xml_node node, Tag id) {
    const std::string_view tag = node.name();
    PsValue v;
    const std::string_view raw = text_of(node);
    auto bad = [&](std::string_view what) {
        fail(node, fmt::format("<{}> holds '{}{}', not {}", tag, raw.substr(0, 60), raw.size() > 60 ? "..." : "", what));
    };
    auto signed_int = [&](auto sample) {
        decltype(sample) n{};
        if (!parse_integer(raw, n)) bad("an integer in range");
        v.kind = Kind::integer;
        v.integer = n;
    };
    auto unsigned_int = [&](auto sample) {
        decltype(sample) n{};
        if (!parse_integer(raw, n)) bad("an unsigned integer in range");
        v.kind = Kind::unsigned_integer;
        v.unsigned_integer = n;
    };
    if (id == Tag::S || id == Tag::XD || id == Tag::SBK || id == Tag::URI) {
        v.kind = id == Tag::URI ? Kind::uri : Kind::string;
        v.text = decode_escapes(raw);
    } else if (id == Tag::Nil) {
        if (!trim(raw).empty()) bad("empty");
        v.kind = Kind::null;
    } else if (id == Tag::B) {
        const auto t = trim(raw);
        if (t == "true" || t == "1") v.boolean = true;
        else if (t != "false" && t != "0") bad("true or false");
        v.kind = Kind::boolean;
    } else if (id == Tag::C) {
        // A System.Char, written as its UTF-16 code unit.
        std::uint16_t unit = 0;
        if (!parse_integer(raw, unit)) bad("a character code");
        v.kind = Kind::string;
        v.unsigned_integer = unit;
        detail::append_utf8(v.text, unit >= 0xD800 && unit <= 0xDFFF ? 0xFFFD : unit);
    } else if (id == Tag::SB) {
        signed_int(std::int8_t{});
    } else if (id == Tag::I16) {
        signed_int(std::int16_t{});
    } else if (id == Tag::I32) {
        signed_int(std::int32_t{});
    } else if (id == Tag::I64) {
        signed_int(std::int64_t{});
    } else if (id == Tag::By) {
        unsigned_int(std::uint8_t{});
    } else if (id == Tag::U16) {
        unsigned_int(std::uint16_t{});
    } else if (id == Tag::U32) {
        unsigned_int(std::uint32_t{});
    } else if (id == Tag::U64) {
        unsigned_int(std::uint64_t{});
    } else if (id == Tag::Db || id == Tag::Sg || id == Tag::D) {
        if (!parse_real(raw, v.real) || (id == Tag::D && !std::isfinite(v.real))) bad("a number");
        v.kind = Kind::real;
        if (id == Tag::D) v.text = std::string(trim(raw));  // decimals keep their digits
    } else if (id == Tag::DT) {
        v.kind = Kind::datetime;
        v.text = std::string(trim(raw));
        if (!is_datetime(v.text)) bad("a date and time");
    } else if (id == Tag::TS) {
        v.kind = Kind::timespan;
        v.text = std::string(trim(raw));
        if (!is_duration(v.text)) bad("a duration");
    } else if (id == Tag::Version) {
        v.kind = Kind::version;
        v.text = std::string(trim(raw));
        if (!is_version(v.text)) bad("a version");
    } else if (id == Tag::G) {
        v.kind = Kind::guid;
        v.text = std::string(trim(raw));
        if (!is_guid(v.text)) bad("a GUID");
    } else if (id == Tag::BA || id == Tag::SS) {
        // BA is base64 bytes; SS a SecureString, encrypted and base64 as well.
        v.kind = Kind::bytes;
        v.text = std::string(trim(raw));
        if (!is_base64(v.text)) bad("base64");
    } else {
        fail(node, fmt::format("unknown CLIXML element <{}>", tag));
    }
    return v;
}

TypeNames ClixmlReader::read_type_names(pugi::xml_node tn) {
    std::vector<std::string> list;
    for (auto t : tn.children()) {
        if (t.type() != pugi::node_element) continue;
        if (std::string_view(t.name()) != "T") fail(t, fmt::format("unexpected <{}> in <TN>", t.name()));
        list.push_back(decode_escapes(text_of(t)));
    }
    TypeNames names(std::move(list));
    const std::string id = tn.attribute("RefId").value();
    if (!id.empty()) {
        const bool added = type_names_.emplace(id, names).second;
        if (!added && !replaying_) fail(tn, fmt::format("duplicate TN RefId '{}'", id));
    }
    return names;
}

std::vector<PsValue> ClixmlReader::read_items(pugi::xml_node node, int depth) {
    std::vector<PsValue> items;
    std::size_t n = 0;
    for (auto child : node.children()) n += child.type() == pugi::node_element ? 1 : 0;
    items.reserve(n);
    for (auto child : node.children())
        if (child.type() == pugi::node_element) items.push_back(convert(child, depth + 1));
    return items;
}

std::vector<PsEntry> ClixmlReader::read_entries(pugi::xml_node node, int depth) {
    std::vector<PsEntry> entries;
    for (auto en : node.children()) {
        if (en.type() != pugi::node_element) continue;
        if (std::string_view(en.name()) != "En") fail(en, fmt::format("unexpected <{}> in <DCT>", en.name()));
        std::optional<PsValue> key, value;
        for (auto part : en.children()) {
            if (part.type() != pugi::node_element) continue;
            const std::string_view n = part.attribute("N").value();
            auto& slot = n == "Key" ? key : n == "Value" ? value : key;
            if ((n != "Key" && n != "Value") || slot) fail(part, "dictionary entry part is not one Key and one Value");
            slot = convert(part, depth + 1);
        }
        if (!key || !value) fail(en, "dictionary entry without Key or Value");
        entries.push_back(PsEntry{std::move(*key), std::move(*value)});
    }
    return entries;
}

// A PowerShell progress record ([MS-PSRP] 2.2.5.2.9) as an object of its fields.
PsValue ClixmlReader::read_progress_record(pugi::xml_node node, int depth) {
    static const std::unordered_map<std::string_view, std::string_view> fields{
        {"AV", "Activity"}, {"AI", "ActivityId"}, {"PI", "ParentActivityId"}, {"PC", "PercentComplete"},
        {"T", "RecordType"}, {"SR", "SecondsRemaining"}, {"SD", "StatusDescription"},
    };
    auto obj = std::make_shared<PsObject>();
    obj->type_names = {"System.Management.Automation.ProgressRecord"};
    for (auto child : node.children()) {
        if (child.type() != pugi::node_element) continue;
        // Fields are named by tag, except those written as a typed value with N.
        std::string name = child.attribute("N").value();
        const std::string_view tag = child.name();
        if (name.empty() && (tag == "Nil" || tag == "S")) {
            // The current operation is written as a bare string, or Nil when unset.
            obj->properties.push_back({"CurrentOperation", convert(child, depth + 1)});
        } else if (name.empty()) {
            auto it = fields.find(child.name());
            if (it == fields.end()) fail(child, fmt::format("unexpected <{}> in <PR>", child.name()));
            name = it->second;
            PsValue v;
            v.kind = Kind::string;
            v.text = decode_escapes(text_of(child));
            v.where = locator_.locate(offset_of(child));
            obj->properties.push_back({std::move(name), std::move(v)});
        } else {
            obj->properties.push_back({decode_escapes(name), convert(child, depth + 1)});
        }
    }
    PsValue v;
    v.kind = Kind::object;
    v.object = std::move(obj);
    return v;
}

std::shared_ptr<PsObject> ClixmlReader::read_obj(pugi::xml_node node, int depth, PsValue& content) {
    auto obj = std::make_shared<PsObject>();
    const std::size_t offset = offset_of(node);
    obj->where = locator_.locate(offset);
    const std::string id = node.attribute("RefId").value();
    if (!id.empty()) {
        if (!replaying_ && !object_offsets_.add(id, offset))
            fail(node, fmt::format("duplicate Obj RefId '{}'", id));
        open_[id] = obj.get();
    }
    bool have_content = false;
    bool have_types = false;
    for (auto child : node.children()) {
        if (child.type() != pugi::node_element) continue;
        const std::string_view tag = child.name();
        if (tag == "TN" || tag == "TNRef") {
            if (have_types) fail(child, "more than one type name list in <Obj>");
            have_types = true;
            if (tag == "TN") {
                obj->type_names = read_type_names(child);
            } else {
                auto it = type_names_.find(child.attribute("RefId").value());
                if (it == type_names_.end())
                    fail(child, fmt::format("TNRef to unknown RefId '{}'", child.attribute("RefId").value()));
                obj->type_names = it->second;  // shared, not copied
            }
        } else if (tag == "ToString") {
            obj->to_string = decode_escapes(text_of(child));
        } else if (tag == "Props" || tag == "MS") {
            std::size_t props = 0;
            for (auto prop : child.children()) props += prop.type() == pugi::node_element ? 1 : 0;
            obj->properties.reserve(obj->properties.size() + props);
            for (auto prop : child.children()) {
                if (prop.type() != pugi::node_element) continue;
                auto name = prop.attribute("N");
                if (!name) fail(prop, fmt::format("property <{}> in <{}> has no name (N)", prop.name(), tag));
                obj->properties.push_back({decode_escapes(name.value()), convert(prop, depth + 1)});
            }
        } else {
            if (have_content) fail(child, fmt::format("<Obj> holds a second value <{}>", tag));
            have_content = true;
            count(1, child);
            const Tag id = tag_of(tag);
            if (is_primitive(id)) {
                content = convert_primitive(child, id);
            } else if (is_collection(id)) {
                content.kind = Kind::list;
                content.items = read_items(child, depth);
            } else if (id == Tag::DCT) {
                content.kind = Kind::dictionary;
                content.entries = read_entries(child, depth);
            } else {
                fail(child, fmt::format("unexpected <{}> in <Obj>", tag));
            }
        }
    }
    if (!id.empty()) open_.erase(id);
    // An enum: its name in ToString, its number as the value.
    const bool integral = content.kind == Kind::integer || content.kind == Kind::unsigned_integer;
    const bool enum_type = std::any_of(obj->type_names.begin(), obj->type_names.end(), [](const std::string& t) {
        return t == "System.Enum" || t == "Deserialized.System.Enum";
    });
    if (integral && !obj->to_string.empty() && (enum_type || obj->type_names.empty())) {
        if (content.kind == Kind::unsigned_integer) content.integer = static_cast<std::int64_t>(content.unsigned_integer);
        else content.unsigned_integer = static_cast<std::uint64_t>(content.integer);
        content.kind = Kind::enumeration;
        content.text = obj->to_string;
    }
    content.where = obj->where;
    return obj;
}

PsValue ClixmlReader::convert_obj(pugi::xml_node node, int depth) {
    PsValue v;
    auto obj = read_obj(node, depth, v);
    if (v.kind == Kind::null) {
        v.kind = Kind::object;
        v.text = obj->to_string;
    }
    v.object = std::move(obj);
    return v;
}

PsValue ClixmlReader::resolve_ref(pugi::xml_node node, int depth) {
    const std::string id = node.attribute("RefId").value();
    if (id.empty()) fail(node, "<Ref> without RefId");
    if (auto up = open_.find(id); up != open_.end()) {
        // PowerShell writes such back references (a PSDrive's Provider lists the
        // drive again).  A tree cannot hold the cycle, so the inner occurrence keeps
        // the type names and ToString only, as PowerShell does past its depth limit.
        auto stub = std::make_shared<PsObject>();
        stub->type_names = up->second->type_names;
        stub->to_string = up->second->to_string;
        stub->where = up->second->where;
        PsValue v;
        v.kind = Kind::object;
        v.text = stub->to_string;
        v.where = stub->where;
        v.object = std::move(stub);
        count(1, node);
        return v;
    }
    if (auto hit = ref_cache_.find(id); hit != ref_cache_.end()) {
        count(count_values(*hit->second), node);
        return *hit->second;
    }
    const auto at = object_offsets_.find(id);
    if (!at) fail(node, fmt::format("Ref to unknown RefId '{}'", id));
    detail::ScanError scan;
    const auto end = detail::element_end(text_, *at, kMaxElementDepth, scan);
    if (!end) throw ValueError{scan.offset, scan.message};
    // Parse the referenced object again where it is written, then come back.
    Chunk chunk;
    const auto saved_base = base_;
    const auto saved_replaying = replaying_;
    struct Restore {
        ClixmlReader& r;
        std::size_t base;
        bool replaying;
        ~Restore() {
            r.base_ = base;
            r.replaying_ = replaying;
        }
    } restore{*this, saved_base, saved_replaying};
    auto root = parse_chunk(chunk, *at, *end);
    base_ = *at;
    replaying_ = true;
    PsValue value = convert(root, depth);
    if (ref_cache_.size() >= kRefCacheEntries) ref_cache_.clear();
    ref_cache_.emplace(id, std::make_shared<const PsValue>(value));
    return value;
}

PsValue ClixmlReader::convert(pugi::xml_node node, int depth) {
    if (depth > kMaxValueDepth) fail(node, fmt::format("values nested deeper than {} levels", kMaxValueDepth));
    const Tag tag = tag_of(node.name());
    if (tag == Tag::Ref) return resolve_ref(node, depth);
    count(1, node);
    // Located before the children, so the locator only ever moves forward.
    auto where = locator_.locate(offset_of(node));
    if (is_primitive(tag)) {
        PsValue v = convert_primitive(node, tag);
        v.where = std::move(where);
        return v;
    }
    PsValue v;
    if (tag == Tag::Obj) {
        v = convert_obj(node, depth);
    } else if (is_collection(tag)) {
        v.kind = Kind::list;
        v.items = read_items(node, depth);
    } else if (tag == Tag::DCT) {
        v.kind = Kind::dictionary;
        v.entries = read_entries(node, depth);
    } else if (tag == Tag::PR) {
        v = read_progress_record(node, depth);
    } else {
        fail(node, fmt::format("unknown CLIXML element <{}>", node.name()));
    }
    v.where = std::move(where);
    return v;
}

// Records the RefIds of an object that is skipped, so later Refs still resolve.
void ClixmlReader::register_ids(pugi::xml_node node) {
    struct Walker : pugi::xml_tree_walker {
        ClixmlReader& r;
        explicit Walker(ClixmlReader& reader) : r(reader) {}
        bool for_each(pugi::xml_node& n) override {
            if (n.type() != pugi::node_element) return true;
            const std::string_view tag = n.name();
            if (tag == "Obj" && n.attribute("RefId")) r.object_offsets_.add(n.attribute("RefId").value(), r.offset_of(n));
            if (tag == "TN" && n.attribute("RefId")) r.read_type_names(n);
            return true;
        }
    } walker(*this);
    if (std::string_view(node.name()) == "Obj" && node.attribute("RefId"))
        object_offsets_.add(node.attribute("RefId").value(), offset_of(node));
    node.traverse(walker);
}

// The first type name an object declares, read without side effects; empty when
// it cannot be told (the chunk did not parse, a TNRef to nothing).
std::string ClixmlReader::declared_type(pugi::xml_node obj) const {
    if (std::string_view(obj.name()) != "Obj") return {};
    if (auto t = obj.child("TN").child("T")) return decode_escapes(t.child_value());
    if (auto ref = obj.child("TNRef")) {
        auto it = type_names_.find(ref.attribute("RefId").value());
        if (it != type_names_.end() && !it->second.empty()) return it->second.front();
    }
    return {};
}

bool ClixmlReader::wanted(const std::string& type_name) const {
    if (needs_ == nullptr || needs_->everything) return true;
    if (needs_->events && object_type_matches(type_name, "EventLogRecord")) return true;
    return std::any_of(needs_->object_types.begin(), needs_->object_types.end(),
                       [&](const std::string& w) { return object_type_matches(type_name, w); });
}

std::shared_ptr<const PsObject> ClixmlReader::top_level_object(pugi::xml_node root, PsValue value) {
    auto obj = std::make_shared<PsObject>();
    if (value.object) {
        *obj = *value.object;  // only for a top-level Ref, which PowerShell hardly writes
        value.object.reset();
    } else {
        obj->type_names = {std::string(primitive_type_name(root.name()))};
        if (obj->type_names.front().empty()) obj->type_names.clear();
        obj->to_string = display(value);
        obj->where = value.where;
    }
    if (value.kind != Kind::object) obj->value = std::move(value);
    return obj;
}

void ClixmlReader::run(const ClixmlObjectSink& sink, ClixmlFileSummary& summary) {
    detail::ScanError scan;
    auto not_clixml = [&](std::size_t offset, const std::string& why) {
        return InputError(Diagnostic{locator_.locate(offset), "not a CLIXML document: " + why});
    };
    auto start = detail::skip_misc(text_, 0, scan);
    if (!start) throw not_clixml(scan.offset, scan.message);
    if (*start >= text_.size()) throw not_clixml(*start, "no root element");
    auto root = detail::read_start_tag(text_, *start, "xmlns", scan);
    if (!root) throw not_clixml(scan.offset, scan.message);
    if (root->name != "Objs") throw not_clixml(*start, fmt::format("root element is <{}>, not <Objs>", root->name));
    if (root->attribute.value_or("") != kPsNamespace)
        throw not_clixml(*start, fmt::format("<Objs> is not in namespace {}", kPsNamespace));

    auto report = [&](std::size_t offset, std::string message) {
        problems_.push_back({locator_.locate(offset), std::move(message)});
        ++summary.errors;
    };
    std::size_t pos = root->end;
    bool closed = root->empty;
    Chunk chunk;
    while (!closed) {
        auto next = detail::skip_misc(text_, pos, scan);
        if (!next) return report(scan.offset, scan.message);
        if (*next >= text_.size()) return report(*start, "<Objs> is not closed before the end of the file");
        if (text_.compare(*next, 2, "</") == 0) {
            if (text_.compare(*next, 7, "</Objs>") != 0 && text_.compare(*next, 6, "</Objs") != 0)
                return report(*next, "end tag does not match <Objs>");
            pos = text_.find('>', *next);
            pos = pos == std::string_view::npos ? text_.size() : pos + 1;
            closed = true;
            break;
        }
        const auto end = detail::element_end(text_, *next, kMaxElementDepth, scan);
        if (!end) return report(scan.offset, scan.message);
        pos = *end;
        if (release_ && *next - released_ > kReleaseStep) {
            release_(*next);
            released_ = *next;
        }
        try {
            base_ = *next;
            replaying_ = false;
            open_.clear();
            auto node = parse_chunk(chunk, *next, *end);
            if (std::string_view(node.name()) == "Obj" && !wanted(declared_type(node))) {
                register_ids(node);
                ++summary.skipped;
                continue;
            }
            if (std::string_view(node.name()) == "Obj") {
                // Built in place: the object handed out is the one read, not a copy.
                count(1, node);
                PsValue content;
                auto obj = read_obj(node, 0, content);
                if (content.kind != Kind::null) obj->value = std::move(content);
                ++summary.objects;
                sink(std::move(obj));
                continue;
            }
            PsValue value = convert(node, 0);
            ++summary.objects;
            sink(top_level_object(node, std::move(value)));
        } catch (const ValueError& e) {
            report(e.offset, e.message);
            // Name the type of the object lost, so its collection is known to be incomplete.
            summary.damaged_types.push_back(declared_type(chunk.doc.document_element()));
        }
    }
    auto rest = detail::skip_misc(text_, pos, scan);
    if (!rest) return report(scan.offset, scan.message);
    if (*rest < text_.size()) report(*rest, "content after </Objs>");
}

}  // namespace

bool looks_like_clixml(std::string_view first_bytes) {
    const auto text = detail::decode_text(first_bytes);
    const auto root = detail::sniff_xml_root(text.utf8);
    return root && root->name == "Objs" && root->xmlns == kPsNamespace;
}

namespace {

// Reads `text` (UTF-8 without BOM) and reports invalid UTF-16 found while decoding.
// `release` is given when the caller has already looked for NUL characters window by
// window (reading the whole text again here would bring all of it back into memory).
ClixmlFileSummary read_text(std::string_view text, detail::TextEncoding encoding, const std::vector<std::size_t>& bad,
                            const std::string& name, const ClixmlObjectSink& on_object, std::vector<Diagnostic>& problems,
                            const EvidenceNeeds* needs, std::function<void(std::size_t)> release = {}) {
    ClixmlFileSummary summary;
    if (release)
        detail::refuse_xml_doctype(text, name);
    else
        detail::refuse_xml_doctype_and_nul(text, name);
    summary.encoding = std::string(detail::encoding_name(encoding));
    ClixmlReader reader(text, name, problems, needs);
    if (release) reader.on_progress(std::move(release));
    reader.run(on_object, summary);
    if (!bad.empty()) {
        detail::TextLocator locator(text, name);
        for (auto off : bad) {
            problems.push_back({locator.locate(off), "invalid UTF-16 (unpaired surrogate or odd byte)"});
            ++summary.errors;
        }
    }
    return summary;
}

bool starts_with_utf16le_bom(std::string_view bytes) {
    return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFF && static_cast<unsigned char>(bytes[1]) == 0xFE;
}

}  // namespace

ClixmlFileSummary read_clixml_buffer(std::string_view bytes, const std::string& name, const ClixmlObjectSink& on_object,
                                     std::vector<Diagnostic>& problems, const EvidenceNeeds* needs) {
    // Valid UTF-8 is read where it lies; anything else is decoded to a copy first.
    const bool bom = bytes.substr(0, 3) == "\xEF\xBB\xBF";
    if (!starts_with_utf16le_bom(bytes) && detail::is_valid_utf8(bytes.substr(bom ? 3 : 0)))
        return read_text(bytes.substr(bom ? 3 : 0), bom ? detail::TextEncoding::utf8_bom : detail::TextEncoding::utf8, {},
                         name, on_object, problems, needs);
    const auto text = detail::decode_text(bytes);
    detail::refuse_hostile_xml(bytes, text, name);
    return read_text(text.utf8, text.encoding, text.bad_offsets, name, on_object, problems, needs);
}

ClixmlFileSummary read_clixml_file(const std::filesystem::path& file, const ClixmlObjectSink& on_object,
                                   std::vector<Diagnostic>& problems, const EvidenceNeeds* needs) {
    std::error_code ec;
    const auto limit = needs ? needs->limits.max_file_bytes : Limits{}.max_file_bytes;
    if (const auto size = std::filesystem::file_size(file, ec); !ec && size > limit)
        (void)detail::read_file_bytes(file, limit);  // throws the size error
    detail::MappedFile mapped(file);
    const std::string_view bytes = mapped.bytes();
    const bool bom = bytes.substr(0, 3) == "\xEF\xBB\xBF";
    const std::size_t skip = bom ? 3 : 0;
    if (!starts_with_utf16le_bom(bytes)) {
        // Check the encoding a window at a time, giving pages back as it goes.
        constexpr std::size_t kWindow = std::size_t{16} << 20;
        bool valid = true;
        std::size_t at = skip;
        while (valid && at < bytes.size()) {
            std::size_t end = std::min(bytes.size(), at + kWindow);
            // Do not cut a multi-byte character: end the window after a lead or ASCII byte.
            while (end < bytes.size() && (static_cast<unsigned char>(bytes[end]) & 0xC0) == 0x80) ++end;
            const auto window = bytes.substr(at, end - at);
            valid = detail::is_valid_utf8(window);
            // XML has no NUL; found here, it is reported where it is (read_text does
            // not look again).
            if (valid && std::memchr(window.data(), '\0', window.size()) != nullptr)
                detail::refuse_xml_doctype_and_nul(bytes.substr(skip), file.string());
            mapped.release(at, end);
            at = end;
        }
        if (valid)
            return read_text(bytes.substr(skip), bom ? detail::TextEncoding::utf8_bom : detail::TextEncoding::utf8, {},
                             file.string(), on_object, problems, needs,
                             [&mapped, skip, from = std::size_t{0}](std::size_t offset) mutable {
                                 mapped.release(from, offset + skip);
                                 from = offset + skip;
                             });
    }
    const auto text = detail::decode_text(bytes);
    detail::refuse_hostile_xml(bytes, text, file.string());
    mapped.release(0, bytes.size());
    return read_text(text.utf8, text.encoding, text.bad_offsets, file.string(), on_object, problems, needs);
}

}  // namespace hardcheck
