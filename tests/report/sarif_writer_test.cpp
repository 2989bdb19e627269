// SARIF 2.1.0, parsed back: rules per check with help, results per failing check
// located at the evidence file and line.
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include "report/sample_report.hpp"

using namespace hardcheck;
using nlohmann::json;

namespace {

json sarif(const Report& rep) { return json::parse(test::render("sarif", rep)); }

}  // namespace

BOOST_AUTO_TEST_SUITE(sarif_writer)

BOOST_AUTO_TEST_CASE(document_is_sarif_2_1_0_with_one_run_by_hardcheck) {
    const json s = sarif(test::sample_report());
    BOOST_TEST(s["version"] == "2.1.0");
    BOOST_TEST(s["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json");
    BOOST_REQUIRE(s["runs"].size() == 1u);
    BOOST_TEST(s["runs"][0]["tool"]["driver"]["name"] == "hardcheck");
    BOOST_TEST(s["runs"][0]["tool"]["driver"]["version"] == "9.9.9");
}

BOOST_AUTO_TEST_CASE(one_rule_per_check_with_help_from_the_baseline) {
    const json rules = sarif(test::sample_report())["runs"][0]["tool"]["driver"]["rules"];
    BOOST_REQUIRE(rules.size() == 3u);
    BOOST_TEST(rules[0] == json::parse(R"J({
      "id": "DEMO-01", "name": "DEMO-01",
      "shortDescription": {"text": "Value is zero"},
      "fullDescription": {"text": "Why it matters."},
      "help": {"text": "Value is zero.\n\nWhy: Why it matters.\n\nFix: Set V to 0.\n\nReferences:\n- https://example.org/demo-01"},
      "helpUri": "https://example.org/demo-01",
      "defaultConfiguration": {"level": "error"},
      "properties": {"tags": ["cisa-exchange-2025:G8"], "severity": "high", "security-severity": "8.0",
                     "references": ["https://example.org/demo-01"]}})J"));
    // Checks the baselines do not describe still get a rule, from their results.
    BOOST_TEST(rules[1]["id"] == "DEMO-02");
    BOOST_TEST(rules[1]["defaultConfiguration"]["level"] == "warning");
    BOOST_TEST(rules[2]["id"] == "DEMO-03");
    BOOST_TEST(rules[2]["defaultConfiguration"]["level"] == "note");
}

BOOST_AUTO_TEST_CASE(failing_checks_only_become_results) {
    const json results = sarif(test::sample_report())["runs"][0]["results"];
    BOOST_REQUIRE(results.size() == 2u);
    BOOST_TEST(results[0]["ruleId"] == "DEMO-01");
    BOOST_TEST(results[0]["ruleIndex"] == 0);
    BOOST_TEST(results[0]["kind"] == "fail");
    BOOST_TEST(results[0]["level"] == "error");
    BOOST_TEST(results[0]["message"]["text"] == "H2: Not met: HKLM\\A\\V equals 0 (found REG_DWORD 1 (0x1)).");
    BOOST_TEST(results[0]["partialFingerprints"]["hardcheck/v1"] == "H2/DEMO-01");
    BOOST_TEST(results[1]["ruleId"] == "DEMO-02");
    BOOST_TEST(results[1]["kind"] == "review");
    BOOST_TEST(results[1]["level"] == "warning");
}

BOOST_AUTO_TEST_CASE(result_is_located_at_the_evidence_file_and_line) {
    const json loc = sarif(test::sample_report())["runs"][0]["results"][0]["locations"][0];
    BOOST_TEST(loc["physicalLocation"] ==
               json::parse(R"({"artifactLocation": {"uri": "b/h2/a.reg"}, "region": {"startLine": 7, "startColumn": 1}})"));
    BOOST_TEST(loc["message"]["text"] == "HKLM\\A\\V = REG_DWORD 1 (0x1)");
}

BOOST_AUTO_TEST_CASE(uris_are_percent_encoded_and_absolute_paths_become_file_uris) {
    Report rep = test::hostile_report();
    rep.results[0].evidence.push_back({{"/srv/bundles/h 1/a.reg", 0, 0}, "k", "v", false});
    const json locs = sarif(rep)["runs"][0]["results"][0]["locations"];
    BOOST_REQUIRE(locs.size() == 2u);
    BOOST_TEST(locs[0]["physicalLocation"] ==
               json::parse(R"({"artifactLocation": {"uri": "dir%20with%20space/%3Cx%3E.reg"}, "region": {"startLine": 2}})"));
    // No line known: no region.
    BOOST_TEST(locs[1]["physicalLocation"] == json::parse(R"({"artifactLocation": {"uri": "file:///srv/bundles/h%201/a.reg"}})"));
}

BOOST_AUTO_TEST_CASE(critical_maps_to_error_with_highest_security_severity) {
    const json s = sarif(test::hostile_report());
    BOOST_TEST(s["runs"][0]["results"][0]["level"] == "error");
    BOOST_TEST(s["runs"][0]["tool"]["driver"]["rules"][0]["properties"]["security-severity"] == "9.5");
}

BOOST_AUTO_TEST_CASE(waived_failure_is_a_suppressed_result) {
    Report rep = test::sample_report();
    rep.results[2].status = Status::waived;
    rep.results[2].message = "Waived: accepted until the upgrade.";
    const json results = sarif(rep)["runs"][0]["results"];
    BOOST_REQUIRE(results.size() == 2u);
    BOOST_TEST(results[0]["ruleId"] == "DEMO-01");
    BOOST_TEST(results[0]["suppressions"] ==
               json::parse(R"([{"kind": "external", "status": "accepted", "justification": "Waived: accepted until the upgrade."}])"));
    BOOST_TEST(!results[1].contains("suppressions"));
}

BOOST_AUTO_TEST_CASE(notes_are_a_result_property_only_when_present) {
    Report rep = test::sample_report();
    rep.results[2].notes = {"the Exchange build data is 120 days older than the collection \"x\""};
    const std::string text = test::render("sarif", rep);
    BOOST_TEST(text.find(R"("the Exchange build data is 120 days older than the collection \"x\"")") != std::string::npos);
    const json results = json::parse(text)["runs"][0]["results"];
    BOOST_TEST(results[0]["properties"]["notes"] ==
               json::array({"the Exchange build data is 120 days older than the collection \"x\""}));
    BOOST_TEST(!results[1]["properties"].contains("notes"));
}

BOOST_AUTO_TEST_CASE(same_report_gives_byte_identical_output) {
    BOOST_TEST(test::render("sarif", test::sample_report()) == test::render("sarif", test::sample_report()));
}

BOOST_AUTO_TEST_SUITE_END()
