// Limits on what hostile input may make hardcheck read, nest or build.  Every
// default lives here; docs/security.md has the table and the reasons.  A limit that
// is hit is reported as `file:line:col: error: ...` naming the limit, never as a
// crash or an out-of-memory.
#pragma once

#include <cstdint>

#include "hardcheck/export.hpp"

namespace hardcheck {

struct HARDCHECK_API Limits {
    // Evidence files (registry exports, CLIXML, config, events) larger than this are
    // refused before they are read.  A whole-hive export of SOFTWARE in UTF-16 is a
    // few hundred megabytes.
    std::uint64_t max_file_bytes = std::uint64_t{1} << 30;
    // One line of a registry export, in bytes of UTF-8.  regedit breaks hex data
    // into 80-column lines; a long REG_SZ is one line (Windows keeps values under
    // 1 MB in the standard format, 2 MB of text when every character is escaped).
    std::uint64_t max_line_bytes = std::uint64_t{16} << 20;
    // A baseline (or profile) YAML file.
    std::uint64_t max_baseline_bytes = std::uint64_t{64} << 20;
    // YAML: levels of nesting, and nodes visited with every alias expanded (a
    // "billion laughs" document is small but expands to 10^9 nodes).
    std::uint32_t max_yaml_depth = 128;
    std::uint64_t max_yaml_nodes = 1'000'000;
    // RE2's memory budget for one compiled `matches` pattern (program size).
    std::uint64_t max_regex_bytes = std::uint64_t{1} << 20;
    // Results of one run or merge (hosts x selected checks).  Each result holds its
    // evidence and messages (about 1-4 KB), so the default caps a run near a few GB
    // instead of letting a hostile baseline with 10^6 checks exhaust memory; 10,000
    // hosts x 100 checks fit.
    std::uint64_t max_results = 1'000'000;
    // Windows' own registry limits (registry element size limits, Microsoft Learn):
    // a .reg line beyond them cannot come from a real export.  They are fixed.
    static constexpr std::uint32_t reg_key_depth = 512;
    static constexpr std::uint32_t reg_key_name_chars = 255;
    static constexpr std::uint32_t reg_value_name_chars = 16383;
    // CLIXML: values nested deeper than this (PowerShell's own serialization depth
    // is 1..N with N small; Export-Clixml -Depth tops out far below) are refused,
    // and the XML scanner refuses elements nested deeper than 2 * this + 16.
    static constexpr std::uint32_t clixml_value_depth = 100;
    // IIS / .NET configuration files: elements nested deeper than this are refused
    // (real files stay under 20 levels; paths to each element are built from the root,
    // so a 200,000-deep file would cost 10^10 steps).
    static constexpr std::uint32_t config_xml_depth = 256;
    // `hardcheck dump`: values written for one CLIXML object.  Refs let a 9 KB file
    // describe 10^30 values; the reader shares them, a JSON writer would not.
    static constexpr std::uint64_t dump_values_per_line = 1'000'000;
};

}  // namespace hardcheck
