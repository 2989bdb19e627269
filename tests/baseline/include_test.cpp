// include: by path, diamonds read once, cycles and duplicates reported.
#include <boost/test/unit_test.hpp>

#include "hardcheck/baseline.hpp"
#include "test_paths.hpp"

using namespace hardcheck;

namespace {

std::filesystem::path fixture(const char* name) { return test::data_dir() / "baselines" / "include" / name; }

std::vector<std::string> errors_of(const char* name) {
    try {
        load_baseline(fixture(name));
    } catch (const InputError& e) {
        std::vector<std::string> out;
        for (const auto& d : e.diagnostics()) out.push_back(d.str());
        return out;
    }
    return {};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(includes)

BOOST_AUTO_TEST_CASE(included_checks_come_first_and_a_diamond_is_read_once) {
    auto b = load_baseline(fixture("top.yaml"));
    BOOST_TEST(b->id == "top");
    BOOST_REQUIRE(b->checks.size() == 3u);
    BOOST_TEST(b->checks[0].id == "COM-1");
    BOOST_TEST(b->checks[0].baseline_id == "common");
    BOOST_TEST(b->checks[1].id == "A-1");
    BOOST_TEST(b->checks[2].id == "B-1");
    BOOST_TEST(b->checks[1].where.file.str().ends_with("include/part-a.yaml"));
    // Needs cover every included file.
    BOOST_TEST(b->needs.object_types.count("ExchangeServer") == 1u);
    BOOST_TEST(b->needs.registry_keys.count("HKEY_LOCAL_MACHINE\\S") == 1u);
}

BOOST_AUTO_TEST_CASE(include_cycle_is_an_error_naming_the_chain) {
    const auto errors = errors_of("cycle-a.yaml");
    BOOST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(errors[0].ends_with("include/cycle-b.yaml:4:11: error: include cycle: cycle-a.yaml -> cycle-b.yaml -> cycle-a.yaml"));
}

BOOST_AUTO_TEST_CASE(duplicate_id_across_includes_and_missing_include_are_reported_together) {
    const auto errors = errors_of("duplicate.yaml");
    BOOST_REQUIRE(errors.size() == 2u);
    BOOST_TEST(errors[0].find("include/duplicate.yaml:4:26: error: included baseline file") != std::string::npos);
    BOOST_TEST(errors[0].ends_with("missing.yaml' not found"));
    BOOST_TEST(errors[1].find("include/duplicate.yaml:6:9: error: duplicate check id 'A-1' (also at ") != std::string::npos);
    BOOST_TEST(errors[1].ends_with("include/part-a.yaml:6:9)"));
}

BOOST_AUTO_TEST_CASE(errors_inside_an_included_file_carry_that_files_position) {
    const auto errors = errors_of("includes-bad.yaml");
    BOOST_REQUIRE(errors.size() == 2u);
    // Files in the order their checks are read (includes first), each at its own position.
    BOOST_TEST(errors[0].ends_with("include/bad-part.yaml:7:15: error: unknown severity 'severe' (critical, high, medium, low, info)"));
    BOOST_TEST(errors[1].ends_with("include/includes-bad.yaml:8:15: error: unknown severity 'loud' (critical, high, medium, low, info)"));
}

BOOST_AUTO_TEST_CASE(include_by_id_finds_a_sibling_file_first) {
    auto b = load_baseline_text("id: x\ntitle: X\nversion: '1'\ninclude: [common]\n",
                                (fixture("x.yaml")).string());
    BOOST_REQUIRE(b->checks.size() == 1u);
    BOOST_TEST(b->checks[0].id == "COM-1");
}

BOOST_AUTO_TEST_CASE(include_of_an_unknown_id_is_an_error) {
    BOOST_CHECK_EXCEPTION(load_baseline_text("id: x\ntitle: X\nversion: '1'\ninclude: [no-such-id]\n", "x.yaml"),
                          InputError, [](const InputError& e) {
                              return e.diagnostics().front().str() ==
                                     "x.yaml:4:11: error: no baseline with id 'no-such-id' next to this file or built in";
                          });
}

BOOST_AUTO_TEST_CASE(include_by_builtin_id) {
    auto b = load_baseline_text("id: x\ntitle: X\nversion: '1'\ninclude: [exchange-tls]\n", "x.yaml");
    BOOST_TEST(b->find("TLS-02") != nullptr);
}

BOOST_AUTO_TEST_SUITE_END()
