// JUnit XML, parsed back: suites per host, cases per check, statuses mapped.
#include <boost/test/unit_test.hpp>

#include <pugixml.hpp>

#include "report/sample_report.hpp"

using namespace hardcheck;

namespace {

pugi::xml_document parse(const std::string& xml) {
    pugi::xml_document doc;
    const auto result = doc.load_string(xml.c_str());
    BOOST_REQUIRE_MESSAGE(result, "JUnit output does not parse: " << result.description() << " at " << result.offset);
    return doc;
}

std::string counts(pugi::xml_node n) {
    return std::string(n.attribute("tests").value()) + "/" + n.attribute("failures").value() + "/" +
           n.attribute("errors").value() + "/" + n.attribute("skipped").value();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(junit_writer)

BOOST_AUTO_TEST_CASE(one_testsuite_per_host_with_counts) {
    const auto doc = parse(test::render("junit", test::sample_report()));
    const auto root = doc.child("testsuites");
    BOOST_TEST(std::string(root.attribute("name").value()) == "hardcheck");
    BOOST_TEST(counts(root) == "5/1/1/2");
    std::vector<std::string> suites;
    for (auto s : root.children("testsuite")) suites.push_back(std::string(s.attribute("name").value()) + " " + counts(s));
    const std::vector<std::string> want{"H1 2/0/0/1", "H2 3/1/1/1"};
    BOOST_TEST(suites == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(pass_is_a_bare_testcase) {
    const auto doc = parse(test::render("junit", test::sample_report()));
    const auto tc = doc.child("testsuites").child("testsuite").child("testcase");
    BOOST_TEST(std::string(tc.attribute("name").value()) == "DEMO-01 Value is zero");
    BOOST_TEST(std::string(tc.attribute("classname").value()) == "H1");
    BOOST_TEST(!tc.first_child());
}

BOOST_AUTO_TEST_CASE(fail_is_a_failure_with_message_severity_and_evidence) {
    const auto doc = parse(test::render("junit", test::sample_report()));
    const auto failure = doc.select_node("//testsuite[@name='H2']/testcase[@name='DEMO-01 Value is zero']/failure").node();
    BOOST_REQUIRE(failure);
    BOOST_TEST(std::string(failure.attribute("message").value()) == "Not met: HKLM\\A\\V equals 0 (found REG_DWORD 1 (0x1)).");
    BOOST_TEST(std::string(failure.attribute("type").value()) == "high");
    BOOST_TEST(std::string(failure.text().get()) ==
               "status: fail\nseverity: high\nmessage: Not met: HKLM\\A\\V equals 0 (found REG_DWORD 1 (0x1)).\n"
               "expected: HKLM\\A\\V equals 0\nobserved: HKLM\\A\\V = REG_DWORD 1 (0x1)\n"
               "evidence: HKLM\\A\\V = REG_DWORD 1 (0x1)  [b/h2/a.reg:7:1]\nreference: https://example.org/demo-01\n");
}

BOOST_AUTO_TEST_CASE(error_is_an_error_not_a_failure) {
    const auto doc = parse(test::render("junit", test::sample_report()));
    const auto tc = doc.select_node("//testsuite[@name='H2']/testcase[@name='DEMO-02 Setting present']").node();
    BOOST_TEST(!tc.child("failure"));
    BOOST_TEST(std::string(tc.child("error").attribute("message").value()) == "HKLM\\B\\W has type REG_SZ, not REG_DWORD.");
}

BOOST_AUTO_TEST_CASE(not_collected_and_manual_are_skipped_with_reason) {
    const auto doc = parse(test::render("junit", test::sample_report()));
    std::vector<std::string> skipped;
    for (auto n : doc.select_nodes("//skipped")) skipped.push_back(n.node().attribute("message").value());
    const std::vector<std::string> want{"not_collected: Not collected: HKLM\\B is not in the bundle.",
                                        "manual: Manual check: no export can decide it."};
    BOOST_TEST(skipped == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(not_applicable_and_waived_are_skipped_too) {
    Report rep = test::sample_report();
    rep.results[0].status = Status::not_applicable;
    rep.results[2].status = Status::waived;
    const auto doc = parse(test::render("junit", rep));
    BOOST_TEST(counts(doc.child("testsuites")) == "5/0/1/4");
    BOOST_TEST(doc.select_nodes("//skipped").size() == 4u);
}

BOOST_AUTO_TEST_CASE(hostile_strings_survive_as_text_and_control_characters_are_replaced) {
    const auto doc = parse(test::render("junit", test::hostile_report()));
    const auto suite = doc.child("testsuites").child("testsuite");
    BOOST_TEST(std::string(suite.attribute("name").value()) == "<script>alert(\"h\")</script>");
    const auto failure = suite.child("testcase").child("failure");
    BOOST_TEST(std::string(failure.attribute("message").value()) == "</details><script>alert(1)</script>\xEF\xBF\xBD" "bell");
    BOOST_TEST(std::string(suite.child("testcase").attribute("name").value()) == "X-1 Title & \"quotes\" 'single' <b>");
}

BOOST_AUTO_TEST_CASE(notes_of_a_pass_go_to_system_out_and_of_a_failure_to_its_text) {
    Report rep = test::sample_report();
    rep.results[0].notes = {"data <as_of> is 120 days & more older"};
    rep.results[2].notes = {"second note"};
    const std::string xml = test::render("junit", rep);
    BOOST_TEST(xml.find("<system-out>note: data &lt;as_of&gt; is 120 days &amp; more older\n</system-out>") !=
               std::string::npos);
    const auto doc = parse(xml);
    const auto failure = doc.select_node("//testsuite[@name='H2']/testcase[@name='DEMO-01 Value is zero']/failure").node();
    BOOST_TEST(std::string(failure.text().get()).ends_with("reference: https://example.org/demo-01\nnote: second note\n"));
}

BOOST_AUTO_TEST_CASE(same_report_gives_byte_identical_output) {
    BOOST_TEST(test::render("junit", test::sample_report()) == test::render("junit", test::sample_report()));
}

BOOST_AUTO_TEST_SUITE_END()
