// The language tour fixture (every construct of docs/baseline-language.md) loads.
#include <boost/test/unit_test.hpp>

#include "hardcheck/baseline.hpp"
#include "test_paths.hpp"

using namespace hardcheck;

BOOST_AUTO_TEST_SUITE(language_tour)

BOOST_AUTO_TEST_CASE(every_construct_loads_and_declares_its_needs) {
    auto b = load_baseline(test::data_dir() / "baselines" / "language-tour.yaml");
    BOOST_TEST(b->checks.size() == 9u);  // one included, eight of its own
    BOOST_TEST(b->checks.front().id == "COM-1");
    BOOST_TEST(b->find("TOUR-manual")->manual);
    BOOST_TEST(b->find("TOUR-count")->parameters.at("org_admin_allowlist").values.size() == 2u);
    BOOST_TEST(b->needs.configs);
    BOOST_TEST(b->needs.events);
    BOOST_TEST(b->needs.object_types.count("ServiceController") == 1u);
    BOOST_TEST(b->needs.object_types.count("System.Diagnostics.FileVersionInfo") == 1u);
    BOOST_TEST(b->needs.registry_keys.count("HKEY_LOCAL_MACHINE\\SOFTWARE\\MICROSOFT\\UPDATE SERVICES\\SERVER\\SETUP") == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
