// The text report: exact output, verbose detail, colour only when asked, and no
// terminal control characters from evidence.
#include <boost/test/unit_test.hpp>

#include "report/sample_report.hpp"

using namespace hardcheck;

BOOST_AUTO_TEST_SUITE(text_writer)

BOOST_AUTO_TEST_CASE(grouped_by_host_failures_first_passes_hidden) {
    const std::string want = R"(baseline demo 1.2.0 — Demo baseline

host H1: 1 pass, 0 fail, 1 not collected
  NOT COLLECTED  medium   DEMO-02  Setting present
      Not collected: HKLM\B is not in the bundle.

host H2: 0 pass, 1 fail, 1 error, 1 manual
  FAIL           high     DEMO-01  Value is zero
      Not met: HKLM\A\V equals 0 (found REG_DWORD 1 (0x1)).
      at b/h2/a.reg:7:1
  ERROR          medium   DEMO-02  Setting present
      HKLM\B\W has type REG_SZ, not REG_DWORD.
      at b/h2/b.reg:9:1
  MANUAL         low      DEMO-03  Reviewed by a person
      Manual check: no export can decide it.

summary: 5 results: 1 pass, 1 fail, 1 error, 1 not collected, 0 not applicable, 0 waived, 1 manual
)";
    BOOST_TEST(test::render("text", test::sample_report()) == want);
}

BOOST_AUTO_TEST_CASE(verbose_shows_passes_expected_evidence_and_references) {
    ReportOptions o;
    o.verbose = true;
    const std::string text = test::render("text", test::sample_report(), o);
    const std::string h1 = R"(host H1: 1 pass, 0 fail, 1 not collected
  NOT COLLECTED  medium   DEMO-02  Setting present
      Not collected: HKLM\B is not in the bundle.
      expected: HKLM\B\W exists
  PASS           high     DEMO-01  Value is zero
      Found HKLM\A\V = REG_DWORD 0 (0x0).
      expected: HKLM\A\V equals 0
      evidence: HKLM\A\V = REG_DWORD 0 (0x0)  [b/h1/a.reg:4:1]
      see: https://example.org/demo-01
)";
    BOOST_TEST(text.find(h1) != std::string::npos, text);
}

BOOST_AUTO_TEST_CASE(colour_only_when_asked) {
    BOOST_TEST(test::render("text", test::sample_report()).find('\x1b') == std::string::npos);
    ReportOptions o;
    o.colour = true;
    const std::string text = test::render("text", test::sample_report(), o);
    BOOST_TEST(text.find("  \x1b[1;31mFAIL          \x1b[0m high     DEMO-01  Value is zero\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(control_characters_from_evidence_are_shown_escaped) {
    Report rep = test::sample_report();
    rep.results[2].message = "evil \x1b[2Jcleared";
    const std::string text = test::render("text", rep);
    BOOST_TEST(text.find("      evil \\x1b[2Jcleared\n") != std::string::npos);
    BOOST_TEST(text.find('\x1b') == std::string::npos);
}

BOOST_AUTO_TEST_CASE(profile_is_named_when_set) {
    Report rep = test::sample_report();
    rep.profile = "strict";
    BOOST_TEST(test::render("text", rep).starts_with("baseline demo 1.2.0 — Demo baseline\nprofile strict\n"));
}

BOOST_AUTO_TEST_SUITE_END()
