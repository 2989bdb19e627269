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
#include <limits>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>
#include <pugixml.hpp>

#include "evidence/file_bytes.hpp"
#include "evidence/input_limits.hpp"
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

// Thrown inside the reader; becomes a Diagnostic for the top-level object.
struct ValueError {
    std::size_t offset;
    std::string message;
};

std::string_view trim(std::string_view s) {
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && space(s.front())) s.remove_prefix(1);
    while (!s.empty() && space(s.back())) s.remove_suffix(1);
    return s;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// `_xHHHH_` at s[i]: the UTF-16 code unit, or -1.
long escaped_unit(std::string_view s, std::size_t i) {
    if (i + 7 > s.size() || s[i] != '_' || s[i + 1] != 'x' || s[i + 6] != '_') return -1;
    long unit = 0;
    for (std::size_t k = i + 2; k < i + 6; ++k) {
        const int h = hex_value(s[k]);
        if (h < 0) return -1;
        unit = unit * 16 + h;
    }
    return unit;
}

// PowerShell writes characters XML cannot hold (controls, lone surrogates, '_x'
// itself) as _xHHHH_ UTF-16 units; a surrogate pair is two escapes.
std::string decode_escapes(std::string_view s) {
    if (s.find("_x") == std::string_view::npos) return std::string(s);
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const long unit = escaped_unit(s, i);
        if (unit < 0) {
            out += s[i++];
            continue;
        }
        i += 7;
        char32_t cp = static_cast<char32_t>(unit);
        if (unit >= 0xD800 && unit <= 0xDBFF) {
            const long low = escaped_unit(s, i);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                cp = 0x10000 + ((static_cast<char32_t>(unit) - 0xD800) << 10) + (static_cast<char32_t>(low) - 0xDC00);
                i += 7;
            } else {
                cp = 0xFFFD;  // a lone surrogate has no UTF-8 form
            }
        } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
            cp = 0xFFFD;
        }
        detail::append_utf8(out, cp);
    }
    return out;
}

template <class T>
bool parse_integer(std::string_view s, T& out) {
    s = trim(s);
    if (!s.empty() && s.front() == '+') s.remove_prefix(1);
    if (s.empty()) return false;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && end == s.data() + s.size();
}

bool parse_real(std::string_view s, double& out) {
    s = trim(s);
    if (s == "INF") {
        out = std::numeric_limits<double>::infinity();
        return true;
    }
    if (s == "-INF") {
        out = -std::numeric_limits<double>::infinity();
        return true;
    }
    if (s == "NaN") {
        out = std::numeric_limits<double>::quiet_NaN();
        return true;
    }
    if (!s.empty() && s.front() == '+') s.remove_prefix(1);
    if (s.empty() || s.front() == 'i' || s.front() == 'I' || s.front() == 'n' || s.front() == 'N') return false;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && end == s.data() + s.size();
}

bool is_guid(std::string_view s) {
    if (s.size() != 36) return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? s[i] != '-' : hex_value(s[i]) < 0) return false;
    }
    return true;
}

bool is_version(std::string_view s) {
    int parts = 0;
    std::size_t i = 0;
    while (i <= s.size()) {
        const auto dot = std::min(s.find('.', i), s.size());
        const auto part = s.substr(i, dot - i);
        if (part.empty() || part.size() > 10 || !std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; }))
            return false;
        ++parts;
        i = dot + 1;
    }
    return parts >= 2 && parts <= 4;
}

bool is_base64(std::string_view s) {
    std::size_t chars = 0;
    for (char c : s) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/' || c == '=')
            ++chars;
        else if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
            return false;
    }
    return chars % 4 == 0;
}

// An xs:dateTime as .NET writes it: 2021-10-06T15:44:43.0986128-07:00.
bool is_datetime(std::string_view s) {
    return s.size() >= 19 && s[4] == '-' && s[7] == '-' && s[10] == 'T' && s[13] == ':' && s[16] == ':' &&
           std::isdigit(static_cast<unsigned char>(s[0])) != 0;
}

// An xs:duration: PT9.0269026S, -P1DT2H, P10675199DT2H48M5.4775807S.
bool is_duration(std::string_view s) {
    if (!s.empty() && s.front() == '-') s.remove_prefix(1);
    if (s.size() < 3 || s.front() != 'P') return false;
    return std::all_of(s.begin() + 1, s.end(), [](char c) {
        return (c >= '0' && c <= '9') || c == '.' || c == 'D' || c == 'T' || c == 'H' || c == 'M' || c == 'S' ||
               c == 'Y';
    });
}

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

bool is_collection_tag(std::string_view tag) { return tag == "LST" || tag == "IE" || tag == "STK" || tag == "QUE"; }

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

class ClixmlReader {
public:
    ClixmlReader(std::string_view text, const std::string& name, std::vector<Diagnostic>& problems,
                 const EvidenceNeeds* needs)
        : text_(text), locator_(text, name), problems_(problems), needs_(needs),
          budget_(text.size() / 2 + 100000) {}

    void run(const ClixmlObjectSink& sink, ClixmlFileSummary& summary);

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
    PsValue convert_primitive(pugi::xml_node node, std::string_view tag);
    std::shared_ptr<PsObject> read_obj(pugi::xml_node node, int depth, PsValue& content);
    PsValue convert_obj(pugi::xml_node node, int depth);
    PsValue resolve_ref(pugi::xml_node node, int depth);
    std::vector<PsValue> read_items(pugi::xml_node node, int depth);
    std::vector<std::pair<PsValue, PsValue>> read_entries(pugi::xml_node node, int depth);
    PsValue read_progress_record(pugi::xml_node node, int depth);
    std::vector<std::string> read_type_names(pugi::xml_node node);
    std::string text_of(pugi::xml_node node);
    void register_ids(pugi::xml_node node);
    std::string first_type_name(pugi::xml_node obj);
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
    std::unordered_map<std::string, std::size_t> object_offsets_;  // Obj RefId -> offset of '<Obj'
    std::unordered_map<std::string, std::shared_ptr<const std::vector<std::string>>> type_names_;  // TN RefId
    // Obj RefIds being converted: a Ref to one points back up the tree.
    std::unordered_map<std::string, const PsObject*> open_;
    std::unordered_map<std::string, std::shared_ptr<const PsValue>> ref_cache_;
};

pugi::xml_node ClixmlReader::parse_chunk(Chunk& chunk, std::size_t begin, std::size_t end) {
    chunk.buffer.assign(text_.substr(begin, end - begin));
    const auto result = chunk.doc.load_buffer_inplace(chunk.buffer.data(), chunk.buffer.size(), kParseOptions,
                                                      pugi::encoding_utf8);
    if (!result) throw ValueError{begin + static_cast<std::size_t>(std::max<std::ptrdiff_t>(result.offset, 0)),
                                  result.description()};
    return chunk.doc.document_element();
}

std::string ClixmlReader::text_of(pugi::xml_node node) {
    std::string text;
    for (auto child : node.children()) {
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata)
            text += child.value();
        else if (child.type() == pugi::node_element)
            fail(child, fmt::format("unexpected element <{}> inside <{}>", child.name(), node.name()));
    }
    return text;
}

PsValue ClixmlReader::convert_primitive(pugi::xml_node node, std::string_view tag) {
    PsValue v;
    const std::string raw = text_of(node);
    auto bad = [&](std::string_view what) {
        fail(node, fmt::format("<{}> holds '{}', not {}", tag, raw.size() > 60 ? raw.substr(0, 60) + "..." : raw, what));
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
    if (tag == "S" || tag == "XD" || tag == "SBK" || tag == "URI") {
        v.kind = tag == "URI" ? Kind::uri : Kind::string;
        v.text = decode_escapes(raw);
    } else if (tag == "Nil") {
        if (!trim(raw).empty()) bad("empty");
        v.kind = Kind::null;
    } else if (tag == "B") {
        const auto t = trim(raw);
        if (t == "true" || t == "1") v.boolean = true;
        else if (t != "false" && t != "0") bad("true or false");
        v.kind = Kind::boolean;
    } else if (tag == "C") {
        // A System.Char, written as its UTF-16 code unit.
        std::uint16_t unit = 0;
        if (!parse_integer(raw, unit)) bad("a character code");
        v.kind = Kind::string;
        v.unsigned_integer = unit;
        detail::append_utf8(v.text, unit >= 0xD800 && unit <= 0xDFFF ? 0xFFFD : unit);
    } else if (tag == "SB") {
        signed_int(std::int8_t{});
    } else if (tag == "I16") {
        signed_int(std::int16_t{});
    } else if (tag == "I32") {
        signed_int(std::int32_t{});
    } else if (tag == "I64") {
        signed_int(std::int64_t{});
    } else if (tag == "By") {
        unsigned_int(std::uint8_t{});
    } else if (tag == "U16") {
        unsigned_int(std::uint16_t{});
    } else if (tag == "U32") {
        unsigned_int(std::uint32_t{});
    } else if (tag == "U64") {
        unsigned_int(std::uint64_t{});
    } else if (tag == "Db" || tag == "Sg" || tag == "D") {
        if (!parse_real(raw, v.real) || (tag == "D" && !std::isfinite(v.real))) bad("a number");
        v.kind = Kind::real;
        if (tag == "D") v.text = std::string(trim(raw));  // decimals keep their digits
    } else if (tag == "DT") {
        v.kind = Kind::datetime;
        v.text = std::string(trim(raw));
        if (!is_datetime(v.text)) bad("a date and time");
    } else if (tag == "TS") {
        v.kind = Kind::timespan;
        v.text = std::string(trim(raw));
        if (!is_duration(v.text)) bad("a duration");
    } else if (tag == "Version") {
        v.kind = Kind::version;
        v.text = std::string(trim(raw));
        if (!is_version(v.text)) bad("a version");
    } else if (tag == "G") {
        v.kind = Kind::guid;
        v.text = std::string(trim(raw));
        if (!is_guid(v.text)) bad("a GUID");
    } else if (tag == "BA" || tag == "SS") {
        // BA is base64 bytes; SS a SecureString, encrypted and base64 as well.
        v.kind = Kind::bytes;
        v.text = std::string(trim(raw));
        if (!is_base64(v.text)) bad("base64");
    } else {
        fail(node, fmt::format("unknown CLIXML element <{}>", tag));
    }
    return v;
}

std::vector<std::string> ClixmlReader::read_type_names(pugi::xml_node tn) {
    std::vector<std::string> names;
    for (auto t : tn.children()) {
        if (t.type() != pugi::node_element) continue;
        if (std::string_view(t.name()) != "T") fail(t, fmt::format("unexpected <{}> in <TN>", t.name()));
        names.push_back(decode_escapes(text_of(t)));
    }
    const std::string id = tn.attribute("RefId").value();
    if (!id.empty()) {
        auto shared = std::make_shared<const std::vector<std::string>>(names);
        const bool added = type_names_.emplace(id, std::move(shared)).second;
        if (!added && !replaying_) fail(tn, fmt::format("duplicate TN RefId '{}'", id));
    }
    return names;
}

std::vector<PsValue> ClixmlReader::read_items(pugi::xml_node node, int depth) {
    std::vector<PsValue> items;
    for (auto child : node.children())
        if (child.type() == pugi::node_element) items.push_back(convert(child, depth + 1));
    return items;
}

std::vector<std::pair<PsValue, PsValue>> ClixmlReader::read_entries(pugi::xml_node node, int depth) {
    std::vector<std::pair<PsValue, PsValue>> entries;
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
        entries.emplace_back(std::move(*key), std::move(*value));
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
        if (!replaying_ && !object_offsets_.emplace(id, offset).second)
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
                obj->type_names = *it->second;
            }
        } else if (tag == "ToString") {
            obj->to_string = decode_escapes(text_of(child));
        } else if (tag == "Props" || tag == "MS") {
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
            if (is_collection_tag(tag)) {
                content.kind = Kind::list;
                content.items = read_items(child, depth);
            } else if (tag == "DCT") {
                content.kind = Kind::dictionary;
                content.entries = read_entries(child, depth);
            } else if (tag == "Obj" || tag == "Ref" || tag == "PR" || primitive_type_name(tag).empty()) {
                fail(child, fmt::format("unexpected <{}> in <Obj>", tag));
            } else {
                content = convert_primitive(child, tag);
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
    auto at = object_offsets_.find(id);
    if (at == object_offsets_.end()) fail(node, fmt::format("Ref to unknown RefId '{}'", id));
    detail::ScanError scan;
    const auto end = detail::element_end(text_, at->second, kMaxElementDepth, scan);
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
    auto root = parse_chunk(chunk, at->second, *end);
    base_ = at->second;
    replaying_ = true;
    PsValue value = convert(root, depth);
    if (ref_cache_.size() >= kRefCacheEntries) ref_cache_.clear();
    ref_cache_.emplace(id, std::make_shared<const PsValue>(value));
    return value;
}

PsValue ClixmlReader::convert(pugi::xml_node node, int depth) {
    if (depth > kMaxValueDepth) fail(node, fmt::format("values nested deeper than {} levels", kMaxValueDepth));
    const std::string_view tag = node.name();
    if (tag == "Ref") return resolve_ref(node, depth);
    count(1, node);
    PsValue v;
    if (tag == "Obj") {
        v = convert_obj(node, depth);
    } else if (is_collection_tag(tag)) {
        v.kind = Kind::list;
        v.items = read_items(node, depth);
    } else if (tag == "DCT") {
        v.kind = Kind::dictionary;
        v.entries = read_entries(node, depth);
    } else if (tag == "PR") {
        v = read_progress_record(node, depth);
    } else {
        v = convert_primitive(node, tag);
    }
    v.where = locator_.locate(offset_of(node));
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
            if (tag == "Obj" && n.attribute("RefId")) r.object_offsets_.emplace(n.attribute("RefId").value(), r.offset_of(n));
            if (tag == "TN" && n.attribute("RefId")) r.read_type_names(n);
            return true;
        }
    } walker(*this);
    if (std::string_view(node.name()) == "Obj" && node.attribute("RefId"))
        object_offsets_.emplace(node.attribute("RefId").value(), offset_of(node));
    node.traverse(walker);
}

std::string ClixmlReader::first_type_name(pugi::xml_node obj) {
    if (auto tn = obj.child("TN")) {
        auto names = read_type_names(tn);
        // read_type_names registered the RefId; the full conversion will see it again.
        type_names_.erase(tn.attribute("RefId").value());
        return names.empty() ? std::string() : names.front();
    }
    if (auto ref = obj.child("TNRef")) {
        auto it = type_names_.find(ref.attribute("RefId").value());
        if (it != type_names_.end() && !it->second->empty()) return it->second->front();
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
        try {
            base_ = *next;
            replaying_ = false;
            open_.clear();
            auto node = parse_chunk(chunk, *next, *end);
            if (std::string_view(node.name()) == "Obj" && !wanted(first_type_name(node))) {
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

ClixmlFileSummary read_clixml_buffer(std::string_view bytes, const std::string& name, const ClixmlObjectSink& on_object,
                                     std::vector<Diagnostic>& problems, const EvidenceNeeds* needs) {
    ClixmlFileSummary summary;
    const auto text = detail::decode_text(bytes);
    detail::refuse_hostile_xml(bytes, text, name);
    summary.encoding = std::string(detail::encoding_name(text.encoding));
    ClixmlReader reader(text.utf8, name, problems, needs);
    reader.run(on_object, summary);
    if (!text.bad_offsets.empty()) {
        detail::TextLocator locator(text.utf8, name);
        for (auto off : text.bad_offsets) {
            problems.push_back({locator.locate(off), "invalid UTF-16 (unpaired surrogate or odd byte)"});
            ++summary.errors;
        }
    }
    return summary;
}

ClixmlFileSummary read_clixml_file(const std::filesystem::path& file, const ClixmlObjectSink& on_object,
                                   std::vector<Diagnostic>& problems, const EvidenceNeeds* needs) {
    return read_clixml_buffer(detail::read_file_bytes(file, needs ? needs->limits.max_file_bytes : Limits{}.max_file_bytes),
                              file.string(), on_object, problems, needs);
}

}  // namespace hardcheck
