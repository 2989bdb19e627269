// The compiled form of a baseline's conditions: an immutable tree that the
// evaluator walks.  Private to the library.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <re2/re2.h>

#include "hardcheck/diagnostics.hpp"

namespace hardcheck::detail {

enum class Op {
    equals, not_equals, in, not_in, gt, ge, lt, le,
    bits_all, bits_any, bits_none, matches,
    version_ge, version_lt, version_in,
    exists, absent, contains, empty,
};

std::string_view op_name(Op);
std::optional<Op> parse_op(std::string_view);

// A literal from the baseline: its text, and its number when it reads as one.
struct Scalar {
    std::string text;
    std::optional<std::uint64_t> number;  // decimal or 0x hex; negative values wrap to 32 bits
};

// Evidence leaf: one registry value.
struct RegistrySource {
    std::string key;         // as written in the baseline
    std::string canonical;   // canonical_reg_key(key)
    std::string value_name;  // empty: the key's default value
    std::optional<std::uint32_t> expected_type;  // REG_* number the check requires
    std::optional<Scalar> default_value;         // OS default when absent
};

using Source = std::variant<RegistrySource>;

struct Leaf {
    Source source;
    Op op = Op::exists;
    std::vector<Scalar> operands;
    std::shared_ptr<const re2::RE2> regex;  // for matches, compiled at load
};

struct Condition {
    enum class Kind { all, any, negation, leaf };
    Kind kind = Kind::leaf;
    std::vector<std::shared_ptr<const Condition>> children;  // all / any / negation (one)
    Leaf leaf;
    SourceLocation where;
};

// "HKLM\...\Server\Enabled equals 0", "all of (...)", for the expected column.
std::string render(const Condition&);

}  // namespace hardcheck::detail
