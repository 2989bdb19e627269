#include "eval/operators.hpp"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

namespace hardcheck::detail {

namespace {


bool icontains(std::string_view haystack, std::string_view needle) {
    return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                       [](char a, char b) { return ascii_lower(a) == ascii_lower(b); }) != haystack.end();
}

bool scalar_equals(const Observed& v, const Scalar& s) {
    if (v.number && s.number) return *v.number == *s.number;
    return iequals(v.text, s.text);
}

int compare_versions(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b) {
    const std::size_t n = std::max(a.size(), b.size());
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint64_t x = i < a.size() ? a[i] : 0, y = i < b.size() ? b[i] : 0;
        if (x != y) return x < y ? -1 : 1;
    }
    return 0;
}

Truth truth(bool b) { return b ? Truth::yes : Truth::no; }

}  // namespace

std::optional<std::vector<std::uint64_t>> parse_version(std::string_view text) {
    std::vector<std::uint64_t> parts;
    while (true) {
        std::uint64_t n = 0;
        auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
        if (ec != std::errc() || ptr == text.data()) return std::nullopt;
        parts.push_back(n);
        text.remove_prefix(static_cast<std::size_t>(ptr - text.data()));
        if (text.empty()) return parts;
        if (text.front() != '.') return std::nullopt;
        text.remove_prefix(1);
    }
}

bool glob_match(std::string_view pattern, std::string_view text) {
    // Iterative matcher with one backtrack point: linear in practice, no recursion.
    std::size_t p = 0, t = 0, star = std::string_view::npos, mark = 0;
    while (t < text.size()) {
        if (p < pattern.size() && (pattern[p] == '?' || ascii_lower(pattern[p]) == ascii_lower(text[t]))) {
            ++p;
            ++t;
        } else if (p < pattern.size() && pattern[p] == '*') {
            star = p++;
            mark = t;
        } else if (star != std::string_view::npos) {
            p = star + 1;
            t = ++mark;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*') ++p;
    return p == pattern.size();
}

OpOutcome apply_operator(const Leaf& leaf, const std::vector<Scalar>& ops, const Observed& v) {
    if (ops.empty() && leaf.op != Op::exists && leaf.op != Op::absent && leaf.op != Op::empty &&
        leaf.op != Op::in && leaf.op != Op::not_in && leaf.op != Op::like && leaf.op != Op::not_like &&
        leaf.op != Op::version_in)
        return {Truth::error, fmt::format("'{}' has no operand (an empty parameter?)", op_name(leaf.op))};
    auto needs_number = [&]() -> OpOutcome {
        return {Truth::error, fmt::format("'{}' needs a number but the value is '{}'", op_name(leaf.op), v.text)};
    };
    switch (leaf.op) {
        case Op::exists: return {Truth::yes, {}};
        case Op::absent: return {Truth::no, {}};
        case Op::equals:
            if (v.is_list) return {Truth::error, "'equals' cannot compare a list; use 'contains'"};
            return {truth(scalar_equals(v, ops.front())), {}};
        case Op::not_equals:
            if (v.is_list) return {Truth::error, "'not_equals' cannot compare a list; use 'contains'"};
            return {truth(!scalar_equals(v, ops.front())), {}};
        case Op::in:
        case Op::not_in: {
            if (v.is_list) return {Truth::error, fmt::format("'{}' cannot compare a list", op_name(leaf.op))};
            const bool found = std::any_of(ops.begin(), ops.end(), [&](const Scalar& s) { return scalar_equals(v, s); });
            return {truth(leaf.op == Op::in ? found : !found), {}};
        }
        case Op::gt:
        case Op::ge:
        case Op::lt:
        case Op::le: {
            if (!v.number) return needs_number();
            if (!ops.front().number) return {Truth::error, fmt::format("'{}' needs a number to compare with, got '{}'", op_name(leaf.op), ops.front().text)};
            const std::uint64_t x = *v.number, y = *ops.front().number;
            const bool r = leaf.op == Op::gt ? x > y : leaf.op == Op::ge ? x >= y : leaf.op == Op::lt ? x < y : x <= y;
            return {truth(r), {}};
        }
        case Op::bits_all:
        case Op::bits_any:
        case Op::bits_none: {
            if (!v.number) return needs_number();
            if (!ops.front().number) return {Truth::error, fmt::format("'{}' needs a number mask, got '{}'", op_name(leaf.op), ops.front().text)};
            const std::uint64_t mask = *ops.front().number, bits = *v.number & mask;
            const bool r = leaf.op == Op::bits_all ? bits == mask : leaf.op == Op::bits_any ? bits != 0 : bits == 0;
            return {truth(r), {}};
        }
        case Op::matches: {
            if (v.is_list)
                return {truth(std::any_of(v.list.begin(), v.list.end(),
                                          [&](const std::string& s) { return RE2::PartialMatch(s, *leaf.regex); })),
                        {}};
            return {truth(RE2::PartialMatch(v.text, *leaf.regex)), {}};
        }
        case Op::contains:
            if (v.is_list)
                return {truth(std::any_of(v.list.begin(), v.list.end(),
                                          [&](const std::string& s) { return iequals(s, ops.front().text); })),
                        {}};
            return {truth(icontains(v.text, ops.front().text)), {}};
        case Op::like:
        case Op::not_like: {
            if (v.is_list) return {Truth::error, fmt::format("'{}' cannot compare a list", op_name(leaf.op))};
            const bool found = std::any_of(ops.begin(), ops.end(), [&](const Scalar& s) { return glob_match(s.text, v.text); });
            return {truth(leaf.op == Op::like ? found : !found), {}};
        }
        case Op::empty: return {truth(v.is_list ? v.list.empty() : v.text.empty()), {}};
        case Op::version_ge:
        case Op::version_lt:
        case Op::version_in: {
            auto mine = parse_version(v.text);
            if (!mine) return {Truth::error, fmt::format("'{}' is not a version number", v.text)};
            if (leaf.op == Op::version_in) {
                // Pairs of [low, high) bounds.
                for (std::size_t i = 0; i + 1 < ops.size(); i += 2) {
                    auto low = parse_version(ops[i].text), high = parse_version(ops[i + 1].text);
                    if (low && high && compare_versions(*mine, *low) >= 0 && compare_versions(*mine, *high) < 0)
                        return {Truth::yes, {}};
                }
                return {Truth::no, {}};
            }
            auto bound = parse_version(ops.front().text);
            if (!bound) return {Truth::error, fmt::format("'{}' is not a version number", ops.front().text)};
            const int c = compare_versions(*mine, *bound);
            return {truth(leaf.op == Op::version_ge ? c >= 0 : c < 0), {}};
        }
    }
    return {Truth::error, "unknown operator"};
}

}  // namespace hardcheck::detail
