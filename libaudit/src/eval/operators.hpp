// Operators applied to one observed value.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "baseline/condition.hpp"

namespace hardcheck::detail {

// A value as operators see it, whatever reader it came from.
struct Observed {
    std::optional<std::uint64_t> number;  // integers (DWORDs already unsigned 32-bit)
    std::string text;                     // strings, or the decimal form of a number
    std::vector<std::string> list;        // multi-valued data
    bool is_list = false;
};

enum class Truth { yes, no, unknown, error };

struct OpOutcome {
    Truth truth = Truth::error;
    std::string problem;  // why the operator could not be applied (Truth::error)
};

OpOutcome apply_operator(const Leaf& leaf, const Observed& value);

// Case-insensitive comparison of ASCII letters, as Windows compares names.
bool iequals(std::string_view a, std::string_view b);

// Dotted version "15.1.2507.12" as numbers; nullopt when not a version.
std::optional<std::vector<std::uint64_t>> parse_version(std::string_view text);

}  // namespace hardcheck::detail
