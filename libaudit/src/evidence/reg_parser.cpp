// The .reg grammar as regedit.exe, `reg export` and Wine's regedit write and read it.
//
// The decoded text is read line by line with a cursor.  Line ends are LF or CRLF;
// a file without any LF uses bare CRs.  In an LF file a bare CR is an ordinary
// character (regedit writes REG_SZ data holding CRs raw), blank-like when trimming.
#include "evidence/reg_parser.hpp"

#include <algorithm>
#include <array>
#include <cstring>

#include <fmt/format.h>

namespace hardcheck::detail {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

std::size_t count_code_points(std::string_view s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// Windows counts name lengths in UTF-16 code units: a character outside the BMP
// (four UTF-8 bytes) is two.
std::size_t count_utf16_units(std::string_view s) {
    std::size_t n = 0;
    for (char c : s) {
        const auto b = static_cast<unsigned char>(c);
        if ((b & 0xC0) != 0x80) ++n;
        if (b >= 0xF0) ++n;
    }
    return n;
}

constexpr std::array<signed char, 256> kHexDigits = [] {
    std::array<signed char, 256> t{};
    for (auto& v : t) v = -1;
    for (int c = '0'; c <= '9'; ++c) t[static_cast<std::size_t>(c)] = static_cast<signed char>(c - '0');
    for (int c = 'a'; c <= 'f'; ++c) t[static_cast<std::size_t>(c)] = static_cast<signed char>(c - 'a' + 10);
    for (int c = 'A'; c <= 'F'; ++c) t[static_cast<std::size_t>(c)] = static_cast<signed char>(c - 'A' + 10);
    return t;
}();

int hex_digit(char c) { return kHexDigits[static_cast<unsigned char>(c)]; }

bool starts_with_nocase(std::string_view s, std::string_view lower_prefix) {
    if (s.size() < lower_prefix.size()) return false;
    for (std::size_t i = 0; i < lower_prefix.size(); ++i) {
        char a = s[i];
        if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
        if (a != lower_prefix[i]) return false;
    }
    return true;
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

void decode_typed(RegValue& v, bool regedit4) {
    const auto& b = v.raw;
    switch (static_cast<RegType>(v.type)) {
        case RegType::sz:
        case RegType::expand_sz:
        case RegType::link:
        case RegType::multi_sz: {
            // REGEDIT4 (Windows 95/NT4) wrote these as 8-bit ANSI strings.
            std::string all = regedit4 ? windows1252_to_utf8(std::string_view(
                                             reinterpret_cast<const char*>(b.data()), b.size()))
                                       : utf16le_to_utf8(b.data(), b.size());
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

class RegParser {
public:
    RegParser(const DecodedText& text, const std::string& name, RegSink& sink, std::vector<Diagnostic>& problems,
              RegPart& part, RegFileSummary& summary)
        : text_(text.utf8), name_(name), file_(name), sink_(sink), problems_(problems), part_(part), summary_(summary),
          loc_line_(part.first_line) {
        summary_.encoding = std::string(encoding_name(text.encoding));
        cr_only_ = part.cr_line_ends_allowed && text_.find('\n') == std::string_view::npos;
        // A Ctrl-Z (DOS end of file) after the last line is not part of the export.
        std::size_t end = text_.size();
        while (end > 0 && (is_space(text_[end - 1]) || text_[end - 1] == '\n')) --end;
        if (end > 0 && text_[end - 1] == '\x1a') text_ = text_.substr(0, end - 1);
        for (std::size_t off : text.bad_offsets) report(off, "invalid UTF-16 (unpaired surrogate or odd byte)");
    }

    void run();

private:
    SourceLocation locate(std::size_t offset) {
        SourceLocation where;
        locate_into(offset, where);
        return where;
    }

    void locate_into(std::size_t offset, SourceLocation& where) {
        // Offsets mostly grow while parsing, so lines are counted incrementally;
        // the decoding problems reported up front restart the count.
        if (offset < loc_offset_) {
            loc_offset_ = 0;
            loc_line_ = part_.first_line;
            loc_line_start_ = 0;
        }
        offset = std::min(offset, text_.size());
        const char eol = cr_only_ ? '\r' : '\n';
        const char* p = text_.data() + loc_offset_;
        const char* const stop = text_.data() + offset;
        while (p < stop) {
            const auto* hit = static_cast<const char*>(std::memchr(p, eol, static_cast<std::size_t>(stop - p)));
            if (hit == nullptr) break;
            ++loc_line_;
            loc_line_start_ = static_cast<std::size_t>(hit - text_.data()) + 1;
            p = hit + 1;
        }
        loc_offset_ = offset;
        const auto col = count_code_points(text_.substr(loc_line_start_, offset - loc_line_start_)) + 1;
        where.file = file_;
        where.line = static_cast<std::uint32_t>(loc_line_);
        where.column = static_cast<std::uint32_t>(col);
    }

    void report(std::size_t offset, std::string message) {
        ++summary_.errors;
        problems_.push_back({locate(offset), std::move(message)});
    }

    // The physical line at pos_ (without its terminator); advances past it.
    std::string_view next_line(std::size_t& begin) {
        begin = pos_;
        const char eol = cr_only_ ? '\r' : '\n';
        const auto* hit = static_cast<const char*>(std::memchr(text_.data() + pos_, eol, text_.size() - pos_));
        std::size_t end = hit ? static_cast<std::size_t>(hit - text_.data()) : text_.size();
        pos_ = hit ? end + 1 : end;
        if (!cr_only_ && end > begin && text_[end - 1] == '\r') --end;
        return text_.substr(begin, end - begin);
    }

    bool at_end() const { return pos_ >= text_.size(); }

    void parse_key_line(std::string_view line, std::size_t begin);
    void parse_value_line(std::string_view line, std::size_t begin);
    bool read_quoted(std::string_view& rest, std::size_t& rest_offset, std::string* out, bool multiline);
    bool read_hex(std::string_view rest, std::size_t rest_offset, std::vector<std::uint8_t>* bytes);
    void mark_damaged_key(std::string_view line, std::size_t begin);

    std::string_view text_;
    const std::string& name_;
    SourceFile file_;  // shared by every location reported
    RegSink& sink_;
    std::vector<Diagnostic>& problems_;
    RegPart& part_;
    RegFileSummary& summary_;
    std::size_t pos_ = 0;
    bool cr_only_ = false;
    bool regedit4_ = false;
    RegValue value_;

    // What value lines apply to: nothing yet (an error), a key that was deleted or
    // could not be read (read, counted, not applied), or an open key.
    enum class KeyState { none, ignored, open } state_ = KeyState::none;
    bool wanted_ = false;  // the open key's values go to the sink, decoded

    std::size_t loc_offset_ = 0, loc_line_, loc_line_start_ = 0;
};

void RegParser::parse_key_line(std::string_view line, std::size_t begin) {
    state_ = KeyState::ignored;
    wanted_ = false;
    const bool deletion = line.size() > 1 && line[1] == '-';
    if (deletion)
        ++summary_.deletions;
    else
        ++summary_.keys;
    const std::size_t close = line.rfind(']');
    if (close == std::string_view::npos) {
        report(begin + line.size(), "key line has no closing ']'");
        return;
    }
    if (!trim(line.substr(close + 1)).empty()) {
        report(begin + close + 1, "unexpected text after ']'");
        return;
    }
    const std::size_t skip = deletion ? 2 : 1;
    std::string_view path = line.substr(skip, close - skip);
    const std::size_t path_offset = begin + skip;
    if (path.empty()) {
        report(path_offset, "empty key name");
        return;
    }
    auto canonical = canonical_reg_key(path);
    if (!canonical) {
        const auto root = path.substr(0, path.find('\\'));
        if (root.find('/') != std::string_view::npos && canonical_reg_key(root.substr(0, root.find('/'))))
            report(path_offset + root.find('/'), "key path separated by '/': .reg files separate keys with '\\'");
        else
            report(path_offset, fmt::format("unknown registry root '{}'", root));
        return;
    }
    // Windows' limits on names and depth.
    std::size_t depth = 0, comp_start = path.find('\\');
    if (comp_start != std::string_view::npos) {
        ++comp_start;
        for (std::size_t i = comp_start; i <= path.size(); ++i) {
            if (i < path.size() && path[i] != '\\') continue;
            const auto comp = path.substr(comp_start, i - comp_start);
            if (comp.empty() && i != path.size()) {
                report(path_offset + i, "empty key name component");
                return;
            }
            if (count_utf16_units(comp) > kMaxKeyComponent) {
                report(path_offset + comp_start,
                       fmt::format("key name component longer than {} characters", kMaxKeyComponent));
                return;
            }
            if (!comp.empty() && ++depth > kMaxKeyDepth) {
                report(path_offset + comp_start, fmt::format("key deeper than {} levels", kMaxKeyDepth));
                return;
            }
            comp_start = i + 1;
        }
    }
    if (deletion) {
        sink_.delete_key(*canonical);
        return;  // values below a deleted key are ignored, as regedit ignores them
    }
    state_ = KeyState::open;
    wanted_ = sink_.wants(*canonical);
    // Display form: the full root name, the rest as written.
    std::string display = canonical->substr(0, canonical->find('\\'));
    if (auto sep = path.find('\\'); sep != std::string_view::npos) display += path.substr(sep);
    while (!display.empty() && display.back() == '\\') display.pop_back();
    sink_.open_key(*canonical, display, locate(begin));
}

// Reads a quoted string starting at rest[0] == '"' into `out` (when not null).
// With `multiline`, a string whose closing quote is not on this line continues over
// the following lines, keeping their line breaks (regedit writes REG_SZ data
// containing CR/LF raw).
bool RegParser::read_quoted(std::string_view& rest, std::size_t& rest_offset, std::string* out, bool multiline) {
    // A quote never closed must not swallow the rest of the file: report it at the
    // end of its first line and go on with the next line.
    const std::size_t resume = pos_;
    const std::size_t first_line_end = rest_offset + rest.size();
    std::size_t i = 1;
    for (;;) {
        for (; i < rest.size(); ++i) {
            const char c = rest[i];
            if (c == '\\' && i + 1 < rest.size() && (rest[i + 1] == '\\' || rest[i + 1] == '"')) {
                if (out) *out += rest[i + 1];
                ++i;
            } else if (c == '"') {
                rest_offset += i + 1;
                rest = rest.substr(i + 1);
                return true;
            } else if (out) {
                // Copy the run up to the next quote or backslash at once.
                std::size_t j = i + 1;
                while (j < rest.size() && rest[j] != '"' && rest[j] != '\\') ++j;
                out->append(rest.substr(i, j - i));
                i = j - 1;
            }
        }
        if (!multiline || at_end()) {
            // A string still open at the end of the text, or closed on a later line
            // than its first: a piece of a file may have been cut inside it.
            part_.recovered_string = part_.recovered_string || (multiline && (at_end() || pos_ != resume));
            pos_ = resume;
            report(first_line_end, "string has no closing quote");
            return false;
        }
        // Continue over the raw line break into the next physical line.
        const std::size_t line_end = rest_offset + rest.size();
        if (out) out->append(text_.substr(line_end, pos_ - line_end));
        std::size_t begin;
        rest = next_line(begin);
        rest_offset = begin;
        i = 0;
    }
}

bool RegParser::read_hex(std::string_view rest, std::size_t rest_offset, std::vector<std::uint8_t>* bytes) {
    // A trailing backslash joins the next line; blank lines and ';' comment lines
    // inside a continuation are skipped; indentation is free.
    for (;;) {
        std::string_view body = trim(rest);
        const std::size_t body_offset = rest_offset + static_cast<std::size_t>(body.data() - rest.data());
        const bool continues = !body.empty() && body.back() == '\\';
        if (continues) body.remove_suffix(1);
        if (bytes) {
            std::size_t i = 0;
            // Fast path for the regular "xx,xx,..." that exports are made of.
            while (i + 2 < body.size() && body[i + 2] == ',') {
                const int hi = hex_digit(body[i]), lo = hex_digit(body[i + 1]);
                if ((hi | lo) < 0) break;
                bytes->push_back(static_cast<std::uint8_t>(hi * 16 + lo));
                i += 3;
            }
            while (i < body.size()) {
                while (i < body.size() && is_space(body[i])) ++i;
                if (i >= body.size() || body[i] == ';') break;  // a trailing comment
                const int hi = hex_digit(body[i]);
                const int lo = i + 1 < body.size() ? hex_digit(body[i + 1]) : -1;
                const bool lo_ends_byte =
                    i + 1 >= body.size() || body[i + 1] == ',' || is_space(body[i + 1]) || body[i + 1] == ';';
                if (hi < 0 || (lo < 0 && !lo_ends_byte)) {
                    const std::size_t at = hi < 0 ? i : i + 1;
                    report(body_offset + at, fmt::format("invalid hex digit '{}'", body[at]));
                    return false;
                }
                if (lo >= 0) {
                    bytes->push_back(static_cast<std::uint8_t>(hi * 16 + lo));
                    i += 2;
                } else {
                    bytes->push_back(static_cast<std::uint8_t>(hi));
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
        const std::size_t backslash = body_offset + body.size();
        for (;;) {
            // A key line is never hex data: the value ends before it.
            const std::size_t resume = pos_;
            std::size_t begin = pos_;
            const std::string_view next = at_end() ? std::string_view{} : next_line(begin);
            const std::string_view t = trim(next);
            if (!at_end() && (t.empty() || t.front() == ';')) continue;
            if (t.empty() || t.front() == '[') {
                pos_ = resume;
                report(backslash, "hex data ends with '\\' but no continuation line follows");
                return false;
            }
            rest = next;
            rest_offset = begin;
            break;
        }
    }
}

void RegParser::mark_damaged_key(std::string_view line, std::size_t begin) {
    std::string_view path = line.substr(1);
    if (!path.empty() && path.front() == '-') return;  // a failed deletion hides nothing
    path = trim(path.substr(0, path.rfind(']')));
    std::string fixed(path);
    // A '/'-separated path still names the key a check may look for.
    if (!canonical_reg_key(path.substr(0, path.find('\\'))))
        std::replace(fixed.begin(), fixed.end(), '/', '\\');
    if (auto canonical = canonical_reg_key(fixed)) sink_.damaged_key(*canonical, locate(begin));
}

void RegParser::parse_value_line(std::string_view line, std::size_t begin) {
    // Applied only under an open key that is wanted; still read in full otherwise,
    // since data may span lines.
    const bool apply = state_ == KeyState::open && wanted_;
    // One value object, reused while sinks leave it alone, saves allocations.
    RegValue& value = value_;
    value.name.clear();
    value.type = 0;
    value.raw.clear();
    value.text.clear();
    value.strings.clear();
    value.number = 0;
    std::string_view rest = line;
    std::size_t rest_offset = begin;
    if (rest.front() == '@') {  // the default value
        rest.remove_prefix(1);
        ++rest_offset;
    } else {
        if (!read_quoted(rest, rest_offset, &value.name, false)) return;
        if (count_utf16_units(value.name) > kMaxValueName) {
            report(begin + 1, fmt::format("value name longer than {} characters", kMaxValueName));
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

    if (state_ == KeyState::none) {
        report(begin, "value outside of any key");
        return;
    }

    auto expect_end = [&](std::string_view tail, std::size_t tail_offset) {
        const std::string_view left = trim(tail);
        if (!left.empty() && left.front() != ';') {
            report(tail_offset + static_cast<std::size_t>(left.data() - tail.data()),
                   "unexpected text after the value data");
            return false;
        }
        return true;
    };
    auto deliver = [&]() {
        locate_into(begin, value.where);
        sink_.value(value);
    };

    if (rest == "-") {
        ++summary_.deletions;
        if (apply) sink_.delete_value(value.name);
        return;
    }
    if (!rest.empty() && rest.front() == '"') {
        std::string text;
        const std::size_t resume = pos_, first_line_end = rest_offset + rest.size();
        if (!read_quoted(rest, rest_offset, apply ? &text : nullptr, true)) return;
        if (pos_ != resume && !trim(rest).empty() && trim(rest).front() != ';') {
            // A quote closed on a later line by another value's name: the string
            // was never closed.  Resume after its first line.
            part_.recovered_string = true;
            pos_ = resume;
            report(first_line_end, "string has no closing quote");
            return;
        }
        if (!expect_end(rest, rest_offset)) return;
        ++summary_.values;
        if (apply) {
            value.type = static_cast<std::uint32_t>(RegType::sz);
            // Raw bytes as Windows stores REG_SZ: UTF-16LE with its terminating NUL.
            if (std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
                value.raw.resize(2 * text.size() + 2);
                for (std::size_t k = 0; k < text.size(); ++k) {
                    value.raw[2 * k] = static_cast<std::uint8_t>(text[k]);
                    value.raw[2 * k + 1] = 0;
                }
                value.raw[2 * text.size()] = value.raw[2 * text.size() + 1] = 0;
            } else {
                const std::string wide = utf8_to_utf16le(text);
                value.raw.assign(wide.begin(), wide.end());
                value.raw.insert(value.raw.end(), {0, 0});
            }
            value.text.swap(text);
            deliver();
        }
        return;
    }
    if (starts_with_nocase(rest, "dword:")) {
        const std::string_view digits = rest.substr(6);
        std::size_t n = 0;
        while (n < digits.size() && hex_digit(digits[n]) >= 0) ++n;
        if (n == 0 || n > 8) {
            report(rest_offset + 6, n == 0 ? "dword needs 1 to 8 hex digits" : "dword has more than 8 hex digits");
            return;
        }
        if (!expect_end(digits.substr(n), rest_offset + 6 + n)) return;
        ++summary_.values;
        if (apply) {
            value.type = static_cast<std::uint32_t>(RegType::dword);
            for (std::size_t i = 0; i < n; ++i) value.number = value.number * 16 + static_cast<unsigned>(hex_digit(digits[i]));
            const auto x = static_cast<std::uint32_t>(value.number);
            value.raw = {static_cast<std::uint8_t>(x), static_cast<std::uint8_t>(x >> 8),
                         static_cast<std::uint8_t>(x >> 16), static_cast<std::uint8_t>(x >> 24)};
            deliver();
        }
        return;
    }
    if (starts_with_nocase(rest, "hex")) {
        std::size_t i = 3;
        std::uint32_t type = static_cast<std::uint32_t>(RegType::binary);
        if (i < rest.size() && rest[i] == '(') {
            const std::size_t close = rest.find(')', i);
            const std::string_view num =
                close == std::string_view::npos ? std::string_view{} : rest.substr(i + 1, close - i - 1);
            if (num.empty() || num.size() > 8 ||
                !std::all_of(num.begin(), num.end(), [](char c) { return hex_digit(c) >= 0; })) {
                report(rest_offset + i + 1, "hex(N) needs a type number of 1 to 8 hex digits");
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
        if (!read_hex(rest.substr(i + 1), rest_offset + i + 1, apply ? &value.raw : nullptr)) return;
        // A number of the wrong size would read as some other number: a check
        // must see it as damaged, not as 0.
        const std::size_t need = type == static_cast<std::uint32_t>(RegType::qword) ? 8
                                 : type == static_cast<std::uint32_t>(RegType::dword) ||
                                         type == static_cast<std::uint32_t>(RegType::dword_big_endian)
                                     ? 4
                                     : 0;
        if (apply && need != 0 && value.raw.size() != need) {
            report(rest_offset, fmt::format("{} needs {} bytes of data, found {}", reg_type_name(type), need,
                                            value.raw.size()));
            return;
        }
        ++summary_.values;
        if (apply) {
            decode_typed(value, regedit4_);
            deliver();
        }
        return;
    }
    report(rest_offset, "unrecognised value data (expected \"string\", dword:, hex: or -)");
}

void RegParser::run() {
    std::size_t begin;
    regedit4_ = part_.regedit4;
    const std::string_view header = part_.header ? trim(next_line(begin)) : std::string_view("REGEDIT4");
    if (!part_.header) {
        // A part of a file whose header was read before.
    } else if (header == "REGEDIT4") {
        regedit4_ = part_.regedit4 = true;
    } else if (header == "REGEDIT") {
        throw InputError(diagnostic_at(name_, 1, 1,
                                       "Windows 3.x REGEDIT format is not supported (export with regedit 5 or reg export)"));
    } else if (header != "Windows Registry Editor Version 5.00") {
        throw InputError(diagnostic_at(
            name_, 1, 1, "not a registry export: expected 'Windows Registry Editor Version 5.00' or 'REGEDIT4'"));
    }
    while (!at_end()) {
        const std::string_view line = next_line(begin);
        const std::string_view t = trim(line);
        if (t.empty() || t.front() == ';' || t == "\x1a") continue;
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
            if (summary_.errors != errors_before && state_ == KeyState::open && wanted_)
                sink_.damaged_value(guess_value_name(t), locate(offset));
        }
    }
}

}  // namespace

Diagnostic diagnostic_at(const std::string& file, std::uint32_t line, std::uint32_t column, std::string message) {
    Diagnostic d;
    d.where.file = file;
    d.where.line = line;
    d.where.column = column;
    d.message = std::move(message);
    return d;
}

RegFileSummary parse_reg(const DecodedText& text, const std::string& name, RegSink& sink,
                         std::vector<Diagnostic>& problems) {
    RegPart whole;
    RegFileSummary summary;
    RegParser parser(text, name, sink, problems, whole, summary);
    parser.run();
    return summary;
}

void parse_reg_part(const DecodedText& text, const std::string& name, RegSink& sink,
                    std::vector<Diagnostic>& problems, RegPart& part, RegFileSummary& summary) {
    RegParser parser(text, name, sink, problems, part, summary);
    parser.run();
}

}  // namespace hardcheck::detail
