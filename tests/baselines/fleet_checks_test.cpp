// The fleet checks of the built-in baselines, TLS-08 (exchange-tls-net) and KRB-02
// (exchange-auth-objects), on two or three host bundles under
// tests/data/checks/<CHECK-ID>/ (README.md there says what each host holds).
#include <boost/test/unit_test.hpp>

#include "hardcheck/audit.hpp"
#include "test_paths.hpp"

using namespace hardcheck;

namespace {

Result fleet_check(std::string_view baseline_id, std::string_view check_id, std::initializer_list<const char*> names,
                   unsigned jobs = 1) {
    const auto baseline = load_baseline(test::source_dir() / "baselines" / (std::string(baseline_id) + ".yaml"));
    std::vector<std::filesystem::path> dirs;
    for (const char* n : names) dirs.push_back(test::data_dir() / "checks" / std::string(check_id) / n);
    AuditOptions options;
    options.jobs = jobs;
    const auto outcome = audit_hosts({baseline}, dirs, options);
    BOOST_TEST(outcome.problems.empty());
    for (const auto& r : outcome.results)
        if (r.check_id == check_id) {
            BOOST_TEST(r.host == "(fleet)");
            return r;
        }
    BOOST_FAIL("no result for " << check_id);
    return {};
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

BOOST_AUTO_TEST_SUITE(fleet_checks)

BOOST_AUTO_TEST_CASE(tls08_passes_when_the_effective_tls_and_net_settings_agree) {
    // EXB writes TLS 1.2 Enabled=0xffffffff and explicit TLS 1.3 defaults; EXA writes 1
    // and omits TLS 1.3: the same effective configuration.
    const Result r = fleet_check("exchange-tls-net", "TLS-08", {"exa", "exb"});
    BOOST_TEST(to_string(r.status) == "pass");
    BOOST_TEST(r.message == "The same on all 2 hosts compared (EXA, EXB).");
    BOOST_TEST(r.evidence.size() == 20u);  // 16 SCHANNEL values and 4 .NET values of EXA
    BOOST_TEST(r.default_assumed);        // EXA's TLS 1.3 values
}

BOOST_AUTO_TEST_CASE(tls08_fails_naming_the_host_with_tls10_on_and_the_lines) {
    const Result r = fleet_check("exchange-tls-net", "TLS-08", {"exa", "exb", "exc"});
    BOOST_TEST(to_string(r.status) == "fail");
    BOOST_TEST(has(r.message, "EXC differs from EXA: HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\"
                              "SCHANNEL\\Protocols\\TLS 1.0\\Server\\Enabled is REG_DWORD 1 (0x1) ("));
    BOOST_TEST(has(r.message, "TLS-08/exc/schannel.reg:11:1) where EXA has REG_DWORD 0 (0x0) ("));
    BOOST_TEST(has(r.message, "EXC differs from EXA: HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\"
                              "SCHANNEL\\Protocols\\TLS 1.0\\Server\\DisabledByDefault is REG_DWORD 0 (0x0) ("));
    BOOST_TEST(has(r.message, "TLS-08/exc/schannel.reg:10:1)"));
    BOOST_TEST(!has(r.message, "EXB differs"));
    BOOST_REQUIRE(r.evidence.size() == 4u);  // EXA's and EXC's value, for two values
    BOOST_TEST(r.evidence[1].locator ==
               "EXC: HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.0\\Server\\Enabled");
    BOOST_TEST(r.evidence[1].where.line == 11u);
}

BOOST_AUTO_TEST_CASE(tls08_without_the_net_export_of_a_host_is_not_collected) {
    const Result r = fleet_check("exchange-tls-net", "TLS-08", {"exa", "exd"});
    BOOST_TEST(to_string(r.status) == "not_collected");
    BOOST_TEST(has(r.message, "EXD: HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319\\SystemDefaultTlsVersions is "
                              "outside every exported registry subtree"));
    BOOST_TEST(r.evidence.size() == 4u);  // the four .NET values of EXD
}

BOOST_AUTO_TEST_CASE(tls08_leaves_edge_servers_out) {
    // EDGE1 has TLS 1.0 on, but only EXA is a Mailbox server.
    const Result r = fleet_check("exchange-tls-net", "TLS-08", {"exa", "edge1"});
    BOOST_TEST(to_string(r.status) == "not_applicable");
    const Result three = fleet_check("exchange-tls-net", "TLS-08", {"exa", "edge1", "exb"});
    BOOST_TEST(to_string(three.status) == "pass");
    BOOST_TEST(three.message == "The same on all 2 hosts compared (EXA, EXB).");
}

BOOST_AUTO_TEST_CASE(tls08_same_verdict_with_one_and_four_workers) {
    const Result a = fleet_check("exchange-tls-net", "TLS-08", {"exc", "exa", "exd", "exb", "edge1"}, 1);
    const Result b = fleet_check("exchange-tls-net", "TLS-08", {"exc", "exa", "exd", "exb", "edge1"}, 4);
    BOOST_TEST(to_string(a.status) == "fail");
    BOOST_TEST(a.message == b.message);
    BOOST_TEST(a.observed == b.observed);
}

BOOST_AUTO_TEST_CASE(krb02_passes_when_the_servers_of_a_namespace_share_the_asa) {
    const Result r = fleet_check("exchange-auth-objects", "KRB-02", {"cas1", "cas2", "solo"});
    BOOST_TEST(to_string(r.status) == "pass");
    BOOST_TEST(r.message == "The same on all 2 hosts compared (CAS1, CAS2).");
    BOOST_REQUIRE(r.evidence.size() == 1u);
    BOOST_TEST(r.evidence[0].observed == "CONTOSO\\EXCH-ASA$");
    BOOST_TEST(r.evidence[0].where.str().ends_with("KRB-02/cas1/GetClientAccessService.xml:21:22"));
}

BOOST_AUTO_TEST_CASE(krb02_fails_naming_the_server_with_another_credential) {
    const Result r = fleet_check("exchange-auth-objects", "KRB-02", {"cas1", "cas3"});
    BOOST_TEST(to_string(r.status) == "fail");
    BOOST_TEST(has(r.message, "namespace mail.contoso.com: CAS3 differs from CAS1: ClientAccessServer."
                              "AlternateServiceAccountConfiguration.EffectiveCredentials[*].QualifiedUserName is "));
    BOOST_TEST(has(r.message, "QualifiedUserName is CONTOSO\\OLD-ASA$ ("));
    BOOST_TEST(has(r.message, "KRB-02/cas3/GetClientAccessService.xml:21:22) where CAS1 has CONTOSO\\EXCH-ASA$ ("));
}

BOOST_AUTO_TEST_CASE(krb02_fails_a_server_without_an_effective_credential) {
    const Result r = fleet_check("exchange-auth-objects", "KRB-02", {"cas1", "cas4"});
    BOOST_TEST(to_string(r.status) == "fail");
    BOOST_TEST(has(r.message, "namespace mail.contoso.com: CAS4: ClientAccessServer."));
    BOOST_TEST(has(r.message, "EffectiveCredentials[*].QualifiedUserName (any) matches ^[^\\\\]+\\\\[^\\\\]+$ (found no items)"));
    BOOST_TEST(has(r.message, "CAS4 differs from CAS1: ClientAccessServer.AlternateServiceAccountConfiguration."
                              "EffectiveCredentials[*].QualifiedUserName is no value ("));
}

BOOST_AUTO_TEST_CASE(krb02_without_the_client_access_export_is_not_collected) {
    const Result r = fleet_check("exchange-auth-objects", "KRB-02", {"cas1", "cas5"});
    BOOST_TEST(to_string(r.status) == "not_collected");
    BOOST_TEST(has(r.message, "CAS5: no export of ClientAccessServer objects is in the bundle"));
}

BOOST_AUTO_TEST_CASE(krb02_single_server_namespace_is_not_applicable) {
    const Result r = fleet_check("exchange-auth-objects", "KRB-02", {"cas1", "solo"});
    BOOST_TEST(to_string(r.status) == "not_applicable");
    BOOST_TEST(r.message == "No namespace has two hosts to compare in this run.");
}

BOOST_AUTO_TEST_SUITE_END()
