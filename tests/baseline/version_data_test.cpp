// `version_data:` on a check: the file is read when the baseline loads (bad files are
// load errors at their own positions), and results note data more than 90 days old
// at collection.
#include <unistd.h>

#include <fstream>

#include <boost/test/unit_test.hpp>

#include "hardcheck/baseline.hpp"
#include "hardcheck/evaluate.hpp"
#include "hardcheck/evidence.hpp"

using namespace hardcheck;
namespace fs = std::filesystem;

namespace {

// A scratch directory with a baseline, a version data file and a host bundle.
struct Scratch {
    fs::path dir = fs::temp_directory_path() / fs::path("hardcheck-version-data-" + std::to_string(::getpid()));
    Scratch() {
        fs::remove_all(dir);
        fs::create_directories(dir / "versions");
        fs::create_directories(dir / "host");
    }
    ~Scratch() { fs::remove_all(dir); }
    void write(const fs::path& name, const std::string& text) const { std::ofstream(dir / name) << text; }
    fs::path baseline(const std::string& data_ref) const {
        write("b.yaml", "id: b\ntitle: B\nversion: '1'\nchecks:\n  - id: C-1\n    title: C\n    severity: low\n"
                        "    version_data: " + data_ref + "\n    test: {fact: host, equals: h1}\n");
        return dir / "b.yaml";
    }
};

std::string first_error(const fs::path& file) {
    try {
        load_baseline(file);
    } catch (const InputError& e) {
        return fs::path(e.diagnostics().at(0).where.file.str()).filename().string() + ":" +
               std::to_string(e.diagnostics().at(0).where.line) + ": " + e.diagnostics().at(0).message;
    }
    return "no error";
}

std::vector<std::string> notes_at(const Scratch& s, const std::string& collected_at) {
    s.write("host/host.yaml", "host: h1\n" + collected_at);
    const auto b = load_baseline(s.dir / "b.yaml");
    return evaluate(*b, load_host(s.dir / "host", &b->needs)).at(0).notes;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(version_data)

BOOST_AUTO_TEST_CASE(a_missing_version_data_file_is_a_load_error_at_the_reference) {
    Scratch s;
    BOOST_TEST(first_error(s.baseline("versions/none.yaml")).starts_with("b.yaml:8: version data file"));
}

BOOST_AUTO_TEST_CASE(a_bad_as_of_date_is_a_load_error_in_the_data_file) {
    Scratch s;
    s.write("versions/v.yaml", "# data\nas_of: 2026-02-30\n");
    BOOST_TEST(first_error(s.baseline("versions/v.yaml")) == "v.yaml:2: 'as_of' must be a date YYYY-MM-DD, got '2026-02-30'");
}

BOOST_AUTO_TEST_CASE(an_update_without_a_reference_url_is_a_load_error) {
    Scratch s;
    s.write("versions/v.yaml", "as_of: 2026-01-01\nwindows_updates:\n  - current_build: 20348\n    updates:\n"
                               "      - {ubr: 1, kb: KB1, released: 2026-01-01}\n");
    BOOST_TEST(first_error(s.baseline("versions/v.yaml")) == "v.yaml:5: an update is missing required field 'url'");
}

BOOST_AUTO_TEST_CASE(data_90_days_old_at_collection_gives_no_note_91_days_does) {
    Scratch s;
    s.write("versions/v.yaml", "as_of: 2026-01-01\n");
    s.baseline("versions/v.yaml");
    BOOST_TEST(notes_at(s, "collected_at: 2026-04-01T23:00:00Z\n").empty());  // 90 days
    const auto notes = notes_at(s, "collected_at: 2026-04-02T00:30:00Z\n");
    BOOST_REQUIRE_EQUAL(notes.size(), 1u);
    BOOST_TEST(notes[0] == "Version data versions/v.yaml is as of 2026-01-01, 91 days before the collection "
                           "(2026-04-02): builds and updates released since are unknown to this check; update the data.");
}

BOOST_AUTO_TEST_CASE(without_collected_at_the_note_says_the_age_cannot_be_judged) {
    Scratch s;
    s.write("versions/v.yaml", "as_of: 2026-01-01\n");
    s.baseline("versions/v.yaml");
    const auto notes = notes_at(s, "");
    BOOST_REQUIRE_EQUAL(notes.size(), 1u);
    BOOST_TEST(notes[0] == "Version data versions/v.yaml is as of 2026-01-01; the bundle has no collected_at, so its "
                           "age at collection cannot be judged.");
}

BOOST_AUTO_TEST_SUITE_END()
