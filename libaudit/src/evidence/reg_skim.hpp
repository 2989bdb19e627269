// Filtered loads of UTF-16LE registry exports without transcoding unwanted keys.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "evidence/reg_parser.hpp"

namespace hardcheck::detail {

// Reads `bytes` (a whole file, BOM included) into `sink`, decoding only the keys the
// sink wants plus every key line.  Returns false, having done nothing, when the bytes
// are not UTF-16LE with LF or CRLF line ends: the caller then reads them in full.
// The summary counts every key line but only the values of keys that were read.
// Throws the full load's InputError for a NUL character or a line longer than
// `max_line_bytes` (in UTF-8) anywhere in the file, as check_text_lines does.
bool skim_reg_utf16(std::string_view bytes, const std::string& name, RegSink& sink,
                    std::vector<Diagnostic>& problems, RegFileSummary& summary, std::uint64_t max_line_bytes);

}  // namespace hardcheck::detail
