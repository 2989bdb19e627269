// The registry baselines on real exports (tests/data/checks/corpus/SOURCE.md) and on
// the project corpus's E16 TLS object in registry form: the verdicts an Exchange
// engineer would give, and CHECKS.md §6.1's expected verdicts for E16.
#include <boost/test/unit_test.hpp>

#include "baselines/check_fixture.hpp"

using namespace hardcheck;
using hardcheck::test::at;
using hardcheck::test::data_dir;
using hardcheck::test::evidence;
using hardcheck::test::run_check;

namespace {

std::filesystem::path corpus(std::string_view bundle) { return data_dir() / "checks" / "corpus" / std::string(bundle); }

Result on(std::string_view bundle, std::string_view id) { return run_check("exchange-tls-net", id, corpus(bundle)); }

}  // namespace

BOOST_AUTO_TEST_SUITE(baselines_on_real_exports)

// PsSsl: regedit export of an untouched SCHANNEL tree (no Enabled values at all).

BOOST_AUTO_TEST_CASE(untouched_schannel_fails_tls10_on_the_enabled_default) {
    const Result r = on("pssl", "TLS-02");
    BOOST_TEST(to_string(r.status) == "fail");
    const auto& server = evidence(r, "TLS 1.0\\Server\\Enabled");
    BOOST_TEST(server.observed == "absent (OS default 1 assumed)");
    BOOST_TEST(at(server) == "PsSsl__schannel.reg:3");
}

BOOST_AUTO_TEST_CASE(untouched_schannel_fails_weak_ciphers_because_nothing_disables_them) {
    const Result r = on("pssl", "TLS-07");
    BOOST_TEST(to_string(r.status) == "fail");
    BOOST_TEST(evidence(r, "Ciphers\\RC4 128/128\\Enabled").observed == "absent");
    BOOST_TEST(at(evidence(r, "Ciphers\\RC4 128/128\\Enabled")) == "PsSsl__schannel.reg:3");
}

BOOST_AUTO_TEST_CASE(untouched_schannel_keeps_tls12_on_by_default) {
    const Result r = on("pssl", "TLS-04");
    BOOST_TEST(to_string(r.status) == "pass");
    BOOST_TEST(r.default_assumed);
}

BOOST_AUTO_TEST_CASE(untouched_schannel_cannot_judge_ssl_without_the_os_build) {
    const Result r = on("pssl", "TLS-01");
    BOOST_TEST(to_string(r.status) == "not_collected");
    // SSL 2.0\Client exists with only DisabledByDefault=1, which does not disable it.
    BOOST_TEST(evidence(r, "SSL 2.0\\Client\\Enabled").observed == "absent (OS default 0 assumed)");
    BOOST_TEST(at(evidence(r, "SSL 2.0\\Client\\Enabled")) == "PsSsl__schannel.reg:18");
}

// flare-vm: hand-written hardening of the .NET keys and TLS 1.1/1.2 Client.

BOOST_AUTO_TEST_CASE(flare_vm_sets_net4_in_both_views) {
    const Result r = on("flare-vm", "NET-01");
    BOOST_TEST(to_string(r.status) == "pass");
    const auto& wow = evidence(r, "WOW6432Node\\Microsoft\\.NETFramework\\v4.0.30319\\SchUseStrongCrypto");
    BOOST_TEST(wow.observed == "REG_DWORD 1 (0x1)");
    BOOST_TEST(at(wow) == "flare-vm__tls_mod_x64.reg:17");
}

BOOST_AUTO_TEST_CASE(flare_vm_sets_net2_in_both_views) {
    BOOST_TEST(to_string(on("flare-vm", "NET-02").status) == "pass");
}

BOOST_AUTO_TEST_CASE(flare_vm_enables_tls11_client_so_tls03_fails_although_the_server_side_is_not_exported) {
    const Result r = on("flare-vm", "TLS-03");
    BOOST_TEST(to_string(r.status) == "fail");
    BOOST_TEST(evidence(r, "TLS 1.1\\Server\\Enabled").observed == "not collected");
    BOOST_TEST(evidence(r, "TLS 1.1\\Client\\Enabled").observed == "REG_DWORD 1 (0x1)");
    BOOST_TEST(at(evidence(r, "TLS 1.1\\Client\\Enabled")) == "flare-vm__tls_mod_x64.reg:37");
}

BOOST_AUTO_TEST_CASE(flare_vm_cannot_pass_tls12_without_the_server_side) {
    BOOST_TEST(to_string(on("flare-vm", "TLS-04").status) == "not_collected");
}

// CHECKS.md §6.1 on the E16 TLS object (Exchange 2016 CU22 on WS2016).

BOOST_AUTO_TEST_CASE(e16_tls10_fails_server_enabled_1) {
    const Result r = on("E16-mapped", "TLS-02");
    BOOST_TEST(to_string(r.status) == "fail");
    BOOST_TEST(evidence(r, "TLS 1.0\\Server\\Enabled").observed == "REG_DWORD 1 (0x1)");
    BOOST_TEST(at(evidence(r, "TLS 1.0\\Server\\Enabled")) == "GetAllTlsSettings-as-registry.reg:9");
    BOOST_TEST(evidence(r, "TLS 1.0\\Client\\Enabled").observed == "absent (OS default 1 assumed)");
}

BOOST_AUTO_TEST_CASE(e16_tls11_fails_server_enabled_1) {
    const Result r = on("E16-mapped", "TLS-03");
    BOOST_TEST(to_string(r.status) == "fail");
    BOOST_TEST(at(evidence(r, "TLS 1.1\\Server\\Enabled")) == "GetAllTlsSettings-as-registry.reg:16");
}

BOOST_AUTO_TEST_CASE(e16_tls12_passes_with_the_client_at_its_default) {
    const Result r = on("E16-mapped", "TLS-04");
    BOOST_TEST(to_string(r.status) == "pass");
    BOOST_TEST(r.default_assumed);
    BOOST_TEST(evidence(r, "TLS 1.2\\Client\\Enabled").observed == "absent (OS default 1 assumed)");
    BOOST_TEST(at(evidence(r, "TLS 1.2\\Server\\Enabled")) == "GetAllTlsSettings-as-registry.reg:24");
}

BOOST_AUTO_TEST_CASE(e16_tls_configuration_fails_because_client_values_are_not_explicit) {
    const Result r = on("E16-mapped", "TLS-06");
    BOOST_TEST(to_string(r.status) == "fail");
    BOOST_TEST(evidence(r, "TLS 1.0\\Client\\Enabled").observed == "absent");
}

BOOST_AUTO_TEST_CASE(e16_net4_fails_with_every_value_absent) {
    const Result r = on("E16-mapped", "NET-01");
    BOOST_TEST(to_string(r.status) == "fail");
    BOOST_TEST(evidence(r, "WOW6432Node\\Microsoft\\.NETFramework\\v4.0.30319\\SystemDefaultTlsVersions").observed ==
               "absent");
}

BOOST_AUTO_TEST_CASE(e16_net2_fails_with_every_value_absent) {
    BOOST_TEST(to_string(on("E16-mapped", "NET-02").status) == "fail");
}

// §6.1 expects TLS-07 to fail only through the cipher-suite list; the registry
// form has no cipher keys in the TLS object, so it cannot decide.
BOOST_AUTO_TEST_CASE(e16_weak_ciphers_are_not_collected_from_the_registry_form) {
    BOOST_TEST(to_string(on("E16-mapped", "TLS-07").status) == "not_collected");
}

// The hand transcription above and the loader's own mapping of the object
// (healthchecker_tls.hpp, on the E16 bundle itself) must agree: same status, same
// observed value for every registry value both read.  Only the provenance note, the
// file:line and CurrentBuild (transcribed from another file of E16) differ.
BOOST_AUTO_TEST_CASE(e16_hand_transcription_agrees_with_the_tls_object_adapter) {
    const std::string note = " (from HealthChecker TLS settings object)";
    const auto e16 = data_dir() / "corpus" / "exchange" / "E16";
    for (const char* id : {"TLS-02", "TLS-03", "TLS-04", "TLS-06", "NET-01", "NET-02"}) {
        const Result hand = on("E16-mapped", id);
        const Result mapped = run_check("exchange-tls-net", id, e16);
        BOOST_TEST(to_string(hand.status) == to_string(mapped.status), id);
        std::size_t compared = 0;
        for (const auto& h : hand.evidence) {
            if (h.locator.ends_with("CurrentBuild")) continue;
            const auto& m = evidence(mapped, h.locator);
            std::string observed = m.observed;
            if (const auto at_note = observed.find(note); at_note != std::string::npos) observed.erase(at_note, note.size());
            BOOST_TEST(observed == h.observed, id << " " << h.locator);
            ++compared;
        }
        BOOST_TEST(compared >= 2u, id);
    }
}

BOOST_AUTO_TEST_SUITE_END()
