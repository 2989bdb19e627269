#include "evidence/text_locator.hpp"

#include <algorithm>
#include <array>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace hardcheck::detail {

namespace {

constexpr std::size_t kBlock = std::size_t{1} << 16;

bool is_char_start(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }

// Set bits of a 16-bit mask.  A table, because baseline x86-64 has no popcnt
// instruction and the builtin becomes a library call.
constexpr auto kBitCounts = [] {
    std::array<std::uint8_t, 256> counts{};
    for (unsigned i = 0; i < 256; ++i) counts[i] = static_cast<std::uint8_t>((i & 1) + counts[i / 2]);
    return counts;
}();
unsigned bit_count16(unsigned mask) { return kBitCounts[mask & 0xFF] + kBitCounts[(mask >> 8) & 0xFF]; }

}  // namespace

TextLocator::TextLocator(std::string_view text, std::string file) : text_(text), file_(std::move(file)) {
    marks_.push_back({1, 0});
}

// Walks forward block by block, leaving a checkpoint at each block start it
// reaches for the first time (the text is never read ahead of the cursor).
void TextLocator::advance_to(std::size_t offset) {
    while (offset_ < offset) {
        const std::size_t block_end = std::min(offset, (offset_ / kBlock + 1) * kBlock);
        const char* p = text_.data() + offset_;
        const char* stop = text_.data() + block_end;
#if defined(__SSE2__)
        // Sixteen bytes a step: line feeds counted, and characters after the last of
        // them (bytes that do not continue a UTF-8 sequence: 0x80-0xBF, as signed
        // bytes below -64, are continuations).  Steps between values are short, so a
        // last partial step still reads sixteen bytes (when the text has them) and
        // keeps the bits before `stop`.
        const __m128i lf = _mm_set1_epi8('\n');
        const __m128i continuation = _mm_set1_epi8(-64);
        const char* const text_end = text_.data() + text_.size();
        while (p < stop && text_end - p >= 16) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
            const unsigned keep = stop - p >= 16 ? 0xFFFFu : (1u << (stop - p)) - 1;
            p += std::min<std::ptrdiff_t>(16, stop - p);
            const unsigned lines = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, lf))) & keep;
            const unsigned starts = ~static_cast<unsigned>(_mm_movemask_epi8(_mm_cmplt_epi8(v, continuation))) & keep;
            if (lines == 0) {
                column_ += bit_count16(starts);
                continue;
            }
            line_ += bit_count16(lines);
            const int last = 31 - __builtin_clz(lines);
            column_ = bit_count16(starts & (0xFFFFu << (last + 1)));
        }
#endif
        for (; p < stop; ++p) {
            if (*p == '\n') {
                ++line_;
                column_ = 0;
            } else if (is_char_start(*p)) {
                ++column_;
            }
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
