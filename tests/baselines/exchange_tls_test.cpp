// The built-in baseline exchange-tls-net (TLS-01..07, NET-01/02) on small .reg bundles:
// a passing, a failing and a missing-evidence bundle per check, plus the tricky
// cases the catalogue calls out (0xffffffff, half disabled, REG_SZ for a DWORD,
// defaults assumed, OS-dependent defaults).
#include <boost/test/unit_test.hpp>

#include "baselines/check_fixture.hpp"

using namespace hardcheck;
using hardcheck::test::at;
using hardcheck::test::evidence;
using hardcheck::test::run_check;

namespace {

const char* const kBaseline = "exchange-tls-net";

Result tls(std::string_view id, std::string_view bundle_case) { return run_check(kBaseline, id, bundle_case); }

}  // namespace

BOOST_AUTO_TEST_SUITE(exchange_tls)

// ---- TLS-01

BOOST_AUTO_TEST_CASE(tls01_passes_on_ws2019_with_ssl3_off_and_ssl2_at_its_default) {
    const Result r = tls("TLS-01", "pass");
    BOOST_TEST(to_string(r.status) == "pass");
    BOOST_TEST(r.default_assumed);
    const auto& ssl3 = evidence(r, "SSL 3.0\\Server\\Enabled");
    BOOST_TEST(ssl3.observed == "REG_DWORD 0 (0x0)");
    BOOST_TEST(at(ssl3) == "schannel.reg:21");  // UTF-16LE regedit export
    const auto& ssl2 = evidence(r, "SSL 2.0\\Server\\Enabled");
    BOOST_TEST(ssl2.observed == "absent (OS default 0 assumed)");
    BOOST_TEST(at(ssl2) == "schannel.reg:3");  // the exported SCHANNEL root
    const auto& build = evidence(r, "CurrentVersion\\CurrentBuild");
    BOOST_TEST(build.observed == "REG_SZ \"17763\"");
    BOOST_TEST(at(build) == "currentversion.reg:4");
}

BOOST_AUTO_TEST_CASE(tls01_fails_when_ssl3_enabled_is_0xffffffff) {
    const Result r = tls("TLS-01", "fail");
    BOOST_TEST(to_string(r.status) == "fail");
    const auto& ssl3 = evidence(r, "SSL 3.0\\Server\\Enabled");
    BOOST_TEST(ssl3.observed == "REG_DWORD 4294967295 (0xffffffff)");
    BOOST_TEST(at(ssl3) == "export.reg:6");
}

BOOST_AUTO_TEST_CASE(tls01_fails_on_ws2012r2_where_absent_means_ssl3_enabled) {
    const Result r = tls("TLS-01", "fail-ws2012r2-default");
    BOOST_TEST(to_string(r.status) == "fail");
    const auto& build = evidence(r, "CurrentVersion\\CurrentBuild");
    BOOST_TEST(build.observed == "REG_SZ \"9600\"");
    BOOST_TEST(at(build) == "export.reg:6");
    BOOST_TEST(r.message.find("SSL 3.0\\Server\\Enabled exists (found absent)") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(tls01_is_not_collected_without_the_schannel_export) {
    const Result r = tls("TLS-01", "missing");
    BOOST_TEST(to_string(r.status) == "not_collected");
    BOOST_TEST(evidence(r, "SSL 2.0\\Server\\Enabled").observed == "not collected");
}

BOOST_AUTO_TEST_CASE(tls01_is_not_collected_when_absent_values_need_the_os_build) {
    const Result r = tls("TLS-01", "missing-os-build");
    BOOST_TEST(to_string(r.status) == "not_collected");
    BOOST_TEST(evidence(r, "CurrentVersion\\CurrentBuild").observed == "not collected");
    BOOST_TEST(evidence(r, "SSL 3.0\\Client\\Enabled").observed == "absent (OS default 0 assumed)");
}

// ---- TLS-02

BOOST_AUTO_TEST_CASE(tls02_passes_with_both_sides_disabled) {
    const Result r = tls("TLS-02", "pass");
    BOOST_TEST(to_string(r.status) == "pass");
    BOOST_TEST(!r.default_assumed);
    const auto& server = evidence(r, "TLS 1.0\\Server\\Enabled");
    BOOST_TEST(server.observed == "REG_DWORD 0 (0x0)");
    BOOST_TEST(at(server) == "export.reg:11");
    BOOST_TEST(at(evidence(r, "TLS 1.0\\Client\\Enabled")) == "export.reg:7");
}

BOOST_AUTO_TEST_CASE(tls02_judges_enabled_only_so_half_disabled_still_passes) {
    const Result r = tls("TLS-02", "pass-half-disabled");
    BOOST_TEST(to_string(r.status) == "pass");
    BOOST_TEST(at(evidence(r, "TLS 1.0\\Server\\Enabled")) == "export.reg:9");
}

BOOST_AUTO_TEST_CASE(tls02_fails_when_server_enabled_is_absent_because_the_default_is_on) {
    const Result r = tls("TLS-02", "fail");
    BOOST_TEST(to_string(r.status) == "fail");
    BOOST_TEST(r.default_assumed);
    const auto& server = evidence(r, "TLS 1.0\\Server\\Enabled");
    BOOST_TEST(server.observed == "absent (OS default 1 assumed)");
    BOOST_TEST(server.default_assumed);
    BOOST_TEST(at(server) == "export.reg:8");  // the Server key, which has no Enabled
}

BOOST_AUTO_TEST_CASE(tls02_is_an_error_when_enabled_is_a_string) {
    const Result r = tls("TLS-02", "error-reg-sz");
    BOOST_TEST(to_string(r.status) == "error");
    const auto& server = evidence(r, "TLS 1.0\\Server\\Enabled");
    BOOST_TEST(server.observed == "REG_SZ \"0\"");
    BOOST_TEST(at(server) == "export.reg:7");
    BOOST_TEST(r.message.find("has type REG_SZ where REG_DWORD is expected") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(tls02_is_not_collected_when_only_tls12_was_exported) {
    const Result r = tls("TLS-02", "missing");
    BOOST_TEST(to_string(r.status) == "not_collected");
    BOOST_TEST(evidence(r, "TLS 1.0\\Server\\Enabled").observed == "not collected");
}

// ---- TLS-03

BOOST_AUTO_TEST_CASE(tls03_passes_with_both_sides_disabled) {
    const Result r = tls("TLS-03", "pass");
    BOOST_TEST(to_string(r.status) == "pass");
    BOOST_TEST(at(evidence(r, "TLS 1.1\\Server\\Enabled")) == "export.reg:9");
}

BOOST_AUTO_TEST_CASE(tls03_fails_when_disabled_by_default_is_set_but_enabled_is_on) {
    const Result r = tls("TLS-03", "fail");
    BOOST_TEST(to_string(r.status) == "fail");
    const auto& client = evidence(r, "TLS 1.1\\Client\\Enabled");
    BOOST_TEST(client.observed == "REG_DWORD 1 (0x1)");
    BOOST_TEST(at(client) == "export.reg:5");  // UTF-16LE
}

BOOST_AUTO_TEST_CASE(tls03_is_not_collected_when_only_tls10_was_exported) {
    BOOST_TEST(to_string(tls("TLS-03", "missing").status) == "not_collected");
}

// ---- TLS-04

BOOST_AUTO_TEST_CASE(tls04_reads_enabled_0xffffffff_as_on) {
    const Result r = tls("TLS-04", "pass");
    BOOST_TEST(to_string(r.status) == "pass");
    BOOST_TEST(!r.default_assumed);
    const auto& server = evidence(r, "TLS 1.2\\Server\\Enabled");
    BOOST_TEST(server.observed == "REG_DWORD 4294967295 (0xffffffff)");
    BOOST_TEST(at(server) == "export.reg:9");
}

BOOST_AUTO_TEST_CASE(tls04_passes_on_the_os_default_and_says_so) {
    const Result r = tls("TLS-04", "pass-default");
    BOOST_TEST(to_string(r.status) == "pass");
    BOOST_TEST(r.default_assumed);
    const auto& dbd = evidence(r, "TLS 1.2\\Client\\DisabledByDefault");
    BOOST_TEST(dbd.observed == "absent (OS default 0 assumed)");
    BOOST_TEST(at(dbd) == "export.reg:3");
}

BOOST_AUTO_TEST_CASE(tls04_fails_when_server_disabled_by_default_is_set) {
    const Result r = tls("TLS-04", "fail");
    BOOST_TEST(to_string(r.status) == "fail");
    const auto& dbd = evidence(r, "TLS 1.2\\Server\\DisabledByDefault");
    BOOST_TEST(dbd.observed == "REG_DWORD 1 (0x1)");
    BOOST_TEST(at(dbd) == "export.reg:8");
}

BOOST_AUTO_TEST_CASE(tls04_is_not_collected_when_the_server_key_was_not_exported) {
    const Result r = tls("TLS-04", "missing");
    BOOST_TEST(to_string(r.status) == "not_collected");
    BOOST_TEST(evidence(r, "TLS 1.2\\Server\\Enabled").observed == "not collected");
    BOOST_TEST(evidence(r, "TLS 1.2\\Client\\Enabled").observed == "REG_DWORD 1 (0x1)");
}

// ---- TLS-06

BOOST_AUTO_TEST_CASE(tls06_passes_with_explicit_matching_values_on_ws2019) {
    const Result r = tls("TLS-06", "pass");
    BOOST_TEST(to_string(r.status) == "pass");
    BOOST_TEST(at(evidence(r, "TLS 1.2\\Client\\Enabled")) == "export.reg:23");
}

BOOST_AUTO_TEST_CASE(tls06_passes_on_ws2022_with_tls13_at_its_default_on_both_sides) {
    const Result r = tls("TLS-06", "pass-ws2022-tls13-default");
    BOOST_TEST(to_string(r.status) == "pass");
    BOOST_TEST(r.default_assumed);
    BOOST_TEST(evidence(r, "TLS 1.3\\Server\\Enabled").observed == "absent (OS default 1 assumed)");
}

BOOST_AUTO_TEST_CASE(tls06_fails_when_client_and_server_disagree) {
    const Result r = tls("TLS-06", "fail");
    BOOST_TEST(to_string(r.status) == "fail");
    const auto& client = evidence(r, "TLS 1.2\\Client\\Enabled");
    BOOST_TEST(client.observed == "REG_DWORD 0 (0x0)");
    BOOST_TEST(at(client) == "export.reg:23");
}

BOOST_AUTO_TEST_CASE(tls06_fails_when_a_side_is_half_disabled) {
    const Result r = tls("TLS-06", "fail-half-disabled");
    BOOST_TEST(to_string(r.status) == "fail");
    const auto& dbd = evidence(r, "TLS 1.0\\Server\\DisabledByDefault");
    BOOST_TEST(dbd.observed == "REG_DWORD 0 (0x0)");
    BOOST_TEST(at(dbd) == "export.reg:10");
}

BOOST_AUTO_TEST_CASE(tls06_fails_when_a_value_is_left_to_the_os_default) {
    const Result r = tls("TLS-06", "fail-not-explicit");
    BOOST_TEST(to_string(r.status) == "fail");
    BOOST_TEST(evidence(r, "TLS 1.1\\Client\\DisabledByDefault").observed == "absent");
    BOOST_TEST(at(evidence(r, "TLS 1.1\\Client\\DisabledByDefault")) == "export.reg:13");
}

BOOST_AUTO_TEST_CASE(tls06_fails_on_ws2022_when_only_the_tls13_server_side_is_disabled) {
    const Result r = tls("TLS-06", "fail-ws2022-tls13-mismatch");
    BOOST_TEST(to_string(r.status) == "fail");
    const auto& server = evidence(r, "TLS 1.3\\Server\\Enabled");
    BOOST_TEST(server.observed == "REG_DWORD 0 (0x0)");
    BOOST_TEST(at(server) == "export.reg:35");
}

BOOST_AUTO_TEST_CASE(tls06_is_not_collected_without_the_os_build) {
    const Result r = tls("TLS-06", "missing");
    BOOST_TEST(to_string(r.status) == "not_collected");
    BOOST_TEST(evidence(r, "CurrentVersion\\CurrentBuild").observed == "not collected");
}

// ---- TLS-07

BOOST_AUTO_TEST_CASE(tls07_passes_with_every_weak_cipher_and_md5_off) {
    const Result r = tls("TLS-07", "pass");
    BOOST_TEST(to_string(r.status) == "pass");
    // Key names with '/' are one name, not a path separator.
    const auto& rc4 = evidence(r, "Ciphers\\RC4 128/128\\Enabled");
    BOOST_TEST(rc4.observed == "REG_DWORD 0 (0x0)");
    BOOST_TEST(at(rc4) == "export.reg:30");
    BOOST_TEST(at(evidence(r, "Hashes\\MD5\\Enabled")) == "export.reg:38");
}

BOOST_AUTO_TEST_CASE(tls07_fails_when_rc4_is_0xffffffff) {
    const Result r = tls("TLS-07", "fail");
    BOOST_TEST(to_string(r.status) == "fail");
    const auto& rc4 = evidence(r, "Ciphers\\RC4 128/128\\Enabled");
    BOOST_TEST(rc4.observed == "REG_DWORD 4294967295 (0xffffffff)");
    BOOST_TEST(at(rc4) == "export.reg:30");
}

BOOST_AUTO_TEST_CASE(tls07_fails_when_a_cipher_value_is_absent) {
    const Result r = tls("TLS-07", "fail-absent");
    BOOST_TEST(to_string(r.status) == "fail");
    const auto& des3 = evidence(r, "Ciphers\\Triple DES 168\\Enabled");
    BOOST_TEST(des3.observed == "absent");
    BOOST_TEST(at(des3) == "export.reg:3");  // the exported Ciphers key
}

BOOST_AUTO_TEST_CASE(tls07_is_not_collected_without_the_ciphers_subtree) {
    const Result r = tls("TLS-07", "missing");
    BOOST_TEST(to_string(r.status) == "not_collected");
    BOOST_TEST(evidence(r, "Hashes\\MD5\\Enabled").observed == "not collected");
}

// Without the Ciphers subtree, the Get-TlsCipherSuite export decides (first_collected).
BOOST_AUTO_TEST_CASE(tls07_passes_on_a_cipher_suite_list_without_weak_suites) {
    const Result r = tls("TLS-07", "suites-pass");
    BOOST_TEST(to_string(r.status) == "pass");
    const auto& suites = evidence(r, "Get-TlsCipherSuite.Name (none)");
    BOOST_TEST(suites.observed.starts_with("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384: Name = "));
    BOOST_TEST(at(suites) == "GetTlsCipherSuite.xml:2");
}

BOOST_AUTO_TEST_CASE(tls07_fails_on_rc4_and_null_suites_in_the_list) {
    const Result r = tls("TLS-07", "suites-fail");
    BOOST_TEST(to_string(r.status) == "fail");
    BOOST_TEST(evidence(r, "Get-TlsCipherSuite.Name (none)").observed ==
               "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384: Name = 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', "
               "TLS_RSA_WITH_RC4_128_SHA: Name = 'TLS_RSA_WITH_RC4_128_SHA', "
               "TLS_RSA_WITH_NULL_SHA256: Name = 'TLS_RSA_WITH_NULL_SHA256'");
    BOOST_TEST(r.message.starts_with("Not met: Get-TlsCipherSuite.Name (none) matches NULL|_DES_|3DES|RC4|RC2|EXPORT|_MD5"));
}

// The Ciphers keys are what Schannel enforces: exported, they decide, and a 3DES
// suite left in the order cannot be negotiated with Triple DES 168 off.
BOOST_AUTO_TEST_CASE(tls07_reads_the_registry_before_the_cipher_suite_list) {
    const Result r = tls("TLS-07", "registry-over-suites");
    BOOST_TEST(to_string(r.status) == "pass");
    BOOST_TEST(r.evidence.size() == 11u);
    BOOST_TEST(evidence(r, "Ciphers\\Triple DES 168\\Enabled").observed == "REG_DWORD 0 (0x0)");
}

// ---- NET-01 / NET-02

BOOST_AUTO_TEST_CASE(net01_passes_with_all_four_values_1) {
    const Result r = tls("NET-01", "pass");
    BOOST_TEST(to_string(r.status) == "pass");
    // The export spells Wow6432Node; key names are case-insensitive.
    const auto& wow = evidence(r, "WOW6432Node\\Microsoft\\.NETFramework\\v4.0.30319\\SchUseStrongCrypto");
    BOOST_TEST(wow.observed == "REG_DWORD 1 (0x1)");
    BOOST_TEST(at(wow) == "export.reg:9");
}

BOOST_AUTO_TEST_CASE(net01_fails_when_the_32_bit_view_is_0) {
    const Result r = tls("NET-01", "fail");
    BOOST_TEST(to_string(r.status) == "fail");
    const auto& wow = evidence(r, "WOW6432Node\\Microsoft\\.NETFramework\\v4.0.30319\\SystemDefaultTlsVersions");
    BOOST_TEST(wow.observed == "REG_DWORD 0 (0x0)");
    BOOST_TEST(at(wow) == "export.reg:8");
}

BOOST_AUTO_TEST_CASE(net01_is_an_error_when_a_value_is_reg_sz) {
    const Result r = tls("NET-01", "error-reg-sz");
    BOOST_TEST(to_string(r.status) == "error");
    const auto& v = evidence(r, "SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319\\SchUseStrongCrypto");
    BOOST_TEST(v.observed == "REG_SZ \"1\"");
    BOOST_TEST(at(v) == "export.reg:5");
}

BOOST_AUTO_TEST_CASE(net01_is_not_collected_without_the_wow6432node_export) {
    const Result r = tls("NET-01", "missing");
    BOOST_TEST(to_string(r.status) == "not_collected");
    BOOST_TEST(evidence(r, "WOW6432Node\\Microsoft\\.NETFramework\\v4.0.30319\\SchUseStrongCrypto").observed ==
               "not collected");
}

BOOST_AUTO_TEST_CASE(net02_passes_with_all_four_values_1) {
    const Result r = tls("NET-02", "pass");
    BOOST_TEST(to_string(r.status) == "pass");
    BOOST_TEST(at(evidence(r, "SOFTWARE\\Microsoft\\.NETFramework\\v2.0.50727\\SystemDefaultTlsVersions")) ==
               "export.reg:4");
}

BOOST_AUTO_TEST_CASE(net02_fails_when_the_values_are_absent) {
    const Result r = tls("NET-02", "fail");
    BOOST_TEST(to_string(r.status) == "fail");
    const auto& v = evidence(r, "SOFTWARE\\Microsoft\\.NETFramework\\v2.0.50727\\SchUseStrongCrypto");
    BOOST_TEST(v.observed == "absent");
    BOOST_TEST(at(v) == "export.reg:3");
    BOOST_TEST(r.message.find("v2.0.50727\\SchUseStrongCrypto equals 1 (found absent)") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(net02_is_not_collected_when_only_net4_was_exported) {
    BOOST_TEST(to_string(tls("NET-02", "missing").status) == "not_collected");
}

BOOST_AUTO_TEST_SUITE_END()
