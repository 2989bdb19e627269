// The JSON report: exact fields, key order, determinism, and reading it back.
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>

#include "report/sample_report.hpp"

using namespace hardcheck;
using nlohmann::json;

namespace {

json sample_json() { return json::parse(test::render("json", test::sample_report())); }

std::string error_of(std::string_view text) {
    try {
        parse_json_report(text, "r.json");
    } catch (const InputError& e) {
        return e.diagnostics().at(0).str();
    }
    return "no error";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(json_writer)

BOOST_AUTO_TEST_CASE(top_level_keys_come_in_schema_order_without_run_time) {
    std::vector<std::string> keys;
    // ordered_json keeps document order when parsing.
    const auto doc = nlohmann::ordered_json::parse(test::render("json", test::sample_report()));
    for (const auto& [k, v] : doc.items()) keys.push_back(k);
    const std::vector<std::string> want{"schema", "schema_version", "tool", "profile", "baselines",
                                        "summary", "hosts", "results"};
    BOOST_TEST(keys == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(header_names_tool_schema_baselines_and_profile) {
    const json j = sample_json();
    BOOST_TEST(j["schema"] == "hardcheck-report");
    BOOST_TEST(j["schema_version"] == 1);
    BOOST_TEST(j["tool"] == json({{"name", "hardcheck"}, {"version", "9.9.9"}}));
    BOOST_TEST(j["profile"].is_null());
    BOOST_TEST(j["baselines"] == json::parse(R"([{"id":"demo","title":"Demo baseline","version":"1.2.0"}])"));
}

BOOST_AUTO_TEST_CASE(run_time_and_profile_appear_only_when_set) {
    Report rep = test::sample_report();
    rep.run_time = "2026-11-25T17:00:00Z";
    rep.profile = "strict";
    const json j = json::parse(test::render("json", rep));
    BOOST_TEST(j["run_time"] == "2026-11-25T17:00:00Z");
    BOOST_TEST(j["profile"] == "strict");
    BOOST_TEST(!sample_json().contains("run_time"));
}

BOOST_AUTO_TEST_CASE(summaries_count_every_status_overall_and_per_host) {
    const json j = sample_json();
    BOOST_TEST(j["summary"] == json::parse(R"({"total":5,"pass":1,"fail":1,"not_applicable":0,"not_collected":1,
                                                "error":1,"waived":0,"manual":1})"));
    BOOST_REQUIRE(j["hosts"].size() == 2u);
    BOOST_TEST(j["hosts"][0]["name"] == "H1");
    BOOST_TEST(j["hosts"][0]["summary"]["total"] == 2);
    BOOST_TEST(j["hosts"][0]["summary"]["not_collected"] == 1);
    BOOST_TEST(j["hosts"][1]["name"] == "H2");
    BOOST_TEST(j["hosts"][1]["summary"] == json::parse(R"({"total":3,"pass":0,"fail":1,"not_applicable":0,
                                                          "not_collected":0,"error":1,"waived":0,"manual":1})"));
}

BOOST_AUTO_TEST_CASE(a_result_carries_every_field) {
    const json r = sample_json()["results"][2];
    const json want = json::parse(R"J({
      "host": "H2", "check_id": "DEMO-01", "title": "Value is zero", "severity": "high", "status": "fail",
      "observed": "HKLM\\A\\V = REG_DWORD 1 (0x1)", "expected": "HKLM\\A\\V equals 0",
      "message": "Not met: HKLM\\A\\V equals 0 (found REG_DWORD 1 (0x1)).", "default_assumed": false,
      "evidence": [{"file": "b/h2/a.reg", "line": 7, "column": 1, "locator": "HKLM\\A\\V",
                    "observed": "REG_DWORD 1 (0x1)", "default_assumed": false}],
      "references": ["https://example.org/demo-01"], "tags": ["cisa-exchange-2025:G8"], "waiver": null})J");
    BOOST_TEST(r == want);
}

BOOST_AUTO_TEST_CASE(same_report_gives_byte_identical_output) {
    BOOST_TEST(test::render("json", test::sample_report()) == test::render("json", test::sample_report()));
}

BOOST_AUTO_TEST_CASE(invalid_utf8_becomes_replacement_character) {
    Report rep = test::sample_report();
    rep.results[0].observed = "bad \xFF byte";
    const json j = json::parse(test::render("json", rep));
    BOOST_TEST(j["results"][0]["observed"] == "bad \xEF\xBF\xBD byte");
}

BOOST_AUTO_TEST_CASE(report_reads_back_with_every_result_field) {
    const Report original = test::sample_report();
    const Report back = parse_json_report(test::render("json", original), "r.json");
    BOOST_TEST(back.tool_version == "9.9.9");
    BOOST_REQUIRE(back.baselines.size() == 1u);
    BOOST_TEST(back.baselines[0].version == "1.2.0");
    BOOST_REQUIRE(back.results.size() == original.results.size());
    for (std::size_t i = 0; i < back.results.size(); ++i) {
        const auto &a = original.results[i], &b = back.results[i];
        BOOST_TEST(a.host == b.host);
        BOOST_TEST(a.check_id == b.check_id);
        BOOST_TEST(a.title == b.title);
        BOOST_TEST(to_string(a.severity) == to_string(b.severity));
        BOOST_TEST(to_string(a.status) == to_string(b.status));
        BOOST_TEST(a.observed == b.observed);
        BOOST_TEST(a.expected == b.expected);
        BOOST_TEST(a.message == b.message);
        BOOST_TEST(a.references == b.references, boost::test_tools::per_element());
        BOOST_TEST(a.tags == b.tags, boost::test_tools::per_element());
        BOOST_REQUIRE(a.evidence.size() == b.evidence.size());
        for (std::size_t k = 0; k < a.evidence.size(); ++k) {
            BOOST_TEST(a.evidence[k].where.str() == b.evidence[k].where.str());
            BOOST_TEST(a.evidence[k].locator == b.evidence[k].locator);
            BOOST_TEST(a.evidence[k].observed == b.evidence[k].observed);
        }
    }
}

BOOST_AUTO_TEST_CASE(syntax_error_is_reported_at_line_and_column) {
    BOOST_TEST(error_of("{\n  \"schema\": }") ==
               "r.json:2:13: error: invalid JSON: syntax error while parsing value - unexpected '}'; expected '[', "
               "'{', or a literal");
}

BOOST_AUTO_TEST_CASE(other_documents_are_refused) {
    BOOST_TEST(error_of(R"({"schema": "sarif", "schema_version": 1})") == "r.json: error: schema: not a hardcheck report");
}

BOOST_AUTO_TEST_CASE(newer_schema_version_is_refused) {
    BOOST_TEST(error_of(R"({"schema": "hardcheck-report", "schema_version": 2})") ==
               "r.json: error: schema_version: version 2 is not supported (this build reads 1)");
}

BOOST_AUTO_TEST_CASE(unknown_status_is_named_by_its_json_path) {
    auto j = sample_json();
    j["results"][3]["status"] = "passish";
    BOOST_TEST(error_of(j.dump()) == "r.json: error: results[3].status: unknown status");
}

BOOST_AUTO_TEST_CASE(wrong_type_is_named_by_its_json_path) {
    auto j = sample_json();
    j["results"][2]["evidence"][0]["line"] = "seven";
    BOOST_TEST(error_of(j.dump()) == "r.json: error: results[2].evidence[0].line: expected number");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(json_writer_notes)

BOOST_AUTO_TEST_CASE(notes_appear_after_the_message_only_when_present_and_read_back) {
    Report rep = test::sample_report();
    BOOST_TEST(!json::parse(test::render("json", rep))["results"][0].contains("notes"));
    rep.results[0].notes = {"Version data v.yaml is old."};
    const std::string text = test::render("json", rep);
    const auto doc = nlohmann::ordered_json::parse(text);
    std::vector<std::string> keys;
    for (const auto& [k, v] : doc["results"][0].items()) keys.push_back(k);
    BOOST_TEST(keys.at(8) == "notes");
    BOOST_TEST(doc["results"][0]["notes"] == json::parse(R"(["Version data v.yaml is old."])"));
    const Report back = parse_json_report(text, "r.json");
    BOOST_TEST(back.results[0].notes == std::vector<std::string>{"Version data v.yaml is old."},
               boost::test_tools::per_element());
    BOOST_TEST(test::render("text", rep, ReportOptions{true, false}).find("      note: Version data v.yaml is old.\n") !=
               std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
