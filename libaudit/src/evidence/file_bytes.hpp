// Reading an evidence file into memory, with a clear error when that fails.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "hardcheck/limits.hpp"

namespace hardcheck::detail {

// Files larger than this are refused rather than read (Limits::max_file_bytes).
inline constexpr std::uintmax_t kMaxEvidenceFileBytes = Limits{}.max_file_bytes;

// Throws InputError "file: error: cannot read: reason".
std::string read_file_bytes(const std::filesystem::path& file,
                            std::uintmax_t max_bytes = kMaxEvidenceFileBytes);

}  // namespace hardcheck::detail
