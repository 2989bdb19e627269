// Filtered loads of UTF-16LE exports: the keys nobody asked for are skipped in the
// UTF-16 bytes themselves, without transcoding them.
//
// The file is cut into pieces, each from one key line to the next.  Finding the next
// key line needs to know whether a line break lies inside a quoted string, so the
// skimmer follows quotes (with their backslash escapes) and `;` comments.  A piece
// with a string spanning lines is always parsed; should the parser find such a
// string malformed (and so cut the text differently), the rest of the file is parsed
// again in one piece, so that the answer is always the one the full parser gives.
#include "evidence/reg_skim.hpp"

#include <algorithm>
#include <bit>
#include <cstring>
#include <optional>
#include <string_view>
#include <utility>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "evidence/input_limits.hpp"

namespace hardcheck::detail {

namespace {

class Utf16Text {
public:
    explicit Utf16Text(std::string_view bytes)
        : d_(reinterpret_cast<const std::uint8_t*>(bytes.data())), n_(bytes.size() / 2) {}

    std::size_t size() const { return n_; }
    char16_t at(std::size_t i) const { return static_cast<char16_t>(d_[2 * i] | (d_[2 * i + 1] << 8)); }
    const std::uint8_t* bytes(std::size_t i) const { return d_ + 2 * i; }

    // The position after the next '\n' at or after `i` (or the end), or the position
    // of a NUL unit met first (then `*nul` is set).
    std::size_t next_line(std::size_t i, bool* nul) const {
#if defined(__SSE2__)
        const __m128i nl = _mm_set1_epi16(u'\n'), zero = _mm_setzero_si128();
        for (; i + 8 <= n_; i += 8) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes(i)));
            const int hit = _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi16(v, nl), _mm_cmpeq_epi16(v, zero)));
            if (hit != 0) {
                i += static_cast<std::size_t>(std::countr_zero(static_cast<unsigned>(hit))) / 2;
                break;
            }
        }
#endif
        while (i < n_ && at(i) != u'\n' && at(i) != 0) ++i;
        if (i < n_ && at(i) == 0) {
            *nul = true;
            return i;
        }
        return i < n_ ? i + 1 : n_;
    }

    DecodedText decode(std::size_t from, std::size_t to) const {
        DecodedText text;
        text.encoding = TextEncoding::utf16le;
        append_utf16le(text.utf8, bytes(from), 2 * (to - from), &text.bad_offsets);
        return text;
    }

private:
    const std::uint8_t* d_;
    std::size_t n_;
};

// The checks the full load makes on the decoded text before parsing it
// (check_text_lines): no NUL character, no line longer than the limit in UTF-8.
// The scan reports each NUL unit and each line end; a line of at most a third of
// the limit in units cannot be too long (a unit is at most 3 UTF-8 bytes), a longer
// one is measured.  An offence has the whole file decoded and checked as the full
// load does, so that the error and its place are the same.
class TextGuard {
public:
    TextGuard(std::string_view bytes, const Utf16Text& t, const std::string& name, std::uint64_t max_line_bytes)
        : bytes_(bytes), t_(t), name_(name), max_bytes_(max_line_bytes), max_units_(max_line_bytes / 3) {}

    // Lines of up to this many units need no measuring.
    std::size_t max_units() const { return max_units_; }

    // The line [from, to) (its '\n' excluded).
    void line(std::size_t from, std::size_t to) {
        if (to - from > max_units_ && utf8_size(from, to) > max_bytes_) check_whole_file();
    }
    void nul() { check_whole_file(); }

private:
    std::uint64_t utf8_size(std::size_t from, std::size_t to) const {
        std::uint64_t size = 0;
        for (std::size_t i = from; i < to; ++i) {
            const char16_t c = t_.at(i);
            if (c < 0x80) {
                size += 1;
            } else if (c < 0x800) {
                size += 2;
            } else if (c >= 0xD800 && c <= 0xDBFF && i + 1 < to && t_.at(i + 1) >= 0xDC00 && t_.at(i + 1) <= 0xDFFF) {
                size += 4;
                ++i;
            } else {
                size += 3;  // also U+FFFD for an unpaired surrogate
            }
        }
        return size;
    }

    // Throws the full load's error.  Does nothing should the file pass after all.
    void check_whole_file() const { check_text_lines(decode_text(bytes_).utf8, max_bytes_, name_); }

    std::string_view bytes_;
    const Utf16Text& t_;
    const std::string& name_;
    std::uint64_t max_bytes_;
    std::size_t max_units_;
};

struct Scan {
    std::size_t end;    // start of the next key line, or the end of the text
    std::size_t lines;  // line breaks in [from, end)
    bool multiline;     // a string spans lines (or a quote is never closed)
};

// From the line start `from`, finds the next line that starts (after blanks) with
// '[' outside any string.  Every line end and NUL unit on the way goes to `guard`.
Scan scan_to_next_key(const Utf16Text& t, std::size_t from, TextGuard& guard) {
    const std::size_t n = t.size();
    std::size_t lines = 0;
    bool in_string = false, multiline = false;
    std::size_t i = from;
    // The start of the current line, or a position before it (the SIMD steps only
    // note that a line starts in their eight units).
    std::size_t line_start = from;
    // A line ends at `end`: lines that may be too long are found and measured.
    auto line_ends = [&](std::size_t end) {
        if (end - line_start <= guard.max_units()) return;
        std::size_t begin = end;
        while (begin > line_start && t.at(begin - 1) != u'\n') --begin;
        guard.line(begin, end);
    };
    auto at_line_start = [&](std::size_t j) {
        while (j > from && (t.at(j - 1) == u' ' || t.at(j - 1) == u'\t')) --j;
        return j == from || t.at(j - 1) == u'\n';
    };
    while (i < n) {
#if defined(__SSE2__)
        // Eight units at a time while none of them is a quote, ';', '[' or NUL.
        const __m128i nl = _mm_set1_epi16(u'\n'), quote = _mm_set1_epi16(u'"');
        const __m128i semi = _mm_set1_epi16(u';'), bracket = _mm_set1_epi16(u'['), zero = _mm_setzero_si128();
        while (i + 8 <= n) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(t.bytes(i)));
            const int special = _mm_movemask_epi8(
                _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi16(v, quote), _mm_cmpeq_epi16(v, semi)),
                             _mm_or_si128(_mm_cmpeq_epi16(v, bracket), _mm_cmpeq_epi16(v, zero))));
            if (special != 0) break;
            const __m128i is_break = _mm_cmpeq_epi16(v, nl);
            if (const int breaks = _mm_movemask_epi8(is_break); breaks != 0) {
                multiline = multiline || in_string;
                // One bit per unit, then count without needing a popcount instruction.
                unsigned bits = static_cast<unsigned>(_mm_movemask_epi8(_mm_packs_epi16(is_break, is_break))) & 0xFF;
                for (; bits != 0; bits &= bits - 1) ++lines;
                // Only the first line ending here can be long: the others are
                // shorter than eight units (the skimmer is not used below that).
                if (i + 8 - line_start > guard.max_units())
                    line_ends(i + static_cast<unsigned>(std::countr_zero(static_cast<unsigned>(breaks))) / 2);
                line_start = i;
            }
            i += 8;
        }
#endif
        const std::size_t stop = std::min(n, i + 8);
        for (; i < stop; ++i) {
            const char16_t c = t.at(i);
            if (c == u'\n') {
                multiline = multiline || in_string;
                ++lines;
                line_ends(i);
                line_start = i + 1;
            } else if (c == u'"') {
                std::size_t backslashes = 0;
                while (i - backslashes > from && t.at(i - backslashes - 1) == u'\\') ++backslashes;
                if (backslashes % 2 == 0) in_string = !in_string;
            } else if (c == u';' && !in_string) {
                // A comment, whole-line or after data: nothing in it counts.
                while (i + 1 < n && t.at(i + 1) != u'\n') {
                    ++i;
                    if (t.at(i) == 0) guard.nul();
                }
            } else if (c == u'[' && !in_string && at_line_start(i)) {
                while (i > from && t.at(i - 1) != u'\n') --i;
                return {i, lines, multiline};
            } else if (c == 0) {
                guard.nul();
            }
        }
    }
    line_ends(n);
    return {n, lines, multiline || in_string};
}

// Where the path of a `[path]` line is, in units.
struct WrittenPath {
    std::size_t at, size;
};

std::optional<WrittenPath> written_path(const Utf16Text& t, std::size_t start, std::size_t end) {
    auto blank = [](char16_t c) { return c == u' ' || c == u'\t' || c == u'\r' || c == u'\n'; };
    while (start < end && blank(t.at(start))) ++start;
    while (end > start && blank(t.at(end - 1))) --end;
    if (end - start < 3 || t.at(start) != u'[' || t.at(start + 1) == u'-' || t.at(end - 1) != u']')
        return std::nullopt;
    return WrittenPath{start + 1, end - start - 2};
}

// Where hashing of a key path starts, and the hash of what comes before: the path
// after the root name, except that "\\SYSTEM\\ControlSet00N" counts as
// "\\SYSTEM\\CurrentControlSet", the name baselines use for it (registry_view.cpp
// maps one to the other).
std::pair<std::size_t, std::uint64_t> hash_start(const Utf16Text& t, std::size_t from, std::size_t end) {
    std::size_t after_root = from;
    while (after_root < end && t.at(after_root) != u'\\') ++after_root;
    constexpr std::string_view kSet = "\\SYSTEM\\CONTROLSET";
    const std::size_t digits = after_root + kSet.size();
    bool control_set = digits + 3 <= end && (digits + 3 == end || t.at(digits + 3) == u'\\');
    for (std::size_t k = 0; control_set && k < kSet.size(); ++k) {
        char16_t c = t.at(after_root + k);
        if (c >= u'a' && c <= u'z') c = static_cast<char16_t>(c - u'a' + u'A');
        control_set = c == static_cast<char16_t>(kSet[k]);
    }
    for (std::size_t k = 0; control_set && k < 3; ++k) control_set = t.at(digits + k) >= u'0' && t.at(digits + k) <= u'9';
    if (!control_set) return {after_root, kKeyPathHashSeed};
    std::uint64_t hash = kKeyPathHashSeed;
    for (char c : std::string_view("\\SYSTEM\\CURRENTCONTROLSET")) hash = key_path_hash_step(hash, static_cast<char32_t>(c));
    return {digits + 3, hash};
}

// True for a well-formed key line below a root already read, within Windows'
// limits, that the sink cannot want judging by its length: the full parser would
// only count it.  Anything else goes to the parser.
bool plainly_unwanted(const Utf16Text& t, std::size_t start, std::size_t end,
                      const std::vector<WrittenPath>& roots, RegSink& sink) {
    const auto path = written_path(t, start, end);
    if (!path) return false;
    const WrittenPath* root = nullptr;
    for (const auto& r : roots) {
        if (path->size > r.size && t.at(path->at + r.size) == u'\\' &&
            std::memcmp(t.bytes(path->at), t.bytes(r.at), 2 * r.size) == 0) {
            root = &r;
            break;
        }
    }
    if (!root) return false;
    std::size_t depth = 0, component = 0;
    const auto [hash_from, seed] = hash_start(t, path->at, path->at + path->size);
    std::uint64_t hash = seed;
    bool in_hive_root = true;
    for (std::size_t i = path->at; i < path->at + path->size; ++i) {
        const char16_t c = t.at(i);
        if (c >= 0xD800 && c <= 0xDFFF) return false;  // left to the parser's checks
        if (c == u'\\') {
            if (!in_hive_root && component == 0) return false;  // an empty name
            in_hive_root = false;
            ++depth;
            component = 0;
        } else {
            ++component;
        }
        if (!in_hive_root && i >= hash_from) hash = key_path_hash_step(hash, c);
        if (component > kMaxKeyComponent) return false;
    }
    if (component == 0 || depth > kMaxKeyDepth) return false;
    return !sink.may_want(hash);
}

// A key line that decoded cleanly (a replacement character would be reported).
bool bytes_valid(const DecodedText& line) { return line.bad_offsets.empty(); }

// The canonical key a `[key]` line opens, or nullopt for anything else.
std::optional<std::string> opened_key(std::string_view line) {
    auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!line.empty() && blank(line.front())) line.remove_prefix(1);
    while (!line.empty() && blank(line.back())) line.remove_suffix(1);
    if (line.size() < 2 || line.front() != '[' || line[1] == '-' || line.back() != ']') return std::nullopt;
    return canonical_reg_key(line.substr(1, line.size() - 2));
}

}  // namespace

bool skim_reg_utf16(std::string_view bytes, const std::string& name, RegSink& sink,
                    std::vector<Diagnostic>& problems, RegFileSummary& summary, std::uint64_t max_line_bytes) {
    if (bytes.size() < 2 || bytes.size() % 2 != 0 || static_cast<unsigned char>(bytes[0]) != 0xFF ||
        static_cast<unsigned char>(bytes[1]) != 0xFE)
        return false;
    // Line limits this small are for tests; the scan measures only lines that may
    // cross a limit of 16 units or more.
    if (max_line_bytes < 48) return false;
    const Utf16Text t(bytes.substr(2));
    const std::size_t n = t.size();
    TextGuard guard(bytes, t, name, max_line_bytes);
    // The position after the line starting at `from` (see Utf16Text::next_line),
    // its NUL units and length checked.
    auto line_end = [&](std::size_t from) {
        std::size_t i = from;
        for (bool nul = false;; nul = false) {
            i = t.next_line(i, &nul);
            if (!nul) break;
            guard.nul();
            ++i;
        }
        guard.line(from, i > from && t.at(i - 1) == u'\n' ? i - 1 : i);
        return i;
    };
    const std::size_t first_break = line_end(0);
    if (first_break == n) return false;  // one line, or CR line ends: read in full

    RegPart part;
    part.cr_line_ends_allowed = false;
    auto parse = [&](std::size_t from, std::size_t to) {
        parse_reg_part(t.decode(from, to), name, sink, problems, part, summary);
        part.header = false;
    };

    // A piece holding a multi-line string is parsed whole; if the parser disagrees
    // about where a string ends, it parses the rest of the file in one piece instead
    // (sinks take the repeated events of the same text as no change).
    auto parse_checked = [&](std::size_t from, std::size_t to) {
        const std::size_t problems_before = problems.size();
        const RegFileSummary summary_before = summary;
        part.recovered_string = false;
        const RegPart part_before = part;
        parse(from, to);
        if (!part.recovered_string || to == n) return true;
        problems.resize(problems_before);
        summary = summary_before;
        part = part_before;
        for (std::size_t i = to; i < n;) i = line_end(i);  // the rest was not scanned
        parse(from, n);
        return false;
    };

    // Subtrees whose top key line was read: the sink knows they are covered.
    std::vector<std::string> roots;
    std::vector<WrittenPath> written_roots;  // the same, as written in the file
    auto known_subtree = [&](const std::string& key) {
        for (const auto& r : roots)
            if (key.size() >= r.size() && key.compare(0, r.size(), r) == 0 &&
                (key.size() == r.size() || key[r.size()] == '\\'))
                return true;
        return false;
    };

    // The header and whatever precedes the first key.
    Scan scan = scan_to_next_key(t, first_break, guard);
    if (!parse_checked(0, scan.end)) return true;
    std::size_t line = 2 + scan.lines;
    std::size_t start = scan.end;
    while (start < n) {
        part.first_line = static_cast<std::uint32_t>(line);
        const std::size_t body = line_end(start);
        scan = scan_to_next_key(t, body, guard);
        if (!scan.multiline && plainly_unwanted(t, start, body, written_roots, sink)) {
            ++summary.keys;  // an unwanted key below one already read: nothing to tell the sink
            line += 1 + scan.lines;
            start = scan.end;
            continue;
        }
        const DecodedText key_line = t.decode(start, body);
        const auto canonical = opened_key(key_line.utf8);
        const bool whole = scan.multiline || (canonical && sink.wants(*canonical));
        // Wanted keys are parsed whole; for the others, the key line alone (for
        // coverage, deletions and its own errors).
        const std::size_t problems_before = problems.size();
        if (!parse_checked(start, whole ? scan.end : body)) return true;
        const bool key_line_ok =
            bytes_valid(key_line) && std::none_of(problems.begin() + static_cast<std::ptrdiff_t>(problems_before),
                                                  problems.end(), [&](const Diagnostic& d) { return d.where.line == line; });
        if (canonical && key_line_ok && !known_subtree(*canonical)) {
            // A new subtree: key lines below it, as written, can be passed over.
            roots.push_back(*canonical);
            if (const auto path = written_path(t, start, body)) written_roots.push_back(*path);
        }
        line += (body < n || t.at(n - 1) == u'\n' ? 1 : 0) + scan.lines;
        start = scan.end;
    }
    return true;
}

}  // namespace hardcheck::detail
