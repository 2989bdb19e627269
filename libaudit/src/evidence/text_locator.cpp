#include "evidence/text_locator.hpp"

#include <algorithm>
#include <cstring>

namespace hardcheck::detail {

namespace {

constexpr std::size_t kBlock = std::size_t{1} << 16;

bool is_char_start(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }

}  // namespace

TextLocator::TextLocator(std::string_view text, std::string file) : text_(text), file_(std::move(file)) {
    marks_.push_back({1, 0});
}

// Walks forward block by block, leaving a checkpoint at each block start it
// reaches for the first time (the text is never read ahead of the cursor).
void TextLocator::advance_to(std::size_t offset) {
    while (offset_ < offset) {
        const std::size_t block_end = std::min(offset, (offset_ / kBlock + 1) * kBlock);
        // Steps between values are short: one pass counting both, no library calls,
        // eight bytes at a time while they are ASCII and hold no line feed.
        const char* p = text_.data() + offset_;
        const char* stop = text_.data() + block_end;
        while (p < stop) {
            if (stop - p >= 8) {
                std::uint64_t w;
                std::memcpy(&w, p, 8);
                const std::uint64_t lf = w ^ 0x0A0A0A0A0A0A0A0AULL;
                const bool has_lf = ((lf - 0x0101010101010101ULL) & ~lf & 0x8080808080808080ULL) != 0;
                if (!has_lf && (w & 0x8080808080808080ULL) == 0) {
                    column_ += 8;
                    p += 8;
                    continue;
                }
            }
            if (*p == '\n') {
                ++line_;
                column_ = 0;
            } else if (is_char_start(*p)) {
                ++column_;
            }
            ++p;
        }
        offset_ = block_end;
        if (offset_ % kBlock == 0 && marks_.size() == offset_ / kBlock) marks_.push_back({line_, column_});
    }
}

SourceLocation TextLocator::locate(std::size_t offset) {
    offset = std::min(offset, text_.size());
    // Backwards, or forwards past a checkpoint already made (back from reading a
    // Ref's target): restart from the checkpoint of the offset's block.
    if (offset < offset_ || (offset / kBlock > offset_ / kBlock && offset / kBlock < marks_.size())) {
        const std::size_t block = offset / kBlock;
        offset_ = block * kBlock;
        line_ = marks_[block].line;
        column_ = marks_[block].column;
    }
    advance_to(offset);
    const auto column = column_ + 1 > UINT32_MAX ? UINT32_MAX : static_cast<std::uint32_t>(column_ + 1);
    return {file_, line_, column};
}

}  // namespace hardcheck::detail
