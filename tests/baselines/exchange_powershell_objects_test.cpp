// The built-in baseline exchange-powershell-objects (RPS-01, RPS-02) on the CLIXML
// bundles of tests/data/fixtures/rps/ (README there).
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "baselines/check_fixture.hpp"

using namespace hardcheck;
using hardcheck::test::CheckCase;

namespace {

const CheckCase kCases[] = {
    {"exchange-powershell-objects", "RPS-01", "rps/pass", Status::pass,
     "Get-User.RemotePowerShellEnabled (all) = Administrator: RemotePowerShellEnabled = true, alice: RemotePowerShellEnabled = false, svc-legacy: RemotePowerShellEnabled = true; Get-User where (RemotePowerShellEnabled equals true and not (UserAccountControl contains AccountDisabled)).SamAccountName (all) = Administrator: SamAccountName = 'Administrator'; Get-User (count >= 1) = Administrator, alice, svc-legacy",
     "GetUser.xml:15"},
    {"exchange-powershell-objects", "RPS-01", "rps/fail", Status::fail,
     "Get-User.RemotePowerShellEnabled (all) = Administrator: RemotePowerShellEnabled = true, bob: RemotePowerShellEnabled = true; Get-User where (RemotePowerShellEnabled equals true and not (UserAccountControl contains AccountDisabled)).SamAccountName (all) = Administrator: SamAccountName = 'Administrator', bob: SamAccountName = 'bob'; Get-User (count >= 1) = Administrator, bob",
     "GetUser.xml:15"},
    {"exchange-powershell-objects", "RPS-01", "rps/missing", Status::not_collected,
     "Get-User.RemotePowerShellEnabled (all) = not collected; Get-User where (RemotePowerShellEnabled equals true and not (UserAccountControl contains AccountDisabled)).SamAccountName (all) = not collected; Get-User (count >= 1) = not collected",
     ""},
    // An export without the flag filtered every user out and passed before the
    // property leaf was added; now it fails, and a <Nil/> flag is an error.
    {"exchange-powershell-objects", "RPS-01", "rps/fail-property-missing", Status::fail,
     "Get-User.RemotePowerShellEnabled (all) = Administrator: RemotePowerShellEnabled = absent, bob: RemotePowerShellEnabled = absent; Get-User where (RemotePowerShellEnabled equals true and not (UserAccountControl contains AccountDisabled)).SamAccountName (all) = no items; Get-User (count >= 1) = Administrator, bob",
     "GetUser.xml:2"},
    {"exchange-powershell-objects", "RPS-01", "rps/error-null", Status::error,
     "Get-User.RemotePowerShellEnabled (all) = Administrator: RemotePowerShellEnabled = true, bob: RemotePowerShellEnabled = null; Get-User where (RemotePowerShellEnabled equals true and not (UserAccountControl contains AccountDisabled)).SamAccountName (all) = Administrator: SamAccountName = 'Administrator'; Get-User (count >= 1) = Administrator, bob",
     "GetUser.xml:15"},
    {"exchange-powershell-objects", "RPS-02", "rps/pass", Status::pass,
     "ADPowerShellVirtualDirectory (count >= 1) = PowerShell (Default Web Site), PowerShell (Exchange Back End); ADPowerShellVirtualDirectory.BasicAuthentication (all) = PowerShell (Default Web Site): BasicAuthentication = false, PowerShell (Exchange Back End): BasicAuthentication = false",
     "GetPowerShellVirtualDirectory.xml:2"},
    {"exchange-powershell-objects", "RPS-02", "rps/fail", Status::fail,
     "ADPowerShellVirtualDirectory (count >= 1) = PowerShell (Default Web Site), PowerShell (Exchange Back End); ADPowerShellVirtualDirectory.BasicAuthentication (all) = PowerShell (Default Web Site): BasicAuthentication = true, PowerShell (Exchange Back End): BasicAuthentication = false",
     "GetPowerShellVirtualDirectory.xml:2"},
    {"exchange-powershell-objects", "RPS-02", "rps/missing", Status::not_collected,
     "ADPowerShellVirtualDirectory (count >= 1) = not collected; ADPowerShellVirtualDirectory.BasicAuthentication (all) = not collected",
     ""},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(exchange_powershell_objects)

BOOST_DATA_TEST_CASE(each_check_gives_its_expected_verdict, boost::unit_test::data::make(kCases), c) {
    hardcheck::test::expect_case(c);
}
BOOST_AUTO_TEST_SUITE_END()
