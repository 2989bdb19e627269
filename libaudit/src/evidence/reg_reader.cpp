// Reader for registry exports (.reg) as regedit.exe and `reg export` write them.
//
// The whole file is decoded to UTF-8 once, then read line by line with a cursor.
// Keys outside the interest set are still scanned (so a string spanning lines is
// never mistaken for a key header) but their data is not decoded or stored.
#include <algorithm>
#include <fstream>

#include <fmt/format.h>

#include "evidence/file_bytes.hpp"
#include "evidence/text_decoding.hpp"
#include "hardcheck/evidence.hpp"

namespace hardcheck {

namespace {

using detail::DecodedText;

constexpr std::size_t kMaxKeyComponent = 255;   // characters, Windows' limit
constexpr std::size_t kMaxValueName = 16383;    // characters, Windows' limit
constexpr std::size_t kMaxKeyDepth = 512;       // levels, Windows' limit

bool is_space(char c) { return c == ' ' || c == '\t'; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

std::size_t count_chars(std::string_view s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

bool starts_with_nocase(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        char a = s[i];
        if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
        if (a != prefix[i]) return false;
    }
    return true;
}

struct Error {
    std::size_t offset;  // in the decoded buffer
    std::string message;
};

class RegParser {
public:
    RegParser(const DecodedText& text, const std::string& name, RegistryView& view,
              std::vector<Diagnostic>& problems, const EvidenceNeeds* needs)
        : buf_(text.utf8), name_(name), view_(view), problems_(problems), needs_(needs) {
        summary_.encoding = std::string(detail::encoding_name(text.encoding));
        for (std::size_t off : text.bad_offsets) report(off, "invalid UTF-16 (unpaired surrogate or odd byte)");
    }

    RegFileSummary run();

private:
    // --- position bookkeeping ---
    SourceLocation locate(std::size_t offset) {
        // Lines are counted incrementally: offsets only grow while parsing, except
        // for the decoding problems reported up front, which restart the count.
        if (offset < loc_offset_) {
            loc_offset_ = 0;
            loc_line_ = 1;
            loc_line_start_ = 0;
        }
        for (std::size_t i = loc_offset_; i < offset && i < buf_.size(); ++i) {
            if (buf_[i] == '\n' || (buf_[i] == '\r' && (i + 1 >= buf_.size() || buf_[i + 1] != '\n'))) {
                ++loc_line_;
                loc_line_start_ = i + 1;
            }
        }
        loc_offset_ = offset;
        const auto col = count_chars(std::string_view(buf_).substr(loc_line_start_, offset - loc_line_start_)) + 1;
        return {name_, static_cast<std::uint32_t>(loc_line_), static_cast<std::uint32_t>(col)};
    }

    void report(std::size_t offset, std::string message) {
        ++summary_.errors;
        problems_.push_back({locate(offset), std::move(message)});
    }

    // Returns [begin, end) of the physical line at pos_ and advances past its terminator.
    std::string_view next_line(std::size_t& begin) {
        begin = pos_;
        std::size_t end = buf_.find_first_of("\r\n", pos_);
        if (end == std::string::npos)
            pos_ = end = buf_.size();
        else if (buf_[end] == '\r' && end + 1 < buf_.size() && buf_[end + 1] == '\n')
            pos_ = end + 2;
        else
            pos_ = end + 1;
        return std::string_view(buf_).substr(begin, end - begin);
    }

    bool at_end() const { return pos_ >= buf_.size(); }

    void parse_key_line(std::string_view line, std::size_t begin);
    void parse_value_line(std::string_view line, std::size_t begin);
    bool read_quoted(std::string_view& rest, std::size_t& rest_offset, std::string& out, bool multiline);
    bool read_hex(std::string_view rest, std::size_t rest_offset, std::vector<std::uint8_t>& bytes);
    void store_value(RegValue value, std::size_t begin);
    void mark_damaged_key(std::string_view line, std::size_t begin);

    const std::string& buf_;
    const std::string& name_;
    RegistryView& view_;
    std::vector<Diagnostic>& problems_;
    const EvidenceNeeds* needs_;
    RegFileSummary summary_;
    std::size_t pos_ = 0;
    bool regedit4_ = false;

    // Current key: null when none is open or it was deleted/invalid.
    std::string current_canonical_;
    RegKey* current_ = nullptr;
    bool in_key_ = false;   // a key header was read (even if skipped)
    bool storing_ = false;  // the current key's values are wanted

    std::size_t loc_offset_ = 0, loc_line_ = 1, loc_line_start_ = 0;
};

void RegParser::parse_key_line(std::string_view line, std::size_t begin) {
    ++summary_.keys;
    in_key_ = false;
    current_ = nullptr;
    storing_ = false;
    const std::size_t close = line.rfind(']');
    if (close == std::string_view::npos) {
        report(begin + line.size(), "key line has no closing ']'");
        return;
    }
    if (!trim(line.substr(close + 1)).empty()) {
        report(begin + close + 1, "unexpected text after ']'");
        return;
    }
    bool deletion = line.size() > 1 && line[1] == '-';
    std::string_view path = line.substr(deletion ? 2 : 1, close - (deletion ? 2 : 1));
    const std::size_t path_offset = begin + (deletion ? 2 : 1);
    if (deletion) --summary_.keys, ++summary_.deletions;
    if (path.empty()) {
        report(path_offset, "empty key name");
        return;
    }
    auto canonical = canonical_reg_key(path);
    if (!canonical) {
        const auto root = path.substr(0, path.find('\\'));
        report(path_offset, fmt::format("unknown registry root '{}'", root));
        return;
    }
    // Windows' limits on names and depth.
    std::size_t depth = 0, comp_start = 0;
    for (std::size_t i = 0; i <= path.size(); ++i) {
        if (i == path.size() || path[i] == '\\') {
            const auto comp = path.substr(comp_start, i - comp_start);
            if (comp.empty() && i != path.size()) {
                report(path_offset + i, "empty key name component");
                return;
            }
            if (count_chars(comp) > kMaxKeyComponent) {
                report(path_offset + comp_start, fmt::format("key name component longer than {} characters", kMaxKeyComponent));
                return;
            }
            ++depth;
            comp_start = i + 1;
        }
    }
    if (depth > kMaxKeyDepth + 1) {
        report(path_offset, fmt::format("key deeper than {} levels", kMaxKeyDepth));
        return;
    }
    if (deletion) {
        view_.delete_key(*canonical);
        return;
    }
    view_.add_covered_root(*canonical, locate(begin));
    in_key_ = true;
    current_canonical_ = std::move(*canonical);
    storing_ = !needs_ || needs_->wants_key(current_canonical_);
    if (storing_) {
        // Display form: the full root name, the rest as written.
        std::string display = current_canonical_.substr(0, current_canonical_.find('\\'));
        if (auto sep = path.find('\\'); sep != std::string_view::npos) display += path.substr(sep);
        current_ = &view_.open_key(current_canonical_, std::move(display), locate(begin));
    }
}

// Reads a quoted string starting at rest[0] == '"'.  With `multiline`, a string
// whose closing quote is not on this line continues over the following lines,
// keeping their line breaks (regedit writes REG_SZ data containing CR/LF raw).
bool RegParser::read_quoted(std::string_view& rest, std::size_t& rest_offset, std::string& out, bool multiline) {
    std::size_t i = 1;
    for (;;) {
        for (; i < rest.size(); ++i) {
            char c = rest[i];
            if (c == '\\' && i + 1 < rest.size() && (rest[i + 1] == '\\' || rest[i + 1] == '"')) {
                out += rest[++i];
            } else if (c == '"') {
                rest_offset += i + 1;
                rest = rest.substr(i + 1);
                return true;
            } else {
                out += c;
            }
        }
        if (!multiline || at_end()) {
            report(rest_offset + rest.size(), "string has no closing quote");
            return false;
        }
        // Continue over the raw line break into the next physical line.
        const std::size_t line_end = rest_offset + rest.size();
        std::size_t begin;
        out.append(buf_, line_end, pos_ - line_end);
        std::string_view next = next_line(begin);
        rest = next;
        rest_offset = begin;
        i = 0;
    }
}

bool RegParser::read_hex(std::string_view rest, std::size_t rest_offset, std::vector<std::uint8_t>& bytes) {
    // Gather continuation lines: a trailing backslash joins the next line; blank
    // lines and ';' comment lines inside a continuation are skipped.
    for (;;) {
        std::string_view body = trim(rest);
        const std::size_t body_offset = rest_offset + static_cast<std::size_t>(body.data() - rest.data());
        bool continues = !body.empty() && body.back() == '\\';
        if (continues) body.remove_suffix(1);
        if (storing_) {
            std::size_t i = 0;
            while (i < body.size()) {
                while (i < body.size() && is_space(body[i])) ++i;
                if (i >= body.size()) break;
                if (body[i] == ';') break;  // trailing comment
                int hi = hex_digit(body[i]);
                int lo = i + 1 < body.size() ? hex_digit(body[i + 1]) : -1;
                const bool lo_ends_byte = i + 1 >= body.size() || body[i + 1] == ',' || is_space(body[i + 1]) ||
                                          body[i + 1] == ';';
                if (hi < 0 || (lo < 0 && !lo_ends_byte)) {
                    const std::size_t at = hi < 0 ? i : i + 1;
                    report(body_offset + at, fmt::format("invalid hex digit '{}'", body[at]));
                    return false;
                }
                if (lo >= 0) {
                    bytes.push_back(static_cast<std::uint8_t>(hi * 16 + lo));
                    i += 2;
                } else {
                    bytes.push_back(static_cast<std::uint8_t>(hi));
                    i += 1;
                }
                while (i < body.size() && is_space(body[i])) ++i;
                if (i < body.size()) {
                    if (body[i] == ',') {
                        ++i;
                    } else if (body[i] != ';') {
                        report(body_offset + i, fmt::format("expected ',' between hex bytes, found '{}'", body[i]));
                        return false;
                    }
                }
            }
        }
        if (!continues) return true;
        // Next non-blank, non-comment line continues the data.
        for (;;) {
            if (at_end()) {
                report(buf_.size(), "hex data continues past the end of the file");
                return false;
            }
            std::size_t begin;
            std::string_view next = next_line(begin);
            std::string_view t = trim(next);
            if (t.empty() || t.front() == ';') continue;
            rest = next;
            rest_offset = begin;
            break;
        }
    }
}

void RegParser::store_value(RegValue value, std::size_t begin) {
    if (!current_) return;
    value.where = locate(begin);
    if (auto* existing = const_cast<RegValue*>(current_->find(value.name)))
        *existing = std::move(value);
    else
        current_->values.push_back(std::move(value));
}

// Best effort at the name a rejected value line assigns, so that a check reading
// it gets "damaged" rather than "absent".
std::string guess_value_name(std::string_view line) {
    if (line.front() == '@') return {};
    if (line.front() == '"') {
        std::string name;
        for (std::size_t i = 1; i < line.size() && line[i] != '"'; ++i) {
            if (line[i] == '\\' && i + 1 < line.size()) ++i;
            name += line[i];
        }
        return name;
    }
    return std::string(trim(line.substr(0, line.find('='))));
}

void RegParser::mark_damaged_key(std::string_view line, std::size_t begin) {
    std::string_view path = line.substr(1);
    if (!path.empty() && path.front() == '-') return;  // a failed deletion hides nothing
    path = trim(path.substr(0, path.rfind(']')));
    if (auto canonical = canonical_reg_key(path)) view_.add_damaged_key(*canonical, locate(begin));
}

void decode_typed(RegValue& v, bool regedit4) {
    const auto& b = v.raw;
    switch (static_cast<RegType>(v.type)) {
        case RegType::sz:
        case RegType::expand_sz:
        case RegType::link:
        case RegType::multi_sz: {
            std::string all = regedit4 ? detail::windows1252_to_utf8(std::string_view(
                                             reinterpret_cast<const char*>(b.data()), b.size()))
                                       : detail::utf16le_to_utf8(b.data(), b.size());
            if (v.type == static_cast<std::uint32_t>(RegType::multi_sz)) {
                std::size_t start = 0;
                while (start < all.size()) {
                    std::size_t nul = all.find('\0', start);
                    if (nul == std::string::npos) nul = all.size();
                    if (nul == start) break;  // the empty string ends the list
                    v.strings.push_back(all.substr(start, nul - start));
                    start = nul + 1;
                }
            } else {
                v.text = all.substr(0, all.find('\0'));
            }
            break;
        }
        case RegType::dword:
            if (b.size() == 4) v.number = b[0] | (b[1] << 8) | (b[2] << 16) | (std::uint64_t{b[3]} << 24);
            break;
        case RegType::dword_big_endian:
            if (b.size() == 4) v.number = (std::uint64_t{b[0]} << 24) | (b[1] << 16) | (b[2] << 8) | b[3];
            break;
        case RegType::qword:
            if (b.size() == 8)
                for (int i = 7; i >= 0; --i) v.number = (v.number << 8) | b[i];
            break;
        default:
            break;
    }
}

void RegParser::parse_value_line(std::string_view line, std::size_t begin) {
    RegValue value;
    std::string_view rest = line;
    std::size_t rest_offset = begin;
    // Name: "quoted" or @ for the default value.
    if (rest.front() == '@') {
        rest.remove_prefix(1);
        ++rest_offset;
    } else {
        if (!read_quoted(rest, rest_offset, value.name, false)) return;
        if (count_chars(value.name) > kMaxValueName) {
            report(begin, fmt::format("value name longer than {} characters", kMaxValueName));
            return;
        }
    }
    std::string_view t = trim(rest);
    rest_offset += static_cast<std::size_t>(t.data() - rest.data());
    rest = t;
    if (rest.empty() || rest.front() != '=') {
        report(rest_offset, "expected '=' after the value name");
        return;
    }
    rest.remove_prefix(1);
    ++rest_offset;
    t = trim(rest);
    rest_offset += static_cast<std::size_t>(t.data() - rest.data());
    rest = t;

    if (!in_key_) {
        report(begin, "value outside of any key");
        return;
    }

    auto expect_end = [&](std::string_view tail, std::size_t tail_offset) {
        std::string_view left = trim(tail);
        if (!left.empty() && left.front() != ';') {
            report(tail_offset + static_cast<std::size_t>(left.data() - tail.data()),
                   "unexpected text after the value data");
            return false;
        }
        return true;
    };

    if (rest == "-") {
        ++summary_.deletions;
        if (storing_) view_.delete_value(current_canonical_, value.name);
        return;
    }
    if (!rest.empty() && rest.front() == '"') {
        std::string text;
        if (!read_quoted(rest, rest_offset, text, true)) return;
        if (!expect_end(rest, rest_offset)) return;
        ++summary_.values;
        value.type = static_cast<std::uint32_t>(RegType::sz);
        if (storing_) {
            // Raw bytes as Windows stores REG_SZ: UTF-16LE with its terminating NUL.
            const std::string wide = detail::utf8_to_utf16le(text);
            value.raw.assign(wide.begin(), wide.end());
            value.raw.insert(value.raw.end(), {0, 0});
            value.text = std::move(text);
            store_value(std::move(value), begin);
        }
        return;
    }
    if (starts_with_nocase(rest, "dword:")) {
        std::string_view digits = rest.substr(6);
        std::size_t n = 0;
        while (n < digits.size() && hex_digit(digits[n]) >= 0) ++n;
        if (n == 0 || n > 8) {
            report(rest_offset + 6, n == 0 ? "dword needs 1 to 8 hex digits" : "dword has more than 8 hex digits");
            return;
        }
        if (!expect_end(digits.substr(n), rest_offset + 6 + n)) return;
        ++summary_.values;
        value.type = static_cast<std::uint32_t>(RegType::dword);
        for (std::size_t i = 0; i < n; ++i) value.number = value.number * 16 + static_cast<unsigned>(hex_digit(digits[i]));
        const auto x = static_cast<std::uint32_t>(value.number);
        value.raw = {static_cast<std::uint8_t>(x), static_cast<std::uint8_t>(x >> 8),
                     static_cast<std::uint8_t>(x >> 16), static_cast<std::uint8_t>(x >> 24)};
        if (storing_) store_value(std::move(value), begin);
        return;
    }
    if (starts_with_nocase(rest, "hex")) {
        std::size_t i = 3;
        std::uint32_t type = static_cast<std::uint32_t>(RegType::binary);
        if (i < rest.size() && rest[i] == '(') {
            std::size_t close = rest.find(')', i);
            std::string_view num = close == std::string_view::npos ? std::string_view{} : rest.substr(i + 1, close - i - 1);
            if (num.empty() || num.size() > 8 ||
                !std::all_of(num.begin(), num.end(), [](char c) { return hex_digit(c) >= 0; })) {
                report(rest_offset + i, "hex(N) needs a hexadecimal type number");
                return;
            }
            type = 0;
            for (char c : num) type = type * 16 + static_cast<unsigned>(hex_digit(c));
            i = close + 1;
        }
        if (i >= rest.size() || rest[i] != ':') {
            report(rest_offset + i, "expected ':' after hex");
            return;
        }
        value.type = type;
        if (!read_hex(rest.substr(i + 1), rest_offset + i + 1, value.raw)) return;
        ++summary_.values;
        if (storing_) {
            decode_typed(value, regedit4_);
            store_value(std::move(value), begin);
        }
        return;
    }
    report(rest_offset, "unrecognised value data (expected \"string\", dword:, hex: or -)");
}

RegFileSummary RegParser::run() {
    std::size_t begin;
    std::string_view header = trim(next_line(begin));
    if (header == "REGEDIT4") {
        regedit4_ = true;
    } else if (header == "REGEDIT") {
        throw InputError(Diagnostic{{name_, 1, 1}, "Windows 3.x REGEDIT format is not supported (export with regedit 5 or reg export)"});
    } else if (header != "Windows Registry Editor Version 5.00") {
        throw InputError(Diagnostic{{name_, 1, 1}, "not a registry export: expected 'Windows Registry Editor Version 5.00' or 'REGEDIT4'"});
    }
    while (!at_end()) {
        std::string_view line = next_line(begin);
        // Leading spaces are tolerated; a Ctrl-Z at the very end is a DOS relic.
        std::string_view t = trim(line);
        if (t.empty() || t == "\x1a" || t.front() == ';') continue;
        const std::size_t offset = begin + static_cast<std::size_t>(t.data() - line.data());
        const auto errors_before = summary_.errors;
        if (t.front() == '[') {
            parse_key_line(t, offset);
            if (summary_.errors != errors_before) mark_damaged_key(t, offset);
        } else {
            if (t.front() == '"' || t.front() == '@')
                parse_value_line(t, offset);
            else
                report(offset, "expected a [key] line, a \"name\"= value line or a ; comment");
            if (summary_.errors != errors_before && current_)
                view_.add_damaged_value(*current_, guess_value_name(t), locate(offset));
        }
    }
    return summary_;
}

}  // namespace

bool looks_like_reg(std::string_view first) {
    auto decoded = detail::decode_text(first.substr(0, std::min<std::size_t>(first.size(), 160)));
    std::string_view s = decoded.utf8;
    s = s.substr(0, s.find_first_of("\r\n"));
    s = trim(s);
    return s == "Windows Registry Editor Version 5.00" || s == "REGEDIT4";
}

RegFileSummary read_reg_buffer(std::string_view bytes, const std::string& name, RegistryView& into,
                               std::vector<Diagnostic>& problems, const EvidenceNeeds* needs) {
    if (bytes.empty()) throw InputError(Diagnostic{{name, 1, 1}, "empty file"});
    const DecodedText text = detail::decode_text(bytes);
    RegParser parser(text, name, into, problems, needs);
    return parser.run();
}

RegFileSummary read_reg_file(const std::filesystem::path& file, RegistryView& into,
                             std::vector<Diagnostic>& problems, const EvidenceNeeds* needs) {
    const std::string bytes = detail::read_file_bytes(file);
    return read_reg_buffer(bytes, file.string(), into, problems, needs);
}

}  // namespace hardcheck
