// AUD-03 (process creation audited with command lines, in the built-in baseline
// wsus-cve-2025-59287) on the bundles of tests/data/fixtures/aud03/ (README there) and on
// the project's Exchange 2016 corpus export.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "baselines/check_fixture.hpp"

using namespace hardcheck;
using hardcheck::test::CheckCase;

namespace {

const CheckCase kCases[] = {
    {"wsus-cve-2025-59287", "AUD-03", "aud03/pass", Status::pass,
     "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System\\Audit\\ProcessCreationIncludeCmdLine_Enabled = REG_DWORD 1 (0x1); events id 4688 channel Security (count >= 1) = event 4688 at 2025-10-22T02:00:03.1183342Z (C:\\Windows\\System32\\svchost.exe -> C:\\Windows\\System32\\wbem\\WmiPrvSE.exe) command line 'C:\\Windows\\system32\\wbem\\wmiprvse.exe -secured -Embedding'; Get-Service where (Name in [Sysmon, Sysmon64]).Status (any) = no items",
     "policies-system.reg:8"},
    {"wsus-cve-2025-59287", "AUD-03", "aud03/pass-sysmon", Status::pass,
     "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System\\Audit\\ProcessCreationIncludeCmdLine_Enabled = absent (OS default 0 assumed); events id 4688 channel Security (count >= 1) = event 4688 at 2025-10-22T02:00:03.1183342Z (C:\\Windows\\System32\\svchost.exe -> C:\\Windows\\System32\\wbem\\WmiPrvSE.exe) command line 'C:\\Windows\\system32\\wbem\\wmiprvse.exe -secured -Embedding'; Get-Service where (Name in [Sysmon, Sysmon64]).Status (any) = Sysmon64: Status = Running (4)",
     "policies-system.reg:7"},
    {"wsus-cve-2025-59287", "AUD-03", "aud03/fail", Status::fail,
     "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System\\Audit\\ProcessCreationIncludeCmdLine_Enabled = absent (OS default 0 assumed); events id 4688 channel Security (count >= 1) = event 4688 at 2025-10-22T02:00:03.1183342Z (C:\\Windows\\System32\\svchost.exe -> C:\\Windows\\System32\\wbem\\WmiPrvSE.exe) command line 'C:\\Windows\\system32\\wbem\\wmiprvse.exe -secured -Embedding'; Get-Service where (Name in [Sysmon, Sysmon64]).Status (any) = no items",
     "policies-system.reg:7"},
    {"wsus-cve-2025-59287", "AUD-03", "aud03/missing", Status::not_collected,
     "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System\\Audit\\ProcessCreationIncludeCmdLine_Enabled = REG_DWORD 1 (0x1); events id 4688 channel Security (count >= 1) = event 4688 at 2025-10-22T02:00:03.1183342Z (C:\\Windows\\System32\\svchost.exe -> C:\\Windows\\System32\\wbem\\WmiPrvSE.exe) command line 'C:\\Windows\\system32\\wbem\\wmiprvse.exe -secured -Embedding'; Get-Service where (Name in [Sysmon, Sysmon64]).Status (any) = not collected",
     "policies-system.reg:8"},
    // HealthChecker's E16 collection has neither the audit policy key nor Get-Service;
    // its one event export is the System log (no 4688 in it): nothing decides the
    // check, so not_collected is honest.
    {"wsus-cve-2025-59287", "AUD-03", "../corpus/exchange/E16", Status::not_collected,
     "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System\\Audit\\ProcessCreationIncludeCmdLine_Enabled = not collected; events id 4688 channel Security (count >= 1) = no items; Get-Service where (Name in [Sysmon, Sysmon64]).Status (any) = not collected",
     "GetWinEventOldestSystem.xml:2"},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(process_audit)

BOOST_DATA_TEST_CASE(each_check_gives_its_expected_verdict, boost::unit_test::data::make(kCases), c) {
    hardcheck::test::expect_case(c);
}
BOOST_AUTO_TEST_SUITE_END()
