// The built-in baseline exchange-protections (AMSI-01..03, SER-01/02, HSTS-01/02,
// DD-01/02) on the bundles of tests/data/fixtures/protections/ (README there).
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "baselines/check_fixture.hpp"

using namespace hardcheck;
using hardcheck::test::CheckCase;

namespace {

const CheckCase kCases[] = {
    {"exchange-protections", "AMSI-01", "protections/pass", Status::pass,
     "SettingOverride where (not (ComponentName exists) or not (SectionName exists) or not (Status exists) or not (Parameters exists)) (count <= 0) = no items; SettingOverride where (ComponentName equals Cafe and SectionName equals HttpRequestFiltering and Status equals Accepted).Parameters[*] (none) = no items",
     "GetSettingOverride.xml:0"},
    {"exchange-protections", "AMSI-01", "protections/fail", Status::fail,
     "SettingOverride where (not (ComponentName exists) or not (SectionName exists) or not (Status exists) or not (Parameters exists)) (count <= 0) = no items; SettingOverride where (ComponentName equals Cafe and SectionName equals HttpRequestFiltering and Status equals Accepted).Parameters[*] (none) = Disable AMSI: Parameters[*] = 'Enabled=False'",
     "GetSettingOverride.xml:0"},
    {"exchange-protections", "AMSI-01", "protections/missing", Status::not_collected,
     "SettingOverride where (not (ComponentName exists) or not (SectionName exists) or not (Status exists) or not (Parameters exists)) (count <= 0) = not collected; SettingOverride where (ComponentName equals Cafe and SectionName equals HttpRequestFiltering and Status equals Accepted).Parameters[*] (none) = not collected",
     ""},
    // Overrides exported without ComponentName/SectionName/Status matched no filter and
    // passed before the completeness leaf was added.
    {"exchange-protections", "AMSI-01", "protections/fail-trimmed-overrides", Status::fail,
     "SettingOverride where (not (ComponentName exists) or not (SectionName exists) or not (Status exists) or not (Parameters exists)) (count <= 0) = Disable AMSI; SettingOverride where (ComponentName equals Cafe and SectionName equals HttpRequestFiltering and Status equals Accepted).Parameters[*] (none) = no items",
     "GetSettingOverride.xml:2"},
    // An empty Get-SettingOverride export (a server without overrides) has no type
    // name; its file name makes it an empty SettingOverride collection: nothing
    // disables AMSI, a real pass with the file as provenance.
    {"exchange-protections", "AMSI-01", "protections/empty-override-export", Status::pass,
     "SettingOverride where (not (ComponentName exists) or not (SectionName exists) or not (Status exists) or not (Parameters exists)) (count <= 0) = no items; SettingOverride where (ComponentName equals Cafe and SectionName equals HttpRequestFiltering and Status equals Accepted).Parameters[*] (none) = no items",
     "GetSettingOverride.xml:0"},
    {"exchange-protections", "AMSI-02", "protections/pass", Status::pass,
     "SettingOverride where (not (ComponentName exists) or not (SectionName exists) or not (Status exists) or not (Parameters exists)) (count <= 0) = no items; SettingOverride where (ComponentName equals Cafe and SectionName equals HttpRequestFiltering and Status equals Accepted).Parameters[*] (none) = no items; fact exchange_build (ExSetup FileVersionInfo FileVersion) = 15.2.2562.53; SettingOverride where (ComponentName equals Cafe and SectionName equals AmsiRequestBodyScanning and Status equals Accepted).Parameters[*] (none) = Enable AMSI body scanning: Parameters[*] = 'EnabledAll=True'; SettingOverride where (ComponentName equals Cafe and SectionName equals AmsiRequestBodyScanning and Status equals Accepted).Parameters[*] (any) = Enable AMSI body scanning: Parameters[*] = 'EnabledAll=True'; SettingOverride where (ComponentName equals Cafe and SectionName equals AmsiRequestBodyScanning and Status equals Accepted).Parameters[*] (any) = Enable AMSI body scanning: Parameters[*] = 'EnabledAll=True'",
     "GetSettingOverride.xml:0"},
    {"exchange-protections", "AMSI-02", "protections/fail", Status::fail,
     "SettingOverride where (not (ComponentName exists) or not (SectionName exists) or not (Status exists) or not (Parameters exists)) (count <= 0) = no items; SettingOverride where (ComponentName equals Cafe and SectionName equals HttpRequestFiltering and Status equals Accepted).Parameters[*] (none) = Disable AMSI: Parameters[*] = 'Enabled=False'; fact exchange_build (ExSetup FileVersionInfo FileVersion) = 15.2.1544.14; SettingOverride where (ComponentName equals Cafe and SectionName equals AmsiRequestBodyScanning and Status equals Accepted).Parameters[*] (none) = no items; SettingOverride where (ComponentName equals Cafe and SectionName equals AmsiRequestBodyScanning and Status equals Accepted).Parameters[*] (any) = no items; SettingOverride where (ComponentName equals Cafe and SectionName equals AmsiRequestBodyScanning and Status equals Accepted).Parameters[*] (any) = no items",
     "GetSettingOverride.xml:0"},
    {"exchange-protections", "AMSI-02", "protections/missing", Status::not_collected,
     "SettingOverride where (not (ComponentName exists) or not (SectionName exists) or not (Status exists) or not (Parameters exists)) (count <= 0) = not collected; SettingOverride where (ComponentName equals Cafe and SectionName equals HttpRequestFiltering and Status equals Accepted).Parameters[*] (none) = not collected; fact exchange_build (ExSetup FileVersionInfo FileVersion) = 15.2.2562.53; SettingOverride where (ComponentName equals Cafe and SectionName equals AmsiRequestBodyScanning and Status equals Accepted).Parameters[*] (none) = not collected; SettingOverride where (ComponentName equals Cafe and SectionName equals AmsiRequestBodyScanning and Status equals Accepted).Parameters[*] (any) = not collected; SettingOverride where (ComponentName equals Cafe and SectionName equals AmsiRequestBodyScanning and Status equals Accepted).Parameters[*] (any) = not collected",
     "ExSetup.xml:11"},
    {"exchange-protections", "AMSI-03", "protections/pass", Status::pass,
     "HKLM\\SOFTWARE\\Microsoft\\AMSI\\Providers\\{2781761E-28E0-4109-99FE-B9D127C57AFE} = key exists; Get-MpComputerStatus.AMEngineVersion (all) = MSFT_MpComputerStatus: AMEngineVersion = '1.1.24090.11'; Get-MpComputerStatus.RealTimeProtectionEnabled (all) = MSFT_MpComputerStatus: RealTimeProtectionEnabled = true; Get-MpComputerStatus (count >= 1) = MSFT_MpComputerStatus",
     "amsi.reg:7"},
    {"exchange-protections", "AMSI-03", "protections/fail", Status::fail,
     "HKLM\\SOFTWARE\\Microsoft\\AMSI\\Providers\\{2781761E-28E0-4109-99FE-B9D127C57AFE} = key absent; Get-MpComputerStatus.AMEngineVersion (all) = MSFT_MpComputerStatus: AMEngineVersion = '1.1.24090.11'; Get-MpComputerStatus.RealTimeProtectionEnabled (all) = MSFT_MpComputerStatus: RealTimeProtectionEnabled = false; Get-MpComputerStatus (count >= 1) = MSFT_MpComputerStatus",
     "amsi.reg:3"},
    {"exchange-protections", "AMSI-03", "protections/missing", Status::not_collected,
     "HKLM\\SOFTWARE\\Microsoft\\AMSI\\Providers\\{2781761E-28E0-4109-99FE-B9D127C57AFE} = not collected; Get-MpComputerStatus.AMEngineVersion (all) = not collected; Get-MpComputerStatus.RealTimeProtectionEnabled (all) = not collected; Get-MpComputerStatus (count >= 1) = not collected",
     ""},
    {"exchange-protections", "SER-01", "protections/pass", Status::pass,
     "SettingOverride where (not (ComponentName exists) or not (SectionName exists) or not (Status exists) or not (Parameters exists)) (count <= 0) = no items; fact exchange_build (ExSetup FileVersionInfo FileVersion) = 15.2.2562.53; SettingOverride where (ComponentName equals Data and SectionName equals EnableSerializationDataSigning and Status equals Accepted).Parameters[*] (none) = no items; fact exchange_build (ExSetup FileVersionInfo FileVersion) = 15.2.2562.53; SettingOverride where (ComponentName equals Data and SectionName equals EnableSerializationDataSigning and Status equals Accepted).Parameters[*] (any) = no items",
     "GetSettingOverride.xml:0"},
    {"exchange-protections", "SER-01", "protections/fail", Status::fail,
     "SettingOverride where (not (ComponentName exists) or not (SectionName exists) or not (Status exists) or not (Parameters exists)) (count <= 0) = no items; fact exchange_build (ExSetup FileVersionInfo FileVersion) = 15.2.1544.14; SettingOverride where (ComponentName equals Data and SectionName equals EnableSerializationDataSigning and Status equals Accepted).Parameters[*] (none) = Disable serialization signing: Parameters[*] = 'Enabled=false'; fact exchange_build (ExSetup FileVersionInfo FileVersion) = 15.2.1544.14; SettingOverride where (ComponentName equals Data and SectionName equals EnableSerializationDataSigning and Status equals Accepted).Parameters[*] (any) = Disable serialization signing: Parameters[*] = 'Enabled=false'",
     "GetSettingOverride.xml:0"},
    {"exchange-protections", "SER-01", "protections/missing", Status::not_collected,
     "SettingOverride where (not (ComponentName exists) or not (SectionName exists) or not (Status exists) or not (Parameters exists)) (count <= 0) = not collected; fact exchange_build (ExSetup FileVersionInfo FileVersion) = 15.2.2562.53; SettingOverride where (ComponentName equals Data and SectionName equals EnableSerializationDataSigning and Status equals Accepted).Parameters[*] (none) = not collected; fact exchange_build (ExSetup FileVersionInfo FileVersion) = 15.2.2562.53; SettingOverride where (ComponentName equals Data and SectionName equals EnableSerializationDataSigning and Status equals Accepted).Parameters[*] (any) = not collected",
     "ExSetup.xml:11"},
    {"exchange-protections", "SER-02", "protections/pass", Status::pass,
     "SettingOverride where (not (ComponentName exists) or not (SectionName exists) or not (Status exists) or not (Parameters exists)) (count <= 0) = no items; HKLM\\SOFTWARE\\Microsoft\\ExchangeServer\\v15\\Diagnostics\\DisableBaseTypeCheckForDeserialization = absent (OS default 0 assumed); SettingOverride where (ComponentName equals Data and SectionName equals DeserializationBinderSettings and Status equals Accepted).Parameters[*] (none) = no items",
     "GetSettingOverride.xml:0"},
    {"exchange-protections", "SER-02", "protections/fail", Status::fail,
     "SettingOverride where (not (ComponentName exists) or not (SectionName exists) or not (Status exists) or not (Parameters exists)) (count <= 0) = no items; HKLM\\SOFTWARE\\Microsoft\\ExchangeServer\\v15\\Diagnostics\\DisableBaseTypeCheckForDeserialization = REG_SZ \"1\"; SettingOverride where (ComponentName equals Data and SectionName equals DeserializationBinderSettings and Status equals Accepted).Parameters[*] (none) = Learning locations: Parameters[*] = 'LearningLocations=ExchangeCertificateRpc'",
     "GetSettingOverride.xml:0"},
    {"exchange-protections", "SER-02", "protections/missing", Status::not_collected,
     "SettingOverride where (not (ComponentName exists) or not (SectionName exists) or not (Status exists) or not (Parameters exists)) (count <= 0) = not collected; HKLM\\SOFTWARE\\Microsoft\\ExchangeServer\\v15\\Diagnostics\\DisableBaseTypeCheckForDeserialization = not collected; SettingOverride where (ComponentName equals Data and SectionName equals DeserializationBinderSettings and Status equals Accepted).Parameters[*] (none) = not collected",
     ""},
    {"exchange-protections", "HSTS-01", "protections/pass", Status::pass,
     "applicationHost /configuration/system.applicationHost/sites/site[@name='Default Web Site']/hsts/@enabled (all) = 'true' (line 14); applicationHost /configuration/system.applicationHost/sites/site[@name='Default Web Site']/hsts/@max-age (all) = '31536000' (line 14); applicationHost /configuration/system.applicationHost/sites/site[@name='Default Web Site']/hsts/@redirectHttpToHttps (all) = 'false' (line 14); applicationHost /configuration/system.applicationHost/sites/site[@name='Default Web Site']/hsts/@enabled (all) = 'true' (line 14); web.config /configuration/system.webServer/httpProtocol/customHeaders/add[@name='Strict-Transport-Security']/@value (any) = absent (default  assumed)",
     "applicationHost.config:14"},
    {"exchange-protections", "HSTS-01", "protections/pass-header", Status::pass,
     "applicationHost /configuration/system.applicationHost/sites/site[@name='Default Web Site']/hsts/@enabled (all) = absent (default false assumed); applicationHost /configuration/system.applicationHost/sites/site[@name='Default Web Site']/hsts/@max-age (all) = absent (default 0 assumed); applicationHost /configuration/system.applicationHost/sites/site[@name='Default Web Site']/hsts/@redirectHttpToHttps (all) = absent (default false assumed); applicationHost /configuration/system.applicationHost/sites/site[@name='Default Web Site']/hsts/@enabled (all) = absent (default false assumed); web.config /configuration/system.webServer/httpProtocol/customHeaders/add[@name='Strict-Transport-Security']/@value (any) = 'max-age=31536000' (line 7)",
     "applicationHost.config:0"},
    {"exchange-protections", "HSTS-01", "protections/fail", Status::fail,
     "applicationHost /configuration/system.applicationHost/sites/site[@name='Default Web Site']/hsts/@enabled (all) = absent (default false assumed); applicationHost /configuration/system.applicationHost/sites/site[@name='Default Web Site']/hsts/@max-age (all) = absent (default 0 assumed); applicationHost /configuration/system.applicationHost/sites/site[@name='Default Web Site']/hsts/@redirectHttpToHttps (all) = absent (default false assumed); applicationHost /configuration/system.applicationHost/sites/site[@name='Default Web Site']/hsts/@enabled (all) = absent (default false assumed); web.config /configuration/system.webServer/httpProtocol/customHeaders/add[@name='Strict-Transport-Security']/@value (any) = 'max-age=300' (line 7)",
     "applicationHost.config:0"},
    {"exchange-protections", "HSTS-01", "protections/fail-no-hsts", Status::fail,
     "applicationHost /configuration/system.applicationHost/sites/site[@name='Default Web Site']/hsts/@enabled (all) = absent (default false assumed); applicationHost /configuration/system.applicationHost/sites/site[@name='Default Web Site']/hsts/@max-age (all) = absent (default 0 assumed); applicationHost /configuration/system.applicationHost/sites/site[@name='Default Web Site']/hsts/@redirectHttpToHttps (all) = absent (default false assumed); applicationHost /configuration/system.applicationHost/sites/site[@name='Default Web Site']/hsts/@enabled (all) = absent (default false assumed); web.config /configuration/system.webServer/httpProtocol/customHeaders/add[@name='Strict-Transport-Security']/@value (any) = absent (default  assumed)",
     "applicationHost.config:0"},
    {"exchange-protections", "HSTS-01", "protections/missing", Status::not_collected,
     "applicationHost /configuration/system.applicationHost/sites/site[@name='Default Web Site']/hsts/@enabled (all) = not collected; applicationHost /configuration/system.applicationHost/sites/site[@name='Default Web Site']/hsts/@max-age (all) = not collected; applicationHost /configuration/system.applicationHost/sites/site[@name='Default Web Site']/hsts/@redirectHttpToHttps (all) = not collected; applicationHost /configuration/system.applicationHost/sites/site[@name='Default Web Site']/hsts/@enabled (all) = not collected; web.config /configuration/system.webServer/httpProtocol/customHeaders/add[@name='Strict-Transport-Security']/@value (any) = not collected",
     ""},
    // Native HSTS on, but no web.config at all in the bundle: the header leaf was not
    // collected, and a check never passes on a leaf with missing evidence.
    {"exchange-protections", "HSTS-01", "protections/pass-native-only", Status::not_collected,
     "applicationHost /configuration/system.applicationHost/sites/site[@name='Default Web Site']/hsts/@enabled (all) = 'true' (line 14); applicationHost /configuration/system.applicationHost/sites/site[@name='Default Web Site']/hsts/@max-age (all) = '31536000' (line 14); applicationHost /configuration/system.applicationHost/sites/site[@name='Default Web Site']/hsts/@redirectHttpToHttps (all) = 'false' (line 14); applicationHost /configuration/system.applicationHost/sites/site[@name='Default Web Site']/hsts/@enabled (all) = 'true' (line 14); web.config /configuration/system.webServer/httpProtocol/customHeaders/add[@name='Strict-Transport-Security']/@value (any) = not collected",
     "applicationHost.config:14"},
    {"exchange-protections", "DD-01", "protections/pass", Status::pass,
     "OrganizationConfig.EnableDownloadDomains (all) = Contoso: EnableDownloadDomains = true; OrganizationConfig (count >= 1) = Contoso",
     "GetOrganizationConfig.xml:14"},
    {"exchange-protections", "DD-01", "protections/fail", Status::fail,
     "OrganizationConfig.EnableDownloadDomains (all) = Contoso: EnableDownloadDomains = false; OrganizationConfig (count >= 1) = Contoso",
     "GetOrganizationConfig.xml:14"},
    {"exchange-protections", "DD-01", "protections/missing", Status::not_collected,
     "OrganizationConfig.EnableDownloadDomains (all) = not collected; OrganizationConfig (count >= 1) = not collected",
     ""},
    {"exchange-protections", "AMSI-02", "protections/empty-override-export", Status::pass,
     "SettingOverride where (not (ComponentName exists) or not (SectionName exists) or not (Status exists) or not (Parameters exists)) (count <= 0) = no items; SettingOverride where (ComponentName equals Cafe and SectionName equals HttpRequestFiltering and Status equals Accepted).Parameters[*] (none) = no items; fact exchange_build (ExSetup FileVersionInfo FileVersion) = 15.2.2562.53; SettingOverride where (ComponentName equals Cafe and SectionName equals AmsiRequestBodyScanning and Status equals Accepted).Parameters[*] (none) = no items; SettingOverride where (ComponentName equals Cafe and SectionName equals AmsiRequestBodyScanning and Status equals Accepted).Parameters[*] (any) = no items; SettingOverride where (ComponentName equals Cafe and SectionName equals AmsiRequestBodyScanning and Status equals Accepted).Parameters[*] (any) = no items",
     "GetSettingOverride.xml:0"},
    {"exchange-protections", "SER-01", "protections/empty-override-export", Status::pass,
     "SettingOverride where (not (ComponentName exists) or not (SectionName exists) or not (Status exists) or not (Parameters exists)) (count <= 0) = no items; fact exchange_build (ExSetup FileVersionInfo FileVersion) = 15.2.2562.53; SettingOverride where (ComponentName equals Data and SectionName equals EnableSerializationDataSigning and Status equals Accepted).Parameters[*] (none) = no items; fact exchange_build (ExSetup FileVersionInfo FileVersion) = 15.2.2562.53; SettingOverride where (ComponentName equals Data and SectionName equals EnableSerializationDataSigning and Status equals Accepted).Parameters[*] (any) = no items",
     "GetSettingOverride.xml:0"},
    // SER-02 also reads the Diagnostics registry key, not in this bundle.
    {"exchange-protections", "SER-02", "protections/empty-override-export", Status::not_collected,
     "SettingOverride where (not (ComponentName exists) or not (SectionName exists) or not (Status exists) or not (Parameters exists)) (count <= 0) = no items; HKLM\\SOFTWARE\\Microsoft\\ExchangeServer\\v15\\Diagnostics\\DisableBaseTypeCheckForDeserialization = not collected; SettingOverride where (ComponentName equals Data and SectionName equals DeserializationBinderSettings and Status equals Accepted).Parameters[*] (none) = no items",
     "GetSettingOverride.xml:0"},
    // Zero OrganizationConfig objects (an empty named export) fail, never pass vacuously.
    {"exchange-protections", "DD-01", "protections/empty-org-config", Status::fail,
     "OrganizationConfig.EnableDownloadDomains (all) = no items; OrganizationConfig (count >= 1) = no items",
     "GetOrganizationConfig.xml:0"},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(exchange_protections)

BOOST_DATA_TEST_CASE(each_check_gives_its_expected_verdict, boost::unit_test::data::make(kCases), c) {
    hardcheck::test::expect_case(c);
}

BOOST_AUTO_TEST_CASE(hsts02_is_manual_with_the_back_end_clean_up_as_guidance) {
    hardcheck::test::expect_manual("exchange-protections", "HSTS-02", "protections/pass",
                                   "Remove the hsts element and any Strict-Transport-Security header");
}

BOOST_AUTO_TEST_CASE(dd02_is_manual_with_the_download_host_names_as_guidance) {
    hardcheck::test::expect_manual("exchange-protections", "DD-02", "protections/pass",
                                   "Set-OwaVirtualDirectory '<host>\\owa (Default Web Site)' -InternalDownloadHostName");
}

BOOST_AUTO_TEST_SUITE_END()
