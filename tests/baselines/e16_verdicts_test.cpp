// CHECKS.md §6.1: the verdicts an Exchange engineer gives on the project corpus's E16
// export (Exchange 2016 CU22, 15.1.2375.7), from the composite `cisa-exchange-2025`
// run on tests/data/corpus/exchange/E16/ as one host bundle (see SOURCE.md there).
// Rows the current evidence model cannot decide assert what the tool says and why.
#include <boost/test/unit_test.hpp>

#include "baselines/check_fixture.hpp"

using namespace hardcheck;
using hardcheck::test::at;
using hardcheck::test::data_dir;
using hardcheck::test::evidence;
using hardcheck::test::run_check;

namespace {

Result e16(std::string_view id) {
    return run_check("cisa-exchange-2025", id, data_dir() / "corpus" / "exchange" / "E16");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(e16_verdicts)

BOOST_AUTO_TEST_CASE(exv01_fails_because_exchange_2016_is_end_of_life) {
    const Result r = e16("EXV-01");
    BOOST_TEST(to_string(r.status) == "fail");
    BOOST_TEST(r.observed == "fact exchange_line (exchange_build) = 2016");
    BOOST_TEST(at(evidence(r, "fact exchange_line (exchange_build)")) == "ExSetup.xml:17");
}

BOOST_AUTO_TEST_CASE(exv02_fails_because_cu22_is_not_the_latest_cu23) {
    const Result r = e16("EXV-02");
    BOOST_TEST(to_string(r.status) == "fail");
    BOOST_TEST(r.observed == "fact exchange_build (ExSetup FileVersionInfo FileVersion) = 15.1.2375.7");
    BOOST_TEST(at(evidence(r, "(ExSetup FileVersionInfo FileVersion)")) == "ExSetup.xml:17");
}

BOOST_AUTO_TEST_CASE(exv03_fails_because_the_cu22_base_build_has_no_security_update) {
    const Result r = e16("EXV-03");
    BOOST_TEST(to_string(r.status) == "fail");
    BOOST_TEST(r.observed == "fact exchange_build (ExSetup FileVersionInfo FileVersion) = 15.1.2375.7");
}

BOOST_AUTO_TEST_CASE(ep01_fails_with_token_checking_none_on_every_virtual_directory) {
    const Result r = e16("EP-01");
    BOOST_TEST(to_string(r.status) == "fail");
    BOOST_TEST(evidence(r, "(ExSetup FileVersionInfo FileVersion)").observed == "15.1.2375.7");
    const auto& ews = evidence(
        r, "'default web site/ews']/system.webServer/security/authentication/windowsAuthentication/"
           "extendedProtection/@tokenChecking (all)");
    BOOST_TEST(ews.observed == "'None' (line 2132)");
    BOOST_TEST(at(ews) == "applicationHost.config:2132");
    const auto& owa = evidence(
        r, "'default web site/owa']/system.webServer/security/authentication/windowsAuthentication/"
           "extendedProtection/@tokenChecking (all)");
    BOOST_TEST(owa.observed == "absent (default None assumed)");
    BOOST_TEST(owa.default_assumed);
}

BOOST_AUTO_TEST_CASE(eems01_passes_with_mitigations_on_for_organisation_and_server) {
    const Result r = e16("EEMS-01");
    BOOST_TEST(to_string(r.status) == "pass");
    BOOST_TEST(r.observed ==
               "OrganizationConfig.MitigationsEnabled (all) = SoloORG: MitigationsEnabled = true; "
               "ExchangeServer.MitigationsEnabled (all) = SOLO-E16A: MitigationsEnabled = true");
    BOOST_TEST(at(evidence(r, "OrganizationConfig.MitigationsEnabled (all)")) == "GetOrganizationConfig.xml:838");
    BOOST_TEST(at(evidence(r, "ExchangeServer.MitigationsEnabled (all)")) == "GetExchangeServer.xml:176");
}

BOOST_AUTO_TEST_CASE(auth01_fails_with_oauth2_client_profile_off) {
    const Result r = e16("AUTH-01");
    BOOST_TEST(to_string(r.status) == "fail");
    const auto& oauth = evidence(r, "OrganizationConfig.OAuth2ClientProfileEnabled (all)");
    BOOST_TEST(oauth.observed == "SoloORG: OAuth2ClientProfileEnabled = false");
    BOOST_TEST(at(oauth) == "GetOrganizationConfig.xml:361");
}

// §6.1 expects fail (DefaultAuthenticationPolicy Nil), but on-premises authentication
// policies are an Exchange 2019 feature: the check's own applies_when (exchange_build
// version_ge 15.2) excludes 15.1, and an Exchange engineer would not ask a 2016 server
// for a setting it cannot have.  Its end of life is EXV-01's verdict.
BOOST_AUTO_TEST_CASE(auth03_does_not_apply_to_exchange_2016) {
    const Result r = e16("AUTH-03");
    BOOST_TEST(to_string(r.status) == "not_applicable");
    BOOST_TEST(r.observed == "fact exchange_build (ExSetup FileVersionInfo FileVersion) = 15.1.2375.7");
}

BOOST_AUTO_TEST_CASE(dd01_fails_with_download_domains_off) {
    const Result r = e16("DD-01");
    BOOST_TEST(to_string(r.status) == "fail");
    BOOST_TEST(r.observed == "OrganizationConfig.EnableDownloadDomains (all) = SoloORG: EnableDownloadDomains = false");
    BOOST_TEST(at(evidence(r, "OrganizationConfig.EnableDownloadDomains (all)")) == "GetOrganizationConfig.xml:837");
}

// §6.1 expects fail from Get-SmbServerConfiguration's EnableSMB1Protocol true; the
// built-in SMB-01 reads only the registry value LanmanServer\Parameters\SMB1, which
// E16 does not export, so it cannot decide (never a pass).
BOOST_AUTO_TEST_CASE(smb01_is_not_collected_without_the_registry_form) {
    const Result r = e16("SMB-01");
    BOOST_TEST(to_string(r.status) == "not_collected");
    BOOST_TEST(r.observed == "HKLM\\SYSTEM\\CurrentControlSet\\Services\\LanmanServer\\Parameters\\SMB1 = not collected");
}

// §6.1: the client half is not collected.  The server half too, here: the check reads
// RequireSecuritySignature from the registry, not from the cmdlet object.
BOOST_AUTO_TEST_CASE(smb03_is_not_collected_for_lack_of_the_registry_export) {
    const Result r = e16("SMB-03");
    BOOST_TEST(to_string(r.status) == "not_collected");
    BOOST_TEST(evidence(r, "LanmanWorkstation\\Parameters\\RequireSecuritySignature").observed == "not collected");
}

// The TLS and .NET rows (TLS-02/03/04/06/07, NET-01/02) come from HealthChecker's
// GetAllTlsSettings.xml object, which no reader maps into the registry model yet; on
// the bundle they are not collected, and corpus_test.cpp asserts §6.1's verdicts on
// the hand-mapped registry form of the same object.
BOOST_AUTO_TEST_CASE(tls_rows_are_not_collected_without_a_tls_settings_adapter) {
    for (const char* id : {"TLS-02", "TLS-03", "TLS-04", "TLS-06", "TLS-07", "NET-01", "NET-02"})
        BOOST_TEST(to_string(e16(id).status) == "not_collected", id);
}

BOOST_AUTO_TEST_SUITE_END()
