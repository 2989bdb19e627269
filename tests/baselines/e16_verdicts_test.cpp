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
               "ExchangeServer.MitigationsEnabled (all) = SOLO-E16A: MitigationsEnabled = true; "
               "OrganizationConfig (count >= 1) = SoloORG; ExchangeServer (count >= 1) = SOLO-E16A");
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
    BOOST_TEST(r.observed == "OrganizationConfig.EnableDownloadDomains (all) = SoloORG: EnableDownloadDomains = false; "
                             "OrganizationConfig (count >= 1) = SoloORG");
    BOOST_TEST(at(evidence(r, "OrganizationConfig.EnableDownloadDomains (all)")) == "GetOrganizationConfig.xml:837");
}

// SMB-01 reads Get-SmbServerConfiguration first and the registry only without it
// (`first_collected`); E16 has the cmdlet export with EnableSMB1Protocol true.
BOOST_AUTO_TEST_CASE(smb01_fails_with_smb1_enabled_in_the_server_configuration) {
    const Result r = e16("SMB-01");
    BOOST_TEST(to_string(r.status) == "fail");
    BOOST_REQUIRE(r.evidence.size() == 2u);  // the registry alternative is not read (2: the not-empty guard)
    const auto& smb1 = evidence(r, "Get-SmbServerConfiguration.EnableSMB1Protocol (all)");
    BOOST_TEST(smb1.observed == "MSFT_SmbServerConfiguration: EnableSMB1Protocol = true");
    BOOST_TEST(at(smb1) == "GetSmbServerConfiguration.xml:27");
}

// §6.1: the server half is true (from the cmdlet), the client half is not collected.
BOOST_AUTO_TEST_CASE(smb03_is_not_collected_only_for_the_client_half) {
    const Result r = e16("SMB-03");
    BOOST_TEST(to_string(r.status) == "not_collected");
    const auto& server = evidence(r, "Get-SmbServerConfiguration.RequireSecuritySignature (all)");
    BOOST_TEST(server.observed == "MSFT_SmbServerConfiguration: RequireSecuritySignature = true");
    BOOST_TEST(at(server) == "GetSmbServerConfiguration.xml:43");
    BOOST_TEST(evidence(r, "LanmanWorkstation\\Parameters\\RequireSecuritySignature").observed == "not collected");
    BOOST_TEST(evidence(r, "Get-SmbClientConfiguration.RequireSecuritySignature (all)").observed == "not collected");
    BOOST_TEST(r.message ==
               "Evidence missing from the bundle: no alternative of first_collected was collected (no export of "
               "Get-SmbClientConfiguration objects is in the bundle).");
}

// The TLS and .NET rows come from HealthChecker's TLS settings object
// (OS/GetAllTlsSettings.xml), which the bundle loader maps into the registry model.

const std::string kFromObject = " (from HealthChecker TLS settings object)";

BOOST_AUTO_TEST_CASE(tls02_fails_with_tls10_server_enabled_1_and_the_client_at_its_enabled_default) {
    const Result r = e16("TLS-02");
    BOOST_TEST(to_string(r.status) == "fail");
    const auto& server = evidence(r, "TLS 1.0\\Server\\Enabled");
    BOOST_TEST(server.observed == "REG_DWORD 1 (0x1)" + kFromObject);
    BOOST_TEST(at(server) == "GetAllTlsSettings.xml:70");  // mapped by key 1.0, not by its TLS 1.2 path
    const auto& client = evidence(r, "TLS 1.0\\Client\\Enabled");
    BOOST_TEST(client.observed == "absent (OS default 1 assumed)" + kFromObject);
    BOOST_TEST(at(client) == "GetAllTlsSettings.xml:75");
}

BOOST_AUTO_TEST_CASE(tls03_fails_with_tls11_server_enabled_1) {
    const Result r = e16("TLS-03");
    BOOST_TEST(to_string(r.status) == "fail");
    BOOST_TEST(evidence(r, "TLS 1.1\\Server\\Enabled").observed == "REG_DWORD 1 (0x1)" + kFromObject);
    BOOST_TEST(at(evidence(r, "TLS 1.1\\Server\\Enabled")) == "GetAllTlsSettings.xml:24");
    BOOST_TEST(at(evidence(r, "TLS 1.1\\Client\\Enabled")) == "GetAllTlsSettings.xml:29");
}

BOOST_AUTO_TEST_CASE(tls04_passes_with_tls12_server_on_and_the_client_at_its_default) {
    const Result r = e16("TLS-04");
    BOOST_TEST(to_string(r.status) == "pass");
    BOOST_TEST(r.default_assumed);
    BOOST_TEST(evidence(r, "TLS 1.2\\Server\\Enabled").observed == "REG_DWORD 1 (0x1)" + kFromObject);
    BOOST_TEST(at(evidence(r, "TLS 1.2\\Server\\Enabled")) == "GetAllTlsSettings.xml:47");
    BOOST_TEST(evidence(r, "TLS 1.2\\Server\\DisabledByDefault").observed == "REG_DWORD 0 (0x0)" + kFromObject);
    BOOST_TEST(at(evidence(r, "TLS 1.2\\Server\\DisabledByDefault")) == "GetAllTlsSettings.xml:49");
    BOOST_TEST(evidence(r, "TLS 1.2\\Client\\Enabled").observed == "absent (OS default 1 assumed)" + kFromObject);
    BOOST_TEST(at(evidence(r, "TLS 1.2\\Client\\Enabled")) == "GetAllTlsSettings.xml:52");
}

BOOST_AUTO_TEST_CASE(tls06_fails_because_client_values_and_tls10_server_disabledbydefault_are_not_explicit) {
    const Result r = e16("TLS-06");
    BOOST_TEST(to_string(r.status) == "fail");
    const auto& dbd = evidence(r, "TLS 1.0\\Server\\DisabledByDefault");
    BOOST_TEST(dbd.observed == "absent" + kFromObject);
    BOOST_TEST(at(dbd) == "GetAllTlsSettings.xml:72");
    BOOST_TEST(evidence(r, "TLS 1.2\\Client\\DisabledByDefault").observed == "absent" + kFromObject);
    BOOST_TEST(at(evidence(r, "TLS 1.2\\Client\\DisabledByDefault")) == "GetAllTlsSettings.xml:54");
}

// The object has no Ciphers keys, so the registry alternative is not collected and
// the cipher-suite list decides.
BOOST_AUTO_TEST_CASE(tls07_fails_on_3des_in_the_cipher_suite_list) {
    const Result r = e16("TLS-07");
    BOOST_TEST(to_string(r.status) == "fail");
    BOOST_TEST(evidence(r, "Ciphers\\RC4 128/128\\Enabled").observed == "not collected");
    const auto& suites = evidence(r, "Get-TlsCipherSuite.Name (none)");
    BOOST_TEST(suites.observed ==
               "12 items, 1 satisfied; not met: TLS_RSA_WITH_3DES_EDE_CBC_SHA: Name = 'TLS_RSA_WITH_3DES_EDE_CBC_SHA'");
    BOOST_TEST(at(suites) == "GetAllTlsSettings.xml:444");
}

BOOST_AUTO_TEST_CASE(net01_fails_with_every_net4_value_nil_in_both_views) {
    const Result r = e16("NET-01");
    BOOST_TEST(to_string(r.status) == "fail");
    BOOST_REQUIRE(r.evidence.size() == 4u);
    for (const auto& e : r.evidence) BOOST_TEST(e.observed == "absent" + kFromObject, e.locator);
    BOOST_TEST(at(evidence(r, "Microsoft\\.NETFramework\\v4.0.30319\\SystemDefaultTlsVersions")) ==
               "GetAllTlsSettings.xml:98");
    BOOST_TEST(at(evidence(r, "WOW6432Node\\Microsoft\\.NETFramework\\v4.0.30319\\SchUseStrongCrypto")) ==
               "GetAllTlsSettings.xml:105");
}

BOOST_AUTO_TEST_CASE(net02_fails_with_every_net2_value_nil) {
    const Result r = e16("NET-02");
    BOOST_TEST(to_string(r.status) == "fail");
    BOOST_REQUIRE(r.evidence.size() == 4u);
    for (const auto& e : r.evidence) BOOST_TEST(e.observed == "absent" + kFromObject, e.locator);
    BOOST_TEST(at(evidence(r, "Microsoft\\.NETFramework\\v2.0.50727\\SystemDefaultTlsVersions")) ==
               "GetAllTlsSettings.xml:119");
    BOOST_TEST(at(evidence(r, "WOW6432Node\\Microsoft\\.NETFramework\\v2.0.50727\\SchUseStrongCrypto")) ==
               "GetAllTlsSettings.xml:126");
}

// Not in the object (SSL 2.0/3.0 keys): no OS default is assumed for them.
BOOST_AUTO_TEST_CASE(tls01_stays_not_collected_because_the_object_lists_no_ssl_keys) {
    BOOST_TEST(to_string(e16("TLS-01").status) == "not_collected");
}

BOOST_AUTO_TEST_SUITE_END()
