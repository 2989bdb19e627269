// first_collected: the first alternative whose evidence was all collected decides;
// none collected is not_collected; tried alternatives keep their evidence.
#include <boost/test/unit_test.hpp>

#include "eval/eval_fixtures.hpp"

using namespace hardcheck;
using namespace hardcheck::test;

namespace {

// HKLM\S is exported: K\A = 0, K\B is REG_SZ; HKLM\T is not exported.
const std::string kReg = "REGEDIT4\n[HKLM\\S]\n[HKLM\\S\\K]\n\"A\"=dword:0\n\"B\"=\"x\"\n";

// Leaves as flow mappings: Y true, N false, U not collected, E error (wrong type),
// X absent without default, D absent with default 0 (true).
std::string leaf(char which) {
    switch (which) {
        case 'Y': return "{registry: {key: 'HKLM\\S\\K', value: A}, equals: 0}";
        case 'N': return "{registry: {key: 'HKLM\\S\\K', value: A}, equals: 1}";
        case 'U': return "{registry: {key: 'HKLM\\T\\K', value: A}, equals: 0}";
        case 'X': return "{registry: {key: 'HKLM\\S\\K', value: C}, equals: 0}";
        case 'D': return "{registry: {key: 'HKLM\\S\\K', value: C, default: 0}, equals: 0}";
        default: return "{registry: {key: 'HKLM\\S\\K', value: B, type: REG_DWORD}, equals: 0}";
    }
}

std::string first_collected(const std::string& alternatives) {
    std::string yaml = "    test: {first_collected: [";
    for (std::size_t i = 0; i < alternatives.size(); ++i) yaml += (i ? ", " : "") + leaf(alternatives[i]);
    return yaml + "]}\n";
}

Result run(const std::string& body) { return run_check(body, host_with_reg(kReg)); }

}  // namespace

BOOST_AUTO_TEST_SUITE(first_collected_group)

BOOST_AUTO_TEST_CASE(the_first_collected_alternative_decides_and_later_ones_are_not_read) {
    const Result r = run(first_collected("NY"));
    BOOST_TEST(to_string(r.status) == "fail");
    BOOST_REQUIRE(r.evidence.size() == 1u);
    BOOST_TEST(r.evidence[0].observed == "REG_DWORD 0 (0x0)");
    BOOST_TEST(to_string(run(first_collected("YN")).status) == "pass");
}

BOOST_AUTO_TEST_CASE(an_uncollected_alternative_is_skipped_but_its_evidence_stays) {
    const Result r = run(first_collected("UN"));
    BOOST_TEST(to_string(r.status) == "fail");
    BOOST_REQUIRE(r.evidence.size() == 2u);
    BOOST_TEST(r.evidence[0].locator == "HKLM\\T\\K\\A");
    BOOST_TEST(r.evidence[0].observed == "not collected");
    BOOST_TEST(r.evidence[1].observed == "REG_DWORD 0 (0x0)");
    BOOST_TEST(r.observed == "HKLM\\T\\K\\A = not collected; HKLM\\S\\K\\A = REG_DWORD 0 (0x0)");
    BOOST_TEST(r.message == "Not met: HKLM\\S\\K\\A equals 1 (found REG_DWORD 0 (0x0)).");
    BOOST_TEST(to_string(run(first_collected("UY")).status) == "pass");
}

BOOST_AUTO_TEST_CASE(no_collected_alternative_is_not_collected_never_pass) {
    const Result r = run(first_collected("UU"));
    BOOST_TEST(to_string(r.status) == "not_collected");
    BOOST_TEST(r.evidence.size() == 2u);
    BOOST_TEST(r.message ==
               "Evidence missing from the bundle: no alternative of first_collected was collected "
               "(HKLM\\T\\K\\A is outside every exported registry subtree).");
    // Negated, a missing group is still missing.
    BOOST_TEST(to_string(run("    test: {not: {first_collected: [" + leaf('U') + "]}}\n").status) == "not_collected");
}

// Absent inside an exported subtree is collected: the default (or "cannot confirm")
// decides, and a later alternative cannot turn it into a pass.
BOOST_AUTO_TEST_CASE(an_absent_value_in_an_exported_subtree_counts_as_collected) {
    const Result x = run(first_collected("XY"));
    BOOST_TEST(to_string(x.status) == "fail");
    BOOST_TEST(x.evidence.size() == 1u);
    BOOST_TEST(x.message == "Not met: HKLM\\S\\K\\C equals 0 (found absent).");
    const Result d = run(first_collected("DN"));
    BOOST_TEST(to_string(d.status) == "pass");
    BOOST_TEST(d.default_assumed);
}

BOOST_AUTO_TEST_CASE(unreadable_evidence_in_a_skipped_alternative_is_an_error) {
    const std::string body = "    test: {first_collected: [{all: [" + leaf('E') + ", " + leaf('U') + "]}, " + leaf('Y') + "]}\n";
    const Result r = run(body);
    BOOST_TEST(to_string(r.status) == "error");
    BOOST_TEST(r.message == "Evidence could not be evaluated: HKLM\\S\\K\\B has type REG_SZ where REG_DWORD is expected.");
    BOOST_TEST(to_string(run(first_collected("E")).status) == "error");
}

BOOST_AUTO_TEST_CASE(groups_nest_inside_first_collected_and_it_inside_them) {
    BOOST_TEST(to_string(run("    test: {first_collected: [{all: [" + leaf('Y') + ", " + leaf('U') + "]}, {all: [" +
                             leaf('Y') + ", " + leaf('D') + "]}]}\n")
                             .status) == "pass");
    BOOST_TEST(to_string(run("    test: {all: [" + leaf('Y') + ", {first_collected: [" + leaf('U') + ", " + leaf('N') +
                             "]}]}\n")
                             .status) == "fail");
}

BOOST_AUTO_TEST_CASE(expected_column_names_the_alternatives_in_order) {
    const Result r = run(first_collected("UY"));
    BOOST_TEST(r.expected == "first collected of (HKLM\\T\\K\\A equals 0; HKLM\\S\\K\\A equals 0)");
}

BOOST_AUTO_TEST_SUITE_END()
