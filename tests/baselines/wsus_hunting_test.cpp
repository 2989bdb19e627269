// WSUS-03 and WSUS-04 of the built-in baseline wsus-cve-2025-59287 (pass and fail of
// WSUS-04 are in wsus_examples_test.cpp): the missing-events bundle of
// tests/data/fixtures/wsus/ (README there), and WSUS-03 is manual.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "baselines/check_fixture.hpp"

using namespace hardcheck;
using hardcheck::test::CheckCase;

namespace {

const CheckCase kCases[] = {
    {"wsus-cve-2025-59287", "WSUS-04", "wsus/missing-events", Status::not_collected,
     "events id 4688 channel Security since {param: ioc_since} (count >= 1) = not collected; events id 1 provider Microsoft-Windows-Sysmon since {param: ioc_since} (count >= 1) = not collected; events id 4688 channel Security since {param: ioc_since} where (ParentProcessName matches \\\\(wsusservice|w3wp|mmc)\\.exe$ and (NewProcessName matches \\\\(cmd|powershell|pwsh)\\.exe$ or CommandLine matches \\s-(e|ec|en|enc|encodedcommand)\\s|[A-Za-z0-9+/]{200,}={0,2})) (count <= 0) = not collected; events id 1 provider Microsoft-Windows-Sysmon since {param: ioc_since} where ((ParentImage matches \\\\(wsusservice|mmc)\\.exe$ or (ParentImage matches \\\\w3wp\\.exe$ and ParentCommandLine matches WsusPool)) and (Image matches \\\\(cmd|powershell|pwsh)\\.exe$ or CommandLine matches \\s-(e|ec|en|enc|encodedcommand)\\s|[A-Za-z0-9+/]{200,}={0,2})) (count <= 0) = not collected",
     ""},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(wsus_hunting)

BOOST_DATA_TEST_CASE(each_check_gives_its_expected_verdict, boost::unit_test::data::make(kCases), c) {
    hardcheck::test::expect_case(c);
}

BOOST_AUTO_TEST_CASE(wsus03_is_manual_with_the_firewall_restriction_as_guidance) {
    hardcheck::test::expect_manual("wsus-cve-2025-59287", "WSUS-03", "wsus/missing-events",
                                   "Restrict the RemoteAddress of every inbound allow rule for TCP 8530/8531");
}

BOOST_AUTO_TEST_SUITE_END()
