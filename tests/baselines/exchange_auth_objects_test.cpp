// The built-in baseline exchange-auth-objects (EP-01, EP-02, EP-04) on the bundles of
// tests/data/fixtures/ep/ (README there).  EP-01/02 read some forty XPaths each, so
// their tests assert the verdict and the OWA/ECP pieces of evidence rather than the
// whole observed text.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "baselines/check_fixture.hpp"

using namespace hardcheck;
using hardcheck::test::at;
using hardcheck::test::CheckCase;
using hardcheck::test::evidence;
using hardcheck::test::fixture_bundle;
using hardcheck::test::run_check;

namespace {

Result ep(std::string_view id, std::string_view bundle) { return run_check("exchange-auth-objects", id, fixture_bundle(bundle)); }

constexpr std::string_view kOwaToken =
    "='default web site/owa']/system.webServer/security/authentication/windowsAuthentication/extendedProtection/"
    "@tokenChecking (all)";
constexpr std::string_view kEcpSsl = "='default web site/ecp']/system.webServer/security/access/@sslFlags (all)";

const CheckCase kCases[] = {
    {"exchange-auth-objects", "EP-04", "ep/pass", Status::pass,
     "ADRpcHttpVirtualDirectory.SSLOffloading (all) = Rpc (Default Web Site): SSLOffloading = false; ADRpcHttpVirtualDirectory (count >= 1) = Rpc (Default Web Site)",
     "GetOutlookAnywhere.xml:15"},
    {"exchange-auth-objects", "EP-04", "ep/fail", Status::fail,
     "ADRpcHttpVirtualDirectory.SSLOffloading (all) = Rpc (Default Web Site): SSLOffloading = true; ADRpcHttpVirtualDirectory (count >= 1) = Rpc (Default Web Site)",
     "GetOutlookAnywhere.xml:15"},
    {"exchange-auth-objects", "EP-04", "ep/missing", Status::not_collected,
     "ADRpcHttpVirtualDirectory.SSLOffloading (all) = not collected; ADRpcHttpVirtualDirectory (count >= 1) = not collected",
     ""},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(exchange_auth_objects)

BOOST_DATA_TEST_CASE(each_check_gives_its_expected_verdict, boost::unit_test::data::make(kCases), c) {
    hardcheck::test::expect_case(c);
}

BOOST_AUTO_TEST_CASE(ep01_passes_with_extended_protection_on_every_exchange_vdir) {
    const Result r = ep("EP-01", "ep/pass");
    BOOST_TEST(to_string(r.status) == "pass");
    BOOST_TEST(evidence(r, kOwaToken).observed == "'Require' (line 108)");
    BOOST_TEST(at(evidence(r, kOwaToken)) == "applicationHost.config:108");
    BOOST_TEST(at(evidence(r, "fact exchange_build (ExSetup FileVersionInfo FileVersion)")) == "ExSetup.xml:11");
}

BOOST_AUTO_TEST_CASE(ep01_fails_when_owa_token_checking_is_none) {
    const Result r = ep("EP-01", "ep/fail");
    BOOST_TEST(to_string(r.status) == "fail");
    BOOST_TEST(evidence(r, kOwaToken).observed == "'None' (line 108)");
    BOOST_TEST(at(evidence(r, kOwaToken)) == "applicationHost.config:108");
    BOOST_TEST(r.message.find("equals Require (found 'None' (line 108))") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(ep01_is_not_collected_without_applicationhost_config) {
    const Result r = ep("EP-01", "ep/missing");
    BOOST_TEST(to_string(r.status) == "not_collected");
    BOOST_TEST(evidence(r, kOwaToken).observed == "not collected");
    BOOST_TEST(r.message == "Evidence missing from the bundle: no applicationHost file is in the bundle.");
}

BOOST_AUTO_TEST_CASE(ep02_passes_with_ssl_and_ssl128_required_and_negotiate_cert_on_powershell) {
    const Result r = ep("EP-02", "ep/pass");
    BOOST_TEST(to_string(r.status) == "pass");
    BOOST_TEST(evidence(r, kEcpSsl).observed == "'Ssl, Ssl128' (line 39)");
    BOOST_TEST(at(evidence(r, kEcpSsl)) == "applicationHost.config:39");
}

BOOST_AUTO_TEST_CASE(ep02_fails_when_ecp_does_not_require_ssl) {
    const Result r = ep("EP-02", "ep/fail");
    BOOST_TEST(to_string(r.status) == "fail");
    BOOST_TEST(evidence(r, kEcpSsl).observed == "'None' (line 39)");
    BOOST_TEST(at(evidence(r, kEcpSsl)) == "applicationHost.config:39");
}

BOOST_AUTO_TEST_CASE(ep02_is_not_collected_without_applicationhost_config) {
    const Result r = ep("EP-02", "ep/missing");
    BOOST_TEST(to_string(r.status) == "not_collected");
    BOOST_TEST(evidence(r, kEcpSsl).observed == "not collected");
}

BOOST_AUTO_TEST_SUITE_END()
