// Diffing two runs: regressions, fixes, changed observations, added and removed
// checks, per host.
#include <boost/test/unit_test.hpp>

#include <sstream>

#include "report/sample_report.hpp"

using namespace hardcheck;

namespace {

std::vector<std::string> kinds(const ReportDiff& d) {
    std::vector<std::string> out;
    for (const auto& c : d.changes) out.push_back(std::string(to_string(c.kind)) + " " + c.host + " " + c.check_id);
    return out;
}

Result& find(Report& rep, std::string_view host, std::string_view check) {
    for (auto& r : rep.results)
        if (r.host == host && r.check_id == check) return r;
    throw std::runtime_error("no such result");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(report_diff)

BOOST_AUTO_TEST_CASE(identical_reports_have_no_changes) {
    const auto d = diff_reports(test::sample_report(), test::sample_report());
    BOOST_TEST(d.changes.empty());
    BOOST_TEST(!d.has_regressions());
}

BOOST_AUTO_TEST_CASE(pass_to_fail_is_a_regression) {
    Report after = test::sample_report();
    find(after, "H1", "DEMO-01").status = Status::fail;
    const auto d = diff_reports(test::sample_report(), after);
    BOOST_TEST(kinds(d) == std::vector<std::string>{"regression H1 DEMO-01"}, boost::test_tools::per_element());
    BOOST_TEST(d.has_regressions());
}

BOOST_AUTO_TEST_CASE(pass_to_not_collected_is_a_regression) {
    Report after = test::sample_report();
    find(after, "H1", "DEMO-01").status = Status::not_collected;
    BOOST_TEST(diff_reports(test::sample_report(), after).has_regressions());
}

BOOST_AUTO_TEST_CASE(fail_to_pass_is_a_fix_and_not_a_regression) {
    Report after = test::sample_report();
    find(after, "H2", "DEMO-01").status = Status::pass;
    find(after, "H2", "DEMO-01").observed = "HKLM\\A\\V = REG_DWORD 0 (0x0)";
    const auto d = diff_reports(test::sample_report(), after);
    BOOST_TEST(kinds(d) == std::vector<std::string>{"fixed H2 DEMO-01"}, boost::test_tools::per_element());
    BOOST_TEST(!d.has_regressions());
    BOOST_TEST(d.changes[0].old_observed == "HKLM\\A\\V = REG_DWORD 1 (0x1)");
    BOOST_TEST(d.changes[0].new_observed == "HKLM\\A\\V = REG_DWORD 0 (0x0)");
}

BOOST_AUTO_TEST_CASE(fail_to_error_is_a_change_not_a_fix) {
    Report after = test::sample_report();
    find(after, "H2", "DEMO-01").status = Status::error;
    const auto d = diff_reports(test::sample_report(), after);
    BOOST_TEST(kinds(d) == std::vector<std::string>{"changed H2 DEMO-01"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(same_status_with_new_observed_value_is_a_change) {
    Report after = test::sample_report();
    find(after, "H2", "DEMO-01").observed = "HKLM\\A\\V = REG_DWORD 2 (0x2)";
    BOOST_TEST(kinds(diff_reports(test::sample_report(), after)) == std::vector<std::string>{"changed H2 DEMO-01"},
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(new_failing_check_is_a_regression_new_passing_check_is_added) {
    Report after = test::sample_report();
    after.results.push_back(test::make_result("H1", "DEMO-09", "New", Severity::low, Status::fail));
    after.results.push_back(test::make_result("H3", "DEMO-01", "Value is zero", Severity::high, Status::pass));
    const std::vector<std::string> want{"regression H1 DEMO-09", "added H3 DEMO-01"};
    BOOST_TEST(kinds(diff_reports(test::sample_report(), after)) == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(checks_gone_from_the_new_report_are_removed) {
    Report after = test::sample_report();
    after.results.pop_back();
    const auto d = diff_reports(test::sample_report(), after);
    BOOST_TEST(kinds(d) == std::vector<std::string>{"removed H2 DEMO-03"}, boost::test_tools::per_element());
    BOOST_TEST(!d.has_regressions());
}

BOOST_AUTO_TEST_CASE(text_lists_regressions_first_per_host_with_a_summary) {
    Report after = test::sample_report();
    find(after, "H2", "DEMO-01").status = Status::pass;
    find(after, "H2", "DEMO-01").observed = "HKLM\\A\\V = REG_DWORD 0 (0x0)";
    find(after, "H2", "DEMO-03").status = Status::fail;
    std::ostringstream out;
    write_diff_text(out, diff_reports(test::sample_report(), after));
    const std::string want = R"(host H2
  regression low      DEMO-03  manual -> fail  Reviewed by a person
  fixed      high     DEMO-01  fail -> pass  Value is zero
      observed was: HKLM\A\V = REG_DWORD 1 (0x1)
      observed now: HKLM\A\V = REG_DWORD 0 (0x0)
summary: 1 regressions, 1 fixed, 0 changed, 0 added, 0 removed
)";
    BOOST_TEST(out.str() == want);
}

BOOST_AUTO_TEST_CASE(diff_works_on_reports_read_back_from_json) {
    const Report before = parse_json_report(test::render("json", test::sample_report()), "old.json");
    Report changed = test::sample_report();
    find(changed, "H1", "DEMO-01").status = Status::fail;
    const Report after = parse_json_report(test::render("json", changed), "new.json");
    BOOST_TEST(kinds(diff_reports(before, after)) == std::vector<std::string>{"regression H1 DEMO-01"},
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
