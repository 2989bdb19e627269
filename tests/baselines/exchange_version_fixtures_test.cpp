// The built-in baseline exchange-version (EXV-01/02/03/05) on the bundles of
// tests/data/fixtures/exv/ (README there); the example bundles' verdicts are in
// exchange_examples_test.cpp.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "baselines/check_fixture.hpp"

using namespace hardcheck;
using hardcheck::test::CheckCase;

namespace {

const CheckCase kCases[] = {
    {"exchange-version", "EXV-01", "exv/pass", Status::pass,
     "fact exchange_line (exchange_build) = SE",
     "ExSetup.xml:11"},
    {"exchange-version", "EXV-01", "exv/fail", Status::fail,
     "fact exchange_line (exchange_build) = 2019",
     "ExSetup.xml:11"},
    {"exchange-version", "EXV-01", "exv/missing", Status::not_collected,
     "fact exchange_line (exchange_build) = not collected",
     ""},
    {"exchange-version", "EXV-02", "exv/pass", Status::pass,
     "fact exchange_build (ExSetup FileVersionInfo FileVersion) = 15.2.2562.53",
     "ExSetup.xml:11"},
    {"exchange-version", "EXV-02", "exv/fail", Status::fail,
     "fact exchange_build (ExSetup FileVersionInfo FileVersion) = 15.2.1258.39",
     "ExSetup.xml:11"},
    {"exchange-version", "EXV-02", "exv/missing", Status::not_collected,
     "fact exchange_build (ExSetup FileVersionInfo FileVersion) = not collected",
     ""},
    {"exchange-version", "EXV-03", "exv/pass", Status::pass,
     "fact exchange_build (ExSetup FileVersionInfo FileVersion) = 15.2.2562.53",
     "ExSetup.xml:11"},
    {"exchange-version", "EXV-03", "exv/fail", Status::fail,
     "fact exchange_build (ExSetup FileVersionInfo FileVersion) = 15.2.1258.39",
     "ExSetup.xml:11"},
    {"exchange-version", "EXV-03", "exv/missing", Status::not_collected,
     "fact exchange_build (ExSetup FileVersionInfo FileVersion) = not collected",
     ""},
    {"exchange-version", "EXV-05", "exv/pass", Status::pass,
     "fact exchange_build (ExSetup FileVersionInfo FileVersion) = 15.2.2562.53; fact os_build (HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\CurrentBuild) = 26100; fact exchange_build (ExSetup FileVersionInfo FileVersion) = 15.2.2562.53; fact os_build (HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\CurrentBuild) = 26100; fact exchange_build (ExSetup FileVersionInfo FileVersion) = 15.2.2562.53; fact os_build (HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\CurrentBuild) = 26100",
     "ExSetup.xml:11"},
    {"exchange-version", "EXV-05", "exv/fail", Status::fail,
     "fact exchange_build (ExSetup FileVersionInfo FileVersion) = 15.2.1258.39; fact os_build (HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\CurrentBuild) = 20348; fact exchange_build (ExSetup FileVersionInfo FileVersion) = 15.2.1258.39; fact os_build (HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\CurrentBuild) = 20348; fact exchange_build (ExSetup FileVersionInfo FileVersion) = 15.2.1258.39; fact os_build (HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\CurrentBuild) = 20348",
     "ExSetup.xml:11"},
    {"exchange-version", "EXV-05", "exv/missing", Status::not_collected,
     "fact exchange_build (ExSetup FileVersionInfo FileVersion) = not collected; fact os_build (HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\CurrentBuild) = 20348; fact exchange_build (ExSetup FileVersionInfo FileVersion) = not collected; fact os_build (HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\CurrentBuild) = 20348; fact exchange_build (ExSetup FileVersionInfo FileVersion) = not collected; fact os_build (HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\CurrentBuild) = 20348",
     "currentversion.reg:4"},
    {"exchange-version", "EXV-05", "exv/missing-os", Status::not_collected,
     "fact exchange_build (ExSetup FileVersionInfo FileVersion) = 15.2.2562.53; fact os_build (HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\CurrentBuild) = not collected; fact exchange_build (ExSetup FileVersionInfo FileVersion) = 15.2.2562.53; fact os_build (HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\CurrentBuild) = not collected; fact exchange_build (ExSetup FileVersionInfo FileVersion) = 15.2.2562.53; fact os_build (HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\CurrentBuild) = not collected",
     "ExSetup.xml:11"},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(exchange_version_fixtures)

BOOST_DATA_TEST_CASE(each_check_gives_its_expected_verdict, boost::unit_test::data::make(kCases), c) {
    hardcheck::test::expect_case(c);
}
BOOST_AUTO_TEST_SUITE_END()
