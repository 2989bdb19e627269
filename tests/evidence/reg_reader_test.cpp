#include <boost/test/unit_test.hpp>

#include "hardcheck/evidence.hpp"
#include "test_paths.hpp"

using namespace hardcheck;

namespace {

struct Parsed {
    RegistryView view;
    std::vector<Diagnostic> problems;
    RegFileSummary summary;
};

Parsed parse(const std::string& bytes, const EvidenceNeeds* needs = nullptr) {
    Parsed p;
    p.summary = read_reg_buffer(bytes, "t.reg", p.view, p.problems, needs);
    return p;
}

const char* kHeader = "Windows Registry Editor Version 5.00\n\n";

}  // namespace

BOOST_AUTO_TEST_SUITE(reg_reader)

BOOST_AUTO_TEST_CASE(utf16le_regedit_export_gives_values_with_file_and_line) {
    auto p = parse(test::as_regedit_utf16(std::string(kHeader) +
                                          "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Test]\n"
                                          "\"Enabled\"=dword:00000000\n"
                                          "\"Name\"=\"caf\xC3\xA9\"\n"));
    BOOST_TEST(p.problems.empty());
    BOOST_TEST(p.summary.encoding == "utf-16le");
    auto found = p.view.lookup("HKLM\\software\\test", "enabled");
    BOOST_REQUIRE(found.presence == Presence::present);
    BOOST_TEST(found.value->type == 4u);
    BOOST_TEST(found.value->number == 0u);
    BOOST_TEST(found.value->where.str() == "t.reg:4:1");
    auto name = p.view.lookup("HKLM\\SOFTWARE\\Test", "Name");
    BOOST_REQUIRE(name.presence == Presence::present);
    BOOST_TEST(name.value->text == "caf\xC3\xA9");
    BOOST_TEST(name.value->where.str() == "t.reg:5:1");
}

BOOST_AUTO_TEST_CASE(dword_ffffffff_is_unsigned) {
    auto p = parse(std::string(kHeader) + "[HKLM\\K]\n\"V\"=dword:ffffffff\n");
    BOOST_TEST(p.view.lookup("HKLM\\K", "V").value->number == 0xFFFFFFFFu);
}

BOOST_AUTO_TEST_CASE(absent_inside_covered_subtree_and_not_collected_outside) {
    auto p = parse(std::string(kHeader) + "[HKLM\\SYSTEM\\Schannel]\n\"A\"=dword:1\n[HKLM\\SYSTEM\\Schannel\\Sub]\n");
    BOOST_TEST((p.view.lookup("HKLM\\SYSTEM\\Schannel", "B").presence == Presence::absent));
    BOOST_TEST((p.view.lookup("HKLM\\SYSTEM\\Schannel\\Sub\\Deeper", "A").presence == Presence::absent));
    BOOST_TEST((p.view.lookup("HKLM\\SYSTEM\\Other", "A").presence == Presence::not_collected));
    BOOST_TEST((p.view.lookup("HKLM\\SYSTEM", "A").presence == Presence::not_collected));
    BOOST_TEST(p.view.covered_roots().size() == 1u);
}

BOOST_AUTO_TEST_CASE(key_deletion_removes_subtree_and_value_deletion_removes_value) {
    auto p = parse(std::string(kHeader) +
                   "[HKLM\\A]\n\"X\"=dword:1\n\"Y\"=dword:2\n[HKLM\\A\\B]\n\"Z\"=dword:3\n"
                   "[-HKLM\\A\\B]\n[HKLM\\A]\n\"X\"=-\n");
    BOOST_TEST(p.problems.empty());
    BOOST_TEST(p.view.find_key("HKLM\\A\\B") == nullptr);
    BOOST_TEST((p.view.lookup("HKLM\\A", "X").presence == Presence::absent));
    BOOST_TEST(p.view.lookup("HKLM\\A", "Y").value->number == 2u);
    BOOST_TEST(p.summary.deletions == 2u);
    BOOST_TEST(p.summary.values == 3u);
}

BOOST_AUTO_TEST_CASE(hex_types_decode_with_continuations_and_comments) {
    auto p = parse(test::as_regedit_utf16(std::string(kHeader) +
                                          "[HKLM\\K]\n"
                                          "\"Multi\"=hex(7):61,00,62,00,00,00,63,00,\\\n"
                                          "  00,00,00,00\n"
                                          "\"Exp\"=hex(2):25,00,41,00,25,00,00,00\n"
                                          "\"Q\"=hex(b):01,00,00,00,00,00,00,80\n"
                                          "\"BE\"=hex(5):00,00,01,02\n"
                                          "\"Bin\"=hex:DE,ad,\\\n"
                                          "; comment inside a continuation\n"
                                          "\n"
                                          "    be,EF\n"
                                          "\"Odd\"=hex(1f):01\n"));
    BOOST_TEST(p.problems.empty());
    const auto* multi = p.view.lookup("HKLM\\K", "Multi").value;
    BOOST_TEST(multi->strings == (std::vector<std::string>{"ab", "c"}), boost::test_tools::per_element());
    BOOST_TEST(p.view.lookup("HKLM\\K", "Exp").value->text == "%A%");
    BOOST_TEST(p.view.lookup("HKLM\\K", "Q").value->number == 0x8000000000000001ull);
    BOOST_TEST(p.view.lookup("HKLM\\K", "BE").value->number == 0x102u);
    const auto* bin = p.view.lookup("HKLM\\K", "Bin").value;
    BOOST_TEST(bin->raw == (std::vector<std::uint8_t>{0xde, 0xad, 0xbe, 0xef}), boost::test_tools::per_element());
    BOOST_TEST(p.view.lookup("HKLM\\K", "Odd").value->type == 0x1fu);
}

BOOST_AUTO_TEST_CASE(string_spanning_lines_keeps_line_breaks_and_escapes) {
    auto p = parse(std::string(kHeader) + "[HKLM\\K]\n\"S\"=\"line1\r\n[HKLM\\Fake]\r\n\\\"q\\\" \\\\ end\"\n\"T\"=dword:2\n");
    BOOST_TEST(p.problems.empty());
    BOOST_TEST(p.view.lookup("HKLM\\K", "S").value->text == "line1\r\n[HKLM\\Fake]\r\n\"q\" \\ end");
    BOOST_TEST(p.view.find_key("HKLM\\Fake") == nullptr);
    BOOST_TEST(p.view.lookup("HKLM\\K", "T").value->where.line == 7u);
}

BOOST_AUTO_TEST_CASE(bad_lines_are_reported_and_the_rest_is_kept) {
    auto p = parse(std::string(kHeader) +
                   "[HKLM\\K]\n"
                   "\"A\"=dword:123456789\n"
                   "\"B\"=dword:1 \"C\"=dword:2\n"
                   "\"D\"=hex:0g\n"
                   "[HKLM\\Broken\n"
                   "[HKFOO\\X]\n"
                   "\"E\"=dword:5\n");
    // The value below the rejected key header is read but not applied: no error of its own.
    BOOST_REQUIRE(p.problems.size() == 5u);
    BOOST_TEST(p.problems[0].str() == "t.reg:4:11: error: dword has more than 8 hex digits");
    BOOST_TEST(p.problems[1].str() == "t.reg:5:13: error: unexpected text after the value data");
    BOOST_TEST(p.problems[2].str() == "t.reg:6:10: error: invalid hex digit 'g'");
    BOOST_TEST(p.problems[3].str() == "t.reg:7:13: error: key line has no closing ']'");
    BOOST_TEST(p.problems[4].str() == "t.reg:8:2: error: unknown registry root 'HKFOO'");
    // A rejected line is "damaged", never "absent": no default may be assumed for it.
    BOOST_TEST((p.view.lookup("HKLM\\K", "A").presence == Presence::damaged));
    BOOST_TEST(p.view.lookup("HKLM\\K", "A").damage->str() == "t.reg:4:1");
    BOOST_TEST((p.view.lookup("HKLM\\Broken", "X").presence == Presence::damaged));
    BOOST_TEST(p.summary.errors == 5u);
    BOOST_TEST(p.summary.values == 1u);
}

BOOST_AUTO_TEST_CASE(not_a_registry_export_is_rejected_with_position) {
    RegistryView view;
    std::vector<Diagnostic> problems;
    BOOST_CHECK_EXCEPTION(read_reg_buffer("hello\n", "x.reg", view, problems), InputError, [](const InputError& e) {
        return e.diagnostics().front().str() ==
               "x.reg:1:1: error: not a registry export: expected 'Windows Registry Editor Version 5.00' or 'REGEDIT4'";
    });
    BOOST_CHECK_EXCEPTION(read_reg_buffer("REGEDIT\nHKEY_CLASSES_ROOT\\x = y\n", "old.reg", view, problems),
                          InputError, [](const InputError& e) {
                              return e.diagnostics().front().where.str() == "old.reg:1:1";
                          });
}

BOOST_AUTO_TEST_CASE(interest_set_skips_other_keys_but_keeps_coverage) {
    EvidenceNeeds needs;
    needs.everything = false;
    needs.registry_keys.insert("HKEY_LOCAL_MACHINE\\A\\WANTED");
    auto p = parse(std::string(kHeader) + "[HKLM\\A]\n\"X\"=dword:1\n[HKLM\\A\\Wanted]\n\"Y\"=dword:2\n", &needs);
    BOOST_TEST(p.view.find_key("HKLM\\A") == nullptr);
    BOOST_TEST(p.view.lookup("HKLM\\A\\Wanted", "Y").value->number == 2u);
    BOOST_TEST((p.view.lookup("HKLM\\A\\Wanted", "Z").presence == Presence::absent));
    BOOST_TEST(p.summary.keys == 2u);
}

BOOST_AUTO_TEST_CASE(line_endings_cr_lf_crlf_count_lines_alike) {
    for (const std::string eol : {"\n", "\r\n", "\r"}) {
        auto p = parse("REGEDIT4" + eol + eol + "[HKLM\\K]" + eol + "\"V\"=dword:7" + eol);
        BOOST_TEST(p.problems.empty());
        BOOST_TEST(p.view.lookup("HKLM\\K", "V").value->where.line == 4u);
    }
}

BOOST_AUTO_TEST_SUITE_END()
