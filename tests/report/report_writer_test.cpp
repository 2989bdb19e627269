// Format dispatch, -f/-o pairing, and atomic files: all or nothing.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "report/sample_report.hpp"

using namespace hardcheck;
namespace fs = std::filesystem;

namespace {

struct TempDir {
    fs::path path = fs::temp_directory_path() / ("hardcheck_report_test." + std::to_string(::getpid()));
    TempDir() { fs::create_directories(path); }
    ~TempDir() { fs::remove_all(path); }
};

std::string message_of(const std::vector<std::string>& formats, const std::vector<std::string>& files) {
    try {
        pair_report_outputs(formats, files);
    } catch (const InputError& e) {
        return e.diagnostics().at(0).str();
    }
    return "no error";
}

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(report_writer)

BOOST_AUTO_TEST_CASE(every_format_is_registered) {
    const std::vector<std::string> want{"text", "json", "csv", "junit", "sarif", "html", "oscal"};
    BOOST_TEST(report_formats() == want, boost::test_tools::per_element());
    for (const auto& f : report_formats()) BOOST_TEST(!test::render(f, test::sample_report()).empty(), f);
}

BOOST_AUTO_TEST_CASE(unknown_format_is_an_input_error) {
    BOOST_CHECK_THROW(test::render("pdf", test::sample_report()), InputError);
}

BOOST_AUTO_TEST_CASE(formats_and_files_pair_in_order) {
    const auto outputs = pair_report_outputs({"json", "html"}, {"r.json", "r.html"});
    BOOST_REQUIRE(outputs.size() == 2u);
    BOOST_TEST(outputs[0].format == "json");
    BOOST_TEST(outputs[0].file == fs::path("r.json"));
    BOOST_TEST(outputs[1].format == "html");
    BOOST_TEST(outputs[1].file == fs::path("r.html"));
}

BOOST_AUTO_TEST_CASE(no_file_means_one_format_to_stdout_text_by_default) {
    const auto none = pair_report_outputs({}, {});
    BOOST_REQUIRE(none.size() == 1u);
    BOOST_TEST(none[0].format == "text");
    BOOST_TEST(none[0].file.empty());
    BOOST_TEST(pair_report_outputs({"sarif"}, {})[0].format == "sarif");
    BOOST_TEST(pair_report_outputs({}, {"r.txt"})[0].format == "text");
}

BOOST_AUTO_TEST_CASE(unpaired_formats_and_files_are_refused) {
    BOOST_TEST(message_of({"json", "html"}, {}) ==
               "hardcheck: error: several formats need one -o FILE each (-f json -o r.json -f html -o r.html)");
    BOOST_TEST(message_of({"json", "html"}, {"r.json"}) ==
               "hardcheck: error: 2 formats but 1 output files: give -f FORMAT -o FILE in pairs");
    BOOST_TEST(message_of({"json", "csv"}, {"r", "r"}) == "r: error: named as the output of two formats");
    BOOST_TEST(message_of({"pdf"}, {}) == "hardcheck: error: unknown report format 'pdf'");
}

BOOST_AUTO_TEST_CASE(files_are_written_with_the_same_bytes_as_the_stream) {
    TempDir dir;
    write_report_files({{"json", dir.path / "r.json"}, {"csv", dir.path / "r.csv"}}, test::sample_report(), {});
    BOOST_TEST(read(dir.path / "r.json") == test::render("json", test::sample_report()));
    BOOST_TEST(read(dir.path / "r.csv") == test::render("csv", test::sample_report()));
    BOOST_TEST(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator{}) == 2);
}

BOOST_AUTO_TEST_CASE(a_failing_output_leaves_no_file_at_all) {
    TempDir dir;
    // The second target's directory does not exist: the first must not appear either.
    BOOST_CHECK_THROW(write_report_files({{"json", dir.path / "r.json"}, {"csv", dir.path / "missing" / "r.csv"}},
                                         test::sample_report(), {}),
                      InputError);
    BOOST_TEST(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator{}) == 0);
}

BOOST_AUTO_TEST_CASE(an_existing_report_is_replaced_whole) {
    TempDir dir;
    std::ofstream(dir.path / "r.json") << "old content that is much longer than nothing";
    write_report_file(dir.path / "r.json", "json", test::sample_report(), {});
    BOOST_TEST(read(dir.path / "r.json") == test::render("json", test::sample_report()));
}

BOOST_AUTO_TEST_CASE(timestamp_is_iso_8601_utc) {
    const std::string t = utc_timestamp_now();
    BOOST_TEST(t.size() == 20u);
    BOOST_TEST((t[4] == '-' && t[7] == '-' && t[10] == 'T' && t[13] == ':' && t[16] == ':' && t[19] == 'Z'), t);
    BOOST_TEST(t.starts_with("20"), t);
}

BOOST_AUTO_TEST_SUITE_END()
