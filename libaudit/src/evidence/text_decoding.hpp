// Turning the bytes of an exported text file into UTF-8, whatever Windows wrote.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "hardcheck/limits.hpp"

namespace hardcheck::detail {

enum class TextEncoding { utf8, utf8_bom, utf16le, windows1252 };

std::string_view encoding_name(TextEncoding);

struct DecodedText {
    std::string utf8;
    TextEncoding encoding = TextEncoding::utf8;
    // Byte offsets into `utf8` where the input could not be decoded (unpaired
    // surrogates, a dangling odd byte); each was replaced by U+FFFD.
    std::vector<std::size_t> bad_offsets;
};

// UTF-16LE when the bytes start with FF FE; UTF-8 (BOM optional) when valid;
// otherwise Windows-1252.
DecodedText decode_text(std::string_view bytes);

// The same for a file.  UTF-16LE files are decoded in chunks, so memory holds the
// UTF-8 text and one chunk, not the whole file as well.  Throws InputError when the
// file cannot be read.
DecodedText decode_text_file(const std::filesystem::path& file, std::uintmax_t max_bytes = Limits{}.max_file_bytes);

bool is_valid_utf8(std::string_view bytes);
void append_utf8(std::string& out, char32_t code_point);
// Unpaired surrogates and a dangling odd byte become U+FFFD; their offsets in the
// output are appended to bad_offsets when given.
// The same, appended to `out`; `size` bytes, a final odd byte counts as dangling.
void append_utf16le(std::string& out, const std::uint8_t* data, std::size_t size,
                    std::vector<std::size_t>* bad_offsets = nullptr);
std::string utf16le_to_utf8(const std::uint8_t* data, std::size_t size,
                            std::vector<std::size_t>* bad_offsets = nullptr);
std::string windows1252_to_utf8(std::string_view bytes);
// Valid UTF-8 to UTF-16LE bytes (no BOM); used to rebuild REG_SZ raw data.
std::string utf8_to_utf16le(std::string_view utf8);

}  // namespace hardcheck::detail
