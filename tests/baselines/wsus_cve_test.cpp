// WSUS-01 of the built-in baseline wsus-cve-2025-59287 on .reg bundles.  Needs branch
// `lang` (facts wsus_server, os_build, ubr): register this file in tests/CMakeLists.txt
// (builtin_baseline_tests) when `lang` is merged.
#include <boost/test/unit_test.hpp>

#include "baselines/check_fixture.hpp"

using namespace hardcheck;
using hardcheck::test::at;
using hardcheck::test::evidence;
using hardcheck::test::run_check;

namespace {

Result wsus01(std::string_view bundle_case) { return run_check("wsus-cve-2025-59287", "WSUS-01", bundle_case); }

}  // namespace

BOOST_AUTO_TEST_SUITE(wsus_cve_2025_59287)

BOOST_AUTO_TEST_CASE(wsus01_passes_on_ws2022_at_the_fixed_ubr) {
    const Result r = wsus01("pass");
    BOOST_TEST(to_string(r.status) == "pass");
    BOOST_TEST(r.observed.find("4297") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(wsus01_passes_on_a_later_cumulative_update) {
    BOOST_TEST(to_string(wsus01("pass-later-cu").status) == "pass");
}

BOOST_AUTO_TEST_CASE(wsus01_fails_on_the_ws2025_october_20_look_alike_build) {
    const Result r = wsus01("fail");
    BOOST_TEST(to_string(r.status) == "fail");
    BOOST_TEST(r.observed.find("6901") != std::string::npos);
}

// CHECKS.md WSUS-01 decision order (3): no fixed UBR is confirmed for 2012 R2, so a
// person looks for the KB; neither a pass nor an accusation.
BOOST_AUTO_TEST_CASE(wsus01_is_manual_on_ws2012r2_where_no_fixed_ubr_is_known) {
    const Result r = wsus01("manual-ws2012r2");
    BOOST_TEST(to_string(r.status) == "manual");
    BOOST_TEST(r.message.starts_with("No fixed build is confirmed for Windows Server 2012 and 2012 R2"));
    BOOST_TEST(r.message.find("KB5070886 (2012 R2)") != std::string::npos);
    BOOST_TEST(evidence(r, "\\CurrentVersion\\CurrentBuild)").observed == "9600");
    BOOST_TEST(at(evidence(r, "\\CurrentVersion\\CurrentBuild)")) == "export.reg:13");
}

BOOST_AUTO_TEST_CASE(wsus01_does_not_apply_without_the_wsus_setup_key) {
    BOOST_TEST(to_string(wsus01("not-applicable").status) == "not_applicable");
}

BOOST_AUTO_TEST_CASE(wsus01_is_not_collected_without_the_currentversion_export) {
    BOOST_TEST(to_string(wsus01("missing").status) == "not_collected");
}

BOOST_AUTO_TEST_SUITE_END()
