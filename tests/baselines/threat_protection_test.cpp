// The built-in baseline threat-protection (AV-01..06) on the CLIXML bundles of
// tests/data/fixtures/av/ (README there); AV-03 is manual.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "baselines/check_fixture.hpp"

using namespace hardcheck;
using hardcheck::test::CheckCase;

namespace {

const CheckCase kCases[] = {
    {"threat-protection", "AV-01", "av/pass", Status::pass,
     "Get-MpComputerStatus.AMServiceEnabled (all) = MSFT_MpComputerStatus: AMServiceEnabled = true; Get-MpComputerStatus.AntivirusEnabled (all) = MSFT_MpComputerStatus: AntivirusEnabled = true; Get-MpComputerStatus.RealTimeProtectionEnabled (all) = MSFT_MpComputerStatus: RealTimeProtectionEnabled = true; Get-MpComputerStatus.AMRunningMode (all) = MSFT_MpComputerStatus: AMRunningMode = 'Normal'; Get-MpComputerStatus (count >= 1) = MSFT_MpComputerStatus; Get-Service where (Name in {param: av_services} and Status equals Running and StartType equals Automatic) (count >= 1) = no items",
     "GetMpComputerStatus.xml:14"},
    {"threat-protection", "AV-01", "av/fail", Status::fail,
     "Get-MpComputerStatus.AMServiceEnabled (all) = MSFT_MpComputerStatus: AMServiceEnabled = true; Get-MpComputerStatus.AntivirusEnabled (all) = MSFT_MpComputerStatus: AntivirusEnabled = true; Get-MpComputerStatus.RealTimeProtectionEnabled (all) = MSFT_MpComputerStatus: RealTimeProtectionEnabled = false; Get-MpComputerStatus.AMRunningMode (all) = MSFT_MpComputerStatus: AMRunningMode = 'Passive Mode'; Get-MpComputerStatus (count >= 1) = MSFT_MpComputerStatus; Get-Service where (Name in {param: av_services} and Status equals Running and StartType equals Automatic) (count >= 1) = no items",
     "GetMpComputerStatus.xml:14"},
    {"threat-protection", "AV-01", "av/missing", Status::not_collected,
     "Get-MpComputerStatus.AMServiceEnabled (all) = not collected; Get-MpComputerStatus.AntivirusEnabled (all) = not collected; Get-MpComputerStatus.RealTimeProtectionEnabled (all) = not collected; Get-MpComputerStatus.AMRunningMode (all) = not collected; Get-MpComputerStatus (count >= 1) = not collected; Get-Service where (Name in {param: av_services} and Status equals Running and StartType equals Automatic) (count >= 1) = not collected",
     ""},
    {"threat-protection", "AV-02", "av/pass", Status::pass,
     "Get-MpComputerStatus.AntivirusSignatureAge (all) = MSFT_MpComputerStatus: AntivirusSignatureAge = 0; Get-MpComputerStatus (count >= 1) = MSFT_MpComputerStatus",
     "GetMpComputerStatus.xml:19"},
    {"threat-protection", "AV-02", "av/fail", Status::fail,
     "Get-MpComputerStatus.AntivirusSignatureAge (all) = MSFT_MpComputerStatus: AntivirusSignatureAge = 9; Get-MpComputerStatus (count >= 1) = MSFT_MpComputerStatus",
     "GetMpComputerStatus.xml:19"},
    {"threat-protection", "AV-02", "av/missing", Status::not_collected,
     "Get-MpComputerStatus.AntivirusSignatureAge (all) = not collected; Get-MpComputerStatus (count >= 1) = not collected",
     ""},
    {"threat-protection", "AV-04", "av/pass", Status::pass,
     "Get-Service where (Name in {param: edr_services} and Status equals Running and StartType equals Automatic) (count >= 1) = Sense",
     "GetService.xml:2"},
    {"threat-protection", "AV-04", "av/fail", Status::fail,
     "Get-Service where (Name in {param: edr_services} and Status equals Running and StartType equals Automatic) (count >= 1) = no items",
     "GetService.xml:0"},
    {"threat-protection", "AV-04", "av/missing", Status::not_collected,
     "Get-Service where (Name in {param: edr_services} and Status equals Running and StartType equals Automatic) (count >= 1) = not collected",
     ""},
    {"threat-protection", "AV-05", "av/pass", Status::pass,
     "Get-MpPreference.ExclusionPath[*] (none) = MSFT_MpPreference: ExclusionPath[*] = 'C:\\Program Files\\Microsoft\\Exchange Server\\V15\\TransportRoles\\Data\\Queue', MSFT_MpPreference: ExclusionPath[*] = 'C:\\Program Files\\Microsoft\\Exchange Server\\V15\\Logging', MSFT_MpPreference: ExclusionPath[*] = 'C:\\Program Files\\Microsoft\\Exchange Server\\V15\\Mailbox\\MDBTEMP'; Get-MpPreference.ExclusionExtension[*] (none) = MSFT_MpPreference: ExclusionExtension[*] = '.edb', MSFT_MpPreference: ExclusionExtension[*] = '.chk', MSFT_MpPreference: ExclusionExtension[*] = '.log', MSFT_MpPreference: ExclusionExtension[*] = '.que'; Get-MpPreference.ExclusionProcess[*] (none) = MSFT_MpPreference: ExclusionProcess[*] = 'C:\\Program Files\\Microsoft\\Exchange Server\\V15\\Bin\\EdgeTransport.exe', MSFT_MpPreference: ExclusionProcess[*] = 'C:\\Program Files\\Microsoft\\Exchange Server\\V15\\Bin\\Microsoft.Exchange.Store.Worker.exe'; Get-MpPreference (count >= 1) = MSFT_MpPreference",
     "GetMpPreference.xml:28"},
    {"threat-protection", "AV-05", "av/fail", Status::fail,
     "Get-MpPreference.ExclusionPath[*] (none) = MSFT_MpPreference: ExclusionPath[*] = 'C:\\Program Files\\Microsoft\\Exchange Server\\V15\\', MSFT_MpPreference: ExclusionPath[*] = 'C:\\inetpub\\wwwroot'; Get-MpPreference.ExclusionExtension[*] (none) = MSFT_MpPreference: ExclusionExtension[*] = 'aspx'; Get-MpPreference.ExclusionProcess[*] (none) = MSFT_MpPreference: ExclusionProcess[*] = 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe'; Get-MpPreference (count >= 1) = MSFT_MpPreference",
     "GetMpPreference.xml:25"},
    {"threat-protection", "AV-05", "av/missing", Status::not_collected,
     "Get-MpPreference.ExclusionPath[*] (none) = not collected; Get-MpPreference.ExclusionExtension[*] (none) = not collected; Get-MpPreference.ExclusionProcess[*] (none) = not collected; Get-MpPreference (count >= 1) = not collected",
     ""},
    // No exclusions at all: Get-MpPreference exports the lists as <Nil/>.
    {"threat-protection", "AV-05", "av/pass-no-exclusions", Status::pass,
     "Get-MpPreference.ExclusionPath[*] (none) = MSFT_MpPreference: ExclusionPath[*] = null; Get-MpPreference.ExclusionExtension[*] (none) = MSFT_MpPreference: ExclusionExtension[*] = null; Get-MpPreference.ExclusionProcess[*] (none) = MSFT_MpPreference: ExclusionProcess[*] = null; Get-MpPreference (count >= 1) = MSFT_MpPreference",
     "GetMpPreference.xml:13"},
    {"threat-protection", "AV-06", "av/pass", Status::pass,
     "SettingOverride where (not (ComponentName exists) or not (SectionName exists) or not (Status exists) or not (Parameters exists)) (count <= 0) = no items; SettingOverride where (ComponentName equals Transport and SectionName equals NonCompliantSenderSettings and Status equals Accepted).Parameters[*] (none) = no items",
     "GetSettingOverride.xml:0"},
    {"threat-protection", "AV-06", "av/fail", Status::fail,
     "SettingOverride where (not (ComponentName exists) or not (SectionName exists) or not (Status exists) or not (Parameters exists)) (count <= 0) = no items; SettingOverride where (ComponentName equals Transport and SectionName equals NonCompliantSenderSettings and Status equals Accepted).Parameters[*] (none) = P2 FROM header off: Parameters[*] = 'AddP2FromRegexMatchHeader=false'",
     "GetSettingOverride.xml:0"},
    {"threat-protection", "AV-06", "av/missing", Status::not_collected,
     "SettingOverride where (not (ComponentName exists) or not (SectionName exists) or not (Status exists) or not (Parameters exists)) (count <= 0) = not collected; SettingOverride where (ComponentName equals Transport and SectionName equals NonCompliantSenderSettings and Status equals Accepted).Parameters[*] (none) = not collected",
     ""},
    // Overrides exported without the properties the filter reads (see protections/README.md).
    {"threat-protection", "AV-06", "protections/fail-trimmed-overrides", Status::fail,
     "SettingOverride where (not (ComponentName exists) or not (SectionName exists) or not (Status exists) or not (Parameters exists)) (count <= 0) = Disable AMSI; SettingOverride where (ComponentName equals Transport and SectionName equals NonCompliantSenderSettings and Status equals Accepted).Parameters[*] (none) = no items",
     "GetSettingOverride.xml:2"},
    // Empty exports typed by their file names (docs/baseline-language.md, object): no
    // override is a real pass; zero Defender objects fail, never pass vacuously.
    {"threat-protection", "AV-01", "av/empty-exports", Status::fail,
     "Get-MpComputerStatus.AMServiceEnabled (all) = no items; Get-MpComputerStatus.AntivirusEnabled (all) = no items; Get-MpComputerStatus.RealTimeProtectionEnabled (all) = no items; Get-MpComputerStatus.AMRunningMode (all) = no items; Get-MpComputerStatus (count >= 1) = no items; Get-Service where (Name in {param: av_services} and Status equals Running and StartType equals Automatic) (count >= 1) = no items",
     "GetMpComputerStatus.xml:0"},
    {"threat-protection", "AV-02", "av/empty-exports", Status::fail,
     "Get-MpComputerStatus.AntivirusSignatureAge (all) = no items; Get-MpComputerStatus (count >= 1) = no items",
     "GetMpComputerStatus.xml:0"},
    {"threat-protection", "AV-05", "av/empty-exports", Status::fail,
     "Get-MpPreference.ExclusionPath[*] (none) = no items; Get-MpPreference.ExclusionExtension[*] (none) = no items; Get-MpPreference.ExclusionProcess[*] (none) = no items; Get-MpPreference (count >= 1) = no items",
     "GetMpPreference.xml:0"},
    {"threat-protection", "AV-06", "av/empty-exports", Status::pass,
     "SettingOverride where (not (ComponentName exists) or not (SectionName exists) or not (Status exists) or not (Parameters exists)) (count <= 0) = no items; SettingOverride where (ComponentName equals Transport and SectionName equals NonCompliantSenderSettings and Status equals Accepted).Parameters[*] (none) = no items",
     "GetSettingOverride.xml:0"},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(threat_protection)

BOOST_DATA_TEST_CASE(each_check_gives_its_expected_verdict, boost::unit_test::data::make(kCases), c) {
    hardcheck::test::expect_case(c);
}

BOOST_AUTO_TEST_CASE(av03_is_manual_with_the_asr_web_shell_rule_as_guidance) {
    hardcheck::test::expect_manual("threat-protection", "AV-03", "av/pass",
                                   "Add-MpPreference -AttackSurfaceReductionRules_Ids a8f5898e-1dc8-49a9-9878-85004b8a61e6");
}

BOOST_AUTO_TEST_SUITE_END()
