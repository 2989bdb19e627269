// manual_when: a test that does not pass on a host no export can decide becomes
// `manual` with guidance; passes, errors and undecidable hosts are left alone.
#include <boost/test/unit_test.hpp>

#include "eval/eval_fixtures.hpp"

using namespace hardcheck;
using namespace hardcheck::test;

namespace {

std::string current_version(const std::string& build, const std::string& ubr_hex) {
    return "REGEDIT4\n[HKLM\\SOFTWARE]\n[HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion]\n\"CurrentBuild\"=\"" +
           build + "\"\n\"UBR\"=dword:" + ubr_hex + "\n";
}

// WSUS-01's shape: decided by build for 17763, by a person for 9600.
const std::string kFixedBuild =
    "    test:\n"
    "      all:\n"
    "        - {fact: os_build, equals: 17763}\n"
    "        - {fact: ubr, ge: 7922}\n"
    "    manual_when:\n"
    "      test: {fact: os_build, in: [9200, 9600]}\n"
    "      guidance: Look for KB5070886 in the update history.\n";

}  // namespace

BOOST_AUTO_TEST_SUITE(manual_when)

BOOST_AUTO_TEST_CASE(a_host_the_build_table_cannot_decide_is_manual_with_guidance_and_evidence) {
    const Result r = run_check(kFixedBuild, host_with_reg(current_version("9600", "00005000")));
    BOOST_TEST(to_string(r.status) == "manual");
    BOOST_TEST(r.message ==
               "Look for KB5070886 in the update history. Not decided from the export: Not met: fact os_build "
               "equals 17763 (found 9600).");
    BOOST_TEST(r.observed == "fact os_build (HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\CurrentBuild) = 9600; "
               "fact ubr (HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\UBR) = 20480");
    BOOST_REQUIRE(r.evidence.size() == 2u);  // os_build read twice, listed once
    BOOST_TEST(r.evidence[0].where.str() == "h.reg:4:1");
}

BOOST_AUTO_TEST_CASE(a_failing_host_outside_manual_when_still_fails) {
    const Result r = run_check(kFixedBuild, host_with_reg(current_version("17763", "00001ef1")));
    BOOST_TEST(to_string(r.status) == "fail");
    BOOST_TEST(r.observed == "fact os_build (HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\CurrentBuild) = 17763; "
               "fact ubr (HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\UBR) = 7921");
}

BOOST_AUTO_TEST_CASE(a_pass_is_never_turned_into_manual) {
    const std::string body =
        "    test: {fact: os_build, ge: 9200}\n"
        "    manual_when:\n      test: {fact: os_build, in: [9200, 9600]}\n      guidance: Look.\n";
    BOOST_TEST(status_of(body, host_with_reg(current_version("9600", "0"))) == "pass");
}

BOOST_AUTO_TEST_CASE(missing_evidence_for_manual_when_keeps_the_tests_status) {
    // No CurrentVersion key: the test is not collected and manual_when cannot say.
    const Result r = run_check(kFixedBuild, host_with_reg("REGEDIT4\n[HKLM\\SYSTEM]\n"));
    BOOST_TEST(to_string(r.status) == "not_collected");
}

BOOST_AUTO_TEST_CASE(not_collected_on_a_host_manual_when_names_is_manual) {
    // The build is known (9600) but UBR was not exported.
    const std::string body =
        "    test: {fact: ubr, ge: 7922}\n"
        "    manual_when:\n      test: {fact: os_build, in: [9200, 9600]}\n      guidance: Look.\n";
    const auto host = host_with_reg(
        "REGEDIT4\n[HKLM\\SOFTWARE]\n[HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion]\n\"CurrentBuild\"=\"9600\"\n");
    BOOST_TEST(status_of(body, host) == "manual");
}

BOOST_AUTO_TEST_CASE(malformed_evidence_stays_an_error) {
    const std::string body =
        "    test:\n      registry: {key: 'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion', value: UBR, type: REG_SZ}\n"
        "      equals: x\n"
        "    manual_when:\n      test: {fact: os_build, in: [9200, 9600]}\n      guidance: Look.\n";
    BOOST_TEST(status_of(body, host_with_reg(current_version("9600", "0"))) == "error");
}

BOOST_AUTO_TEST_CASE(manual_when_needs_test_and_guidance) {
    const auto errors = load_errors(
        "id: b\ntitle: B\nversion: '1'\nchecks:\n  - id: C-1\n    title: t\n    severity: high\n"
        "    test: {fact: host, exists: true}\n"
        "    manual_when:\n      guidance: Look.\n      when: x\n");
    BOOST_REQUIRE(errors.size() == 2u);
    BOOST_TEST(errors[0] == "b.yaml:10:7: error: 'manual_when' is missing required field 'test'");
    BOOST_TEST(errors[1] == "b.yaml:11:7: error: unknown key 'when' in 'manual_when'");
}

BOOST_AUTO_TEST_SUITE_END()
