#include "evidence/clixml_text.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <limits>

#include "evidence/text_decoding.hpp"

namespace hardcheck::detail::clixml {

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// `_xHHHH_` at s[i]: the UTF-16 code unit, or -1.
long escaped_unit(std::string_view s, std::size_t i) {
    if (i + 7 > s.size() || s[i] != '_' || s[i + 1] != 'x' || s[i + 6] != '_') return -1;
    long unit = 0;
    for (std::size_t k = i + 2; k < i + 6; ++k) {
        const int h = hex_value(s[k]);
        if (h < 0) return -1;
        unit = unit * 16 + h;
    }
    return unit;
}

}  // namespace

std::string_view trim(std::string_view s) {
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && space(s.front())) s.remove_prefix(1);
    while (!s.empty() && space(s.back())) s.remove_suffix(1);
    return s;
}

std::string decode_escapes(std::string_view s) {
    if (s.find("_x") == std::string_view::npos) return std::string(s);
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const long unit = escaped_unit(s, i);
        if (unit < 0) {
            out += s[i++];
            continue;
        }
        i += 7;
        char32_t cp = static_cast<char32_t>(unit);
        if (unit >= 0xD800 && unit <= 0xDBFF) {
            const long low = escaped_unit(s, i);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                cp = 0x10000 + ((static_cast<char32_t>(unit) - 0xD800) << 10) + (static_cast<char32_t>(low) - 0xDC00);
                i += 7;
            } else {
                cp = 0xFFFD;  // a lone surrogate has no UTF-8 form
            }
        } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
            cp = 0xFFFD;
        }
        detail::append_utf8(out, cp);
    }
    return out;
}

bool parse_real(std::string_view s, double& out) {
    s = trim(s);
    if (s == "INF") {
        out = std::numeric_limits<double>::infinity();
        return true;
    }
    if (s == "-INF") {
        out = -std::numeric_limits<double>::infinity();
        return true;
    }
    if (s == "NaN") {
        out = std::numeric_limits<double>::quiet_NaN();
        return true;
    }
    if (!s.empty() && s.front() == '+') s.remove_prefix(1);
    if (s.empty() || s.front() == 'i' || s.front() == 'I' || s.front() == 'n' || s.front() == 'N') return false;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && end == s.data() + s.size();
}

bool is_guid(std::string_view s) {
    if (s.size() != 36) return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? s[i] != '-' : hex_value(s[i]) < 0) return false;
    }
    return true;
}

bool is_version(std::string_view s) {
    int parts = 0;
    std::size_t i = 0;
    while (i <= s.size()) {
        const auto dot = std::min(s.find('.', i), s.size());
        const auto part = s.substr(i, dot - i);
        if (part.empty() || part.size() > 10 || !std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; }))
            return false;
        ++parts;
        i = dot + 1;
    }
    return parts >= 2 && parts <= 4;
}

bool is_base64(std::string_view s) {
    // One table lookup a byte and no branch: every byte array of an export is
    // checked, and some (certificates) are long.
    enum : std::uint8_t { kOther = 0, kDigit = 1, kSpace = 2 };
    static constexpr auto kClass = [] {
        std::array<std::uint8_t, 256> c{};
        for (int i = 'A'; i <= 'Z'; ++i) c[static_cast<std::size_t>(i)] = kDigit;
        for (int i = 'a'; i <= 'z'; ++i) c[static_cast<std::size_t>(i)] = kDigit;
        for (int i = '0'; i <= '9'; ++i) c[static_cast<std::size_t>(i)] = kDigit;
        for (char x : {'+', '/', '='}) c[static_cast<unsigned char>(x)] = kDigit;
        for (char x : {' ', '\t', '\r', '\n'}) c[static_cast<unsigned char>(x)] = kSpace;
        return c;
    }();
    std::size_t chars = 0;
    bool other = false;
    for (char ch : s) {
        const std::uint8_t c = kClass[static_cast<unsigned char>(ch)];
        chars += c & kDigit;
        other |= c == kOther;
    }
    return !other && chars % 4 == 0;
}

// An xs:dateTime as .NET writes it: 2021-10-06T15:44:43.0986128-07:00.
bool is_datetime(std::string_view s) {
    return s.size() >= 19 && s[4] == '-' && s[7] == '-' && s[10] == 'T' && s[13] == ':' && s[16] == ':' &&
           std::isdigit(static_cast<unsigned char>(s[0])) != 0;
}

// An xs:duration: PT9.0269026S, -P1DT2H, P10675199DT2H48M5.4775807S.
bool is_duration(std::string_view s) {
    if (!s.empty() && s.front() == '-') s.remove_prefix(1);
    if (s.size() < 3 || s.front() != 'P') return false;
    return std::all_of(s.begin() + 1, s.end(), [](char c) {
        return (c >= '0' && c <= '9') || c == '.' || c == 'D' || c == 'T' || c == 'H' || c == 'M' || c == 'S' ||
               c == 'Y';
    });
}

}  // namespace hardcheck::detail::clixml
