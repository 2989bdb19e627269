#include <boost/test/unit_test.hpp>

#include "hardcheck/evidence.hpp"
#include "test_paths.hpp"

using namespace hardcheck;

namespace {

std::filesystem::path iis() { return test::data_dir() / "corpus" / "exchange" / "E16" / "Exchange" / "IIS"; }

}  // namespace

BOOST_AUTO_TEST_SUITE(config_reader)

BOOST_AUTO_TEST_CASE(application_host_is_recognised_by_its_section) {
    auto doc = read_config_file(iis() / "applicationHost.config");
    BOOST_TEST(doc.kind == "applicationHost");
    BOOST_TEST(doc.file == (iis() / "applicationHost.config").string());
}

BOOST_AUTO_TEST_CASE(xpath_attribute_match_has_value_and_file_line_col) {
    auto doc = read_config_file(iis() / "applicationHost.config");
    auto found = doc.select("/configuration/location[@path='Default Web Site']/system.webServer/security/access/@sslFlags");
    BOOST_REQUIRE(found.size() == 1u);
    BOOST_TEST(found[0].value == "Ssl, Ssl128");
    BOOST_TEST(found[0].where.str() == doc.file + ":1299:25");
}

BOOST_AUTO_TEST_CASE(xpath_element_match_is_located_at_its_start_tag) {
    auto doc = read_config_file(iis() / "applicationHost.config");
    auto found = doc.select("//location[@path='Exchange Back End/PowerShell']");
    BOOST_REQUIRE(found.size() == 1u);
    BOOST_TEST(found[0].where.str() == doc.file + ":1313:5");
}

BOOST_AUTO_TEST_CASE(xpath_that_matches_nothing_is_empty_and_scalar_results_are_one_value) {
    auto doc = read_config_file(iis() / "applicationHost.config");
    BOOST_TEST(doc.select("//nosuchelement").empty());
    auto count = doc.select("count(//location[@path='Default Web Site'])");
    BOOST_REQUIRE(count.size() == 1u);
    BOOST_TEST(count[0].value == "1");
    BOOST_TEST(count[0].where.str() == doc.file);
}

BOOST_AUTO_TEST_CASE(invalid_xpath_throws_input_error) {
    auto doc = read_config_file(iis() / "applicationHost.config");
    BOOST_CHECK_THROW(doc.select("//location[@path="), InputError);
}

BOOST_AUTO_TEST_CASE(web_config_kind_comes_from_the_file_name) {
    auto doc = read_config_file(iis() / "DefaultWebSite-ECP_web.config");
    BOOST_TEST(doc.kind == "web.config");
    auto found = doc.select("/configuration/appSettings/add[@key='HttpProxy.ProtocolType']/@value");
    BOOST_REQUIRE(found.size() == 1u);
    BOOST_TEST(found[0].value == "Ecp");
    BOOST_TEST(found[0].where.str() == doc.file + ":11:39");
}

BOOST_AUTO_TEST_CASE(utf16_config_with_entities_keeps_columns_of_the_source) {
    auto doc = read_config_buffer(test::as_regedit_utf16("<?xml version=\"1.0\" encoding=\"utf-16\"?>\n<configuration>\n"
                                                         "  <a x=\"&amp;&amp;\" y=\"caf\xC3\xA9\" z=\"2\">t&lt;</a>\n</configuration>\n"),
                                  "machine.config");
    BOOST_TEST(doc.kind == "machine.config");
    auto z = doc.select("//a/@z");
    BOOST_REQUIRE(z.size() == 1u);
    BOOST_TEST(z[0].value == "2");
    BOOST_TEST(z[0].where.str() == "machine.config:3:30");
    BOOST_TEST(doc.select("//a/@x").at(0).value == "&&");
    BOOST_TEST(doc.select("//a").at(0).value == "t<");
    BOOST_TEST(doc.select("//a/text()").at(0).where.str() == "machine.config:3:36");
}

BOOST_AUTO_TEST_CASE(malformed_config_is_an_error_with_position) {
    try {
        read_config_buffer("<configuration>\n  <a>\n</configuration>\n", "web.config");
        BOOST_FAIL("no error");
    } catch (const InputError& e) {
        BOOST_TEST(e.diagnostics().front().str() == "web.config:3:3: error: Start-end tags mismatch");
    }
}

BOOST_AUTO_TEST_CASE(other_root_is_not_a_config) {
    try {
        read_config_buffer("<?xml version=\"1.0\"?>\n<Definition />", "x.config");
        BOOST_FAIL("no error");
    } catch (const InputError& e) {
        BOOST_TEST(e.diagnostics().front().str() == "x.config:2:1: error: not a configuration file: root element is <Definition>");
    }
    BOOST_TEST(looks_like_config("\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- c -->\n<configuration>"));
    BOOST_TEST(!looks_like_config("<Definition>"));
}

BOOST_AUTO_TEST_SUITE_END()
