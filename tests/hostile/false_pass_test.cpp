// Hostile exports that try to force a pass: a damaged line must win over an
// earlier good one for the same value, and lose to a later good one.
#include <boost/test/unit_test.hpp>

#include <string>

#include "hardcheck/evidence.hpp"

using namespace hardcheck;

namespace {

const std::string kHead = "Windows Registry Editor Version 5.00\n\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Hc]\n";

RegLookup read(const std::string& text, RegistryView& view, std::vector<Diagnostic>& problems) {
    read_reg_buffer(text, "x.reg", view, problems);
    return view.lookup("HKLM\\SOFTWARE\\Hc", "Enabled");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(false_pass)

BOOST_AUTO_TEST_CASE(damaged_line_after_a_good_one_leaves_the_value_damaged) {
    RegistryView view;
    std::vector<Diagnostic> problems;
    const auto found = read(kHead + "\"Enabled\"=dword:00000000\n\"Enabled\"=dword:0000000000\n", view, problems);
    BOOST_TEST((found.presence == Presence::damaged));
    BOOST_REQUIRE(found.damage != nullptr);
    BOOST_TEST(found.damage->line == 5u);
    BOOST_REQUIRE_EQUAL(problems.size(), 1u);
}

BOOST_AUTO_TEST_CASE(damaged_line_in_a_later_file_leaves_the_value_damaged) {
    RegistryView view;
    std::vector<Diagnostic> problems;
    read_reg_buffer(kHead + "\"Enabled\"=dword:00000000\n", "a.reg", view, problems);
    read_reg_buffer(kHead + "\"Enabled\"=dword:zz\n", "b.reg", view, problems);
    const auto found = view.lookup("HKLM\\SOFTWARE\\Hc", "Enabled");
    BOOST_TEST((found.presence == Presence::damaged));
    BOOST_REQUIRE(found.damage != nullptr);
    BOOST_TEST(found.damage->file == "b.reg");
}

BOOST_AUTO_TEST_CASE(good_line_after_a_damaged_one_sets_the_value) {
    RegistryView view;
    std::vector<Diagnostic> problems;
    const auto found = read(kHead + "\"Enabled\"=dword:zz\n\"Enabled\"=dword:00000001\n", view, problems);
    BOOST_TEST((found.presence == Presence::present));
    BOOST_REQUIRE(found.value != nullptr);
    BOOST_TEST(found.value->number == 1u);
    BOOST_TEST(found.value->where.line == 5u);
}

BOOST_AUTO_TEST_SUITE_END()
