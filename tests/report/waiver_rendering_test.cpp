// Waiver details in every format.  Result's waiver fields come from the profile
// work merged separately; until both are on one branch these cases are skipped
// (precondition), afterwards they run.
#include <boost/test/unit_test.hpp>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "report/sample_report.hpp"

using namespace hardcheck;
using nlohmann::json;

namespace {

template <class R>
constexpr bool has_waiver_fields = requires(R r) {
    r.waiver_state;
    r.waiver_reason;
    r.waiver_owner;
    r.waiver_expires;
    r.waiver_where;
};

boost::test_tools::assertion_result waiver_fields_present(boost::unit_test::test_unit_id) {
    boost::test_tools::assertion_result ok(has_waiver_fields<Result>);
    ok.message() << "Result has no waiver fields on this branch";
    return ok;
}

// The sample with H2's failure waived: state applied (the enumerator after none).
template <class R = Result>
Report waived_report() {
    Report rep = test::sample_report();
    if constexpr (has_waiver_fields<R>) {
        R& r = rep.results[2];
        r.status = Status::waived;
        r.waiver_state = static_cast<decltype(r.waiver_state)>(1);
        r.waiver_reason = "Vendor fix pending";
        r.waiver_owner = "ops";
        r.waiver_expires = "2027-01-31";
        r.waiver_where = {"p.yaml", 4, 5};
    }
    return rep;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(waiver_rendering, *boost::unit_test::precondition(waiver_fields_present))

BOOST_AUTO_TEST_CASE(json_has_the_waiver_object) {
    const json j = json::parse(test::render("json", waived_report()));
    BOOST_TEST(j["results"][2]["waiver"] == json::parse(R"({"state": "applied", "reason": "Vendor fix pending",
        "owner": "ops", "expires": "2027-01-31", "where": "p.yaml:4:5"})"));
    BOOST_TEST(j["results"][0]["waiver"].is_null());
}

BOOST_AUTO_TEST_CASE(text_shows_reason_owner_and_expiry) {
    const std::string text = test::render("text", waived_report());
    BOOST_TEST(text.find("  WAIVED         high     DEMO-01  Value is zero\n") != std::string::npos, text);
    BOOST_TEST(text.find("      waiver (applied): Vendor fix pending — owner ops, expires 2027-01-31\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(csv_fills_the_waiver_columns) {
    const std::string csv = test::render("csv", waived_report());
    BOOST_TEST(csv.find(",cisa-exchange-2025:G8,applied,Vendor fix pending,ops,2027-01-31,\r\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(junit_skips_with_the_waiver_as_reason) {
    pugi::xml_document doc;
    BOOST_REQUIRE(doc.load_string(test::render("junit", waived_report()).c_str()));
    const auto skipped = doc.select_node("//testsuite[@name='H2']/testcase[@name='DEMO-01 Value is zero']/skipped").node();
    BOOST_TEST(std::string(skipped.attribute("message").value()) == "waived: Vendor fix pending (owner ops, expires 2027-01-31)");
}

BOOST_AUTO_TEST_CASE(sarif_suppresses_with_the_waiver_as_justification) {
    const json s = json::parse(test::render("sarif", waived_report()));
    BOOST_TEST(s["runs"][0]["results"][0]["suppressions"][0]["justification"] ==
               "Vendor fix pending (owner ops, expires 2027-01-31)");
}

BOOST_AUTO_TEST_CASE(html_lists_the_waiver) {
    const std::string html = test::render("html", waived_report());
    BOOST_TEST(html.find("\n<dt>Waiver</dt><dd>applied: Vendor fix pending (owner ops, expires 2027-01-31) at p.yaml:4:5</dd>\n") !=
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(oscal_finding_carries_waiver_props) {
    const json f = json::parse(test::render("oscal", waived_report()))["assessment-results"]["results"][0]["findings"][2];
    BOOST_TEST(f["remarks"] == "Waiver: Vendor fix pending");
    BOOST_TEST(f["props"][1]["value"] == "applied");
    BOOST_TEST(f["props"][2]["value"] == "ops");
    BOOST_TEST(f["props"][3]["value"] == "2027-01-31");
}

BOOST_AUTO_TEST_SUITE_END()
