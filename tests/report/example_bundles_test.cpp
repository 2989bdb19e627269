// Every format on the README's example bundles (exch01 passes TLS-02, exch02
// fails it on an absent value with the OS default assumed), parsed back.
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "hardcheck/baseline.hpp"
#include "hardcheck/evidence.hpp"
#include "report/sample_report.hpp"
#include "test_paths.hpp"

using namespace hardcheck;
using nlohmann::json;

namespace {

Report example_report() {
    const auto baseline = load_baseline(test::source_dir() / "baselines" / "exchange-tls.yaml");
    Report rep;
    rep.tool_version = "9.9.9";
    rep.baselines.push_back(baseline_info(*baseline));
    for (const char* dir : {"exch01", "exch02"}) {
        const auto host = load_host(test::source_dir() / "examples" / "bundles" / dir, &baseline->needs);
        for (auto& r : evaluate(*baseline, host)) rep.results.push_back(std::move(r));
    }
    return rep;
}

const std::string kServerEnabled =
    "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.0\\Server\\Enabled";

}  // namespace

BOOST_AUTO_TEST_SUITE(example_bundles)

BOOST_AUTO_TEST_CASE(baseline_info_carries_the_check_help) {
    const Report rep = example_report();
    BOOST_REQUIRE(rep.baselines.size() == 1u);
    BOOST_TEST(rep.baselines[0].id == "exchange-tls");
    BOOST_REQUIRE(rep.baselines[0].checks.size() == 1u);
    BOOST_TEST(rep.baselines[0].checks[0].id == "TLS-02");
    BOOST_TEST(rep.baselines[0].checks[0].remediation.starts_with("Make sure TLS 1.2 works first"));
}

BOOST_AUTO_TEST_CASE(json_has_the_failing_host_with_its_evidence_line) {
    const json j = json::parse(test::render("json", example_report()));
    BOOST_TEST(j["summary"]["pass"] == 1);
    BOOST_TEST(j["summary"]["fail"] == 1);
    BOOST_TEST(j["hosts"][1]["name"] == "EXCH02");
    const json& r = j["results"][1];
    BOOST_TEST(r["status"] == "fail");
    BOOST_TEST(r["default_assumed"] == true);
    BOOST_TEST(r["evidence"][0]["locator"] == kServerEnabled);
    BOOST_TEST(r["evidence"][0]["observed"] == "absent (OS default 1 assumed)");
    BOOST_TEST(r["evidence"][0]["file"].get<std::string>().ends_with("examples/bundles/exch02/schannel.reg"));
    BOOST_TEST(r["evidence"][0]["line"] == 3);
}

BOOST_AUTO_TEST_CASE(junit_fails_exch02_only) {
    pugi::xml_document doc;
    BOOST_REQUIRE(doc.load_string(test::render("junit", example_report()).c_str()));
    const auto failures = doc.select_nodes("//testsuite/testcase/failure");
    BOOST_REQUIRE(failures.size() == 1u);
    const auto testcase = failures.first().node().parent();
    BOOST_TEST(std::string(testcase.attribute("classname").value()) == "EXCH02");
    BOOST_TEST(std::string(testcase.attribute("name").value()) == "TLS-02 TLS 1.0 disabled for server and client");
    BOOST_TEST(std::string(doc.select_node("//testsuite[@name='EXCH01']").node().attribute("failures").value()) == "0");
}

BOOST_AUTO_TEST_CASE(sarif_points_at_the_exported_subtree_line) {
    const json s = json::parse(test::render("sarif", example_report()));
    const json& results = s["runs"][0]["results"];
    BOOST_REQUIRE(results.size() == 1u);
    BOOST_TEST(results[0]["ruleId"] == "TLS-02");
    BOOST_TEST(results[0]["level"] == "error");
    const json& physical = results[0]["locations"][0]["physicalLocation"];
    BOOST_TEST(physical["artifactLocation"]["uri"].get<std::string>().starts_with("file:///"));
    BOOST_TEST(physical["artifactLocation"]["uri"].get<std::string>().ends_with("examples/bundles/exch02/schannel.reg"));
    BOOST_TEST(physical["region"]["startLine"] == 3);
    BOOST_TEST(s["runs"][0]["tool"]["driver"]["rules"][0]["helpUri"] ==
               "https://learn.microsoft.com/exchange/plan-and-deploy/post-installation-tasks/security-best-practices/exchange-tls-configuration");
}

BOOST_AUTO_TEST_CASE(oscal_finding_for_exch02_is_not_satisfied) {
    const json ar = json::parse(test::render("oscal", example_report()))["assessment-results"];
    const json& findings = ar["results"][0]["findings"];
    BOOST_REQUIRE(findings.size() == 2u);
    BOOST_TEST(findings[0]["title"] == "TLS-02 TLS 1.0 disabled for server and client on EXCH01");
    BOOST_TEST(findings[0]["target"]["status"]["state"] == "satisfied");
    BOOST_TEST(findings[1]["target"]["status"]["state"] == "not-satisfied");
    BOOST_TEST(findings[1]["target"]["target-id"] == "TLS-02");
}

BOOST_AUTO_TEST_CASE(csv_has_a_row_per_host) {
    const std::string csv = test::render("csv", example_report());
    BOOST_TEST(std::count(csv.begin(), csv.end(), '\n') == 3);
    BOOST_TEST(csv.find("\r\nEXCH02,TLS-02,TLS 1.0 disabled for server and client,high,fail,") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
