// Host facts: host.yaml first, else derived from the evidence; applies_when.
#include <boost/test/unit_test.hpp>

#include "eval/eval_fixtures.hpp"
#include "eval/host_facts.hpp"

using namespace hardcheck;
using namespace hardcheck::test;

namespace {

const std::string kCurrentVersion =
    "REGEDIT4\n[HKLM\\SOFTWARE]\n[HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion]\n\"CurrentBuild\"=\"17763\"\n"
    "\"UBR\"=dword:00001a2b\n";

// A check that applies only to WSUS servers and tests a value that passes.
const std::string kWsusOnly =
    "    applies_when:\n      fact: wsus_server\n      equals: true\n"
    "    test:\n      fact: host\n      exists: true\n";

}  // namespace

BOOST_AUTO_TEST_SUITE(fact_leaves)

BOOST_AUTO_TEST_CASE(os_build_and_ubr_come_from_current_version) {
    const auto host = host_with_reg(kCurrentVersion);
    const Result r = run_check("    test:\n      fact: os_build\n      in: [17763, 20348]\n", host);
    BOOST_TEST(to_string(r.status) == "pass");
    BOOST_TEST(r.evidence[0].where.str() == "h.reg:4:1");
    BOOST_TEST(status_of("    test:\n      fact: ubr\n      ge: 6699\n", host) == "pass");
    BOOST_TEST(status_of("    test:\n      fact: ubr\n      ge: 6700\n", host) == "fail");
}

BOOST_AUTO_TEST_CASE(fact_whose_evidence_is_not_exported_is_not_collected) {
    const auto host = host_with_reg("REGEDIT4\n[HKLM\\SYSTEM]\n");
    const Result r = run_check("    test:\n      fact: os_build\n      equals: 17763\n", host);
    BOOST_TEST(to_string(r.status) == "not_collected");
    BOOST_TEST(r.message == "Evidence missing from the bundle: fact os_build cannot be derived: "
                            "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\CurrentBuild is not in the bundle.");
}

BOOST_AUTO_TEST_CASE(host_yaml_fact_overrides_derived_one_and_roles_is_a_list) {
    auto host = host_with_reg(kCurrentVersion);
    host.facts["os_build"] = "20348";
    host.facts["roles"] = "Mailbox,ClientAccess";
    BOOST_TEST(status_of("    test:\n      fact: os_build\n      equals: 20348\n", host) == "pass");
    BOOST_TEST(status_of("    test:\n      fact: roles\n      contains: mailbox\n", host) == "pass");
    BOOST_TEST(status_of("    test:\n      fact: roles\n      contains: Edge\n", host) == "fail");
}

BOOST_AUTO_TEST_CASE(unknown_fact_is_not_collected) {
    const auto host = host_with_reg("");
    BOOST_TEST(status_of("    test:\n      fact: internet_facing\n      equals: true\n", host) == "not_collected");
}

BOOST_AUTO_TEST_CASE(exchange_build_from_exsetup_is_normalised_and_gives_the_line) {
    HostEvidence host;
    host.host = "EXCH01";
    add_collection(host, "System.Diagnostics.FileVersionInfo",
                   {ps_object({{"FileName", ps_str("C:\\Other.dll")}, {"FileVersion", ps_str("1.0")}}),
                    ps_object({{"FileName", ps_str("D:\\Exchange\\Bin\\ExSetup.exe")}, {"FileVersion", ps_str("15.02.1748.043")}})});
    const Result r = run_check("    test:\n      fact: exchange_build\n      version_ge: 15.2.1748.43\n", host);
    BOOST_TEST(to_string(r.status) == "pass");
    BOOST_TEST(r.evidence[0].observed == "15.2.1748.43");
    BOOST_TEST(status_of("    test:\n      fact: exchange_line\n      equals: '2019'\n", host) == "pass");
    BOOST_TEST(detail::exchange_line("15.2.2562.17") == "SE");
    BOOST_TEST(detail::exchange_line("15.1.2507.12") == "2016");
    BOOST_TEST(detail::exchange_line("15.0.1497.2") == "2013");
}

BOOST_AUTO_TEST_CASE(applies_when_false_on_positive_evidence_is_not_applicable) {
    // The SOFTWARE hive was exported and has no WSUS Setup key.
    const Result r = run_check(kWsusOnly, host_with_reg("REGEDIT4\n[HKLM\\SOFTWARE]\n"));
    BOOST_TEST(to_string(r.status) == "not_applicable");
    BOOST_TEST(r.observed == "fact wsus_server (key HKLM\\SOFTWARE\\Microsoft\\Update Services\\Server\\Setup) = false");
    BOOST_TEST(r.evidence[0].where.str() == "h.reg:2:1");
}

BOOST_AUTO_TEST_CASE(applies_when_over_missing_evidence_is_not_collected_never_not_applicable) {
    const Result r = run_check(kWsusOnly, host_with_reg("REGEDIT4\n[HKLM\\SYSTEM]\n"));
    BOOST_TEST(to_string(r.status) == "not_collected");
    BOOST_TEST(r.message.starts_with("Cannot tell whether the check applies:"));
}

BOOST_AUTO_TEST_CASE(applies_when_true_runs_the_test) {
    const auto host = host_with_reg("REGEDIT4\n[HKLM\\SOFTWARE\\Microsoft\\Update Services\\Server\\Setup]\n\"UsingSSL\"=dword:0\n");
    BOOST_TEST(status_of(kWsusOnly, host) == "pass");
}

BOOST_AUTO_TEST_CASE(applies_when_false_only_by_an_absent_value_without_default_is_not_decided) {
    const std::string body =
        "    applies_when:\n      registry: {key: 'HKLM\\S', value: Role}\n      equals: edge\n"
        "    test:\n      fact: host\n      exists: true\n";
    BOOST_TEST(status_of(body, host_with_reg("REGEDIT4\n[HKLM\\S]\n")) == "not_collected");
    BOOST_TEST(status_of(body, host_with_reg("REGEDIT4\n[HKLM\\S]\n\"Role\"=\"mailbox\"\n")) == "not_applicable");
}

BOOST_AUTO_TEST_CASE(applies_when_with_unreadable_evidence_is_an_error) {
    const std::string body =
        "    applies_when:\n      registry: {key: 'HKLM\\S', value: Role, type: REG_DWORD}\n      equals: 1\n"
        "    test:\n      fact: host\n      exists: true\n";
    BOOST_TEST(status_of(body, host_with_reg("REGEDIT4\n[HKLM\\S]\n\"Role\"=\"x\"\n")) == "error");
}

BOOST_AUTO_TEST_CASE(role_edge_prefers_the_exchange_server_object) {
    auto host = host_with_reg("REGEDIT4\n[HKLM\\SOFTWARE]\n");
    add_collection(host, "Microsoft.Exchange.Data.Directory.Management.ExchangeServer",
                   {ps_object({{"Name", ps_str("EXCH01")}, {"IsEdgeServer", ps_bool(true)}})});
    BOOST_TEST(status_of("    test:\n      fact: role_edge\n      equals: true\n", host) == "pass");
    const auto no_objects = host_with_reg("REGEDIT4\n[HKLM\\SOFTWARE]\n");
    BOOST_TEST(status_of("    test:\n      fact: role_edge\n      equals: false\n", no_objects) == "pass");
}

BOOST_AUTO_TEST_CASE(fact_needs_name_the_registry_keys_they_read) {
    auto b = one_check("    test:\n      fact: os_build\n      equals: 1\n");
    BOOST_TEST(b->needs.registry_keys.count("HKEY_LOCAL_MACHINE\\SOFTWARE\\MICROSOFT\\WINDOWS NT\\CURRENTVERSION") == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
