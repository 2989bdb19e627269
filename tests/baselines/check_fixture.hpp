// Helpers for the built-in baseline tests: run one check of a built-in baseline
// on one small host bundle under tests/data/checks/<CHECK-ID>/<case>/.
#pragma once

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

}  // namespace hardcheck::test
