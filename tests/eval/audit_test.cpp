// Many hosts at once: stable order whatever the parallelism, broken bundles isolated.
#include <boost/test/unit_test.hpp>

#include "hardcheck/audit.hpp"
#include "test_paths.hpp"

using namespace hardcheck;

namespace {

std::vector<std::filesystem::path> fleet_dirs(std::size_t copies) {
    std::vector<std::filesystem::path> dirs;
    for (std::size_t i = 0; i < copies; ++i) {
        dirs.push_back(test::source_dir() / "examples" / "bundles" / (i % 2 ? "exch02" : "exch01"));
        if (i % 7 == 3) dirs.push_back(test::data_dir() / "fleet" / "broken");
    }
    return dirs;
}

std::vector<std::string> summary(const AuditOutcome& outcome) {
    std::vector<std::string> lines;
    for (const auto& r : outcome.results)
        lines.push_back(r.host + " " + r.check_id + " " + std::string(to_string(r.status)));
    return lines;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(audit)

BOOST_AUTO_TEST_CASE(results_keep_host_order_whatever_the_number_of_jobs) {
    const auto baseline = load_baseline(test::source_dir() / "baselines" / "exchange-tls.yaml");
    const auto dirs = fleet_dirs(40);
    AuditOptions one;
    one.jobs = 1;
    AuditOptions four;
    four.jobs = 4;
    std::size_t progress_calls = 0;
    four.progress = [&](std::size_t, std::size_t total) {
        ++progress_calls;
        BOOST_TEST(total == dirs.size());
    };
    const auto serial = audit_hosts({baseline}, dirs, one);
    const auto parallel = audit_hosts({baseline}, dirs, four);
    BOOST_TEST(summary(serial) == summary(parallel), boost::test_tools::per_element());
    BOOST_TEST(progress_calls == dirs.size());
    BOOST_REQUIRE(serial.results.size() == dirs.size());
    BOOST_TEST(summary(serial)[0] == "EXCH01 TLS-02 pass");
    BOOST_TEST(summary(serial)[1] == "EXCH02 TLS-02 fail");
}

BOOST_AUTO_TEST_CASE(a_run_over_the_result_limit_is_refused_before_any_host_is_read) {
    const auto baseline = load_baseline(test::source_dir() / "baselines" / "exchange-tls.yaml");
    AuditOptions options;
    options.max_results = 3;
    // Four hosts that do not exist: had the limit not stopped the run first, each
    // would have been read (and given an error result).
    const std::vector<std::filesystem::path> dirs(4, test::data_dir() / "fleet" / "no-such-host");
    try {
        audit_hosts({baseline}, dirs, options);
        BOOST_FAIL("a run over the result limit went ahead");
    } catch (const InputError& e) {
        BOOST_TEST_REQUIRE(e.diagnostics().size() == 1u);
        BOOST_TEST(e.diagnostics()[0].str() ==
                   "audit: error: 4 hosts x 1 checks would give 4 results, more than the limit of 3 (max_results)");
    }
    options.max_results = 4;
    BOOST_TEST(audit_hosts({baseline}, dirs, options).results.size() == 4u);
}

BOOST_AUTO_TEST_CASE(a_broken_bundle_gives_that_host_errors_and_the_rest_is_audited) {
    const auto baseline = load_baseline(test::source_dir() / "baselines" / "exchange-tls.yaml");
    const std::vector<std::filesystem::path> dirs = {test::data_dir() / "fleet" / "broken",
                                                     test::data_dir() / "fleet" / "good"};
    const auto outcome = audit_hosts({baseline}, dirs);
    BOOST_REQUIRE(outcome.results.size() == 2u);
    BOOST_TEST(outcome.results[0].host == "broken");
    BOOST_TEST(to_string(outcome.results[0].status) == "error");
    BOOST_TEST(outcome.results[0].message.find("host.yaml:2:1: error:") != std::string::npos);
    BOOST_TEST(outcome.results[1].host == "GOOD01");
    BOOST_TEST(to_string(outcome.results[1].status) == "pass");
    BOOST_REQUIRE(outcome.problems.size() == 1u);
    BOOST_TEST(outcome.problems[0].problems.front().where.line == 2u);
}

BOOST_AUTO_TEST_SUITE_END()
