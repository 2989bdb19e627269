// Byte offsets in a decoded buffer to line:col, for readers that parse with pugixml
// (which reports offsets only).  Columns count characters, not bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "hardcheck/diagnostics.hpp"

namespace hardcheck::detail {

class TextLocator {
public:
    TextLocator(std::string_view text, std::string file);

    // Cheap when offsets grow (readers walk forward); a jump back restarts from the
    // nearest checkpoint, so the cost stays bounded whatever the file size.
    SourceLocation locate(std::size_t offset);
    const std::string& file() const noexcept { return file_; }
    const SourceFile& source_file() const noexcept { return file_; }

private:
    struct Mark {
        std::uint32_t line;    // line of the byte at the checkpoint
        std::uint64_t column;  // characters before it on its line
    };
    void advance_to(std::size_t offset);

    std::string_view text_;
    SourceFile file_;  // shared by every location handed out
    std::vector<Mark> marks_;  // one per kBlock bytes, up to the furthest offset seen
    std::size_t offset_ = 0;
    std::uint32_t line_ = 1;
    std::uint64_t column_ = 0;
};

}  // namespace hardcheck::detail
