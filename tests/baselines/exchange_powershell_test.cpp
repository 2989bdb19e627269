// The built-in baseline exchange-powershell (WINRM-01..03) on small .reg bundles.
#include <boost/test/unit_test.hpp>

#include "baselines/check_fixture.hpp"

using namespace hardcheck;
using hardcheck::test::at;
using hardcheck::test::evidence;
using hardcheck::test::run_check;

namespace {

Result ps(std::string_view id, std::string_view bundle_case) { return run_check("exchange-powershell", id, bundle_case); }

}  // namespace

BOOST_AUTO_TEST_SUITE(exchange_powershell)

BOOST_AUTO_TEST_CASE(winrm01_passes_with_basic_and_unencrypted_off_by_policy) {
    const Result r = ps("WINRM-01", "pass");
    BOOST_TEST(to_string(r.status) == "pass");
    BOOST_TEST(evidence(r, "Service\\AllowBasic").observed == "REG_DWORD 0 (0x0)");
    BOOST_TEST(at(evidence(r, "Service\\AllowBasic")) == "export.reg:6");
}

BOOST_AUTO_TEST_CASE(winrm01_fails_when_basic_is_allowed) {
    const Result r = ps("WINRM-01", "fail");
    BOOST_TEST(to_string(r.status) == "fail");
    BOOST_TEST(evidence(r, "Service\\AllowBasic").observed == "REG_DWORD 1 (0x1)");
    BOOST_TEST(at(evidence(r, "Service\\AllowBasic")) == "export.reg:4");  // UTF-16LE
}

BOOST_AUTO_TEST_CASE(winrm01_is_not_collected_without_the_winrm_policy_export) {
    BOOST_TEST(to_string(ps("WINRM-01", "missing").status) == "not_collected");
}

BOOST_AUTO_TEST_CASE(winrm02_passes_with_basic_digest_and_unencrypted_off) {
    const Result r = ps("WINRM-02", "pass");
    BOOST_TEST(to_string(r.status) == "pass");
    BOOST_TEST(evidence(r, "Client\\AllowDigest").observed == "REG_DWORD 0 (0x0)");
    BOOST_TEST(at(evidence(r, "Client\\AllowDigest")) == "export.reg:5");
}

BOOST_AUTO_TEST_CASE(winrm02_fails_when_digest_is_left_to_the_client_default) {
    const Result r = ps("WINRM-02", "fail-absent");
    BOOST_TEST(to_string(r.status) == "fail");
    BOOST_TEST(evidence(r, "Client\\AllowDigest").observed == "absent");
    BOOST_TEST(at(evidence(r, "Client\\AllowDigest")) == "export.reg:3");
}

BOOST_AUTO_TEST_CASE(winrm02_is_not_collected_when_only_the_service_policy_was_exported) {
    BOOST_TEST(to_string(ps("WINRM-02", "missing").status) == "not_collected");
}

BOOST_AUTO_TEST_CASE(winrm03_passes_with_script_block_and_all_module_logging) {
    const Result r = ps("WINRM-03", "pass");
    BOOST_TEST(to_string(r.status) == "pass");
    BOOST_TEST(evidence(r, "ModuleNames\\*").observed == "REG_SZ \"*\"");
    BOOST_TEST(at(evidence(r, "ModuleNames\\*")) == "export.reg:9");  // UTF-16LE
    BOOST_TEST(at(evidence(r, "EnableScriptBlockLogging")) == "export.reg:12");
}

BOOST_AUTO_TEST_CASE(winrm03_fails_when_module_logging_does_not_cover_every_module) {
    const Result r = ps("WINRM-03", "fail");
    BOOST_TEST(to_string(r.status) == "fail");
    BOOST_TEST(evidence(r, "ModuleNames\\*").observed == "absent");
    BOOST_TEST(at(evidence(r, "ModuleNames\\*")) == "export.reg:8");
}

BOOST_AUTO_TEST_CASE(winrm03_is_not_collected_without_the_powershell_policy_export) {
    BOOST_TEST(to_string(ps("WINRM-03", "missing").status) == "not_collected");
}

BOOST_AUTO_TEST_SUITE_END()
