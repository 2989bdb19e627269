// The built-in baseline exchange-version: EXV-04 (hybrid on an unsupported or
// unpatched build) and EXV-06 (Windows cumulative update recent) on small bundles
// under tests/data/checks/, and the note on results whose version data is old.
#include <boost/test/unit_test.hpp>

#include "baselines/check_fixture.hpp"

using namespace hardcheck;
using hardcheck::test::at;
using hardcheck::test::evidence;
using hardcheck::test::run_check;

namespace {

Result exv(std::string_view id, std::string_view bundle_case) { return run_check("exchange-version", id, bundle_case); }

constexpr std::string_view kTable = "fact os_update_lag_days (CurrentBuild.UBR against versions/windows-updates.yaml)";

}  // namespace

BOOST_AUTO_TEST_SUITE(exchange_version)

BOOST_AUTO_TEST_CASE(exv06_passes_at_or_above_the_update_due_45_days_before_collection) {
    const Result r = exv("EXV-06", "pass");
    BOOST_TEST(to_string(r.status) == "pass");
    BOOST_TEST(r.observed == std::string(kTable) +
                                 " = 20348.4297; expected at least 20348.4294 (KB5066782, released 2025-10-14)");
    BOOST_TEST(at(evidence(r, "versions/windows-updates.yaml)")) == "currentversion.reg:7");
    BOOST_TEST(r.notes.empty());  // the table is 38 days old at collection
}

BOOST_AUTO_TEST_CASE(exv06_fails_below_the_update_due_and_names_it) {
    const Result r = exv("EXV-06", "fail");
    BOOST_TEST(to_string(r.status) == "fail");
    BOOST_TEST(r.observed == std::string(kTable) +
                                 " = 20348.4171; expected at least 20348.4294 (KB5066782, released 2025-10-14)");
    BOOST_TEST(at(evidence(r, "versions/windows-updates.yaml)")) == "currentversion.reg:7");
}

BOOST_AUTO_TEST_CASE(exv06_falls_back_to_the_newest_typed_hotfix_date_when_the_table_is_too_old) {
    const Result r = exv("EXV-06", "hotfix-pass");
    BOOST_TEST(to_string(r.status) == "pass");
    const auto& e = evidence(r, "(Get-HotFix InstalledOn)");
    BOOST_TEST(e.observed ==
               "newest hotfix KB5099999 installed 2026-10-20, 13 days before the collection "
               "(versions/windows-updates.yaml is as of 2025-10-24 and cannot show every update released more than "
               "45 days before the collection)");
    BOOST_TEST(at(e) == "GetHotFix.xml:27");
    BOOST_REQUIRE_EQUAL(r.notes.size(), 1u);
    BOOST_TEST(r.notes.front() ==
               "Version data versions/windows-updates.yaml is as of 2025-10-24, 374 days before the collection "
               "(2026-11-02): builds and updates released since are unknown to this check; update the data.");
}

BOOST_AUTO_TEST_CASE(exv06_is_not_collected_without_current_version_or_hotfix_export) {
    const Result r = exv("EXV-06", "missing");
    BOOST_TEST(to_string(r.status) == "not_collected");
    BOOST_TEST(r.observed ==
               "fact os_update_lag_days (CurrentBuild.UBR against versions/windows-updates.yaml, else Get-HotFix "
               "InstalledOn) = not collected");
    BOOST_TEST(r.message ==
               "Evidence missing from the bundle: fact os_update_lag_days cannot be derived: CurrentBuild or UBR is "
               "not collected; no Get-HotFix export.");
}

BOOST_AUTO_TEST_CASE(exv04_passes_for_a_hybrid_server_on_se_with_the_newest_update) {
    const Result r = exv("EXV-04", "pass");
    BOOST_TEST(to_string(r.status) == "pass");
    BOOST_TEST(evidence(r, "(ExSetup FileVersionInfo FileVersion)").observed == "15.2.2562.53");
    BOOST_TEST(at(evidence(r, "(ExSetup FileVersionInfo FileVersion)")) == "ExSetup.xml:11");
}

BOOST_AUTO_TEST_CASE(exv04_fails_for_a_hybrid_server_on_2019_cu14_and_names_the_hybrid_domains) {
    const Result r = exv("EXV-04", "fail");
    BOOST_TEST(to_string(r.status) == "fail");
    BOOST_TEST(r.observed ==
               "HybridConfiguration.Domains[*] (count >= 0) = Hybrid Configuration: Domains[*] = 'contoso.com', "
               "Hybrid Configuration: Domains[*] = 'contoso.mail.onmicrosoft.com'; "
               "fact exchange_line (exchange_build) = 2019; "
               "fact exchange_build (ExSetup FileVersionInfo FileVersion) = 15.2.1544.4");
    BOOST_TEST(r.message ==
               "Not met: fact exchange_line equals SE (found 2019); fact exchange_build version_in [15.2.2562.53, "
               "15.2.2563, 15.2.1748.39, 15.2.1749, 15.2.1544.36, 15.2.1545, 15.1.2507.61, 15.1.2508] "
               "(current_builds) (found 15.2.1544.4).");
    BOOST_TEST(at(evidence(r, "HybridConfiguration.Domains[*] (count >= 0)")) == "GetHybridConfiguration.xml:17");
    BOOST_TEST(at(evidence(r, "fact exchange_line (exchange_build)")) == "ExSetup.xml:11");
}

BOOST_AUTO_TEST_CASE(exv04_is_not_collected_when_the_build_of_a_hybrid_server_is_unknown) {
    const Result r = exv("EXV-04", "missing");
    BOOST_TEST(to_string(r.status) == "not_collected");
    BOOST_TEST(evidence(r, "fact exchange_line (exchange_build)").observed == "not collected");
}

BOOST_AUTO_TEST_SUITE_END()

// The Exchange sample bundles (examples/exchange/, collected 2026-11-02) under the
// composite baseline: EXV-06 is a result the new check adds there.
BOOST_AUTO_TEST_SUITE(exchange_version_examples)

BOOST_AUTO_TEST_CASE(cu14_example_fails_exv06_below_a_listed_update_and_notes_the_old_table) {
    const Result r = run_check("cisa-exchange-2025", "EXV-06",
                               test::source_dir() / "examples" / "exchange" / "ex2019-cu14-unhardened");
    BOOST_TEST(to_string(r.status) == "fail");
    BOOST_TEST(evidence(r, "versions/windows-updates.yaml)").observed ==
               "17763.5458; expected at least 17763.8276 (KB5073723, released 2026-01-13, unconfirmed)");
    BOOST_TEST(at(evidence(r, "versions/windows-updates.yaml)")) == "currentversion.reg:16");
    BOOST_REQUIRE_EQUAL(r.notes.size(), 1u);
    BOOST_TEST(r.notes.front().starts_with("Version data versions/windows-updates.yaml is as of 2025-10-24, 374 days"));
}

BOOST_AUTO_TEST_CASE(se_example_is_not_collected_for_exv06_without_a_recent_table_or_hotfix_export) {
    const Result r = run_check("cisa-exchange-2025", "EXV-06", test::source_dir() / "examples" / "exchange" / "se-hardened");
    BOOST_TEST(to_string(r.status) == "not_collected");
    BOOST_TEST(r.message ==
               "Evidence missing from the bundle: fact os_update_lag_days cannot be derived: "
               "versions/windows-updates.yaml is as of 2025-10-24 and cannot show every update released more than 45 "
               "days before the collection; no Get-HotFix export.");
}

BOOST_AUTO_TEST_CASE(exchange_build_results_carry_no_note_while_their_data_is_recent) {
    const Result r = run_check("cisa-exchange-2025", "EXV-03", test::source_dir() / "examples" / "exchange" / "se-hardened");
    BOOST_TEST(r.notes.empty());  // exchange-builds.yaml is as of 2026-10-07, 26 days before
}

BOOST_AUTO_TEST_SUITE_END()
