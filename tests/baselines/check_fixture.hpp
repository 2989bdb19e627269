// Helpers for the built-in baseline tests: run one check of a built-in baseline
// on one small host bundle under tests/data/checks/<CHECK-ID>/<case>/.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include <boost/test/unit_test.hpp>

#include "hardcheck/baseline.hpp"
#include "hardcheck/evaluate.hpp"
#include "hardcheck/evidence.hpp"
#include "test_paths.hpp"

namespace hardcheck::test {

inline std::filesystem::path check_bundle(std::string_view check_id, std::string_view bundle_case) {
    return data_dir() / "checks" / std::string(check_id) / std::string(bundle_case);
}

// The result of `check_id` from the built-in baseline `baseline_id` (baselines/<id>.yaml
// of this source tree) on the bundle directory `bundle`.
inline Result run_check(std::string_view baseline_id, std::string_view check_id, const std::filesystem::path& bundle) {
    const auto baseline = load_baseline(source_dir() / "baselines" / (std::string(baseline_id) + ".yaml"));
    const auto host = load_host(bundle, &baseline->needs);
    BOOST_TEST_REQUIRE(host.problems.empty(), "bundle " << bundle << " has unreadable lines");
    for (auto& r : evaluate(*baseline, host))
        if (r.check_id == check_id) return r;
    BOOST_FAIL("baseline " << baseline_id << " has no check " << check_id);
    return {};
}

inline Result run_check(std::string_view baseline_id, std::string_view check_id, std::string_view bundle_case) {
    return run_check(baseline_id, check_id, check_bundle(check_id, bundle_case));
}

// The first piece of evidence whose locator ends with `suffix` (case-sensitive,
// as the baseline spells it), e.g. "SSL 3.0\\Server\\Enabled".
inline const EvidenceRef& evidence(const Result& r, std::string_view suffix) {
    for (const auto& e : r.evidence)
        if (e.locator.ends_with(suffix)) return e;
    BOOST_FAIL("no evidence ending with " << suffix << " in " << r.check_id);
    static const EvidenceRef none;
    return none;
}

// "<file name>:<line>" of a piece of evidence, for compact assertions.
inline std::string at(const EvidenceRef& e) {
    return std::filesystem::path(e.where.file.str()).filename().string() + ":" + std::to_string(e.where.line);
}

// One row of a table-driven check test (tests/baselines/<family>_test.cpp): a bundle
// under tests/data/fixtures/, the status the check must give on it, the result's
// observed text and where its first located piece of evidence is.  Rows are written
// `{"baseline", "CHECK-ID", "family/case", Status::x, "observed", "file:line"}` so
// tests/baselines/coverage_test.py can count them.
struct CheckCase {
    std::string_view baseline;  // baselines/<baseline>.yaml
    std::string_view check;
    std::string_view bundle;    // directory under tests/data/fixtures/
    Status status;
    std::string_view observed;  // Result::observed, exactly
    std::string_view where;     // "<file>:<line>" of the first evidence with a file; "" when none has one
};

inline std::ostream& operator<<(std::ostream& out, const CheckCase& c) {
    return out << c.check << " on " << c.bundle;
}

inline std::filesystem::path fixture_bundle(std::string_view bundle) {
    return data_dir() / "fixtures" / std::string(bundle);
}

// "<file>:<line>" of the first piece of evidence that names a file, "" when none does.
inline std::string first_location(const Result& r) {
    for (const auto& e : r.evidence)
        if (!e.where.file.empty()) return at(e);
    return "";
}

// Runs the row's check on its bundle and asserts status, observed text and location.
inline Result expect_case(const CheckCase& c) {
    const Result r = run_check(c.baseline, c.check, fixture_bundle(c.bundle));
    BOOST_TEST(to_string(r.status) == to_string(c.status));
    BOOST_TEST(r.observed == c.observed);
    BOOST_TEST(first_location(r) == c.where);
    return r;
}

// A manual check (no export can decide it): `manual` on any bundle, the evaluator's
// "review it by hand" message, and the check's own remediation as the guidance.
inline void expect_manual(std::string_view baseline_id, std::string_view check_id, std::string_view bundle,
                          std::string_view guidance_start) {
    const Result r = run_check(baseline_id, check_id, fixture_bundle(bundle));
    BOOST_TEST(to_string(r.status) == "manual");
    BOOST_TEST(r.message == "No export can decide this check; review it by hand.");
    BOOST_TEST(r.evidence.empty());
    const auto baseline = load_baseline(source_dir() / "baselines" / (std::string(baseline_id) + ".yaml"));
    const Check* check = baseline->find(check_id);
    BOOST_TEST_REQUIRE(check != nullptr);
    BOOST_TEST(check->manual);
    BOOST_TEST(check->remediation.starts_with(guidance_start), check->remediation);
}

}  // namespace hardcheck::test
