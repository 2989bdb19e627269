#include <boost/test/unit_test.hpp>

#include "hardcheck/baseline.hpp"
#include "hardcheck/evaluate.hpp"

using namespace hardcheck;

namespace {

HostEvidence host_from(const std::string& reg) {
    HostEvidence host;
    host.host = "h";
    read_reg_buffer(reg, "h.reg", host.registry, host.problems);
    return host;
}

Result run_one(const std::string& test_yaml, const HostEvidence& host) {
    auto b = load_baseline_text("id: b\ntitle: B\nversion: '1'\nchecks:\n"
                                "  - id: C-1\n    title: t\n    severity: high\n    test:\n" +
                                    test_yaml,
                                "b.yaml");
    return evaluate(*b, host).front();
}

const std::string kLeaf = "      registry: {key: 'HKLM\\S\\K', value: V, type: REG_DWORD, default: 1}\n";
const std::string kLeafNoDefault = "      registry: {key: 'HKLM\\S\\K', value: V, type: REG_DWORD}\n";

}  // namespace

BOOST_AUTO_TEST_SUITE(evaluator)

BOOST_AUTO_TEST_CASE(present_value_meeting_the_condition_passes_with_location) {
    auto r = run_one(kLeaf + "      equals: 0\n", host_from("REGEDIT4\n[HKLM\\S]\n[HKLM\\S\\K]\n\"V\"=dword:0\n"));
    BOOST_TEST(to_string(r.status) == "pass");
    BOOST_TEST(r.observed == "HKLM\\S\\K\\V = REG_DWORD 0 (0x0)");
    BOOST_REQUIRE(r.evidence.size() == 1u);
    BOOST_TEST(r.evidence[0].where.str() == "h.reg:4:1");
    BOOST_TEST(!r.default_assumed);
}

BOOST_AUTO_TEST_CASE(absent_value_uses_declared_default_and_says_so) {
    auto r = run_one(kLeaf + "      equals: 0\n", host_from("REGEDIT4\n[HKLM\\S]\n"));
    BOOST_TEST(to_string(r.status) == "fail");
    BOOST_TEST(r.default_assumed);
    BOOST_TEST(r.observed == "HKLM\\S\\K\\V = absent (OS default 1 assumed)");
    BOOST_TEST(r.evidence[0].where.str() == "h.reg:2:1");
    auto passing = run_one(kLeaf + "      equals: 1\n", host_from("REGEDIT4\n[HKLM\\S]\n"));
    BOOST_TEST(to_string(passing.status) == "pass");
    BOOST_TEST(passing.default_assumed);
}

BOOST_AUTO_TEST_CASE(value_outside_the_export_is_not_collected_never_defaulted) {
    auto r = run_one(kLeaf + "      equals: 1\n", host_from("REGEDIT4\n[HKLM\\Other]\n"));
    BOOST_TEST(to_string(r.status) == "not_collected");
    BOOST_TEST(r.observed == "HKLM\\S\\K\\V = not collected");
    BOOST_TEST(!r.default_assumed);
}

BOOST_AUTO_TEST_CASE(absent_without_default_never_passes_even_under_not) {
    auto r = run_one("      not:\n  " + kLeafNoDefault.substr(0, kLeafNoDefault.size() - 1) + "\n        equals: 1\n",
                     host_from("REGEDIT4\n[HKLM\\S]\n"));
    BOOST_TEST(to_string(r.status) == "fail");
}

BOOST_AUTO_TEST_CASE(wrong_registry_type_is_an_error_not_a_verdict) {
    auto r = run_one(kLeaf + "      equals: 0\n", host_from("REGEDIT4\n[HKLM\\S\\K]\n\"V\"=\"0\"\n"));
    BOOST_TEST(to_string(r.status) == "error");
    BOOST_TEST(r.message == "Evidence could not be evaluated: HKLM\\S\\K\\V has type REG_SZ where REG_DWORD is expected.");
}

BOOST_AUTO_TEST_CASE(unreadable_value_line_is_an_error_not_the_default) {
    auto r = run_one(kLeaf + "      equals: 1\n", host_from("REGEDIT4\n[HKLM\\S\\K]\n\"V\"=dword:123456789\n"));
    BOOST_TEST(to_string(r.status) == "error");
    BOOST_TEST(r.evidence[0].where.str() == "h.reg:3:1");
}

BOOST_AUTO_TEST_CASE(all_over_unknown_is_unknown_and_false_decides) {
    // One leaf collected and true, the other not collected: not_collected, never pass.
    const std::string two = "      all:\n"
                            "        - registry: {key: 'HKLM\\S\\K', value: V, type: REG_DWORD}\n"
                            "          equals: 0\n"
                            "        - registry: {key: 'HKLM\\T\\K', value: V, type: REG_DWORD}\n"
                            "          equals: 0\n";
    BOOST_TEST(to_string(run_one(two, host_from("REGEDIT4\n[HKLM\\S\\K]\n\"V\"=dword:0\n")).status) == "not_collected");
    BOOST_TEST(to_string(run_one(two, host_from("REGEDIT4\n[HKLM\\S\\K]\n\"V\"=dword:1\n")).status) == "fail");
}

BOOST_AUTO_TEST_CASE(any_true_with_unknown_sibling_is_not_a_pass) {
    const std::string two = "      any:\n"
                            "        - registry: {key: 'HKLM\\S\\K', value: V, type: REG_DWORD}\n"
                            "          equals: 0\n"
                            "        - registry: {key: 'HKLM\\T\\K', value: V, type: REG_DWORD}\n"
                            "          equals: 0\n";
    BOOST_TEST(to_string(run_one(two, host_from("REGEDIT4\n[HKLM\\S\\K]\n\"V\"=dword:0\n")).status) == "not_collected");
}

BOOST_AUTO_TEST_SUITE_END()
