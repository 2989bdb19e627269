#include "evidence/text_decoding.hpp"

#include <cerrno>
#include <cstdint>
#if __has_include(<sys/mman.h>)
#include <sys/mman.h>
#endif
#include <fstream>

#include <fmt/format.h>

#include "evidence/file_bytes.hpp"
#include "hardcheck/diagnostics.hpp"

#include <algorithm>
#include <array>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <cstring>

namespace hardcheck::detail {

std::string_view encoding_name(TextEncoding e) {
    switch (e) {
        case TextEncoding::utf8: return "utf-8";
        case TextEncoding::utf8_bom: return "utf-8-bom";
        case TextEncoding::utf16le: return "utf-16le";
        case TextEncoding::windows1252: return "windows-1252";
    }
    return "unknown";
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

bool is_valid_utf8(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const auto* end = p + s.size();
    while (p < end) {
        // Evidence is mostly ASCII: eight bytes a step while none has its high bit.
        if (end - p >= 8) {
            std::uint64_t word;
            std::memcpy(&word, p, 8);
            if ((word & 0x8080808080808080ULL) == 0) {
                p += 8;
                continue;
            }
        }
        unsigned char c = *p;
        if (c < 0x80) {
            ++p;
            continue;
        }
        int len;
        char32_t cp;
        if ((c & 0xE0) == 0xC0) {
            len = 2;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (end - p < len) return false;
        for (int i = 1; i < len; ++i) {
            if ((p[i] & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (p[i] & 0x3F);
        }
        // Reject overlong forms, surrogates and values beyond Unicode.
        if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
            (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
            return false;
        p += len;
    }
    return true;
}

namespace {

// Copies the longest run of ASCII code units at `data` to `out`; returns its length.
std::size_t append_ascii_run(std::string& out, const std::uint8_t* data, std::size_t units) {
    std::size_t i = 0;
#if defined(__SSE2__)
    // Sixteen units per step while all are below 0x80: pack them to bytes.  The
    // output grows a window at a time, so a short run costs little.
    const __m128i high = _mm_set1_epi16(static_cast<short>(0xFF80));
    const __m128i zero = _mm_setzero_si128();
    while (units - i >= 16) {
        const std::size_t window = std::min<std::size_t>((units - i) & ~std::size_t{15}, 1024);
        const std::size_t old = out.size();
        out.resize(old + window);
        char* dst = out.data() + old;
        std::size_t k = 0;
        for (; k < window; k += 16) {
            const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + 2 * (i + k)));
            const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + 2 * (i + k) + 16));
            const __m128i bits = _mm_and_si128(_mm_or_si128(a, b), high);
            if (_mm_movemask_epi8(_mm_cmpeq_epi16(bits, zero)) != 0xFFFF) break;
            _mm_storeu_si128(reinterpret_cast<__m128i*>(dst + k), _mm_packus_epi16(a, b));
        }
        out.resize(old + k);
        i += k;
        if (k < window) break;
    }
#endif
    for (; i < units; ++i) {
        if (data[2 * i + 1] != 0 || data[2 * i] >= 0x80) break;
        out += static_cast<char>(data[2 * i]);
    }
    return i;
}

}  // namespace

void append_utf16le(std::string& out, const std::uint8_t* data, std::size_t size,
                    std::vector<std::size_t>* bad_offsets) {
    const std::size_t units = size / 2;
    auto unit = [data](std::size_t i) -> char32_t { return data[2 * i] | (data[2 * i + 1] << 8); };
    auto replace = [&out, bad_offsets] {
        if (bad_offsets) bad_offsets->push_back(out.size());
        append_utf8(out, 0xFFFD);
    };
    std::size_t i = 0;
    while (i < units) {
        i += append_ascii_run(out, data + 2 * i, units - i);
        if (i >= units) break;
        const char32_t u = unit(i);
        if (u < 0x80) {
            out += static_cast<char>(u);
        } else if (u < 0xD800 || u > 0xDFFF) {
            append_utf8(out, u);
        } else if (u <= 0xDBFF && i + 1 < units && unit(i + 1) >= 0xDC00 && unit(i + 1) <= 0xDFFF) {
            append_utf8(out, 0x10000 + ((u - 0xD800) << 10) + (unit(i + 1) - 0xDC00));
            ++i;
        } else {
            replace();  // unpaired surrogate
        }
        ++i;
    }
    if (size % 2 != 0) replace();  // a dangling odd byte
}

std::string utf16le_to_utf8(const std::uint8_t* data, std::size_t size,
                            std::vector<std::size_t>* bad_offsets) {
    std::string out;
    out.reserve(size / 2 + size / 8);
    append_utf16le(out, data, size, bad_offsets);
    return out;
}

std::string windows1252_to_utf8(std::string_view bytes) {
    // 0x80-0x9F differ from Latin-1; 0 marks the five bytes Windows leaves undefined.
    static constexpr std::array<char16_t, 32> high = {
        0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    for (unsigned char c : bytes) {
        if (c < 0x80) {
            out += static_cast<char>(c);
        } else if (c < 0xA0) {
            char16_t m = high[c - 0x80];
            append_utf8(out, m ? m : c);
        } else {
            append_utf8(out, c);
        }
    }
    return out;
}

std::string utf8_to_utf16le(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size() * 2);
    auto put = [&out](char32_t unit) {
        out += static_cast<char>(unit & 0xFF);
        out += static_cast<char>(unit >> 8);
    };
    const auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
    const auto* end = p + utf8.size();
    while (p < end) {
        char32_t cp = *p;
        int len = cp < 0x80 ? 1 : cp < 0xE0 ? 2 : cp < 0xF0 ? 3 : 4;
        if (len > end - p) break;
        if (len == 2) cp &= 0x1F;
        if (len == 3) cp &= 0x0F;
        if (len == 4) cp &= 0x07;
        for (int i = 1; i < len; ++i) cp = (cp << 6) | (p[i] & 0x3F);
        p += len;
        if (cp >= 0x10000) {
            cp -= 0x10000;
            put(0xD800 + (cp >> 10));
            put(0xDC00 + (cp & 0x3FF));
        } else {
            put(cp);
        }
    }
    return out;
}

DecodedText decode_text(std::string_view bytes) {
    DecodedText result;
    if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFF &&
        static_cast<unsigned char>(bytes[1]) == 0xFE) {
        result.encoding = TextEncoding::utf16le;
        const auto* data = reinterpret_cast<const std::uint8_t*>(bytes.data()) + 2;
        result.utf8 = utf16le_to_utf8(data, bytes.size() - 2, &result.bad_offsets);
        return result;
    }
    if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") {
        std::string_view rest = bytes.substr(3);
        if (is_valid_utf8(rest)) {
            result.encoding = TextEncoding::utf8_bom;
            result.utf8.assign(rest);
            return result;
        }
    } else if (is_valid_utf8(bytes)) {
        result.encoding = TextEncoding::utf8;
        result.utf8.assign(bytes);
        return result;
    }
    result.encoding = TextEncoding::windows1252;
    result.utf8 = windows1252_to_utf8(bytes);
    return result;
}

namespace {

// A large buffer filled once: fewer, larger pages save most of the page faults
// (Linux transparent huge pages; only a hint).
void advise_huge_pages([[maybe_unused]] char* data, [[maybe_unused]] std::size_t size) {
#if defined(MADV_HUGEPAGE)
    constexpr std::uintptr_t kHuge = std::uintptr_t{2} << 20;
    const auto begin = (reinterpret_cast<std::uintptr_t>(data) + kHuge - 1) & ~(kHuge - 1);
    const auto end = (reinterpret_cast<std::uintptr_t>(data) + size) & ~(kHuge - 1);
    if (end > begin) ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
#endif
}

}  // namespace

DecodedText decode_text_file(const std::filesystem::path& file, std::uintmax_t max_bytes) {
    std::ifstream in(file, std::ios::binary);
    char bom[2] = {0, 0};
    if (in) in.read(bom, 2);
    if (!in || static_cast<unsigned char>(bom[0]) != 0xFF || static_cast<unsigned char>(bom[1]) != 0xFE) {
        // Not UTF-16: the UTF-8 text is the file itself (or its 8-bit transcoding).
        in.close();
        return decode_text(read_file_bytes(file, max_bytes));
    }
    // UTF-16LE is decoded chunk by chunk, so that the whole file is never in memory
    // next to its UTF-8 form (a whole-hive export is hundreds of megabytes).
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    if (ec || size > max_bytes) return decode_text(read_file_bytes(file, max_bytes));  // reports why
    DecodedText result;
    result.encoding = TextEncoding::utf16le;
    // ASCII text halves; some slack for the rest, so that the buffer is not
    // reallocated (and briefly doubled) near the end.
    result.utf8.reserve(static_cast<std::size_t>(size / 2 + size / 16) + 4096);
    advise_huge_pages(result.utf8.data(), result.utf8.capacity());
    constexpr std::size_t kChunk = std::size_t{8} << 20;  // even, so units never straddle
    std::string chunk(kChunk + 2, '\0');
    std::size_t held = 0;  // a high surrogate kept back for the next chunk
    for (;;) {
        in.read(chunk.data() + held, static_cast<std::streamsize>(kChunk));
        const auto got = static_cast<std::size_t>(in.gcount());
        std::size_t n = held + got;
        const bool last = got < kChunk;
        held = 0;
        if (!last && n >= 2) {
            const auto hi = static_cast<unsigned char>(chunk[n - 1]);
            if (n % 2 == 0 && hi >= 0xD8 && hi <= 0xDB) held = 2;
        }
        append_utf16le(result.utf8, reinterpret_cast<const std::uint8_t*>(chunk.data()), n - held, &result.bad_offsets);
        if (last) break;
        if (held) std::memcpy(chunk.data(), chunk.data() + n - held, held);
    }
    if (in.bad()) throw InputError(Diagnostic{{file.string(), 0, 0}, fmt::format("cannot read file: {}", std::strerror(errno))});
    return result;
}

}  // namespace hardcheck::detail
