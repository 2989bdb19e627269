// The built-in baseline exchange-tls-facts (TLS-05, TLS 1.3 on builds before 2019 CU15)
// on the bundles of tests/data/fixtures/tls05/ (README there).
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "baselines/check_fixture.hpp"

using namespace hardcheck;
using hardcheck::test::CheckCase;

namespace {

const CheckCase kCases[] = {
    {"exchange-tls-facts", "TLS-05", "tls05/pass", Status::pass,
     "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.3\\Server\\Enabled = REG_DWORD 0 (0x0); HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.3\\Client\\Enabled = REG_DWORD 0 (0x0)",
     "schannel.reg:22"},
    {"exchange-tls-facts", "TLS-05", "tls05/fail", Status::fail,
     "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.3\\Server\\Enabled = absent (OS default 1 assumed); HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.3\\Client\\Enabled = absent (OS default 1 assumed)",
     "schannel.reg:3"},
    {"exchange-tls-facts", "TLS-05", "tls05/missing", Status::not_collected,
     "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.3\\Server\\Enabled = not collected; HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.3\\Client\\Enabled = not collected",
     ""},
    // Windows Server 2019 has no TLS 1.3 in Schannel: positive evidence that it does not apply.
    {"exchange-tls-facts", "TLS-05", "tls05/not-applicable-ws2019", Status::not_applicable,
     "fact os_build (HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\CurrentBuild) = 17763; fact exchange_build (ExSetup FileVersionInfo FileVersion) = 15.2.1544.4",
     "currentversion.reg:4"},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(exchange_tls_facts)

BOOST_DATA_TEST_CASE(each_check_gives_its_expected_verdict, boost::unit_test::data::make(kCases), c) {
    hardcheck::test::expect_case(c);
}
BOOST_AUTO_TEST_SUITE_END()
