// Checks that refuse hostile evidence before a reader spends time or memory on it:
// over-long lines, and XML document type declarations (entity expansion, external
// entities).  The limits themselves are in hardcheck/limits.hpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "evidence/text_decoding.hpp"

namespace pugi {
class xml_node;
}

namespace hardcheck::detail {

// Throws InputError at the first line of decoded `text` longer than `max_bytes`
// (at the column where it crosses the limit), or at the first NUL character: no
// text export holds one (regedit writes such strings as hex), so the file is
// damaged or not text.
void check_text_lines(std::string_view text, std::uint64_t max_bytes, const std::string& name);

// Throws InputError for XML evidence that no exporter writes: a `<!DOCTYPE` in the
// prolog (entity-expansion bombs and external entities come in through a DTD), or
// bytes that are neither UTF-16 nor UTF-8 without an encoding declaration naming
// another encoding (`decode_text` would have read them as Windows-1252).
void refuse_hostile_xml(std::string_view bytes, const DecodedText& decoded, const std::string& name);
// The DOCTYPE and NUL checks alone, for UTF-8 text read where it lies.
void refuse_xml_doctype_and_nul(std::string_view text, const std::string& name);
// The DOCTYPE check alone (it reads the prolog only), for a reader that looks for
// NUL characters itself.
void refuse_xml_doctype(std::string_view text, const std::string& name);

// The byte offset (pugixml's offset_debug) of the first element nested deeper than
// `max_depth` below `root`, found without recursion; nullopt when there is none.
// Readers that walk a whole tree (config paths are built root to leaf: quadratic in
// the depth) refuse such documents.
std::optional<std::ptrdiff_t> element_deeper_than(const pugi::xml_node& root, std::uint32_t max_depth);

// Throws InputError at the first NUL or invalid UTF-8 byte of a text that must be
// UTF-8 (YAML baselines and profiles).
void require_utf8_text(std::string_view bytes, const std::string& name);


}  // namespace hardcheck::detail
