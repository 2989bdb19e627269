// The README demo, checked: the example bundles against the built-in TLS baseline.
#include <boost/test/unit_test.hpp>

#include "hardcheck/baseline.hpp"
#include "hardcheck/evaluate.hpp"
#include "hardcheck/evidence.hpp"
#include "test_paths.hpp"

using namespace hardcheck;

namespace {

Result tls02_for(const std::string& host_dir) {
    auto baseline = load_baseline(test::source_dir() / "baselines" / "exchange-tls.yaml");
    const auto host = load_host(test::source_dir() / "examples" / "bundles" / host_dir, &baseline->needs);
    BOOST_TEST(host.problems.empty());
    const auto results = evaluate(*baseline, host);
    for (const auto& r : results)
        if (r.check_id == "TLS-02") return r;
    BOOST_FAIL("no TLS-02 result");
    return {};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(end_to_end)

BOOST_AUTO_TEST_CASE(exch01_has_tls10_disabled_and_passes) {
    const Result r = tls02_for("exch01");
    BOOST_TEST(r.host == "EXCH01");
    BOOST_TEST(to_string(r.status) == "pass");
    BOOST_TEST(!r.default_assumed);
    BOOST_REQUIRE(r.evidence.size() == 2u);
    BOOST_TEST(r.evidence[0].observed == "REG_DWORD 0 (0x0)");
    BOOST_TEST(r.evidence[0].where.file.str().ends_with("examples/bundles/exch01/schannel.reg"));
    BOOST_TEST(r.evidence[0].where.line == 16u);
    BOOST_TEST(r.evidence[1].observed == "REG_DWORD 0 (0x0)");
    BOOST_TEST(r.evidence[1].where.line == 12u);
}

BOOST_AUTO_TEST_CASE(exch02_lacks_the_server_value_so_the_enabled_default_fails) {
    const Result r = tls02_for("exch02");
    BOOST_TEST(r.host == "EXCH02");
    BOOST_TEST(to_string(r.status) == "fail");
    BOOST_TEST(r.default_assumed);
    BOOST_REQUIRE(r.evidence.size() == 2u);
    BOOST_TEST(r.evidence[0].observed == "absent (OS default 1 assumed)");
    BOOST_TEST(r.evidence[0].default_assumed);
    // Absent values point at the exported subtree's top key.
    BOOST_TEST(r.evidence[0].where.file.str().ends_with("examples/bundles/exch02/schannel.reg"));
    BOOST_TEST(r.evidence[0].where.line == 3u);
    BOOST_TEST(r.evidence[1].observed == "REG_DWORD 0 (0x0)");
    BOOST_TEST(r.evidence[1].where.line == 12u);
    BOOST_TEST(r.message.find("TLS 1.0\\Server\\Enabled equals 0 (found absent (OS default 1 assumed))") !=
               std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
