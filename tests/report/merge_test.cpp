// merge_reports: shard reports of one fleet run combined.
#include <boost/test/unit_test.hpp>

#include "hardcheck/merge.hpp"

using namespace hardcheck;

namespace {

Report shard(const std::string& baseline_version, std::vector<std::string> hosts) {
    Report r;
    r.baselines.push_back({"exchange-tls", "Exchange TLS", baseline_version});
    for (const auto& h : hosts) {
        Result res;
        res.host = h;
        res.check_id = "TLS-02";
        res.status = Status::pass;
        r.results.push_back(res);
    }
    return r;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(merge_tests)

BOOST_AUTO_TEST_CASE(results_follow_shard_order) {
    std::vector<Report> shards{shard("1.0", {"EXCH03"}), shard("1.0", {"EXCH01", "EXCH02"})};
    const Report merged = merge_reports(std::move(shards), {"a.json", "b.json"});
    BOOST_TEST_REQUIRE(merged.results.size() == 3u);
    BOOST_TEST(merged.results[0].host == "EXCH03");
    BOOST_TEST(merged.results[1].host == "EXCH01");
    BOOST_TEST(merged.results[2].host == "EXCH02");
    BOOST_TEST_REQUIRE(merged.baselines.size() == 1u);
    BOOST_TEST(merged.baselines[0].id == "exchange-tls");
}

BOOST_AUTO_TEST_CASE(shards_over_the_result_limit_are_refused) {
    std::vector<Report> shards{shard("1.0", {"EXCH01", "EXCH02"}), shard("1.0", {"EXCH03"})};
    try {
        merge_reports(std::move(shards), {"a.json", "b.json"}, 2);
        BOOST_FAIL("shards over the result limit were merged");
    } catch (const InputError& e) {
        BOOST_TEST_REQUIRE(e.diagnostics().size() == 1u);
        BOOST_TEST(e.diagnostics()[0].str() ==
                   "merge: error: the shards hold 3 results, more than the limit of 2 (max_results)");
    }
}

BOOST_AUTO_TEST_CASE(a_host_in_two_shards_is_an_error_naming_both) {
    std::vector<Report> shards{shard("1.0", {"EXCH01"}), shard("1.0", {"EXCH01"})};
    try {
        merge_reports(std::move(shards), {"a.json", "b.json"});
        BOOST_FAIL("overlapping shards were merged");
    } catch (const InputError& e) {
        BOOST_TEST_REQUIRE(e.diagnostics().size() == 1u);
        BOOST_TEST(e.diagnostics()[0].str() == "b.json: error: host 'EXCH01' is also in a.json: shards overlap");
    }
}

BOOST_AUTO_TEST_CASE(shards_of_different_baseline_versions_are_refused) {
    std::vector<Report> shards{shard("1.0", {"EXCH01"}), shard("1.1", {"EXCH02"})};
    try {
        merge_reports(std::move(shards), {"a.json", "b.json"});
        BOOST_FAIL("shards of different baselines were merged");
    } catch (const InputError& e) {
        BOOST_TEST_REQUIRE(e.diagnostics().size() == 1u);
        BOOST_TEST(e.diagnostics()[0].str() ==
                   "b.json: error: baselines exchange-tls 1.1 differ from exchange-tls 1.0 in a.json");
    }
}

BOOST_AUTO_TEST_CASE(no_reports_is_an_error) {
    BOOST_CHECK_THROW(merge_reports({}, {}), InputError);
}

BOOST_AUTO_TEST_SUITE_END()
