// Operators applied to one observed value.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ascii.hpp"
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

// `operands`: the leaf's literals, or its parameter's value for this evaluation.
OpOutcome apply_operator(const Leaf& leaf, const std::vector<Scalar>& operands, const Observed& value);
inline OpOutcome apply_operator(const Leaf& leaf, const Observed& value) {
    return apply_operator(leaf, leaf.operands, value);
}

// Whole-text glob match, `*` any run, `?` one character, ASCII case-insensitive.
bool glob_match(std::string_view pattern, std::string_view text);


// Dotted version "15.1.2507.12" as numbers; nullopt when not a version.
std::optional<std::vector<std::uint64_t>> parse_version(std::string_view text);

}  // namespace hardcheck::detail
