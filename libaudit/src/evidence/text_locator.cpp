#include "evidence/text_locator.hpp"

#include <algorithm>
#include <cstring>

namespace hardcheck::detail {

namespace {

constexpr std::size_t kBlock = std::size_t{1} << 16;

bool is_char_start(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }

}  // namespace

TextLocator::TextLocator(std::string_view text, std::string file) : text_(text), file_(std::move(file)) {
    marks_.reserve(text.size() / kBlock + 1);
    std::uint32_t line = 1;
    std::uint64_t column = 0;
    for (std::size_t block = 0; block < text.size(); block += kBlock) {
        marks_.push_back({line, column});
        const std::size_t end = std::min(text.size(), block + kBlock);
        const char* p = text.data() + block;
        const char* stop = text.data() + end;
        while (p < stop) {
            const void* nl = std::memchr(p, '\n', static_cast<std::size_t>(stop - p));
            if (nl == nullptr) {
                column += static_cast<std::uint64_t>(std::count_if(p, stop, is_char_start));
                break;
            }
            ++line;
            column = 0;
            p = static_cast<const char*>(nl) + 1;
        }
    }
}

void TextLocator::advance_to(std::size_t offset) {
    const char* p = text_.data() + offset_;
    const char* stop = text_.data() + offset;
    while (p < stop) {
        const void* nl = std::memchr(p, '\n', static_cast<std::size_t>(stop - p));
        if (nl == nullptr) {
            column_ += static_cast<std::uint64_t>(std::count_if(p, stop, is_char_start));
            break;
        }
        ++line_;
        column_ = 0;
        p = static_cast<const char*>(nl) + 1;
    }
    offset_ = offset;
}

SourceLocation TextLocator::locate(std::size_t offset) {
    offset = std::min(offset, text_.size());
    if (offset < offset_) {
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
