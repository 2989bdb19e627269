// The built-in baseline wsus (WSUS-02) on small .reg bundles, including a host that
// positively is not a WSUS server.
#include <boost/test/unit_test.hpp>

#include "baselines/check_fixture.hpp"

using namespace hardcheck;
using hardcheck::test::at;
using hardcheck::test::evidence;
using hardcheck::test::run_check;

namespace {

Result wsus(std::string_view id, std::string_view bundle_case) { return run_check("wsus", id, bundle_case); }

}  // namespace

BOOST_AUTO_TEST_SUITE(wsus_registry)

BOOST_AUTO_TEST_CASE(wsus02_passes_when_using_ssl_is_1) {
    const Result r = wsus("WSUS-02", "pass");
    BOOST_TEST(to_string(r.status) == "pass");
    BOOST_TEST(evidence(r, "UsingSSL").observed == "REG_DWORD 1 (0x1)");
    BOOST_TEST(at(evidence(r, "UsingSSL")) == "export.reg:10");  // UTF-16LE
}

BOOST_AUTO_TEST_CASE(wsus02_fails_when_using_ssl_is_0) {
    const Result r = wsus("WSUS-02", "fail");
    BOOST_TEST(to_string(r.status) == "fail");
    BOOST_TEST(evidence(r, "UsingSSL").observed == "REG_DWORD 0 (0x0)");
    BOOST_TEST(at(evidence(r, "UsingSSL")) == "export.reg:10");
}

BOOST_AUTO_TEST_CASE(wsus02_fails_when_using_ssl_is_absent_even_with_a_port_number) {
    const Result r = wsus("WSUS-02", "fail-absent");
    BOOST_TEST(to_string(r.status) == "fail");
    BOOST_TEST(evidence(r, "UsingSSL").observed == "absent");
    BOOST_TEST(at(evidence(r, "UsingSSL")) == "export.reg:7");
}

BOOST_AUTO_TEST_CASE(wsus02_does_not_apply_when_the_exported_software_hive_has_no_wsus_setup) {
    const Result r = wsus("WSUS-02", "not-applicable");
    BOOST_TEST(to_string(r.status) == "not_applicable");
    BOOST_TEST(evidence(r, "Setup\\TargetDir").observed == "absent");
    BOOST_TEST(at(evidence(r, "Setup\\TargetDir")) == "export.reg:3");
}

BOOST_AUTO_TEST_CASE(wsus02_is_not_collected_when_the_wsus_key_was_not_exported) {
    const Result r = wsus("WSUS-02", "missing");
    BOOST_TEST(to_string(r.status) == "not_collected");
    BOOST_TEST(evidence(r, "Setup\\TargetDir").observed == "not collected");
}

BOOST_AUTO_TEST_SUITE_END()
