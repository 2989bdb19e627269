// Case-insensitive comparison of ASCII letters, as Windows compares registry,
// property and cmdlet names.  Non-ASCII bytes compare as they are.
#pragma once

#include <algorithm>
#include <string_view>

namespace hardcheck::detail {

constexpr char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

inline bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return ascii_lower(x) == ascii_lower(y); });
}

}  // namespace hardcheck::detail
