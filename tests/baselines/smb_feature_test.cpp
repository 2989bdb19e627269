// SMB-02 (SMBv1 components not installed; built-in baseline windows-smb-objects) on
// the bundles of tests/data/fixtures/smb02/ (README there).  SMB-01/03 are in
// windows_smb_test.cpp.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "baselines/check_fixture.hpp"

using namespace hardcheck;
using hardcheck::test::CheckCase;

namespace {

const CheckCase kCases[] = {
    {"windows-smb-objects", "SMB-02", "smb02/pass", Status::pass,
     "Get-WindowsFeature where (Name equals FS-SMB1) (count >= 1) = FS-SMB1; Get-WindowsFeature where (Name equals FS-SMB1).Installed (all) = FS-SMB1: Installed = false; HKLM\\SYSTEM\\CurrentControlSet\\Services\\mrxsmb10\\Start = absent (OS default 4 assumed)",
     "GetWindowsFeature.xml:2"},
    {"windows-smb-objects", "SMB-02", "smb02/fail", Status::fail,
     "Get-WindowsFeature where (Name equals FS-SMB1) (count >= 1) = FS-SMB1; Get-WindowsFeature where (Name equals FS-SMB1).Installed (all) = FS-SMB1: Installed = true; HKLM\\SYSTEM\\CurrentControlSet\\Services\\mrxsmb10\\Start = REG_DWORD 2 (0x2)",
     "GetWindowsFeature.xml:27"},
    {"windows-smb-objects", "SMB-02", "smb02/missing", Status::not_collected,
     "Get-WindowsFeature where (Name equals FS-SMB1) (count >= 1) = FS-SMB1; Get-WindowsFeature where (Name equals FS-SMB1).Installed (all) = FS-SMB1: Installed = false; HKLM\\SYSTEM\\CurrentControlSet\\Services\\mrxsmb10\\Start = not collected",
     "GetWindowsFeature.xml:2"},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(smb_feature)

BOOST_DATA_TEST_CASE(each_check_gives_its_expected_verdict, boost::unit_test::data::make(kCases), c) {
    hardcheck::test::expect_case(c);
}
BOOST_AUTO_TEST_SUITE_END()
