// Event leaves, XML leaves (without a reader: not collected and load checks) and
// registry_key leaves.
#include <boost/test/unit_test.hpp>

#include "eval/eval_fixtures.hpp"

using namespace hardcheck;
using namespace hardcheck::test;

namespace {

EventRecord event(std::uint32_t id, std::string time, std::vector<std::pair<std::string, std::string>> data,
                  std::uint32_t line) {
    EventRecord e;
    e.id = id;
    e.provider = "Microsoft-Windows-Security-Auditing";
    e.channel = "Security";
    e.time = std::move(time);
    e.data = std::move(data);
    e.where = {"events.xml", line, 1};
    return e;
}

HostEvidence host_with_events() {
    HostEvidence host;
    host.host = "WSUS01";
    host.events = {
        event(4688, "2025-10-01T10:00:00Z", {{"ParentProcessName", "C:\\w\\wsusservice.exe"}, {"NewProcessName", "C:\\cmd.exe"}}, 10),
        event(4688, "2025-10-20T10:00:00Z", {{"ParentProcessName", "C:\\w\\explorer.exe"}, {"NewProcessName", "C:\\cmd.exe"}}, 20),
        event(4624, "2025-10-21T10:00:00Z", {{"LogonType", "3"}}, 30),
    };
    return host;
}

const std::string kIoc =
    "    parameters:\n      ioc_since: 2025-10-14\n"
    "    test:\n      events:\n        id: 4688\n        since: {param: ioc_since}\n"
    "        field: ParentProcessName\n        quantifier: none\n      matches: '\\\\wsusservice\\.exe$'\n";

}  // namespace

BOOST_AUTO_TEST_SUITE(event_and_xml_leaves)

BOOST_AUTO_TEST_CASE(no_event_export_is_not_collected) {
    HostEvidence host;
    BOOST_TEST(status_of(kIoc, host) == "not_collected");
}

BOOST_AUTO_TEST_CASE(time_window_keeps_older_hits_out) {
    BOOST_TEST(status_of(kIoc, host_with_events()) == "pass");
}

BOOST_AUTO_TEST_CASE(hit_inside_the_window_fails_with_its_location) {
    EvaluateOptions options;
    Profile profile;
    profile.parameters["ioc_since"] = ParameterValue{{"2025-09-01"}, false, {}};
    options.profile = &profile;
    const Result r = run_check(kIoc, host_with_events(), options);
    BOOST_TEST(to_string(r.status) == "fail");
    BOOST_TEST(r.evidence[0].where.str() == "events.xml:10:1");
}

BOOST_AUTO_TEST_CASE(event_where_filter_and_count) {
    const std::string body =
        "    test:\n      events:\n        id: [4688, 1]\n        where: {field: NewProcessName, matches: 'cmd\\.exe$'}\n"
        "        quantifier: count\n        count: {min: 2, max: 2}\n";
    BOOST_TEST(status_of(body, host_with_events()) == "pass");
    const std::string until =
        "    test:\n      events:\n        id: 4688\n        until: 2025-10-14\n"
        "        quantifier: count\n        count: {max: 0}\n";
    BOOST_TEST(status_of(until, host_with_events()) == "fail");
}

BOOST_AUTO_TEST_CASE(missing_event_field_is_absent_not_a_match) {
    const std::string body =
        "    test:\n      events:\n        id: 4624\n        field: CommandLine\n        quantifier: all\n      equals: x\n";
    BOOST_TEST(status_of(body, host_with_events()) == "fail");
}

BOOST_AUTO_TEST_CASE(xml_without_config_files_is_not_collected) {
    HostEvidence host;
    const std::string body =
        "    test:\n      xml:\n        config: applicationHost\n"
        "        xpath: \"/configuration/location[@path='Default Web Site/ecp']//extendedProtection/@tokenChecking\"\n"
        "      equals: Require\n";
    const Result r = run_check(body, host);
    BOOST_TEST(to_string(r.status) == "not_collected");
    BOOST_TEST(r.message == "Evidence missing from the bundle: no applicationHost file is in the bundle.");
    BOOST_TEST(one_check(body)->needs.configs);
}

BOOST_AUTO_TEST_CASE(registry_key_exists_absent_and_not_collected) {
    const std::string body = "    test:\n      registry_key: 'HKLM\\SOFTWARE\\Vendor\\Setup'\n      exists: true\n";
    BOOST_TEST(status_of(body, host_with_reg("REGEDIT4\n[HKLM\\SOFTWARE\\Vendor\\Setup]\n")) == "pass");
    BOOST_TEST(status_of(body, host_with_reg("REGEDIT4\n[HKLM\\SOFTWARE]\n")) == "fail");
    BOOST_TEST(status_of(body, host_with_reg("REGEDIT4\n[HKLM\\SYSTEM]\n")) == "not_collected");
}

BOOST_AUTO_TEST_SUITE_END()
