// Reading an evidence file into memory, with a clear error when that fails.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace hardcheck::detail {

// Files larger than this are refused rather than read (a registry export of a
// whole SYSTEM hive is a few hundred megabytes).
inline constexpr std::uintmax_t kMaxEvidenceFileBytes = std::uintmax_t{4} << 30;

// Throws InputError "file: error: cannot read: reason".
std::string read_file_bytes(const std::filesystem::path& file,
                            std::uintmax_t max_bytes = kMaxEvidenceFileBytes);

}  // namespace hardcheck::detail
