// Filtered loads of UTF-16LE registry exports without transcoding unwanted keys.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "evidence/reg_parser.hpp"

namespace hardcheck::detail {

// Reads `bytes` (a whole file, BOM included) into `sink`, decoding only the keys the
// sink wants plus every key line.  Returns false, having done nothing, when the bytes
// are not UTF-16LE with LF or CRLF line ends: the caller then reads them in full.
// The summary counts every key line but only the values of keys that were read.
bool skim_reg_utf16(std::string_view bytes, const std::string& name, RegSink& sink,
                    std::vector<Diagnostic>& problems, RegFileSummary& summary);

}  // namespace hardcheck::detail
