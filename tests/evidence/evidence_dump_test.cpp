#include <boost/test/unit_test.hpp>

#include <sstream>

#include "hardcheck/evidence.hpp"
#include "test_paths.hpp"

using namespace hardcheck;

BOOST_AUTO_TEST_SUITE(evidence_dump)

BOOST_AUTO_TEST_CASE(clixml_objects_become_json_lines_with_typed_values) {
    const auto file = test::data_dir() / "clixml" / "dump_sample.xml";
    std::ostringstream out;
    std::vector<Diagnostic> problems;
    BOOST_TEST(dump_evidence_json(file, out, false, problems) == 0u);
    const std::string f = file.string();
    BOOST_TEST(out.str() ==
               "{\"file\":\"" + f + "\",\"line\":2,\"type_names\":[\"Ns.Thing\",\"System.Object\"],"
               "\"to_string\":\"thing \\\"one\\\"\",\"properties\":{\"Name\":\"a\\nb\",\"On\":true,\"Big\":-5,"
               "\"When\":{\"datetime\":\"2024-01-02T03:04:05Z\"},\"State\":{\"enum\":\"Up\",\"value\":1},"
               "\"Tags\":[\"x\",null]}}\n"
               "{\"file\":\"" + f + "\",\"line\":14,\"type_names\":[\"System.String\"],\"to_string\":\"loose\","
               "\"value\":\"loose\",\"properties\":{}}\n");
}

BOOST_AUTO_TEST_CASE(summary_is_one_line_per_file) {
    const auto file = test::data_dir() / "clixml" / "dump_sample.xml";
    std::ostringstream out;
    std::vector<Diagnostic> problems;
    dump_evidence_json(file, out, true, problems);
    BOOST_TEST(out.str() == "{\"file\":\"" + file.string() + "\",\"format\":\"clixml\",\"objects\":2,\"errors\":0}\n");
}

BOOST_AUTO_TEST_CASE(config_elements_and_events_are_dumped_too) {
    std::ostringstream out;
    std::vector<Diagnostic> problems;
    const auto config = test::data_dir() / "corpus" / "exchange" / "E16" / "Exchange" / "IIS" / "DefaultWebSite-ECP_web.config";
    dump_evidence_json(config, out, false, problems);
    const auto first_line = out.str().substr(0, out.str().find('\n'));
    BOOST_TEST(first_line == "{\"file\":\"" + config.string() + "\",\"line\":6,\"path\":\"/configuration\",\"attributes\":{}}");
    BOOST_TEST(out.str().find("\"path\":\"/configuration/appSettings/add\",\"attributes\":{\"key\":\"HttpProxy.ProtocolType\","
                              "\"value\":\"Ecp\"}") != std::string::npos);
    std::ostringstream events;
    dump_evidence_json(test::data_dir() / "events" / "sysmon_and_4688.xml", events, true, problems);
    BOOST_TEST(events.str().find("\"format\":\"events\",\"objects\":3,\"errors\":0}") != std::string::npos);
    BOOST_TEST(problems.empty());
}

BOOST_AUTO_TEST_CASE(errors_are_counted_and_returned_as_diagnostics) {
    const auto file = test::data_dir() / "clixml" / "bad_ref.xml";
    std::ostringstream out;
    std::vector<Diagnostic> problems;
    BOOST_TEST(dump_evidence_json(file, out, true, problems) == 1u);
    BOOST_TEST(out.str() == "{\"file\":\"" + file.string() + "\",\"format\":\"clixml\",\"objects\":0,\"errors\":1}\n");
    BOOST_REQUIRE(problems.size() == 1u);
    BOOST_TEST(problems[0].str() == file.string() + ":3:7: error: Ref to unknown RefId '5'");
}

BOOST_AUTO_TEST_CASE(other_files_are_refused) {
    std::ostringstream out;
    std::vector<Diagnostic> problems;
    BOOST_CHECK_THROW(dump_evidence_json(test::data_dir() / "corpus" / "exchange" / "SOURCE.md", out, false, problems),
                      InputError);
}

BOOST_AUTO_TEST_SUITE_END()
