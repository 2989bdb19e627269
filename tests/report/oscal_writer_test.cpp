// OSCAL 1.1 assessment-results: the fields the OSCAL JSON schema requires, their
// formats (UUIDs, timestamps, tokens, allowed values), and the cross references.
#include <boost/test/unit_test.hpp>

#include <regex>
#include <set>

#include <nlohmann/json.hpp>

#include "report/report_model.hpp"
#include "report/sample_report.hpp"

using namespace hardcheck;
using nlohmann::json;

namespace {

json oscal(const Report& rep) { return json::parse(test::render("oscal", rep)); }

// Patterns of the OSCAL 1.1 JSON schema: UUIDs are version 4 or 5; date-times
// carry a time zone.
const std::regex kUuid("^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[45][0-9A-Fa-f]{3}-[89ABab][0-9A-Fa-f]{3}-[0-9A-Fa-f]{12}$");
const std::regex kDateTime(R"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$)");
const std::regex kToken(R"(^[A-Za-z_][A-Za-z0-9._-]*$)");

void require_fields(const json& object, std::initializer_list<const char*> fields, const std::string& where) {
    for (const char* f : fields) BOOST_TEST(object.contains(f), where << " lacks required " << f);
}

// Checks a document against the structure the assessment-results schema requires.
void check_assessment_results(const json& doc) {
    BOOST_REQUIRE(doc.contains("assessment-results"));
    const json& ar = doc["assessment-results"];
    require_fields(ar, {"uuid", "metadata", "import-ap", "results"}, "assessment-results");
    BOOST_TEST(std::regex_match(ar["uuid"].get<std::string>(), kUuid));
    require_fields(ar["metadata"], {"title", "last-modified", "version", "oscal-version"}, "metadata");
    BOOST_TEST(std::regex_match(ar["metadata"]["last-modified"].get<std::string>(), kDateTime));
    BOOST_TEST(ar["metadata"]["oscal-version"].get<std::string>().starts_with("1.1."));
    require_fields(ar["import-ap"], {"href"}, "import-ap");
    // A "#uuid" href must name a back-matter resource.
    const std::string href = ar["import-ap"]["href"];
    BOOST_REQUIRE(href.starts_with("#"));
    BOOST_TEST(ar["back-matter"]["resources"][0]["uuid"] == href.substr(1));
    BOOST_REQUIRE(ar["results"].is_array());
    BOOST_REQUIRE(!ar["results"].empty());
    std::set<std::string> uuids;
    for (const auto& result : ar["results"]) {
        require_fields(result, {"uuid", "title", "description", "start", "reviewed-controls"}, "result");
        BOOST_TEST(std::regex_match(result["start"].get<std::string>(), kDateTime));
        BOOST_TEST(!result["reviewed-controls"]["control-selections"].empty());
        std::set<std::string> subjects;
        for (const auto& item : result["local-definitions"]["inventory-items"]) {
            require_fields(item, {"uuid", "description"}, "inventory-item");
            subjects.insert(item["uuid"].get<std::string>());
        }
        std::set<std::string> observations;
        for (const auto& o : result["observations"]) {
            require_fields(o, {"uuid", "description", "methods", "collected"}, "observation");
            BOOST_TEST(std::regex_match(o["uuid"].get<std::string>(), kUuid));
            BOOST_TEST(uuids.insert(o["uuid"].get<std::string>()).second, "duplicate uuid");
            for (const auto& m : o["methods"]) BOOST_TEST((m == "EXAMINE" || m == "INTERVIEW" || m == "TEST" || m == "UNKNOWN"));
            for (const auto& s : o["subjects"]) BOOST_TEST(subjects.contains(s["subject-uuid"].get<std::string>()));
            for (const auto& p : o["props"]) BOOST_TEST(std::regex_match(p["name"].get<std::string>(), kToken));
            observations.insert(o["uuid"].get<std::string>());
        }
        for (const auto& f : result["findings"]) {
            require_fields(f, {"uuid", "title", "description", "target"}, "finding");
            BOOST_TEST(uuids.insert(f["uuid"].get<std::string>()).second, "duplicate uuid");
            require_fields(f["target"], {"type", "target-id", "status"}, "finding target");
            BOOST_TEST((f["target"]["type"] == "objective-id" || f["target"]["type"] == "statement-id"));
            BOOST_TEST(std::regex_match(f["target"]["target-id"].get<std::string>(), kToken));
            const auto state = f["target"]["status"]["state"];
            BOOST_TEST((state == "satisfied" || state == "not-satisfied"));
            for (const auto& rel : f["related-observations"])
                BOOST_TEST(observations.contains(rel["observation-uuid"].get<std::string>()));
        }
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(oscal_writer)

BOOST_AUTO_TEST_CASE(sample_has_the_structure_the_schema_requires) { check_assessment_results(oscal(test::sample_report())); }

BOOST_AUTO_TEST_CASE(hostile_check_ids_still_give_valid_tokens) {
    Report rep = test::hostile_report();
    rep.results[0].check_id = "1 <bad> id";
    const json doc = oscal(rep);
    check_assessment_results(doc);
    BOOST_TEST(doc["assessment-results"]["results"][0]["findings"][0]["target"]["target-id"] == "_1__bad__id");
}

BOOST_AUTO_TEST_CASE(one_observation_and_finding_per_host_and_check) {
    const json result = oscal(test::sample_report())["assessment-results"]["results"][0];
    BOOST_TEST(result["observations"].size() == 5u);
    BOOST_TEST(result["findings"].size() == 5u);
    BOOST_TEST(result["local-definitions"]["inventory-items"].size() == 2u);
    BOOST_TEST(result["observations"][2]["title"] == "DEMO-01 on H2");
    BOOST_TEST(result["observations"][2]["relevant-evidence"][0]["description"] ==
               "HKLM\\A\\V = REG_DWORD 1 (0x1) at b/h2/a.reg:7:1");
}

BOOST_AUTO_TEST_CASE(notes_are_paragraphs_of_the_observation_remarks) {
    Report rep = test::sample_report();
    rep.results[0].notes = {"the Exchange build data is 120 days older than the collection"};
    rep.results[1].notes = {"first <note>", "second & last"};
    const json doc = oscal(rep);
    check_assessment_results(doc);
    const json observations = doc["assessment-results"]["results"][0]["observations"];
    BOOST_TEST(observations[0]["remarks"] ==
               "Observed: HKLM\\A\\V = REG_DWORD 0 (0x0)\n\nNote: the Exchange build data is 120 days older than the "
               "collection");
    BOOST_TEST(observations[1]["remarks"] == "Note: first <note>\n\nNote: second & last");
    BOOST_TEST(!observations[3].contains("remarks"));
}

BOOST_AUTO_TEST_CASE(only_pass_and_not_applicable_are_satisfied) {
    Report rep = test::sample_report();
    rep.results[4].status = Status::not_applicable;
    const json findings = oscal(rep)["assessment-results"]["results"][0]["findings"];
    std::vector<std::string> states;
    for (const auto& f : findings)
        states.push_back(f["target"]["status"]["state"].get<std::string>() + "/" + f["target"]["status"]["reason"].get<std::string>());
    // pass, not_collected, fail, error, not_applicable
    const std::vector<std::string> want{"satisfied/pass", "not-satisfied/other", "not-satisfied/fail",
                                        "not-satisfied/other", "satisfied/other"};
    BOOST_TEST(states == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(timestamps_come_from_the_run_time_when_given) {
    Report rep = test::sample_report();
    rep.run_time = "2026-11-25T17:00:00Z";
    const json ar = oscal(rep)["assessment-results"];
    BOOST_TEST(ar["metadata"]["last-modified"] == "2026-11-25T17:00:00Z");
    BOOST_TEST(ar["results"][0]["start"] == "2026-11-25T17:00:00Z");
    BOOST_TEST(oscal(test::sample_report())["assessment-results"]["metadata"]["last-modified"] == "1970-01-01T00:00:00Z");
}

BOOST_AUTO_TEST_CASE(uuids_are_rfc4122_version_5) {
    // Python: uuid.uuid5(uuid.UUID('2c7e3a52-9f0d-4b6e-8a1c-5d3f0e9b7a41'), name)
    BOOST_TEST(detail::uuid_v5("host|H1") == "7688fb53-7c03-5836-99ca-71a683951a63");
    BOOST_TEST(detail::uuid_v5(std::string(200, 'x')) == "bac29802-8231-5bc6-872e-84882c334b6e");
}

BOOST_AUTO_TEST_CASE(same_report_gives_byte_identical_output) {
    BOOST_TEST(test::render("oscal", test::sample_report()) == test::render("oscal", test::sample_report()));
}

BOOST_AUTO_TEST_SUITE_END()
