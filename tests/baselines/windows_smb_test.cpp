// The built-in baseline windows-smb (SMB-01, SMB-03; registry halves) on .reg bundles.
#include <boost/test/unit_test.hpp>

#include "baselines/check_fixture.hpp"

using namespace hardcheck;
using hardcheck::test::at;
using hardcheck::test::evidence;
using hardcheck::test::run_check;

namespace {

Result smb(std::string_view id, std::string_view bundle_case) { return run_check("windows-smb", id, bundle_case); }

}  // namespace

BOOST_AUTO_TEST_SUITE(windows_smb)

BOOST_AUTO_TEST_CASE(smb01_passes_when_smb1_is_0) {
    const Result r = smb("SMB-01", "pass");
    BOOST_TEST(to_string(r.status) == "pass");
    BOOST_TEST(evidence(r, "\\SMB1").observed == "REG_DWORD 0 (0x0)");
    BOOST_TEST(at(evidence(r, "\\SMB1")) == "export.reg:4");
}

BOOST_AUTO_TEST_CASE(smb01_fails_when_smb1_is_on) {
    const Result r = smb("SMB-01", "fail");
    BOOST_TEST(to_string(r.status) == "fail");
    BOOST_TEST(evidence(r, "\\SMB1").observed == "REG_DWORD 1 (0x1)");
    BOOST_TEST(at(evidence(r, "\\SMB1")) == "export.reg:4");  // UTF-16LE
}

BOOST_AUTO_TEST_CASE(smb01_fails_when_smb1_is_absent_because_the_registry_cannot_show_the_feature) {
    const Result r = smb("SMB-01", "fail-absent");
    BOOST_TEST(to_string(r.status) == "fail");
    BOOST_TEST(evidence(r, "\\SMB1").observed == "absent");
    BOOST_TEST(at(evidence(r, "\\SMB1")) == "export.reg:3");
}

BOOST_AUTO_TEST_CASE(smb01_is_not_collected_without_the_lanmanserver_export) {
    BOOST_TEST(to_string(smb("SMB-01", "missing").status) == "not_collected");
}

BOOST_AUTO_TEST_CASE(smb03_passes_when_server_and_client_require_signing) {
    const Result r = smb("SMB-03", "pass");
    BOOST_TEST(to_string(r.status) == "pass");
    BOOST_TEST(at(evidence(r, "LanmanWorkstation\\Parameters\\RequireSecuritySignature")) == "export.reg:7");
}

BOOST_AUTO_TEST_CASE(smb03_fails_when_the_client_does_not_require_signing) {
    const Result r = smb("SMB-03", "fail");
    BOOST_TEST(to_string(r.status) == "fail");
    const auto& ws = evidence(r, "LanmanWorkstation\\Parameters\\RequireSecuritySignature");
    BOOST_TEST(ws.observed == "REG_DWORD 0 (0x0)");
    BOOST_TEST(at(ws) == "export.reg:7");
}

// As on the project corpus (E16): the server half is there, the client half is not.
BOOST_AUTO_TEST_CASE(smb03_is_not_collected_when_only_the_server_half_was_exported) {
    const Result r = smb("SMB-03", "missing");
    BOOST_TEST(to_string(r.status) == "not_collected");
    BOOST_TEST(evidence(r, "LanmanServer\\Parameters\\RequireSecuritySignature").observed == "REG_DWORD 1 (0x1)");
    BOOST_TEST(evidence(r, "LanmanWorkstation\\Parameters\\RequireSecuritySignature").observed == "not collected");
}

BOOST_AUTO_TEST_SUITE_END()
