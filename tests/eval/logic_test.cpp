// Three-valued logic (plus error) of all / any / not, as tables and as statuses.
#include <boost/test/unit_test.hpp>

#include "eval/eval_fixtures.hpp"
#include "eval/walk.hpp"

using namespace hardcheck;
using namespace hardcheck::test;
using detail::Truth;

namespace {

constexpr Truth Y = Truth::yes, N = Truth::no, U = Truth::unknown, E = Truth::error;

// Four registry leaves with known answers over one export:
//   yes: HKLM\S\K\A = 0 equals 0; no: HKLM\S\K\A equals 1;
//   unknown: HKLM\T\K\A (not exported); error: HKLM\S\K\B is REG_SZ, REG_DWORD expected.
const std::string kReg = "REGEDIT4\n[HKLM\\S]\n[HKLM\\S\\K]\n\"A\"=dword:0\n\"B\"=\"x\"\n";

std::string leaf(char which, int indent) {
    const std::string pad(static_cast<std::size_t>(indent), ' ');
    switch (which) {
        case 'Y': return pad + "registry: {key: 'HKLM\\S\\K', value: A}\n" + pad + "equals: 0\n";
        case 'N': return pad + "registry: {key: 'HKLM\\S\\K', value: A}\n" + pad + "equals: 1\n";
        case 'U': return pad + "registry: {key: 'HKLM\\T\\K', value: A}\n" + pad + "equals: 0\n";
        default: return pad + "registry: {key: 'HKLM\\S\\K', value: B, type: REG_DWORD}\n" + pad + "equals: 0\n";
    }
}

std::string group(const std::string& kind, char a, char b) {
    std::string item_a = leaf(a, 10), item_b = leaf(b, 10);
    item_a.replace(8, 2, "- ");
    item_b.replace(8, 2, "- ");
    return "    test:\n      " + kind + ":\n" + item_a + item_b;
}

std::string status(const std::string& body) { return status_of(body, host_with_reg(kReg)); }

}  // namespace

BOOST_AUTO_TEST_SUITE(logic)

BOOST_AUTO_TEST_CASE(all_truth_table) {
    const Truth table[4][4] = {// Y  N  U  E
                               {Y, N, U, E},   // Y
                               {N, N, N, N},   // N
                               {U, N, U, E},   // U
                               {E, N, E, E}};  // E
    const Truth values[4] = {Y, N, U, E};
    for (int a = 0; a < 4; ++a)
        for (int b = 0; b < 4; ++b) BOOST_TEST((detail::combine_all({values[a], values[b]}) == table[a][b]), a << "," << b);
}

BOOST_AUTO_TEST_CASE(any_truth_table) {
    const Truth table[4][4] = {// Y  N  U  E
                               {Y, Y, Y, Y},   // Y
                               {Y, N, U, E},   // N
                               {Y, U, U, E},   // U
                               {Y, E, E, E}};  // E
    const Truth values[4] = {Y, N, U, E};
    for (int a = 0; a < 4; ++a)
        for (int b = 0; b < 4; ++b) BOOST_TEST((detail::combine_any({values[a], values[b]}) == table[a][b]), a << "," << b);
}

BOOST_AUTO_TEST_CASE(not_swaps_true_and_false_and_keeps_unknown_and_error) {
    BOOST_TEST((detail::negate(Y) == N));
    BOOST_TEST((detail::negate(N) == Y));
    BOOST_TEST((detail::negate(U) == U));
    BOOST_TEST((detail::negate(E) == E));
}

BOOST_AUTO_TEST_CASE(leaf_statuses) {
    BOOST_TEST(status("    test:\n" + leaf('Y', 6)) == "pass");
    BOOST_TEST(status("    test:\n" + leaf('N', 6)) == "fail");
    BOOST_TEST(status("    test:\n" + leaf('U', 6)) == "not_collected");
    BOOST_TEST(status("    test:\n" + leaf('E', 6)) == "error");
}

BOOST_AUTO_TEST_CASE(all_statuses_false_decides_then_error_then_missing) {
    BOOST_TEST(status(group("all", 'Y', 'Y')) == "pass");
    BOOST_TEST(status(group("all", 'Y', 'N')) == "fail");
    BOOST_TEST(status(group("all", 'N', 'U')) == "fail");
    BOOST_TEST(status(group("all", 'N', 'E')) == "fail");
    BOOST_TEST(status(group("all", 'Y', 'U')) == "not_collected");
    BOOST_TEST(status(group("all", 'Y', 'E')) == "error");
    BOOST_TEST(status(group("all", 'U', 'E')) == "error");
}

BOOST_AUTO_TEST_CASE(any_statuses_never_pass_with_missing_or_broken_evidence) {
    BOOST_TEST(status(group("any", 'N', 'Y')) == "pass");
    BOOST_TEST(status(group("any", 'N', 'N')) == "fail");
    BOOST_TEST(status(group("any", 'Y', 'U')) == "not_collected");
    BOOST_TEST(status(group("any", 'Y', 'E')) == "error");
    BOOST_TEST(status(group("any", 'N', 'U')) == "not_collected");
}

BOOST_AUTO_TEST_CASE(not_statuses) {
    BOOST_TEST(status("    test:\n      not:\n" + leaf('N', 8)) == "pass");
    BOOST_TEST(status("    test:\n      not:\n" + leaf('Y', 8)) == "fail");
    BOOST_TEST(status("    test:\n      not:\n" + leaf('U', 8)) == "not_collected");
    BOOST_TEST(status("    test:\n      not:\n" + leaf('E', 8)) == "error");
}

BOOST_AUTO_TEST_SUITE_END()
