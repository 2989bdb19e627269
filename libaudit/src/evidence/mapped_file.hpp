// A read-only view of a whole file without reading it into the heap, so a reader can
// walk a file of any size with memory bounded by what it keeps, not the file size.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace hardcheck::detail {

class MappedFile {
public:
    // Throws InputError "file: error: cannot read file: reason".
    explicit MappedFile(const std::filesystem::path& file);
    ~MappedFile();
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    std::string_view bytes() const noexcept { return {data_, size_}; }
    // Tells the system that [begin, end) is not needed for now: its pages leave this
    // process's resident set (they are read again if touched).  A no-op where files
    // are not memory-mapped.
    void release(std::size_t begin, std::size_t end) noexcept;

private:
    const char* data_ = nullptr;
    std::size_t size_ = 0;
    bool mapped_ = false;
    std::string fallback_;  // the bytes, where mapping is not available
};

}  // namespace hardcheck::detail
