// The built-in baseline windows-smb (SMB-01, SMB-03): cmdlet export first, registry
// as fallback (first_collected).
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

// Hand-written: the cmdlet says SMBv1 on and signing required, the registry the
// opposite.  The cmdlet is the evidence (CHECKS.md SMB-01/03), so it decides and
// the registry alternative is not read.
BOOST_AUTO_TEST_CASE(smb01_reads_the_server_configuration_before_the_registry) {
    const Result r = smb("SMB-01", "cmdlet-over-registry");
    BOOST_TEST(to_string(r.status) == "fail");
    BOOST_REQUIRE(r.evidence.size() == 2u);  // the value and the not-empty guard
    BOOST_TEST(r.evidence[0].observed == "MSFT_SmbServerConfiguration: EnableSMB1Protocol = true");
    BOOST_TEST(at(r.evidence[0]) == "GetSmbServerConfiguration.xml:11");
}

BOOST_AUTO_TEST_CASE(smb03_server_half_reads_the_server_configuration_before_the_registry) {
    const Result r = run_check("windows-smb", "SMB-03", hardcheck::test::check_bundle("SMB-01", "cmdlet-over-registry"));
    BOOST_TEST(to_string(r.status) == "not_collected");  // no client export of either kind
    BOOST_REQUIRE(r.evidence.size() == 5u);  // each half: its value and the not-empty guard
    BOOST_TEST(r.evidence[0].observed == "MSFT_SmbServerConfiguration: RequireSecuritySignature = true");
    BOOST_TEST(at(r.evidence[0]) == "GetSmbServerConfiguration.xml:12");
}

// The client half likewise: Get-SmbClientConfiguration says signing is not required,
// the registry that it is; the cmdlet decides.
BOOST_AUTO_TEST_CASE(smb03_client_half_reads_the_client_configuration_before_the_registry) {
    const Result r = smb("SMB-03", "client-cmdlet");
    BOOST_TEST(to_string(r.status) == "fail");
    const auto& client = evidence(r, "Get-SmbClientConfiguration.RequireSecuritySignature (all)");
    BOOST_TEST(client.observed == "MSFT_SmbClientConfiguration: RequireSecuritySignature = false");
    BOOST_TEST(at(client) == "GetSmbClientConfiguration.xml:12");
    BOOST_TEST(evidence(r, "LanmanServer\\Parameters\\RequireSecuritySignature").observed == "REG_DWORD 1 (0x1)");
}

// Without the cmdlet export the registry decides; both missing is not collected.
BOOST_AUTO_TEST_CASE(smb01_falls_back_to_the_registry_and_keeps_the_missing_cmdlet_as_evidence) {
    const Result r = smb("SMB-01", "pass");
    BOOST_REQUIRE(r.evidence.size() == 3u);
    BOOST_TEST(r.evidence[0].locator == "Get-SmbServerConfiguration.EnableSMB1Protocol (all)");
    BOOST_TEST(r.evidence[0].observed == "not collected");
    const Result missing = smb("SMB-01", "missing");
    BOOST_TEST(missing.message ==
               "Evidence missing from the bundle: no alternative of first_collected was collected (no export of "
               "Get-SmbServerConfiguration objects is in the bundle).");
}

BOOST_AUTO_TEST_SUITE_END()
