// Every limit of hardcheck/limits.hpp can be changed by the caller and, when hit,
// is reported with the limit's value at file:line:col.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include <pugixml.hpp>

#include "hardcheck/baseline.hpp"
#include "hardcheck/evidence.hpp"

using namespace hardcheck;

namespace {

std::vector<std::string> baseline_errors(const std::string& yaml, const Limits& limits) {
    try {
        load_baseline_text(yaml, "b.yaml", limits);
    } catch (const InputError& e) {
        std::vector<std::string> out;
        for (const auto& d : e.diagnostics()) out.push_back(d.str());
        return out;
    }
    return {};
}

const std::string kBaseline =
    "id: b\ntitle: B\nversion: '1'\nchecks:\n"
    "  - id: X-1\n    title: x\n    severity: low\n"
    "    test: {registry: {key: 'HKLM\\SOFTWARE\\Hc', value: V}, matches: 'a{1,50}b{1,50}'}\n";

const std::string kReg = "Windows Registry Editor Version 5.00\n\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Hc]\n"
                         "\"A\"=\"" + std::string(100, 'a') + "\"\n";

struct TempDir {
    std::filesystem::path path = std::filesystem::temp_directory_path() /
                                 ("hardcheck-limits-" + std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    TempDir() { std::filesystem::create_directories(path); }
    ~TempDir() { std::filesystem::remove_all(path); }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(limits)

BOOST_AUTO_TEST_CASE(default_baseline_loads_within_the_default_limits) {
    BOOST_TEST(baseline_errors(kBaseline, Limits{}).empty());
}

BOOST_AUTO_TEST_CASE(yaml_node_limit_is_configurable) {
    Limits limits;
    limits.max_yaml_nodes = 10;
    const auto errors = baseline_errors(kBaseline, limits);
    BOOST_REQUIRE_EQUAL(errors.size(), 1u);
    BOOST_TEST(errors[0].find("b.yaml:") == 0u);
    BOOST_TEST(errors[0].find("error: the document expands to more than 10 nodes") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(yaml_depth_limit_is_configurable) {
    Limits limits;
    limits.max_yaml_depth = 3;
    const auto errors = baseline_errors(kBaseline, limits);
    BOOST_REQUIRE_EQUAL(errors.size(), 1u);
    BOOST_TEST(errors[0] == "b.yaml:5:5: error: nested deeper than 3 levels");
}

BOOST_AUTO_TEST_CASE(regex_memory_limit_is_configurable) {
    Limits limits;
    limits.max_regex_bytes = 256;
    const auto errors = baseline_errors(kBaseline, limits);
    BOOST_REQUIRE_EQUAL(errors.size(), 1u);
    BOOST_TEST(errors[0] ==
               "b.yaml:8:11: error: invalid regular expression 'a{1,50}b{1,50}': pattern too large - compile failed");
}

BOOST_AUTO_TEST_CASE(line_length_limit_is_configurable) {
    EvidenceNeeds needs;
    needs.limits.max_line_bytes = 64;
    RegistryView view;
    std::vector<Diagnostic> problems;
    try {
        read_reg_buffer(kReg, "x.reg", view, problems, &needs);
        BOOST_FAIL("a line over the limit was read");
    } catch (const InputError& e) {
        BOOST_REQUIRE_EQUAL(e.diagnostics().size(), 1u);
        BOOST_TEST(e.diagnostics()[0].str() == "x.reg:4:65: error: line longer than the limit of 64 bytes");
    }
    read_reg_buffer(kReg, "x.reg", view, problems);  // the default limit lets it through
    BOOST_TEST(problems.empty());
    BOOST_TEST((view.lookup("HKLM\\SOFTWARE\\Hc", "A").presence == Presence::present));
}

BOOST_AUTO_TEST_CASE(file_size_limit_is_configurable) {
    TempDir dir;
    const auto file = dir.path / "x.reg";
    std::ofstream(file, std::ios::binary) << kReg;
    EvidenceNeeds needs;
    needs.limits.max_file_bytes = 100;
    RegistryView view;
    std::vector<Diagnostic> problems;
    try {
        read_reg_file(file, view, problems, &needs);
        BOOST_FAIL("a file over the limit was read");
    } catch (const InputError& e) {
        BOOST_TEST(e.diagnostics()[0].str() == file.string() + ": error: cannot read file: larger than the limit of 100 bytes");
    }
}

BOOST_AUTO_TEST_CASE(pugixml_neither_expands_nor_fetches_external_entities) {
    // Our readers refuse a DOCTYPE outright; this shows that even a parser call
    // that reads the DTD would not read the named file.
    TempDir dir;
    const auto secret = dir.path / "secret.txt";
    std::ofstream(secret) << "SECRET-MARKER";
    const std::string xml = "<!DOCTYPE r [<!ENTITY s SYSTEM \"file://" + secret.string() +
                            "\"><!ENTITY i \"inner\">]><r a=\"&s;\">&s;&i;</r>";
    pugi::xml_document doc;
    const auto result = doc.load_string(xml.c_str(), pugi::parse_default | pugi::parse_doctype);
    BOOST_REQUIRE(result);
    BOOST_TEST(std::string(doc.child("r").text().get()) == "&s;&i;");
    BOOST_TEST(std::string(doc.child("r").attribute("a").value()) == "&s;");
}

BOOST_AUTO_TEST_CASE(clixml_reader_refuses_a_doctype) {
    const std::string xml = "<?xml version=\"1.0\"?>\n<!-- c -->\n<!DOCTYPE Objs [<!ENTITY a \"b\">]>\n"
                            "<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\"></Objs>\n";
    std::vector<Diagnostic> problems;
    try {
        read_clixml_buffer(xml, "x.xml", [](std::shared_ptr<const PsObject>) {}, problems);
        BOOST_FAIL("a DOCTYPE was accepted");
    } catch (const InputError& e) {
        BOOST_TEST(e.diagnostics()[0].where.str() == "x.xml:3:1");
    }
}

BOOST_AUTO_TEST_SUITE_END()
