// Paths of fixtures, independent of the directory ctest runs in.
#pragma once

#include <filesystem>
#include <string>

#include "evidence/text_decoding.hpp"

namespace hardcheck::test {

inline std::filesystem::path source_dir() { return HARDCHECK_SOURCE_DIR; }
inline std::filesystem::path data_dir() { return HARDCHECK_TEST_DATA; }
inline std::filesystem::path corpus_dir() { return source_dir().parent_path() / "shared" / "corpus"; }

// UTF-16LE with BOM and CRLF line ends, as regedit.exe writes a .reg file.
inline std::string as_regedit_utf16(const std::string& utf8_lf_text) {
    std::string crlf;
    for (char c : utf8_lf_text) {
        if (c == '\n') crlf += '\r';
        crlf += c;
    }
    return "\xFF\xFE" + detail::utf8_to_utf16le(crlf);
}

}  // namespace hardcheck::test
