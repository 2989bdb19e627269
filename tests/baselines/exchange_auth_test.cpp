// The built-in baseline exchange-auth (KRB-01, NTLM-01..03, EP-03) on small .reg
// bundles: pass, fail and missing evidence for each check.
#include <boost/test/unit_test.hpp>

#include "baselines/check_fixture.hpp"

using namespace hardcheck;
using hardcheck::test::at;
using hardcheck::test::evidence;
using hardcheck::test::run_check;

namespace {

Result auth(std::string_view id, std::string_view bundle_case) { return run_check("exchange-auth", id, bundle_case); }

}  // namespace

BOOST_AUTO_TEST_SUITE(exchange_auth)

BOOST_AUTO_TEST_CASE(krb01_passes_with_aes_and_future_types_only) {
    const Result r = auth("KRB-01", "pass");
    BOOST_TEST(to_string(r.status) == "pass");
    const auto& v = evidence(r, "SupportedEncryptionTypes");
    BOOST_TEST(v.observed == "REG_DWORD 2147483640 (0x7ffffff8)");
    BOOST_TEST(at(v) == "export.reg:8");  // UTF-16LE
}

BOOST_AUTO_TEST_CASE(krb01_fails_when_rc4_is_allowed) {
    const Result r = auth("KRB-01", "fail");
    BOOST_TEST(to_string(r.status) == "fail");
    const auto& v = evidence(r, "SupportedEncryptionTypes");
    BOOST_TEST(v.observed == "REG_DWORD 2147483644 (0x7ffffffc)");
    BOOST_TEST(at(v) == "export.reg:4");
    BOOST_TEST(r.message.find("bits_none 0x7") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(krb01_fails_when_the_policy_is_absent) {
    const Result r = auth("KRB-01", "fail-absent");
    BOOST_TEST(to_string(r.status) == "fail");
    BOOST_TEST(evidence(r, "SupportedEncryptionTypes").observed == "absent");
    BOOST_TEST(at(evidence(r, "SupportedEncryptionTypes")) == "export.reg:3");
}

BOOST_AUTO_TEST_CASE(krb01_is_not_collected_without_the_policies_export) {
    BOOST_TEST(to_string(auth("KRB-01", "missing").status) == "not_collected");
}

BOOST_AUTO_TEST_CASE(ntlm01_passes_at_level_5) {
    const Result r = auth("NTLM-01", "pass");
    BOOST_TEST(to_string(r.status) == "pass");
    BOOST_TEST(evidence(r, "LmCompatibilityLevel").observed == "REG_DWORD 5 (0x5)");
    BOOST_TEST(at(evidence(r, "LmCompatibilityLevel")) == "export.reg:4");
}

BOOST_AUTO_TEST_CASE(ntlm01_fails_at_level_2) {
    const Result r = auth("NTLM-01", "fail");
    BOOST_TEST(to_string(r.status) == "fail");
    BOOST_TEST(evidence(r, "LmCompatibilityLevel").observed == "REG_DWORD 2 (0x2)");
    BOOST_TEST(at(evidence(r, "LmCompatibilityLevel")) == "export.reg:4");  // UTF-16LE
}

BOOST_AUTO_TEST_CASE(ntlm01_fails_on_the_os_default_of_3_and_says_so) {
    const Result r = auth("NTLM-01", "fail-default");
    BOOST_TEST(to_string(r.status) == "fail");
    BOOST_TEST(r.default_assumed);
    BOOST_TEST(evidence(r, "LmCompatibilityLevel").observed == "absent (OS default 3 assumed)");
    BOOST_TEST(at(evidence(r, "LmCompatibilityLevel")) == "export.reg:3");
}

BOOST_AUTO_TEST_CASE(ntlm01_is_not_collected_without_the_lsa_export) {
    BOOST_TEST(to_string(auth("NTLM-01", "missing").status) == "not_collected");
}

BOOST_AUTO_TEST_CASE(ntlm02_passes_with_ntlmv2_and_128_bit_required) {
    const Result r = auth("NTLM-02", "pass");
    BOOST_TEST(to_string(r.status) == "pass");
    BOOST_TEST(evidence(r, "NTLMMinServerSec").observed == "REG_DWORD 537395200 (0x20080000)");
    BOOST_TEST(at(evidence(r, "NTLMMinServerSec")) == "export.reg:7");
}

BOOST_AUTO_TEST_CASE(ntlm02_fails_on_the_128_bit_only_default) {
    const Result r = auth("NTLM-02", "fail-default");
    BOOST_TEST(to_string(r.status) == "fail");
    BOOST_TEST(evidence(r, "NTLMMinServerSec").observed == "absent (OS default 0x20000000 assumed)");
    BOOST_TEST(at(evidence(r, "NTLMMinServerSec")) == "export.reg:5");
    BOOST_TEST(evidence(r, "NTLMMinClientSec").observed == "REG_DWORD 537395200 (0x20080000)");
}

BOOST_AUTO_TEST_CASE(ntlm02_is_not_collected_without_the_msv1_0_key) {
    BOOST_TEST(to_string(auth("NTLM-02", "missing").status) == "not_collected");
}

BOOST_AUTO_TEST_CASE(ntlm03_passes_when_incoming_and_outgoing_ntlm_are_audited) {
    const Result r = auth("NTLM-03", "pass");
    BOOST_TEST(to_string(r.status) == "pass");
    BOOST_TEST(evidence(r, "AuditReceivingNTLMTraffic").observed == "REG_DWORD 2 (0x2)");
    BOOST_TEST(at(evidence(r, "RestrictSendingNTLMTraffic")) == "export.reg:5");
}

BOOST_AUTO_TEST_CASE(ntlm03_fails_when_only_domain_accounts_are_audited) {
    const Result r = auth("NTLM-03", "fail");
    BOOST_TEST(to_string(r.status) == "fail");
    BOOST_TEST(evidence(r, "AuditReceivingNTLMTraffic").observed == "REG_DWORD 1 (0x1)");
    BOOST_TEST(at(evidence(r, "AuditReceivingNTLMTraffic")) == "export.reg:4");
}

BOOST_AUTO_TEST_CASE(ntlm03_is_not_collected_without_the_msv1_0_key) {
    BOOST_TEST(to_string(auth("NTLM-03", "missing").status) == "not_collected");
}

BOOST_AUTO_TEST_CASE(ep03_passes_when_the_value_is_absent_and_says_the_default_was_assumed) {
    const Result r = auth("EP-03", "pass-default");
    BOOST_TEST(to_string(r.status) == "pass");
    BOOST_TEST(r.default_assumed);
    BOOST_TEST(evidence(r, "SuppressExtendedProtection").observed == "absent (OS default 0 assumed)");
    BOOST_TEST(at(evidence(r, "SuppressExtendedProtection")) == "export.reg:3");
}

BOOST_AUTO_TEST_CASE(ep03_fails_when_channel_binding_is_suppressed) {
    const Result r = auth("EP-03", "fail");
    BOOST_TEST(to_string(r.status) == "fail");
    BOOST_TEST(evidence(r, "SuppressExtendedProtection").observed == "REG_DWORD 1 (0x1)");
    BOOST_TEST(at(evidence(r, "SuppressExtendedProtection")) == "export.reg:5");  // UTF-16LE
}

BOOST_AUTO_TEST_CASE(ep03_is_not_collected_without_the_lsa_export) {
    const Result r = auth("EP-03", "missing");
    BOOST_TEST(to_string(r.status) == "not_collected");
    BOOST_TEST(!r.default_assumed);
}

BOOST_AUTO_TEST_SUITE_END()
