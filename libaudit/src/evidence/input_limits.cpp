#include "evidence/input_limits.hpp"

#include <cstring>

#include <fmt/format.h>
#include <pugixml.hpp>

#include "evidence/text_locator.hpp"
#include "hardcheck/diagnostics.hpp"

namespace hardcheck::detail {

void check_text_lines(std::string_view text, std::uint64_t max_bytes, const std::string& name) {
    if (const void* nul = std::memchr(text.data(), '\0', text.size())) {
        TextLocator locator(text, name);
        throw InputError(Diagnostic{locator.locate(static_cast<std::size_t>(static_cast<const char*>(nul) - text.data())),
                                    "NUL character in a text export (the file is damaged or not text)"});
    }
    if (text.size() <= max_bytes) return;
    std::size_t start = 0;
    while (start < text.size()) {
        const void* nl = std::memchr(text.data() + start, '\n', text.size() - start);
        const std::size_t end = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - text.data()) : text.size();
        if (end - start > max_bytes) {
            TextLocator locator(text, name);
            throw InputError(Diagnostic{locator.locate(start + static_cast<std::size_t>(max_bytes)),
                                        fmt::format("line longer than the limit of {} bytes", max_bytes)});
        }
        start = end + 1;
    }
}

void refuse_xml_doctype(std::string_view text, const std::string& name) {
    // The prolog: a BOM, white space, the XML declaration, comments and processing
    // instructions; a DOCTYPE can only come before the root element.
    std::size_t p = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    for (;;) {
        while (p < text.size() && (text[p] == ' ' || text[p] == '\t' || text[p] == '\r' || text[p] == '\n')) ++p;
        const auto rest = text.substr(p);
        if (rest.starts_with("<?")) {
            const auto end = text.find("?>", p + 2);
            if (end == std::string_view::npos) return;  // the parser reports it
            p = end + 2;
        } else if (rest.starts_with("<!--")) {
            const auto end = text.find("-->", p + 4);
            if (end == std::string_view::npos) return;
            p = end + 3;
        } else if (rest.starts_with("<!DOCTYPE") || rest.starts_with("<!doctype")) {
            TextLocator locator(text, name);
            throw InputError(Diagnostic{locator.locate(p),
                                        "document type declarations (DOCTYPE) are not allowed in evidence: no "
                                        "exporter writes one, and entities are not expanded"});
        } else {
            return;
        }
    }
}

namespace {

// The first byte of `bytes` that does not start a valid UTF-8 sequence, as a
// position; only called on text already known to be invalid.
SourceLocation first_invalid_utf8(std::string_view bytes, const std::string& name) {
    std::uint32_t line = 1, column = 1;
    for (std::size_t i = 0; i < bytes.size();) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        std::size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
        if (len == 0 || !is_valid_utf8(bytes.substr(i, len))) return {name, line, column};
        if (c == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
        i += len;
    }
    return {name, line, column};
}

}  // namespace

void refuse_xml_doctype_and_nul(std::string_view text, const std::string& name) {
    refuse_xml_doctype(text, name);
    // XML 1.0 has no U+0000, and pugixml would stop at it with a misleading message.
    if (const void* nul = std::memchr(text.data(), '\0', text.size())) {
        TextLocator locator(text, name);
        throw InputError(Diagnostic{locator.locate(static_cast<std::size_t>(static_cast<const char*>(nul) - text.data())),
                                    "NUL character in XML (the file is damaged or not text)"});
    }
}

void refuse_hostile_xml(std::string_view bytes, const DecodedText& decoded, const std::string& name) {
    refuse_xml_doctype_and_nul(decoded.utf8, name);
    if (decoded.encoding != TextEncoding::windows1252) return;
    // An XML declaration may name an 8-bit encoding; then the bytes are what it says.
    const auto prolog = bytes.substr(0, bytes.find('>') == std::string_view::npos ? 0 : bytes.find('>'));
    if (prolog.starts_with("<?xml") && prolog.find("encoding") != std::string_view::npos) return;
    throw InputError(Diagnostic{first_invalid_utf8(bytes, name),
                                "not UTF-8 or UTF-16 (an XML file without an encoding declaration must be Unicode)"});
}

std::optional<std::ptrdiff_t> element_deeper_than(const pugi::xml_node& root, std::uint32_t max_depth) {
    struct Walker final : pugi::xml_tree_walker {
        std::uint32_t max;
        std::optional<std::ptrdiff_t> found;
        bool for_each(pugi::xml_node& node) override {
            if (static_cast<std::uint32_t>(depth()) < max) return true;
            found = node.offset_debug();
            return false;
        }
    } walker;
    walker.max = max_depth;
    const_cast<pugi::xml_node&>(root).traverse(walker);
    return walker.found;
}

void require_utf8_text(std::string_view bytes, const std::string& name) {
    if (const void* nul = std::memchr(bytes.data(), '\0', bytes.size())) {
        TextLocator locator(bytes, name);
        throw InputError(Diagnostic{locator.locate(static_cast<std::size_t>(static_cast<const char*>(nul) - bytes.data())),
                                    "NUL character (the file is damaged or not text)"});
    }
    if (!is_valid_utf8(bytes)) throw InputError(Diagnostic{first_invalid_utf8(bytes, name), "not UTF-8"});
}

}  // namespace hardcheck::detail
