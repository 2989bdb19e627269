#include "evidence/xml_scan.hpp"

#include <cstdint>
#include <cstring>

namespace hardcheck::detail {

namespace {

constexpr auto npos = std::string_view::npos;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool is_name_char(char c) {
    return !is_space(c) && c != '>' && c != '/' && c != '=' && c != '<' && c != '"' && c != '\'';
}

// Past the end of a construct that closes with `terminator`, or nullopt.
std::optional<std::size_t> skip_past(std::string_view text, std::size_t from, std::string_view terminator,
                                     std::size_t start, const char* what, ScanError& error) {
    const auto at = text.find(terminator, from);
    if (at == npos) {
        error = {start, std::string("unterminated ") + what};
        return std::nullopt;
    }
    return at + terminator.size();
}

}  // namespace

std::optional<std::size_t> skip_misc(std::string_view text, std::size_t pos, ScanError& error) {
    while (pos < text.size()) {
        const char c = text[pos];
        if (is_space(c)) {
            ++pos;
        } else if (c != '<') {
            error = {pos, "text where an element was expected"};
            return std::nullopt;
        } else if (text.compare(pos, 4, "<!--") == 0) {
            auto next = skip_past(text, pos + 4, "-->", pos, "comment", error);
            if (!next) return std::nullopt;
            pos = *next;
        } else if (text.compare(pos, 2, "<?") == 0) {
            auto next = skip_past(text, pos + 2, "?>", pos, "processing instruction", error);
            if (!next) return std::nullopt;
            pos = *next;
        } else if (text.compare(pos, 2, "<!") == 0) {
            // A DTD could declare entities; no Windows export writes one.
            error = {pos, "document type declarations are not supported"};
            return std::nullopt;
        } else {
            return pos;
        }
    }
    return pos;
}

std::optional<StartTag> read_start_tag(std::string_view text, std::size_t begin, std::string_view attribute,
                                       ScanError& error) {
    StartTag tag;
    std::size_t p = begin + 1;
    while (p < text.size() && is_name_char(text[p])) ++p;
    tag.name = text.substr(begin + 1, p - begin - 1);
    if (tag.name.empty()) {
        error = {begin, "'<' not followed by an element name"};
        return std::nullopt;
    }
    while (p < text.size()) {
        const char c = text[p];
        if (c == '>') {
            tag.end = p + 1;
            return tag;
        }
        if (c == '/') {
            if (p + 1 < text.size() && text[p + 1] == '>') {
                tag.empty = true;
                tag.end = p + 2;
                return tag;
            }
            error = {p, "'/' inside a start tag"};
            return std::nullopt;
        }
        if (c == '<') {
            error = {p, "'<' inside a start tag"};
            return std::nullopt;
        }
        if (is_space(c)) {
            ++p;
            continue;
        }
        // name = "value"
        const std::size_t name_begin = p;
        while (p < text.size() && is_name_char(text[p])) ++p;
        const auto name = text.substr(name_begin, p - name_begin);
        while (p < text.size() && is_space(text[p])) ++p;
        if (name.empty() || p >= text.size() || text[p] != '=') {
            error = {name_begin, "malformed attribute in start tag"};
            return std::nullopt;
        }
        ++p;
        while (p < text.size() && is_space(text[p])) ++p;
        if (p >= text.size() || (text[p] != '"' && text[p] != '\'')) {
            error = {p, "attribute value is not quoted"};
            return std::nullopt;
        }
        const char quote = text[p];
        const auto close = text.find(quote, p + 1);
        if (close == npos) {
            error = {p, "unterminated attribute value"};
            return std::nullopt;
        }
        if (name == attribute) tag.attribute = text.substr(p + 1, close - p - 1);
        p = close + 1;
    }
    error = {begin, "unterminated start tag"};
    return std::nullopt;
}

std::optional<std::size_t> element_end(std::string_view text, std::size_t begin, std::size_t max_depth,
                                       ScanError& error) {
    std::size_t depth = 0;
    std::size_t p = begin;
    while (p < text.size()) {
        if (text[p] != '<') {
            // Text between tags is short in exports: no memchr call, eight bytes at a
            // time while none of them is '<'.
            while (p + 8 <= text.size()) {
                std::uint64_t w;
                std::memcpy(&w, text.data() + p, 8);
                const std::uint64_t x = w ^ 0x3C3C3C3C3C3C3C3CULL;
                if (((x - 0x0101010101010101ULL) & ~x & 0x8080808080808080ULL) != 0) break;
                p += 8;
            }
            while (p < text.size() && text[p] != '<') ++p;
            continue;
        }
        const char second = p + 1 < text.size() ? text[p + 1] : '\0';
        if (second == '!' && text.compare(p, 4, "<!--") == 0) {
            auto next = skip_past(text, p + 4, "-->", p, "comment", error);
            if (!next) return std::nullopt;
            p = *next;
        } else if (second == '!' && text.compare(p, 9, "<![CDATA[") == 0) {
            auto next = skip_past(text, p + 9, "]]>", p, "CDATA section", error);
            if (!next) return std::nullopt;
            p = *next;
        } else if (second == '?') {
            auto next = skip_past(text, p + 2, "?>", p, "processing instruction", error);
            if (!next) return std::nullopt;
            p = *next;
        } else if (second == '/') {
            std::size_t close = p + 2;
            while (close < text.size() && text[close] != '>') ++close;
            if (close >= text.size()) {
                error = {p, "unterminated end tag"};
                return std::nullopt;
            }
            if (depth == 0) {
                error = {p, "end tag without a start tag"};
                return std::nullopt;
            }
            p = close + 1;
            if (--depth == 0) return p;
        } else {
            // A start tag: only where it ends matters here (pugixml checks the rest),
            // so skip to '>' outside quoted attribute values.
            const std::size_t start = p;
            if (p + 1 >= text.size() || !is_name_char(text[p + 1])) {
                error = {p, "'<' not followed by an element name"};
                return std::nullopt;
            }
            ++p;
            while (p < text.size() && text[p] != '>') {
                const char c = text[p];
                if (c == '"' || c == '\'') {
                    std::size_t close = p + 1;
                    while (close < text.size() && text[close] != c) ++close;
                    if (close >= text.size()) {
                        error = {p, "unterminated attribute value"};
                        return std::nullopt;
                    }
                    p = close + 1;
                } else if (c == '<') {
                    error = {p, "'<' inside a start tag"};
                    return std::nullopt;
                } else {
                    ++p;
                }
            }
            if (p >= text.size()) {
                error = {start, "unterminated start tag"};
                return std::nullopt;
            }
            const bool empty = text[p - 1] == '/';
            ++p;
            if (empty) {
                if (depth == 0) return p;
            } else if (++depth > max_depth) {
                error = {p - 1, "elements nested deeper than " + std::to_string(max_depth) + " levels"};
                return std::nullopt;
            }
        }
    }
    error = {begin, "element is not closed before the end of the file"};
    return std::nullopt;
}

std::optional<XmlRoot> sniff_xml_root(std::string_view text) {
    ScanError error;
    auto at = skip_misc(text, 0, error);
    // A DOCTYPE is passed over here, so that the file is recognised and its reader
    // refuses it with a clear message instead of the file being ignored.
    while (!at && text.compare(error.offset, 9, "<!DOCTYPE") == 0) {
        auto end = text.find_first_of("[>", error.offset);
        if (end != std::string_view::npos && text[end] == '[') end = text.find("]", end);
        if (end != std::string_view::npos) end = text.find('>', end);
        if (end == std::string_view::npos) return std::nullopt;
        at = skip_misc(text, end + 1, error);
    }
    if (!at || *at >= text.size() || text.compare(*at, 2, "</") == 0) return std::nullopt;
    auto tag = read_start_tag(text, *at, "xmlns", error);
    if (!tag) return std::nullopt;
    return XmlRoot{std::string(tag->name), std::string(tag->attribute.value_or("")), *at};
}

}  // namespace hardcheck::detail
