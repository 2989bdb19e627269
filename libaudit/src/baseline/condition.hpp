// The compiled form of a baseline's conditions: an immutable tree that the
// evaluator walks.  Private to the library.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <re2/re2.h>

#include "hardcheck/baseline.hpp"
#include "hardcheck/diagnostics.hpp"

namespace hardcheck::detail {

// New operators go at the end: op_name() indexes a table in this order.
enum class Op {
    equals, not_equals, in, not_in, gt, ge, lt, le,
    bits_all, bits_any, bits_none, matches,
    version_ge, version_lt, version_in,
    exists, absent, contains, empty,
    like, not_like,
};

std::string_view op_name(Op);
std::optional<Op> parse_op(std::string_view);

// A literal from the baseline: its text, and its number when it reads as one.
struct Scalar {
    std::string text;
    std::optional<std::uint64_t> number;  // decimal or 0x hex; negative values wrap to 32 bits
};

// Reads a literal: "0x10" and "16" are the number 16, "-1" is 0xFFFFFFFF.
Scalar make_scalar(std::string text);

// A number written in the baseline or taken from a parameter ({param: NAME}).
struct NumberRef {
    std::optional<std::uint64_t> value;
    std::string param;
    bool set() const { return value.has_value() || !param.empty(); }
};

// A literal or a parameter, for single values such as an events time bound.
struct TextRef {
    std::optional<std::string> value;
    std::string param;
    bool set() const { return value.has_value() || !param.empty(); }
};

enum class Quantifier { all, any, none, count };
std::string_view quantifier_name(Quantifier);

struct Condition;

// Evidence leaf: one registry value.
struct RegistrySource {
    std::string key;         // as written in the baseline
    std::string canonical;   // canonical_reg_key(key)
    std::string value_name;  // empty: the key's default value
    std::optional<std::uint32_t> expected_type;  // REG_* number the check requires
    std::optional<Scalar> default_value;         // OS default when absent
};

// Evidence leaf: whether a registry key exists.
struct RegistryKeySource {
    std::string key;
    std::string canonical;
};

// One step of a property path: `Name`, `[*]` or `[3]`.
struct PathStep {
    enum class Kind { property, every_item, index };
    Kind kind = Kind::property;
    std::string name;
    std::size_t index = 0;
};

// How a collection leaf (object, xml, events) turns many items into one answer.
struct Quantified {
    Quantifier quantifier = Quantifier::all;
    NumberRef count_min;
    NumberRef count_max;
};

// Evidence leaf: PowerShell objects of one type.
struct ObjectSource {
    std::string type;  // cmdlet, short or full type name, as written
    std::shared_ptr<const Condition> where;  // leaves are PropertySource
    std::vector<PathStep> path;              // empty: the objects themselves
    std::string path_text;
    Quantified quantified;
    std::optional<Scalar> default_value;  // a missing property
    std::optional<Scalar> null_as;        // a null property
};

// Inside an object `where`: a property of the object being filtered.
struct PropertySource {
    std::vector<PathStep> path;
    std::string path_text;
};

// Evidence leaf: an XPath over configuration files of one kind.
struct XmlSource {
    std::string config;  // applicationHost, web.config, machine.config, config, any
    std::string xpath;
    Quantified quantified;
    std::optional<Scalar> default_value;  // the XPath matches nothing
};

// Evidence leaf: exported events.
struct EventsSource {
    std::vector<std::uint32_t> ids;
    std::string provider;
    std::string channel;
    TextRef since;  // inclusive, ISO 8601 UTC
    TextRef until;  // exclusive
    std::shared_ptr<const Condition> where;  // leaves are FieldSource
    std::string field;                       // empty: the events themselves
    Quantified quantified;
};

// Inside an events `where`: one field of the event being filtered.
struct FieldSource {
    std::string name;
};

// Evidence leaf: a host fact (host.yaml or derived from the evidence).
struct FactSource {
    std::string name;
};

using Source = std::variant<RegistrySource, RegistryKeySource, ObjectSource, PropertySource, XmlSource,
                            EventsSource, FieldSource, FactSource>;

struct Leaf {
    Source source;
    bool has_op = true;  // false only for a `count` without operator and for fleet reads
    bool compare_nonzero = false;  // fleet reads: compare "zero or not" (Schannel's reading)
    Op op = Op::exists;
    std::vector<Scalar> operands;
    std::string param;  // operands come from this parameter ({param: NAME})
    std::shared_ptr<const re2::RE2> regex;  // for matches, compiled at load
};

struct Condition {
    // first_collected: alternatives for the same fact from different exports; the
    // first whose evidence was all collected decides (only outside `where` filters).
    enum class Kind { all, any, negation, leaf, first_collected };
    Kind kind = Kind::leaf;
    std::vector<std::shared_ptr<const Condition>> children;  // all / any / first_collected / negation (one)
    Leaf leaf;
    SourceLocation where;
};

// Renders a parameter's value in force for the expected column ("[a, b]"); empty
// when unknown, and then the reference itself is shown.
using ParamRenderer = std::function<std::string(const std::string& name)>;

// "HKLM\...\Server\Enabled equals 0", "a and (b or c)", for the expected column.
std::string render(const Condition&, const ParamRenderer& params = {});
std::string render_source(const Source&);
// A fleet read (`same_on_all_hosts` item) for people: its source without quantifier.
std::string render_read(const Leaf&);
// "on every host compared the same: A, B, ..." for a fleet check.
std::string render_fleet(const Check&);

}  // namespace hardcheck::detail
