// The text forms of CLIXML values ([MS-PSRP] 2.2.5.1): _xHHHH_ escapes, numbers,
// and the shapes of dates, durations, versions, GUIDs and base64.
#pragma once

#include <charconv>
#include <string>
#include <string_view>

namespace hardcheck::detail::clixml {

std::string_view trim(std::string_view s);

// PowerShell writes characters XML cannot hold (controls, lone surrogates, '_x'
// itself) as _xHHHH_ UTF-16 units; a surrogate pair is two escapes, a lone
// surrogate becomes U+FFFD.
std::string decode_escapes(std::string_view s);

// Whole-string decimal integers of type T (xs:int and friends: optional '+',
// surrounding whitespace); false when out of T's range.
template <class T>
bool parse_integer(std::string_view s, T& out) {
    s = trim(s);
    if (!s.empty() && s.front() == '+') s.remove_prefix(1);
    if (s.empty()) return false;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && end == s.data() + s.size();
}

// xs:double, including INF, -INF and NaN.
bool parse_real(std::string_view s, double& out);
bool is_guid(std::string_view s);
bool is_version(std::string_view s);
bool is_base64(std::string_view s);
bool is_datetime(std::string_view s);
bool is_duration(std::string_view s);

}  // namespace hardcheck::detail::clixml
