// The Exchange sample bundles in examples/exchange/ (issue 8): an unhardened Exchange
// 2019 CU14 server and a hardened Exchange SE server, audited with the composite
// `cisa-exchange-2025`; a handful of verdicts from each kind of evidence.
#include <boost/test/unit_test.hpp>

#include "baselines/check_fixture.hpp"

using namespace hardcheck;
using hardcheck::test::at;
using hardcheck::test::evidence;
using hardcheck::test::run_check;
using hardcheck::test::source_dir;

namespace {

Result on(std::string_view example, std::string_view id) {
    return run_check("cisa-exchange-2025", id, source_dir() / "examples" / "exchange" / std::string(example));
}

constexpr std::string_view cu14 = "ex2019-cu14-unhardened";
constexpr std::string_view se = "se-hardened";

}  // namespace

BOOST_AUTO_TEST_SUITE(exchange_examples)

BOOST_AUTO_TEST_CASE(cu14_fails_exv01_as_exchange_2019) {
    const Result r = on(cu14, "EXV-01");
    BOOST_TEST(to_string(r.status) == "fail");
    BOOST_TEST(r.observed == "fact exchange_line (exchange_build) = 2019");
    BOOST_TEST(at(evidence(r, "fact exchange_line (exchange_build)")) == "ExSetup.xml:11");
}

BOOST_AUTO_TEST_CASE(cu14_fails_exv03_at_its_release_build) {
    const Result r = on(cu14, "EXV-03");
    BOOST_TEST(to_string(r.status) == "fail");
    BOOST_TEST(r.observed == "fact exchange_build (ExSetup FileVersionInfo FileVersion) = 15.2.1544.4");
}

BOOST_AUTO_TEST_CASE(cu14_fails_tls02_on_the_os_default) {
    const Result r = on(cu14, "TLS-02");
    BOOST_TEST(to_string(r.status) == "fail");
    const auto& server = evidence(r, "TLS 1.0\\Server\\Enabled");
    BOOST_TEST(server.observed == "absent (OS default 1 assumed)");
    BOOST_TEST(at(server) == "schannel.reg:3");
}

BOOST_AUTO_TEST_CASE(cu14_fails_auth01_and_dd01_from_the_organization_config) {
    const Result auth = on(cu14, "AUTH-01");
    BOOST_TEST(to_string(auth.status) == "fail");
    BOOST_TEST(evidence(auth, "OAuth2ClientProfileEnabled (all)").observed ==
               "Contoso: OAuth2ClientProfileEnabled = false");
    BOOST_TEST(at(evidence(auth, "OAuth2ClientProfileEnabled (all)")) == "GetOrganizationConfig.xml:14");
    const Result dd = on(cu14, "DD-01");
    BOOST_TEST(to_string(dd.status) == "fail");
    BOOST_TEST(dd.observed == "OrganizationConfig.EnableDownloadDomains (all) = Contoso: EnableDownloadDomains = false; OrganizationConfig (count >= 1) = Contoso");
}

BOOST_AUTO_TEST_CASE(se_passes_exv01_and_exv03_at_15_2_2562_53) {
    const Result line = on(se, "EXV-01");
    BOOST_TEST(to_string(line.status) == "pass");
    BOOST_TEST(line.observed == "fact exchange_line (exchange_build) = SE");
    const Result su = on(se, "EXV-03");
    BOOST_TEST(to_string(su.status) == "pass");
    BOOST_TEST(su.observed == "fact exchange_build (ExSetup FileVersionInfo FileVersion) = 15.2.2562.53");
}

BOOST_AUTO_TEST_CASE(se_passes_tls02_with_both_sides_disabled) {
    const Result r = on(se, "TLS-02");
    BOOST_TEST(to_string(r.status) == "pass");
    BOOST_TEST(evidence(r, "TLS 1.0\\Server\\Enabled").observed == "REG_DWORD 0 (0x0)");
    BOOST_TEST(at(evidence(r, "TLS 1.0\\Server\\Enabled")) == "schannel.reg:77");
    BOOST_TEST(at(evidence(r, "TLS 1.0\\Client\\Enabled")) == "schannel.reg:73");
}

BOOST_AUTO_TEST_CASE(se_passes_auth01_with_an_adfs_authorization_server) {
    const Result r = on(se, "AUTH-01");
    BOOST_TEST(to_string(r.status) == "pass");
    const auto& server = evidence(r, "IsDefaultAuthorizationEndpoint equals true) (count >= 1)");
    BOOST_TEST(server.observed == "ADFS - adfs.contoso.com");
    BOOST_TEST(at(server) == "GetAuthServer.xml:2");
}

BOOST_AUTO_TEST_CASE(se_passes_dd01) {
    BOOST_TEST(to_string(on(se, "DD-01").status) == "pass");
}

BOOST_AUTO_TEST_SUITE_END()
