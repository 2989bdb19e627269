// The built-in baseline exchange-eems (EEMS-01..04) on the CLIXML bundles of
// tests/data/fixtures/eems/ (README there): pass, fail and missing evidence per check.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "baselines/check_fixture.hpp"

using namespace hardcheck;
using hardcheck::test::CheckCase;

namespace {

const CheckCase kCases[] = {
    {"exchange-eems", "EEMS-01", "eems/pass", Status::pass,
     "OrganizationConfig.MitigationsEnabled (all) = Contoso: MitigationsEnabled = true; ExchangeServer.MitigationsEnabled (all) = EXCH01: MitigationsEnabled = true; OrganizationConfig (count >= 1) = Contoso; ExchangeServer (count >= 1) = EXCH01",
     "GetOrganizationConfig.xml:14"},
    {"exchange-eems", "EEMS-01", "eems/fail", Status::fail,
     "OrganizationConfig.MitigationsEnabled (all) = Contoso: MitigationsEnabled = false; ExchangeServer.MitigationsEnabled (all) = EXCH02: MitigationsEnabled = true; OrganizationConfig (count >= 1) = Contoso; ExchangeServer (count >= 1) = EXCH02",
     "GetOrganizationConfig.xml:14"},
    {"exchange-eems", "EEMS-01", "eems/missing", Status::not_collected,
     "OrganizationConfig.MitigationsEnabled (all) = not collected; ExchangeServer.MitigationsEnabled (all) = EXCH03: MitigationsEnabled = true; OrganizationConfig (count >= 1) = not collected; ExchangeServer (count >= 1) = EXCH03",
     "GetExchangeServer.xml:21"},
    // Without the build and the Edge role, applies_when cannot be decided.
    {"exchange-eems", "EEMS-01", "eems/missing-server", Status::not_collected,
     "fact role_edge (key HKLM\\SOFTWARE\\Microsoft\\ExchangeServer\\v15\\EdgeTransportRole) = not collected; fact exchange_build (ExSetup FileVersionInfo FileVersion) = not collected",
     ""},
    {"exchange-eems", "EEMS-02", "eems/pass", Status::pass,
     "Get-Service where (Name equals MSExchangeMitigation) (count >= 1) = MSExchangeMitigation; Get-Service where (Name equals MSExchangeMitigation).Status (all) = MSExchangeMitigation: Status = Running (4); Get-Service where (Name equals MSExchangeMitigation).StartType (all) = MSExchangeMitigation: StartType = Automatic (2)",
     "GetService.xml:2"},
    {"exchange-eems", "EEMS-02", "eems/fail", Status::fail,
     "Get-Service where (Name equals MSExchangeMitigation) (count >= 1) = MSExchangeMitigation; Get-Service where (Name equals MSExchangeMitigation).Status (all) = MSExchangeMitigation: Status = Stopped (1); Get-Service where (Name equals MSExchangeMitigation).StartType (all) = MSExchangeMitigation: StartType = Manual (3)",
     "GetService.xml:37"},
    {"exchange-eems", "EEMS-02", "eems/missing", Status::not_collected,
     "Get-Service where (Name equals MSExchangeMitigation) (count >= 1) = not collected; Get-Service where (Name equals MSExchangeMitigation).Status (all) = not collected; Get-Service where (Name equals MSExchangeMitigation).StartType (all) = not collected",
     ""},
    {"exchange-eems", "EEMS-03", "eems/pass", Status::pass,
     "ExchangeServer.MitigationsBlocked (all) = EXCH01: MitigationsBlocked = []; ExchangeServer (count >= 1) = EXCH01",
     "GetExchangeServer.xml:22"},
    {"exchange-eems", "EEMS-03", "eems/fail", Status::fail,
     "ExchangeServer.MitigationsBlocked (all) = EXCH02: MitigationsBlocked = [M2]; ExchangeServer (count >= 1) = EXCH02",
     "GetExchangeServer.xml:22"},
    {"exchange-eems", "EEMS-03", "eems/missing-server", Status::not_collected,
     "fact role_edge (key HKLM\\SOFTWARE\\Microsoft\\ExchangeServer\\v15\\EdgeTransportRole) = not collected; fact exchange_build (ExSetup FileVersionInfo FileVersion) = not collected",
     ""},
    {"exchange-eems", "EEMS-04", "eems/pass", Status::pass,
     "fact exchange_build (ExSetup FileVersionInfo FileVersion) = 15.2.2562.53",
     "ExSetup.xml:11"},
    {"exchange-eems", "EEMS-04", "eems/fail", Status::fail,
     "fact exchange_build (ExSetup FileVersionInfo FileVersion) = 15.2.1748.24",
     "ExSetup.xml:11"},
    {"exchange-eems", "EEMS-04", "eems/missing-server", Status::not_collected,
     "fact role_edge (key HKLM\\SOFTWARE\\Microsoft\\ExchangeServer\\v15\\EdgeTransportRole) = not collected; fact exchange_build (ExSetup FileVersionInfo FileVersion) = not collected",
     ""},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(eems)

BOOST_DATA_TEST_CASE(each_check_gives_its_expected_verdict, boost::unit_test::data::make(kCases), c) {
    hardcheck::test::expect_case(c);
}

BOOST_AUTO_TEST_SUITE_END()
