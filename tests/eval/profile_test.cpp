// Profiles: selection, severity and parameter overrides, waivers.
#include <boost/test/unit_test.hpp>

#include "eval/eval_fixtures.hpp"

using namespace hardcheck;
using namespace hardcheck::test;

namespace {

const std::string kBaseline =
    "id: b\ntitle: B\nversion: '1'\nchecks:\n"
    "  - id: A-1\n    title: a\n    severity: low\n    tags: [g8]\n"
    "    test:\n      registry: {key: 'HKLM\\S', value: V}\n      equals: 0\n"
    "  - id: A-2\n    title: b\n    severity: low\n    tags: [g9]\n"
    "    parameters:\n      limit: 5\n"
    "    test:\n      registry: {key: 'HKLM\\S', value: V}\n      le: {param: limit}\n";

// V = 7: A-1 fails (7 != 0), A-2 fails (7 > 5).
HostEvidence host(const std::string& name = "EXCH01") {
    auto h = host_with_reg("REGEDIT4\n[HKLM\\S]\n\"V\"=dword:7\n");
    h.host = name;
    return h;
}

std::vector<Result> run(const std::string& profile_yaml, const HostEvidence& h = host(), std::string today = "2026-11-25") {
    auto b = load_baseline_text(kBaseline, "b.yaml");
    const Profile p = load_profile_text(profile_yaml, "p.yaml");
    EvaluateOptions options;
    options.profile = &p;
    options.today = std::move(today);
    return evaluate(*b, h, options);
}

std::vector<std::string> profile_errors(const std::string& yaml) {
    try {
        load_profile_text(yaml, "p.yaml");
    } catch (const InputError& e) {
        std::vector<std::string> out;
        for (const auto& d : e.diagnostics()) out.push_back(d.str());
        return out;
    }
    return {};
}

const std::string kWaiverA1 =
    "profile: p\nwaivers:\n  - check: A-1\n    hosts: 'exch*'\n    reason: legacy scanner\n"
    "    owner: jane@contoso.com\n    expires: 2027-03-31\n";

}  // namespace

BOOST_AUTO_TEST_SUITE(profiles)

BOOST_AUTO_TEST_CASE(select_by_tag_and_deselect_by_id) {
    auto results = run("profile: p\nselect: {tags: [g9]}\n");
    BOOST_REQUIRE(results.size() == 1u);
    BOOST_TEST(results[0].check_id == "A-2");
    results = run("profile: p\ndeselect: {ids: [A-2]}\n");
    BOOST_REQUIRE(results.size() == 1u);
    BOOST_TEST(results[0].check_id == "A-1");
}

BOOST_AUTO_TEST_CASE(severity_override) {
    auto results = run("profile: p\nseverity: {A-1: critical}\n");
    BOOST_TEST((results[0].severity == Severity::critical));
    BOOST_TEST((results[1].severity == Severity::low));
}

BOOST_AUTO_TEST_CASE(parameter_default_and_profile_override) {
    BOOST_TEST(to_string(run("profile: p\n")[1].status) == "fail");
    const auto results = run("profile: p\nparameters: {limit: 10}\n");
    BOOST_TEST(to_string(results[1].status) == "pass");
    BOOST_TEST(results[1].expected == "HKLM\\S\\V le 10 (limit)");
}

BOOST_AUTO_TEST_CASE(non_numeric_parameter_override_is_an_error_not_a_verdict) {
    BOOST_TEST(to_string(run("profile: p\nparameters: {limit: lots}\n")[1].status) == "error");
}

BOOST_AUTO_TEST_CASE(waiver_turns_a_fail_into_waived_with_its_details) {
    const Result r = run(kWaiverA1)[0];
    BOOST_TEST(to_string(r.status) == "waived");
    BOOST_TEST(to_string(r.waiver_state) == "applied");
    BOOST_TEST(r.waiver_reason == "legacy scanner");
    BOOST_TEST(r.waiver_owner == "jane@contoso.com");
    BOOST_TEST(r.waiver_expires == "2027-03-31");
    BOOST_TEST(r.waiver_where.str() == "p.yaml:3:5");
    BOOST_TEST(r.message.starts_with("Waived until 2027-03-31 by jane@contoso.com: legacy scanner"));
}

BOOST_AUTO_TEST_CASE(waiver_is_valid_through_its_expiry_day_then_expired) {
    BOOST_TEST(to_string(run(kWaiverA1, host(), "2027-03-31")[0].status) == "waived");
    const Result r = run(kWaiverA1, host(), "2027-04-01")[0];
    BOOST_TEST(to_string(r.status) == "fail");
    BOOST_TEST(to_string(r.waiver_state) == "expired");
    BOOST_TEST(r.message.ends_with("A waiver (jane@contoso.com) expired on 2027-03-31 and no longer applies."));
}

BOOST_AUTO_TEST_CASE(waiver_on_a_passing_check_is_noted_unused) {
    auto h = host_with_reg("REGEDIT4\n[HKLM\\S]\n\"V\"=dword:0\n");
    h.host = "EXCH01";
    const Result r = run(kWaiverA1, h)[0];
    BOOST_TEST(to_string(r.status) == "pass");
    BOOST_TEST(to_string(r.waiver_state) == "unused");
}

BOOST_AUTO_TEST_CASE(waiver_never_hides_missing_evidence) {
    auto h = host_with_reg("REGEDIT4\n[HKLM\\Other]\n");
    h.host = "EXCH01";
    const Result r = run(kWaiverA1, h)[0];
    BOOST_TEST(to_string(r.status) == "not_collected");
    BOOST_TEST(to_string(r.waiver_state) == "unused");
}

BOOST_AUTO_TEST_CASE(waiver_for_other_hosts_or_checks_does_not_apply) {
    const Result r = run(kWaiverA1, host("WSUS01"))[0];
    BOOST_TEST(to_string(r.status) == "fail");
    BOOST_TEST(to_string(r.waiver_state) == "none");
    BOOST_TEST(to_string(run(kWaiverA1)[1].status) == "fail");
}

BOOST_AUTO_TEST_CASE(current_waiver_wins_over_an_expired_one) {
    const std::string two = "profile: p\nwaivers:\n"
                            "  - {check: A-1, reason: old, owner: o, expires: 2020-01-01}\n"
                            "  - {check: A-1, reason: new, owner: o, expires: 2030-01-01}\n";
    const Result r = run(two)[0];
    BOOST_TEST(to_string(r.status) == "waived");
    BOOST_TEST(r.waiver_reason == "new");
}

BOOST_AUTO_TEST_CASE(profile_errors_are_all_reported_with_positions) {
    const auto errors = profile_errors("profile: p\ncolour: red\nseverity: {A-1: severe}\nwaivers:\n"
                                       "  - check: A-1\n    reason: r\n    expires: 2027-02-30\n");
    BOOST_REQUIRE(errors.size() == 4u);
    BOOST_TEST(errors[0] == "p.yaml:2:1: error: unknown key 'colour' in the profile");
    BOOST_TEST(errors[1] == "p.yaml:3:17: error: unknown severity 'severe' (critical, high, medium, low, info)");
    BOOST_TEST(errors[2] == "p.yaml:5:5: error: a waiver is missing required field 'owner'");
    BOOST_TEST(errors[3] == "p.yaml:7:14: error: 'expires' must be a date YYYY-MM-DD, got '2027-02-30'");
}

BOOST_AUTO_TEST_CASE(parameter_values_that_are_not_values_or_lists_are_errors) {
    const auto errors = profile_errors("profile: p\nparameters:\n  limit: {a: 1}\n  names: [x, [y]]\n");
    BOOST_REQUIRE(errors.size() == 2u);
    BOOST_TEST(errors[0] == "p.yaml:3:10: error: parameter 'limit' must be a value or a list of values");
    BOOST_TEST(errors[1] == "p.yaml:4:14: error: items of parameter 'names' must be single values");
}

BOOST_AUTO_TEST_CASE(names_no_baseline_has_are_warned_about_with_positions) {
    auto b = load_baseline_text(kBaseline, "b.yaml");
    const Profile p = load_profile_text("profile: p\nseverity: {A-9: high}\nparameters:\n  limit: 3\n  limt: 4\n"
                                        "waivers:\n  - {check: A-3, reason: r, owner: o, expires: 2030-01-01}\n",
                                        "p.yaml");
    std::vector<std::string> warnings;
    for (const auto& d : profile_warnings(p, {b.get()})) warnings.push_back(d.where.str() + ": " + d.message);
    BOOST_REQUIRE(warnings.size() == 3u);
    BOOST_TEST(warnings[0] == "p.yaml: profile sets the severity of unknown check 'A-9'");
    BOOST_TEST(warnings[1] == "p.yaml:5:9: no check declares parameter 'limt'");
    BOOST_TEST(warnings[2] == "p.yaml:7:5: waiver names unknown check 'A-3'");
}

BOOST_AUTO_TEST_SUITE_END()
