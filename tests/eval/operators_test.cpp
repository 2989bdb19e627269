// Each operator on one observed value.
#include <boost/test/unit_test.hpp>

#include "eval/operators.hpp"

using namespace hardcheck::detail;

namespace {

Leaf leaf(Op op, std::vector<std::string> operands) {
    Leaf l;
    l.op = op;
    for (auto& o : operands) l.operands.push_back(make_scalar(std::move(o)));
    if (op == Op::matches) {
        RE2::Options options;
        options.set_case_sensitive(false);
        l.regex = std::make_shared<re2::RE2>(l.operands.front().text, options);
    }
    return l;
}

Observed num(std::uint64_t n) { return Observed{n, std::to_string(n), {}, false}; }
Observed text(std::string t) { return Observed{std::nullopt, std::move(t), {}, false}; }
Observed list(std::vector<std::string> items) { return Observed{std::nullopt, {}, std::move(items), true}; }

std::string eval(Op op, std::vector<std::string> operands, const Observed& v) {
    switch (apply_operator(leaf(op, std::move(operands)), v).truth) {
        case Truth::yes: return "yes";
        case Truth::no: return "no";
        case Truth::unknown: return "unknown";
        case Truth::error: return "error";
    }
    return "?";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(operators)

BOOST_AUTO_TEST_CASE(equals_compares_numbers_as_numbers_and_text_case_insensitively) {
    BOOST_TEST(eval(Op::equals, {"0x10"}, num(16)) == "yes");
    BOOST_TEST(eval(Op::equals, {"-1"}, num(0xFFFFFFFF)) == "yes");
    BOOST_TEST(eval(Op::equals, {"Require"}, text("require")) == "yes");
    BOOST_TEST(eval(Op::equals, {"Require"}, text("Allow")) == "no");
    BOOST_TEST(eval(Op::equals, {"1"}, list({"1"})) == "error");
}

BOOST_AUTO_TEST_CASE(not_equals_is_the_negation_of_equals) {
    BOOST_TEST(eval(Op::not_equals, {"0"}, num(0)) == "no");
    BOOST_TEST(eval(Op::not_equals, {"0"}, num(1)) == "yes");
}

BOOST_AUTO_TEST_CASE(in_and_not_in_test_membership) {
    BOOST_TEST(eval(Op::in, {"1", "2"}, num(2)) == "yes");
    BOOST_TEST(eval(Op::in, {"1", "2"}, num(3)) == "no");
    BOOST_TEST(eval(Op::not_in, {"a", "B"}, text("b")) == "no");
    BOOST_TEST(eval(Op::not_in, {"a", "B"}, text("c")) == "yes");
}

BOOST_AUTO_TEST_CASE(ordering_operators_are_unsigned_and_need_numbers) {
    BOOST_TEST(eval(Op::gt, {"5"}, num(6)) == "yes");
    BOOST_TEST(eval(Op::gt, {"5"}, num(5)) == "no");
    BOOST_TEST(eval(Op::ge, {"5"}, num(5)) == "yes");
    BOOST_TEST(eval(Op::lt, {"5"}, num(4)) == "yes");
    BOOST_TEST(eval(Op::lt, {"5"}, num(5)) == "no");
    BOOST_TEST(eval(Op::le, {"5"}, num(5)) == "yes");
    BOOST_TEST(eval(Op::gt, {"5"}, num(0xFFFFFFFF)) == "yes");
    BOOST_TEST(eval(Op::gt, {"5"}, text("six")) == "error");
}

BOOST_AUTO_TEST_CASE(bit_operators_test_the_mask) {
    BOOST_TEST(eval(Op::bits_all, {"0x18"}, num(0x1C)) == "yes");
    BOOST_TEST(eval(Op::bits_all, {"0x18"}, num(0x08)) == "no");
    BOOST_TEST(eval(Op::bits_any, {"0x3"}, num(0x2)) == "yes");
    BOOST_TEST(eval(Op::bits_any, {"0x3"}, num(0x4)) == "no");
    BOOST_TEST(eval(Op::bits_none, {"0x7"}, num(0x18)) == "yes");
    BOOST_TEST(eval(Op::bits_none, {"0x7"}, num(0x1C)) == "no");
}

BOOST_AUTO_TEST_CASE(matches_is_a_partial_case_insensitive_re2_match) {
    BOOST_TEST(eval(Op::matches, {"w3wp\\.exe$"}, text("C:\\Windows\\W3WP.EXE")) == "yes");
    BOOST_TEST(eval(Op::matches, {"^w3wp"}, text("C:\\w3wp.exe")) == "no");
    BOOST_TEST(eval(Op::matches, {"^M2$"}, list({"M1", "M2"})) == "yes");
}

BOOST_AUTO_TEST_CASE(like_matches_whole_text_with_globs) {
    BOOST_TEST(eval(Op::like, {"svc-*", "admin"}, text("SVC-exch")) == "yes");
    BOOST_TEST(eval(Op::like, {"svc-*"}, text("x-svc-exch")) == "no");
    BOOST_TEST(eval(Op::like, {"a?c"}, text("abc")) == "yes");
    BOOST_TEST(eval(Op::not_like, {"svc-*"}, text("bob")) == "yes");
    BOOST_TEST(glob_match("*", ""));
    BOOST_TEST(glob_match("a*b*c", "aXbYbZc"));
    BOOST_TEST(!glob_match("a*b*c", "aXbYbZ"));
}

BOOST_AUTO_TEST_CASE(version_operators_compare_numerically_per_part) {
    BOOST_TEST(eval(Op::version_ge, {"15.1.2507.12"}, text("15.1.2507.13")) == "yes");
    BOOST_TEST(eval(Op::version_ge, {"15.1.2507.12"}, text("15.1.2507.9")) == "no");
    BOOST_TEST(eval(Op::version_lt, {"15.2"}, text("15.1.9999")) == "yes");
    BOOST_TEST(eval(Op::version_in, {"15.1.2507.12", "15.1.2508", "15.2.986.29", "15.2.987"}, text("15.2.986.30")) == "yes");
    BOOST_TEST(eval(Op::version_in, {"15.1.2507.12", "15.1.2508"}, text("15.1.2508.0")) == "no");  // high is exclusive
    BOOST_TEST(eval(Op::version_ge, {"15.1"}, text("not a version")) == "error");
}

BOOST_AUTO_TEST_CASE(contains_is_substring_for_text_and_item_for_lists) {
    BOOST_TEST(eval(Op::contains, {"ssl"}, text("Ssl, Ssl128")) == "yes");
    BOOST_TEST(eval(Op::contains, {"ssl"}, list({"Ssl128"})) == "no");
    BOOST_TEST(eval(Op::contains, {"ssl"}, list({"SSL"})) == "yes");
}

BOOST_AUTO_TEST_CASE(empty_exists_and_absent_on_present_values) {
    BOOST_TEST(eval(Op::empty, {}, text("")) == "yes");
    BOOST_TEST(eval(Op::empty, {}, list({})) == "yes");
    BOOST_TEST(eval(Op::empty, {}, list({"x"})) == "no");
    BOOST_TEST(eval(Op::exists, {}, text("x")) == "yes");
    BOOST_TEST(eval(Op::absent, {}, text("x")) == "no");
}

BOOST_AUTO_TEST_CASE(an_operator_left_without_operands_is_an_error) {
    BOOST_TEST(eval(Op::equals, {}, num(1)) == "error");
    BOOST_TEST(eval(Op::in, {}, num(1)) == "no");  // an empty allow-list allows nothing
}

BOOST_AUTO_TEST_SUITE_END()
