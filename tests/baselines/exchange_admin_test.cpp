// The built-in baseline exchange-admin (EAC-01/02, AUTH-01..05) on the CLIXML bundles
// of tests/data/fixtures/admin/ (README there); AUTH-04 is manual.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "baselines/check_fixture.hpp"
#include "hardcheck/evaluate.hpp"

using namespace hardcheck;
using hardcheck::test::CheckCase;

namespace {

const CheckCase kCases[] = {
    {"exchange-admin", "EAC-01", "admin/pass", Status::pass,
     "ADEcpVirtualDirectory where (Name equals ecp (Default Web Site)) (count >= 1) = ecp (Default Web Site); ADEcpVirtualDirectory where (Name equals ecp (Default Web Site)).AdminEnabled (all) = ecp (Default Web Site): AdminEnabled = false",
     "GetEcpVirtualDirectory.xml:2"},
    {"exchange-admin", "EAC-01", "admin/fail", Status::fail,
     "ADEcpVirtualDirectory where (Name equals ecp (Default Web Site)) (count >= 1) = ecp (Default Web Site); ADEcpVirtualDirectory where (Name equals ecp (Default Web Site)).AdminEnabled (all) = ecp (Default Web Site): AdminEnabled = true",
     "GetEcpVirtualDirectory.xml:2"},
    {"exchange-admin", "EAC-01", "admin/missing", Status::not_collected,
     "ADEcpVirtualDirectory where (Name equals ecp (Default Web Site)) (count >= 1) = not collected; ADEcpVirtualDirectory where (Name equals ecp (Default Web Site)).AdminEnabled (all) = not collected",
     ""},
    // admin_networks defaults to none: the rules of admin/pass only pass once a profile
    // names the admin networks (eac02_passes_when_the_profile_names_the_admin_networks).
    {"exchange-admin", "EAC-02", "admin/pass", Status::fail,
     "ClientAccessRule where (Enabled equals true and Action equals DenyAccess and AnyOfProtocols contains ExchangeAdminCenter and not (ExceptAnyOfClientIPAddressesOrRanges empty)) (count >= 1) = Restrict EAC; ClientAccessRule where (Enabled equals true and Action equals DenyAccess and AnyOfProtocols contains RemotePowerShell and not (ExceptAnyOfClientIPAddressesOrRanges empty)) (count >= 1) = Restrict Remote PowerShell; ClientAccessRule where (Enabled equals true and Action equals DenyAccess).ExceptAnyOfClientIPAddressesOrRanges[*] (all) = Restrict EAC: ExceptAnyOfClientIPAddressesOrRanges[*] = '10.10.5.0/24', Restrict Remote PowerShell: ExceptAnyOfClientIPAddressesOrRanges[*] = '10.10.5.0/24', Restrict Remote PowerShell: ExceptAnyOfClientIPAddressesOrRanges[*] = '10.10.5.20'; ClientAccessRule where (Enabled equals true and Action equals AllowAccess).AnyOfProtocols[*] (none) = no items",
     "GetClientAccessRule.xml:2"},
    {"exchange-admin", "EAC-02", "admin/fail", Status::fail,
     "ClientAccessRule where (Enabled equals true and Action equals DenyAccess and AnyOfProtocols contains ExchangeAdminCenter and not (ExceptAnyOfClientIPAddressesOrRanges empty)) (count >= 1) = Restrict EAC; ClientAccessRule where (Enabled equals true and Action equals DenyAccess and AnyOfProtocols contains RemotePowerShell and not (ExceptAnyOfClientIPAddressesOrRanges empty)) (count >= 1) = no items; ClientAccessRule where (Enabled equals true and Action equals DenyAccess).ExceptAnyOfClientIPAddressesOrRanges[*] (all) = Restrict EAC: ExceptAnyOfClientIPAddressesOrRanges[*] = '0.0.0.0/0'; ClientAccessRule where (Enabled equals true and Action equals AllowAccess).AnyOfProtocols[*] (none) = Always Allow Remote PowerShell: AnyOfProtocols[*] = 'RemotePowerShell'",
     "GetClientAccessRule.xml:45"},
    {"exchange-admin", "EAC-02", "admin/missing", Status::not_collected,
     "ClientAccessRule where (Enabled equals true and Action equals DenyAccess and AnyOfProtocols contains ExchangeAdminCenter and not (ExceptAnyOfClientIPAddressesOrRanges empty)) (count >= 1) = not collected; ClientAccessRule where (Enabled equals true and Action equals DenyAccess and AnyOfProtocols contains RemotePowerShell and not (ExceptAnyOfClientIPAddressesOrRanges empty)) (count >= 1) = not collected; ClientAccessRule where (Enabled equals true and Action equals DenyAccess).ExceptAnyOfClientIPAddressesOrRanges[*] (all) = not collected; ClientAccessRule where (Enabled equals true and Action equals AllowAccess).AnyOfProtocols[*] (none) = not collected",
     ""},
    {"exchange-admin", "AUTH-01", "admin/pass", Status::pass,
     "OrganizationConfig.OAuth2ClientProfileEnabled (all) = Contoso: OAuth2ClientProfileEnabled = true; AuthServer where (Enabled equals true and IsDefaultAuthorizationEndpoint equals true) (count >= 1) = EvoSts - 3c6b1d21-6f8d-4e2b-9a3c-1f4c2e8d5b71; OrganizationConfig (count >= 1) = Contoso",
     "GetOrganizationConfig.xml:14"},
    {"exchange-admin", "AUTH-01", "admin/fail", Status::fail,
     "OrganizationConfig.OAuth2ClientProfileEnabled (all) = Contoso: OAuth2ClientProfileEnabled = false; AuthServer where (Enabled equals true and IsDefaultAuthorizationEndpoint equals true) (count >= 1) = no items; OrganizationConfig (count >= 1) = Contoso",
     "GetOrganizationConfig.xml:14"},
    {"exchange-admin", "AUTH-01", "admin/missing", Status::not_collected,
     "OrganizationConfig.OAuth2ClientProfileEnabled (all) = not collected; AuthServer where (Enabled equals true and IsDefaultAuthorizationEndpoint equals true) (count >= 1) = not collected; OrganizationConfig (count >= 1) = not collected",
     ""},
    {"exchange-admin", "AUTH-02", "admin/pass", Status::pass,
     "ADEcpVirtualDirectory where (Name like * (Default Web Site)) (count >= 1) = ecp (Default Web Site); ADOwaVirtualDirectory where (Name like * (Default Web Site)) (count >= 1) = owa (Default Web Site); ADEcpVirtualDirectory where (Name like * (Default Web Site)).OAuthAuthentication (all) = ecp (Default Web Site): OAuthAuthentication = true; ADEcpVirtualDirectory where (Name like * (Default Web Site)).AdfsAuthentication (all) = ecp (Default Web Site): AdfsAuthentication = false; ADOwaVirtualDirectory where (Name like * (Default Web Site)).OAuthAuthentication (all) = owa (Default Web Site): OAuthAuthentication = true; ADOwaVirtualDirectory where (Name like * (Default Web Site)).AdfsAuthentication (all) = owa (Default Web Site): AdfsAuthentication = false; ADEcpVirtualDirectory where (Name like * (Default Web Site)).FormsAuthentication (all) = ecp (Default Web Site): FormsAuthentication = false; ADEcpVirtualDirectory where (Name like * (Default Web Site)).BasicAuthentication (all) = ecp (Default Web Site): BasicAuthentication = false; ADOwaVirtualDirectory where (Name like * (Default Web Site)).FormsAuthentication (all) = owa (Default Web Site): FormsAuthentication = false; ADOwaVirtualDirectory where (Name like * (Default Web Site)).BasicAuthentication (all) = owa (Default Web Site): BasicAuthentication = false",
     "GetEcpVirtualDirectory.xml:2"},
    {"exchange-admin", "AUTH-02", "admin/fail", Status::fail,
     "ADEcpVirtualDirectory where (Name like * (Default Web Site)) (count >= 1) = ecp (Default Web Site); ADOwaVirtualDirectory where (Name like * (Default Web Site)) (count >= 1) = owa (Default Web Site); ADEcpVirtualDirectory where (Name like * (Default Web Site)).OAuthAuthentication (all) = ecp (Default Web Site): OAuthAuthentication = false; ADEcpVirtualDirectory where (Name like * (Default Web Site)).AdfsAuthentication (all) = ecp (Default Web Site): AdfsAuthentication = false; ADOwaVirtualDirectory where (Name like * (Default Web Site)).OAuthAuthentication (all) = owa (Default Web Site): OAuthAuthentication = false; ADOwaVirtualDirectory where (Name like * (Default Web Site)).AdfsAuthentication (all) = owa (Default Web Site): AdfsAuthentication = false; ADEcpVirtualDirectory where (Name like * (Default Web Site)).FormsAuthentication (all) = ecp (Default Web Site): FormsAuthentication = true; ADEcpVirtualDirectory where (Name like * (Default Web Site)).BasicAuthentication (all) = ecp (Default Web Site): BasicAuthentication = true; ADOwaVirtualDirectory where (Name like * (Default Web Site)).FormsAuthentication (all) = owa (Default Web Site): FormsAuthentication = true; ADOwaVirtualDirectory where (Name like * (Default Web Site)).BasicAuthentication (all) = owa (Default Web Site): BasicAuthentication = true",
     "GetEcpVirtualDirectory.xml:2"},
    {"exchange-admin", "AUTH-02", "admin/missing", Status::not_collected,
     "ADEcpVirtualDirectory where (Name like * (Default Web Site)) (count >= 1) = not collected; ADOwaVirtualDirectory where (Name like * (Default Web Site)) (count >= 1) = not collected; ADEcpVirtualDirectory where (Name like * (Default Web Site)).OAuthAuthentication (all) = not collected; ADEcpVirtualDirectory where (Name like * (Default Web Site)).AdfsAuthentication (all) = not collected; ADOwaVirtualDirectory where (Name like * (Default Web Site)).OAuthAuthentication (all) = not collected; ADOwaVirtualDirectory where (Name like * (Default Web Site)).AdfsAuthentication (all) = not collected; ADEcpVirtualDirectory where (Name like * (Default Web Site)).FormsAuthentication (all) = not collected; ADEcpVirtualDirectory where (Name like * (Default Web Site)).BasicAuthentication (all) = not collected; ADOwaVirtualDirectory where (Name like * (Default Web Site)).FormsAuthentication (all) = not collected; ADOwaVirtualDirectory where (Name like * (Default Web Site)).BasicAuthentication (all) = not collected",
     ""},
    {"exchange-admin", "AUTH-03", "admin/pass", Status::pass,
     "OrganizationConfig.DefaultAuthenticationPolicy (all) = Contoso: DefaultAuthenticationPolicy = 'Block Basic'; AuthenticationPolicy (count >= 1) = Block Basic; AuthenticationPolicy.BlockLegacyAuthActiveSync (all) = Block Basic: BlockLegacyAuthActiveSync = true; AuthenticationPolicy.BlockLegacyAuthAutodiscover (all) = Block Basic: BlockLegacyAuthAutodiscover = true; AuthenticationPolicy.BlockLegacyAuthImap (all) = Block Basic: BlockLegacyAuthImap = true; AuthenticationPolicy.BlockLegacyAuthMapi (all) = Block Basic: BlockLegacyAuthMapi = true; AuthenticationPolicy.BlockLegacyAuthOfflineAddressBook (all) = Block Basic: BlockLegacyAuthOfflineAddressBook = true; AuthenticationPolicy.BlockLegacyAuthPop (all) = Block Basic: BlockLegacyAuthPop = true; AuthenticationPolicy.BlockLegacyAuthRpc (all) = Block Basic: BlockLegacyAuthRpc = true; AuthenticationPolicy.BlockLegacyAuthWebServices (all) = Block Basic: BlockLegacyAuthWebServices = true",
     "GetOrganizationConfig.xml:15"},
    {"exchange-admin", "AUTH-03", "admin/fail", Status::fail,
     "OrganizationConfig.DefaultAuthenticationPolicy (all) = Contoso: DefaultAuthenticationPolicy = null; AuthenticationPolicy (count >= 1) = Block POP and IMAP; AuthenticationPolicy.BlockLegacyAuthActiveSync (all) = Block POP and IMAP: BlockLegacyAuthActiveSync = false; AuthenticationPolicy.BlockLegacyAuthAutodiscover (all) = Block POP and IMAP: BlockLegacyAuthAutodiscover = false; AuthenticationPolicy.BlockLegacyAuthImap (all) = Block POP and IMAP: BlockLegacyAuthImap = true; AuthenticationPolicy.BlockLegacyAuthMapi (all) = Block POP and IMAP: BlockLegacyAuthMapi = false; AuthenticationPolicy.BlockLegacyAuthOfflineAddressBook (all) = Block POP and IMAP: BlockLegacyAuthOfflineAddressBook = false; AuthenticationPolicy.BlockLegacyAuthPop (all) = Block POP and IMAP: BlockLegacyAuthPop = true; AuthenticationPolicy.BlockLegacyAuthRpc (all) = Block POP and IMAP: BlockLegacyAuthRpc = false; AuthenticationPolicy.BlockLegacyAuthWebServices (all) = Block POP and IMAP: BlockLegacyAuthWebServices = false",
     "GetOrganizationConfig.xml:15"},
    {"exchange-admin", "AUTH-03", "admin/missing", Status::not_collected,
     "OrganizationConfig.DefaultAuthenticationPolicy (all) = not collected; AuthenticationPolicy (count >= 1) = not collected; AuthenticationPolicy.BlockLegacyAuthActiveSync (all) = not collected; AuthenticationPolicy.BlockLegacyAuthAutodiscover (all) = not collected; AuthenticationPolicy.BlockLegacyAuthImap (all) = not collected; AuthenticationPolicy.BlockLegacyAuthMapi (all) = not collected; AuthenticationPolicy.BlockLegacyAuthOfflineAddressBook (all) = not collected; AuthenticationPolicy.BlockLegacyAuthPop (all) = not collected; AuthenticationPolicy.BlockLegacyAuthRpc (all) = not collected; AuthenticationPolicy.BlockLegacyAuthWebServices (all) = not collected",
     ""},
    {"exchange-admin", "AUTH-05", "admin/pass", Status::pass,
     "fact exchange_build (ExSetup FileVersionInfo FileVersion) = 15.2.2562.53; SettingOverride where (ComponentName equals Global and SectionName equals ExchangeOnpremAsThirdPartyAppId and Status equals Accepted).Parameters[*] (any) = EnableExchangeHybrid3PAppFeature: Parameters[*] = 'Enabled=True'",
     "ExSetup.xml:11"},
    {"exchange-admin", "AUTH-05", "admin/fail", Status::fail,
     "fact exchange_build (ExSetup FileVersionInfo FileVersion) = 15.2.1748.10; SettingOverride where (ComponentName equals Global and SectionName equals ExchangeOnpremAsThirdPartyAppId and Status equals Accepted).Parameters[*] (any) = no items",
     "ExSetup.xml:11"},
    {"exchange-admin", "AUTH-05", "admin/missing", Status::not_collected,
     "fact exchange_build (ExSetup FileVersionInfo FileVersion) = 15.2.2562.53; SettingOverride where (ComponentName equals Global and SectionName equals ExchangeOnpremAsThirdPartyAppId and Status equals Accepted).Parameters[*] (any) = not collected",
     "ExSetup.xml:11"},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(exchange_admin)

BOOST_DATA_TEST_CASE(each_check_gives_its_expected_verdict, boost::unit_test::data::make(kCases), c) {
    hardcheck::test::expect_case(c);
}

BOOST_AUTO_TEST_CASE(eac02_passes_when_the_profile_names_the_admin_networks) {
    const auto baseline = load_baseline(hardcheck::test::source_dir() / "baselines" / "exchange-admin.yaml");
    const auto host = load_host(hardcheck::test::fixture_bundle("admin/pass"), &baseline->needs);
    const Profile profile = load_profile_text("profile: admins\nparameters:\n  admin_networks: ['10.10.5.0/24', '10.10.5.20']\n",
                                              "admins.yaml");
    EvaluateOptions options;
    options.profile = &profile;
    for (const auto& r : evaluate(*baseline, host, options)) {
        if (r.check_id != "EAC-02") continue;
        BOOST_TEST(to_string(r.status) == "pass");
        BOOST_TEST(hardcheck::test::first_location(r) == "GetClientAccessRule.xml:2");
        BOOST_TEST(r.evidence.at(2).observed ==
                   "Restrict EAC: ExceptAnyOfClientIPAddressesOrRanges[*] = '10.10.5.0/24', "
                   "Restrict Remote PowerShell: ExceptAnyOfClientIPAddressesOrRanges[*] = '10.10.5.0/24', "
                   "Restrict Remote PowerShell: ExceptAnyOfClientIPAddressesOrRanges[*] = '10.10.5.20'");
        return;
    }
    BOOST_FAIL("no EAC-02 result");
}

BOOST_AUTO_TEST_CASE(auth04_is_manual_with_the_auth_certificate_renewal_as_guidance) {
    hardcheck::test::expect_manual("exchange-admin", "AUTH-04", "admin/pass", "Renew with MonitorExchangeAuthCertificate.ps1");
}

BOOST_AUTO_TEST_SUITE_END()
