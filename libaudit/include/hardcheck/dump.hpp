// `hardcheck dump`: evidence files rendered as JSON lines, for people and scripts
// that want to see what hardcheck read.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

#include "hardcheck/diagnostics.hpp"
#include "hardcheck/evidence.hpp"
#include "hardcheck/export.hpp"

namespace hardcheck {

// Writes one JSON object per line for every value line of a .reg export, in file
// order and as written (deletions are not applied):
//   {"file","line","key","name","type","data"}
// `type` is the Windows name (REG_DWORD, ..., REG_0x1f); `data` is a number
// (DWORD, DWORD_BIG_ENDIAN, QWORD), a string (SZ, EXPAND_SZ, LINK), a list of
// strings (MULTI_SZ) or lower-case hex bytes without separators (anything else).
// `file` is `display_name`.  Lines that cannot be read go to `problems`; a file that
// is not a registry export throws InputError.
HARDCHECK_API RegFileSummary dump_reg_file(const std::filesystem::path& file, const std::string& display_name,
                                           std::ostream& out, std::vector<Diagnostic>& problems);

// Reads and checks every line, decoding every value, but keeps nothing: the counts
// of `hardcheck dump --summary`.
HARDCHECK_API RegFileSummary summarize_reg_file(const std::filesystem::path& file, const std::string& display_name,
                                                std::vector<Diagnostic>& problems);

// {"file","format":"reg","encoding","keys","values","deletions","errors"} on one line.
HARDCHECK_API std::string reg_summary_json(const std::string& file, const RegFileSummary& summary);

}  // namespace hardcheck
