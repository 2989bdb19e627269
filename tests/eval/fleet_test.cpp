// Fleet checks (`scope: fleet`, `same_on_all_hosts`): loading, and one result per
// run judged from every host, whatever the number of workers.
#include <boost/test/unit_test.hpp>

#include "hardcheck/audit.hpp"
#include "test_paths.hpp"

using namespace hardcheck;

namespace {

constexpr std::string_view kSchannel = R"(HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols)";

// A fleet check over the TLS-08 fixture hosts: members are the Mailbox servers.
std::string fleet_baseline(const std::string& reads, const std::string& extra = "") {
    return "id: fleet-test\ntitle: t\nversion: '1'\nchecks:\n"
           "  - id: FLEET-1\n    title: same TLS\n    severity: high\n    scope: fleet\n" +
           extra +
           "    applies_when: {fact: roles, contains: mailbox}\n"
           "    same_on_all_hosts:\n" +
           reads;
}

std::string tls_read(const std::string& version, const std::string& side, const std::string& value,
                     const std::string& def, const std::string& compare = "nonzero") {
    return "      - registry: {key: " + std::string(kSchannel) + "\\TLS " + version + "\\" + side + ", value: " + value +
           ", type: REG_DWORD, default: " + def + "}\n        compare: " + compare + "\n";
}

std::string net_read() {
    return "      - registry: {key: HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319, value: SchUseStrongCrypto, "
           "type: REG_DWORD}\n";
}

std::vector<std::filesystem::path> hosts(std::initializer_list<const char*> names) {
    std::vector<std::filesystem::path> out;
    for (const char* n : names) out.push_back(test::data_dir() / "checks" / "TLS-08" / n);
    return out;
}

AuditOutcome run(const std::string& yaml, const std::vector<std::filesystem::path>& dirs, unsigned jobs = 1,
                 const Profile* profile = nullptr) {
    AuditOptions options;
    options.jobs = jobs;
    options.evaluate.profile = profile;
    options.evaluate.today = "2026-11-25";
    return audit_hosts({load_baseline_text(yaml, "fleet.yaml")}, dirs, options);
}

const Result& fleet_result(const AuditOutcome& outcome) {
    BOOST_REQUIRE(!outcome.results.empty());
    const Result& r = outcome.results.back();
    BOOST_REQUIRE(r.host == "(fleet)");
    return r;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::string load_error(const std::string& yaml) {
    try {
        load_baseline_text(yaml, "fleet.yaml");
    } catch (const InputError& e) {
        return e.diagnostics().front().str();
    }
    return "loaded";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(fleet)

BOOST_AUTO_TEST_CASE(equal_effective_values_pass_with_one_result_for_the_run) {
    const auto outcome = run(fleet_baseline(tls_read("1.0", "Server", "Enabled", "1")), hosts({"exa", "exb"}));
    BOOST_REQUIRE(outcome.results.size() == 1u);  // no per-host result for a fleet check
    const Result& r = fleet_result(outcome);
    BOOST_TEST(r.check_id == "FLEET-1");
    BOOST_TEST(to_string(r.status) == "pass");
    BOOST_TEST(r.message == "The same on all 2 hosts compared (EXA, EXB).");
    BOOST_REQUIRE(r.evidence.size() == 1u);
    BOOST_TEST(has(r.evidence[0].locator, "EXA: HKLM\\"));
    BOOST_TEST(r.evidence[0].observed == "REG_DWORD 0 (0x0)");
    BOOST_TEST(r.evidence[0].where.str().ends_with("TLS-08/exa/schannel.reg:11:1"));
}

BOOST_AUTO_TEST_CASE(nonzero_compares_0xffffffff_equal_to_1) {
    const auto nonzero = run(fleet_baseline(tls_read("1.2", "Server", "Enabled", "1")), hosts({"exa", "exb"}));
    BOOST_TEST(to_string(fleet_result(nonzero).status) == "pass");
    const auto exact = run(fleet_baseline(tls_read("1.2", "Server", "Enabled", "1", "value")), hosts({"exa", "exb"}));
    const Result& r = fleet_result(exact);
    BOOST_TEST(to_string(r.status) == "fail");
    BOOST_TEST(has(r.message, "EXB differs from EXA"));
}

BOOST_AUTO_TEST_CASE(absent_value_compares_as_its_declared_default) {
    // EXA has no TLS 1.3 keys (default 1 assumed), EXB writes Enabled=1.
    const auto outcome = run(fleet_baseline(tls_read("1.3", "Server", "Enabled", "1")), hosts({"exa", "exb"}));
    const Result& r = fleet_result(outcome);
    BOOST_TEST(to_string(r.status) == "pass");
    BOOST_TEST(r.default_assumed);
    BOOST_TEST(r.evidence[0].observed == "absent (OS default 1 assumed)");
}

BOOST_AUTO_TEST_CASE(a_difference_names_the_host_the_values_and_their_lines) {
    const auto outcome = run(fleet_baseline(tls_read("1.0", "Server", "Enabled", "1")), hosts({"exa", "exc"}));
    const Result& r = fleet_result(outcome);
    BOOST_TEST(to_string(r.status) == "fail");
    BOOST_TEST(has(r.message, "EXC differs from EXA: "));
    BOOST_TEST(has(r.message, "TLS 1.0\\Server\\Enabled is REG_DWORD 1 (0x1) ("));
    BOOST_TEST(has(r.message, "TLS-08/exc/schannel.reg:11:1) where EXA has REG_DWORD 0 (0x0) ("));
    BOOST_TEST(has(r.message, "TLS-08/exa/schannel.reg:11:1)"));
    BOOST_REQUIRE(r.evidence.size() == 2u);
    BOOST_TEST(has(r.evidence[0].locator, "EXA: "));
    BOOST_TEST(has(r.evidence[1].locator, "EXC: "));
    BOOST_TEST(r.evidence[1].where.line == 11u);
}

BOOST_AUTO_TEST_CASE(the_value_most_hosts_share_is_the_reference) {
    // EXC comes first but is the odd one out.
    const auto outcome = run(fleet_baseline(tls_read("1.0", "Server", "Enabled", "1")), hosts({"exc", "exa", "exb"}));
    const Result& r = fleet_result(outcome);
    BOOST_TEST(to_string(r.status) == "fail");
    BOOST_TEST(has(r.message, "EXC differs from EXA"));
    BOOST_TEST(!has(r.message, "EXB differs"));
}

BOOST_AUTO_TEST_CASE(a_host_without_the_evidence_gives_not_collected) {
    const auto outcome = run(fleet_baseline(net_read()), hosts({"exa", "exd"}));
    const Result& r = fleet_result(outcome);
    BOOST_TEST(to_string(r.status) == "not_collected");
    BOOST_TEST(has(r.message, "EXD: HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319\\SchUseStrongCrypto is outside"));
    BOOST_REQUIRE(r.evidence.size() == 1u);
    BOOST_TEST(r.evidence[0].observed == "not collected");
}

BOOST_AUTO_TEST_CASE(a_difference_seen_fails_even_when_another_host_lacks_evidence) {
    const auto outcome =
        run(fleet_baseline(tls_read("1.0", "Server", "Enabled", "1") + net_read()), hosts({"exa", "exc", "exd"}));
    const Result& r = fleet_result(outcome);
    BOOST_TEST(to_string(r.status) == "fail");
    BOOST_TEST(has(r.message, "EXC differs from EXA"));
}

BOOST_AUTO_TEST_CASE(fewer_than_two_hosts_compared_is_not_applicable) {
    // EDGE1 is not a Mailbox server: positive evidence that it is left out.
    const auto outcome = run(fleet_baseline(tls_read("1.0", "Server", "Enabled", "1")), hosts({"exa", "edge1"}));
    const Result& r = fleet_result(outcome);
    BOOST_TEST(to_string(r.status) == "not_applicable");
    BOOST_TEST(r.message == "Fewer than two hosts to compare: the check applies to 1 host(s) of this run.");
    const auto alone = run(fleet_baseline(tls_read("1.0", "Server", "Enabled", "1")), hosts({"exa"}));
    BOOST_TEST(to_string(fleet_result(alone).status) == "not_applicable");
}

BOOST_AUTO_TEST_CASE(a_host_whose_membership_is_unknown_is_not_collected_not_left_out) {
    // fleet/good has a host.yaml without roles: it might be a Mailbox server.
    auto dirs = hosts({"exa"});
    dirs.push_back(test::data_dir() / "fleet" / "good");
    const auto outcome = run(fleet_baseline(tls_read("1.0", "Server", "Enabled", "1")), dirs);
    const Result& r = fleet_result(outcome);
    BOOST_TEST(to_string(r.status) == "not_collected");
    BOOST_TEST(has(r.message, "GOOD01: fact roles cannot be derived"));
}

BOOST_AUTO_TEST_CASE(an_unreadable_bundle_makes_an_otherwise_equal_fleet_an_error) {
    auto dirs = hosts({"exa", "exb"});
    dirs.push_back(test::data_dir() / "fleet" / "broken");
    const auto outcome = run(fleet_baseline(tls_read("1.0", "Server", "Enabled", "1")), dirs);
    const Result& r = fleet_result(outcome);
    BOOST_TEST(to_string(r.status) == "error");
    BOOST_TEST(has(r.message, "broken: The host bundle could not be read: "));
    BOOST_TEST(outcome.results.size() == 1u);  // the broken host gets no per-host fleet result
}

BOOST_AUTO_TEST_CASE(a_per_host_test_must_hold_on_every_host_compared) {
    const std::string test = "    test:\n      registry: {key: " + std::string(kSchannel) +
                             "\\TLS 1.0\\Server, value: Enabled, type: REG_DWORD, default: 1}\n      equals: 0\n";
    const auto outcome = run(fleet_baseline(tls_read("1.2", "Server", "Enabled", "1"), test), hosts({"exa", "exc"}));
    const Result& r = fleet_result(outcome);
    BOOST_TEST(to_string(r.status) == "fail");
    BOOST_TEST(has(r.message, "EXC: HKLM\\"));
    BOOST_TEST(has(r.message, "equals 0 (found REG_DWORD 1 (0x1))"));
}

BOOST_AUTO_TEST_CASE(group_by_compares_hosts_with_the_same_fact_value_only) {
    // Grouped by host name, every group has one host: nothing to compare.
    const auto outcome =
        run(fleet_baseline(tls_read("1.0", "Server", "Enabled", "1"), "    group_by: host\n"), hosts({"exa", "exc"}));
    const Result& r = fleet_result(outcome);
    BOOST_TEST(to_string(r.status) == "not_applicable");
    BOOST_TEST(r.message == "No host has two hosts to compare in this run.");
}

BOOST_AUTO_TEST_CASE(same_result_with_one_and_four_workers) {
    std::vector<std::filesystem::path> dirs;
    for (int i = 0; i < 12; ++i)
        for (const char* n : {"exa", "exb", "exc", "exd", "edge1"}) dirs.push_back(test::data_dir() / "checks" / "TLS-08" / n);
    const std::string yaml = fleet_baseline(tls_read("1.0", "Server", "Enabled", "1") + net_read());
    const auto serial = run(yaml, dirs, 1);
    const auto parallel = run(yaml, dirs, 4);
    const Result& a = fleet_result(serial);
    const Result& b = fleet_result(parallel);
    BOOST_TEST(to_string(a.status) == "fail");
    BOOST_TEST(a.message == b.message);
    BOOST_TEST(a.observed == b.observed);
    BOOST_TEST(a.evidence.size() == b.evidence.size());
}

BOOST_AUTO_TEST_CASE(a_waiver_names_the_fleet_host) {
    Profile profile = load_profile_text("profile: p\nwaivers:\n  - check: FLEET-1\n    hosts: '(fleet)'\n"
                                        "    reason: migration\n    owner: ops\n    expires: 2099-01-01\n",
                                        "p.yaml");
    const auto outcome = run(fleet_baseline(tls_read("1.0", "Server", "Enabled", "1")), hosts({"exa", "exc"}), 1, &profile);
    BOOST_TEST(to_string(fleet_result(outcome).status) == "waived");
}

BOOST_AUTO_TEST_CASE(evaluate_alone_gives_no_result_for_a_fleet_check) {
    const auto baseline = load_baseline_text(fleet_baseline(tls_read("1.0", "Server", "Enabled", "1")), "fleet.yaml");
    const auto host = load_host(hosts({"exa"}).front(), &baseline->needs);
    BOOST_TEST(evaluate(*baseline, host).empty());
}

BOOST_AUTO_TEST_CASE(expected_text_lists_the_values_compared) {
    const auto baseline = load_baseline_text(fleet_baseline(tls_read("1.0", "Server", "Enabled", "1")), "fleet.yaml");
    BOOST_TEST(baseline->checks.front().expected_text ==
               "on every host compared the same: " + std::string(kSchannel) + "\\TLS 1.0\\Server\\Enabled (zero or not)");
}

BOOST_AUTO_TEST_CASE(a_fleet_check_needs_values_to_compare) {
    BOOST_TEST(load_error("id: b\ntitle: t\nversion: '1'\nchecks:\n  - id: F\n    title: t\n    severity: low\n"
                          "    scope: fleet\n") ==
               "fleet.yaml:5:5: error: a fleet check needs 'same_on_all_hosts', a non-empty list of values to compare");
}

BOOST_AUTO_TEST_CASE(same_on_all_hosts_needs_scope_fleet) {
    BOOST_TEST(load_error("id: b\ntitle: t\nversion: '1'\nchecks:\n  - id: F\n    title: t\n    severity: low\n"
                          "    test: {fact: host, exists: true}\n    same_on_all_hosts: [{fact: host}]\n") ==
               "fleet.yaml:9:24: error: 'same_on_all_hosts' and 'group_by' need 'scope: fleet'");
}

BOOST_AUTO_TEST_CASE(a_value_compared_takes_no_operator) {
    BOOST_TEST(load_error(fleet_baseline("      - registry: {key: HKLM\\X, value: V}\n        equals: 1\n")) ==
               "fleet.yaml:12:9: error: a value compared across hosts takes no operator ('equals')");
}

BOOST_AUTO_TEST_CASE(a_value_compared_is_a_registry_or_object_value) {
    BOOST_TEST(load_error(fleet_baseline("      - fact: host\n")) ==
               "fleet.yaml:11:9: error: unknown key 'fact' in an item of 'same_on_all_hosts' (expected all, any, not, "
               "registry, object or an operator)");
    BOOST_TEST(load_error(fleet_baseline("      - all: [{registry: {key: HKLM\\X, value: V}}]\n")) ==
               "fleet.yaml:11:9: error: an item of 'same_on_all_hosts' is one registry or object value, not all/any/not");
}

BOOST_AUTO_TEST_CASE(compare_is_value_or_nonzero) {
    BOOST_TEST(load_error(fleet_baseline("      - registry: {key: HKLM\\X, value: V}\n        compare: loose\n")) ==
               "fleet.yaml:12:18: error: 'compare' is 'value' (the default) or 'nonzero'");
}

BOOST_AUTO_TEST_SUITE_END()
