#include <boost/test/unit_test.hpp>

#include <fstream>
#include <sstream>

#include "hardcheck/dump.hpp"
#include "test_paths.hpp"

using namespace hardcheck;

namespace {

// A temporary file holding `bytes`, removed at the end of the test.
struct TempFile {
    std::filesystem::path path;
    explicit TempFile(const std::string& bytes)
        : path(std::filesystem::temp_directory_path() / "hardcheck_reg_dump_test.reg") {
        std::ofstream(path, std::ios::binary) << bytes;
    }
    ~TempFile() { std::filesystem::remove(path); }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(reg_dump)

BOOST_AUTO_TEST_CASE(each_value_is_one_json_line_with_data_by_type) {
    TempFile f(test::as_regedit_utf16("Windows Registry Editor Version 5.00\n\n"
                                      "[hklm\\Soft\\K]\n"
                                      "\"D\"=dword:0000000a\n"
                                      "@=\"t\\\"x\"\n"
                                      "\"M\"=hex(7):61,00,00,00,62,00,00,00,00,00\n"
                                      "\"B\"=hex:de,ad\n"
                                      "\"Q\"=hex(b):01,00,00,00,00,00,00,00\n"
                                      "\"Gone\"=-\n"));
    std::ostringstream out;
    std::vector<Diagnostic> problems;
    const auto summary = dump_reg_file(f.path, "k.reg", out, problems);
    BOOST_TEST(problems.empty());
    BOOST_TEST(summary.values == 5u);
    BOOST_TEST(out.str() ==
               "{\"file\":\"k.reg\",\"line\":4,\"key\":\"HKEY_LOCAL_MACHINE\\\\Soft\\\\K\",\"name\":\"D\",\"type\":\"REG_DWORD\",\"data\":10}\n"
               "{\"file\":\"k.reg\",\"line\":5,\"key\":\"HKEY_LOCAL_MACHINE\\\\Soft\\\\K\",\"name\":\"\",\"type\":\"REG_SZ\",\"data\":\"t\\\"x\"}\n"
               "{\"file\":\"k.reg\",\"line\":6,\"key\":\"HKEY_LOCAL_MACHINE\\\\Soft\\\\K\",\"name\":\"M\",\"type\":\"REG_MULTI_SZ\",\"data\":[\"a\",\"b\"]}\n"
               "{\"file\":\"k.reg\",\"line\":7,\"key\":\"HKEY_LOCAL_MACHINE\\\\Soft\\\\K\",\"name\":\"B\",\"type\":\"REG_BINARY\",\"data\":\"dead\"}\n"
               "{\"file\":\"k.reg\",\"line\":8,\"key\":\"HKEY_LOCAL_MACHINE\\\\Soft\\\\K\",\"name\":\"Q\",\"type\":\"REG_QWORD\",\"data\":1}\n");
}

BOOST_AUTO_TEST_CASE(summary_counts_lines_as_written_and_renders_as_one_json_object) {
    TempFile f("REGEDIT4\n[HKLM\\A]\n\"X\"=dword:1\n\"Y\"=dword:zz\n[-HKLM\\B]\n\"Z\"=-\n");
    std::vector<Diagnostic> problems;
    const auto s = summarize_reg_file(f.path, "a.reg", problems);
    BOOST_REQUIRE(problems.size() == 1u);
    BOOST_TEST(problems[0].str() == "a.reg:4:11: error: dword needs 1 to 8 hex digits");
    BOOST_TEST(reg_summary_json("a.reg", s) ==
               "{\"file\":\"a.reg\",\"format\":\"reg\",\"encoding\":\"utf-8\",\"keys\":1,\"values\":1,\"deletions\":2,"
               "\"errors\":1}");
}

BOOST_AUTO_TEST_CASE(not_a_registry_export_throws_with_the_display_name) {
    TempFile f("hello\n");
    std::ostringstream out;
    std::vector<Diagnostic> problems;
    BOOST_CHECK_EXCEPTION(dump_reg_file(f.path, "h.txt", out, problems), InputError, [](const InputError& e) {
        return e.diagnostics().front().where.str() == "h.txt:1:1";
    });
    BOOST_TEST(out.str().empty());
}

BOOST_AUTO_TEST_SUITE_END()
