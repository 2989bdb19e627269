// A light scanner over XML text: finds where elements start and end without building
// a tree, so a large document can be cut into top-level elements and each parsed
// on its own.  It checks only what it needs (tags balance, quotes close).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace hardcheck::detail {

struct ScanError {
    std::size_t offset = 0;
    std::string message;
};

// Skips whitespace, comments, processing instructions and the XML declaration from
// `pos`.  Returns the offset of the next '<' that opens an element or an end tag,
// text.size() at the end, or nullopt with `error` on text or an unclosed construct.
std::optional<std::size_t> skip_misc(std::string_view text, std::size_t pos, ScanError& error);

// `text[begin]` is '<' opening an element.  Returns one past its end ('>' of the
// end tag, or of an empty-element tag), or nullopt with `error`.
std::optional<std::size_t> element_end(std::string_view text, std::size_t begin, std::size_t max_depth,
                                       ScanError& error);

// The start tag at `begin`: its name, the value of one attribute, whether it is
// empty (<x/>) and where it ends.  Attribute values are returned as written.
struct StartTag {
    std::string_view name;
    std::optional<std::string_view> attribute;
    bool empty = false;
    std::size_t end = 0;  // one past '>'
};
std::optional<StartTag> read_start_tag(std::string_view text, std::size_t begin, std::string_view attribute,
                                       ScanError& error);

// The first element of a document (after BOM-less prolog), for recognising a file by
// its root; nullopt when the text does not start like XML.
struct XmlRoot {
    std::string name;
    std::string xmlns;
    std::size_t offset = 0;
};
std::optional<XmlRoot> sniff_xml_root(std::string_view text);

}  // namespace hardcheck::detail
