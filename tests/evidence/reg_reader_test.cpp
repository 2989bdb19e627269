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

BOOST_AUTO_TEST_CASE(quoted_value_names_starting_with_at_are_named_values) {
    auto p = parse(std::string(kHeader) + "[HKLM\\K]\n\"@\"=\"named at\"\n\"@x\"=dword:1\n@=\"default\"\n");
    BOOST_TEST(p.problems.empty());
    BOOST_TEST(p.view.lookup("HKLM\\K", "@").value->text == "named at");
    BOOST_TEST(p.view.lookup("HKLM\\K", "@x").value->number == 1u);
    BOOST_TEST(p.view.lookup("HKLM\\K", "").value->text == "default");
    BOOST_TEST(p.view.find_key("HKLM\\K")->values.size() == 3u);
}

BOOST_AUTO_TEST_CASE(ctrl_z_at_the_end_is_ignored_with_or_without_a_line_end) {
    for (const std::string tail : {"\"V\"=dword:1\x1a", "\"V\"=dword:1\r\n\x1a", "\"V\"=dword:1\n\x1a\n"}) {
        auto p = parse(std::string(kHeader) + "[HKLM\\K]\n" + tail);
        BOOST_TEST(p.problems.empty());
        BOOST_TEST(p.view.lookup("HKLM\\K", "V").value->number == 1u);
    }
}

BOOST_AUTO_TEST_CASE(stray_bare_cr_in_a_crlf_file_is_data_not_a_line_end) {
    auto p = parse(test::as_regedit_utf16(std::string(kHeader) + "[HKLM\\K]\n\"A\"=\"x\ry\"\n\"B\"=dword:2\r\n\"C\"=dword:3\n"));
    BOOST_TEST(p.problems.empty());
    BOOST_TEST(p.view.lookup("HKLM\\K", "A").value->text == "x\ry");
    BOOST_TEST(p.view.lookup("HKLM\\K", "B").value->where.line == 5u);
    BOOST_TEST(p.view.lookup("HKLM\\K", "C").value->where.line == 6u);
}

BOOST_AUTO_TEST_CASE(lower_case_and_short_roots_name_the_same_key) {
    auto p = parse(std::string(kHeader) + "[hkey_local_machine\\Software\\K]\n\"A\"=dword:1\n[hklm\\software\\k]\n\"B\"=dword:2\n");
    BOOST_TEST(p.problems.empty());
    BOOST_TEST(p.view.keys().size() == 1u);
    BOOST_TEST(p.view.lookup("HKEY_LOCAL_MACHINE\\SOFTWARE\\K", "A").value->number == 1u);
    BOOST_TEST(p.view.lookup("HKLM\\Software\\K", "B").value->number == 2u);
}

BOOST_AUTO_TEST_CASE(key_names_outside_the_bmp_count_as_two_utf16_units) {
    const std::string grin = "\xF0\x9F\x98\x80";  // U+1F600, a surrogate pair in UTF-16
    std::string fits, too_long;
    for (int i = 0; i < 127; ++i) fits += grin;  // 254 units
    too_long = fits + grin;                       // 256 units
    auto p = parse(test::as_regedit_utf16(std::string(kHeader) + "[HKLM\\" + fits + "x]\n\"V\"=dword:1\n[HKLM\\" +
                                          too_long + "]\n\"W\"=dword:1\n"));
    BOOST_TEST(p.view.lookup("HKLM\\" + fits + "x", "V").value->number == 1u);
    BOOST_REQUIRE(p.problems.size() == 1u);
    BOOST_TEST(p.problems[0].str() == "t.reg:5:7: error: key name component longer than 255 characters");
    BOOST_TEST((p.view.lookup("HKLM\\" + too_long, "W").presence == Presence::damaged));
}

BOOST_AUTO_TEST_CASE(upper_case_hex_and_any_continuation_indent) {
    auto p = parse(std::string(kHeader) + "[HKLM\\K]\n\"B\"=HEX:0A,0B,\\\n0C,\\\n\t\t   0D\n\"D\"=dword:0000ABCD\n"
                                          "\"M\"=hex(7):41,00,00,00,\\\n                              00,00\n");
    BOOST_TEST(p.problems.empty());
    BOOST_TEST(p.view.lookup("HKLM\\K", "B").value->raw == (std::vector<std::uint8_t>{10, 11, 12, 13}),
               boost::test_tools::per_element());
    BOOST_TEST(p.view.lookup("HKLM\\K", "D").value->number == 0xABCDu);
    BOOST_TEST(p.view.lookup("HKLM\\K", "M").value->strings == (std::vector<std::string>{"A"}),
               boost::test_tools::per_element());
    BOOST_TEST(p.view.lookup("HKLM\\K", "M").value->where.line == 8u);
}

BOOST_AUTO_TEST_CASE(forward_slash_paths_are_rejected_but_slash_inside_a_name_is_kept) {
    auto p = parse(std::string(kHeader) + "[HKEY_LOCAL_MACHINE/SOFTWARE/X]\n\"V\"=dword:1\n"
                                          "[HKLM\\SYSTEM\\Ciphers\\RC4 128/128]\n\"Enabled\"=dword:0\n");
    BOOST_REQUIRE(p.problems.size() == 1u);
    BOOST_TEST(p.problems[0].str() ==
               "t.reg:3:20: error: key path separated by '/': .reg files separate keys with '\\'");
    BOOST_TEST((p.view.lookup("HKLM\\SOFTWARE\\X", "V").presence == Presence::damaged));
    BOOST_TEST(p.view.lookup("HKLM\\SYSTEM\\Ciphers\\RC4 128/128", "Enabled").value->number == 0u);
}

BOOST_AUTO_TEST_CASE(placeholder_roots_are_rejected_line_by_line) {
    auto p = parse(std::string(kHeader) + "[{{ROOT}}\\Software\\X]\n\"V\"=dword:1\n[$hive\\Y]\n[HKLM\\Z]\n\"W\"=dword:2\n");
    BOOST_REQUIRE(p.problems.size() == 2u);
    BOOST_TEST(p.problems[0].str() == "t.reg:3:2: error: unknown registry root '{{ROOT}}'");
    BOOST_TEST(p.problems[1].str() == "t.reg:5:2: error: unknown registry root '$hive'");
    BOOST_TEST(p.view.lookup("HKLM\\Z", "W").value->number == 2u);
    BOOST_TEST(p.summary.errors == 2u);
}

BOOST_AUTO_TEST_CASE(key_component_of_255_characters_is_accepted_and_256_rejected) {
    const std::string ok(255, 'k'), bad(256, 'k');
    auto p = parse(std::string(kHeader) + "[HKLM\\" + ok + "]\n[HKLM\\A\\" + bad + "\\B]\n");
    BOOST_TEST(p.view.find_key("HKLM\\" + ok) != nullptr);
    BOOST_REQUIRE(p.problems.size() == 1u);
    BOOST_TEST(p.problems[0].str() == "t.reg:4:9: error: key name component longer than 255 characters");
}

BOOST_AUTO_TEST_CASE(value_name_of_16383_characters_is_accepted_and_16384_rejected) {
    const std::string ok(16383, 'v'), bad(16384, 'v');
    auto p = parse(std::string(kHeader) + "[HKLM\\K]\n\"" + ok + "\"=dword:1\n\"" + bad + "\"=dword:2\n");
    BOOST_TEST(p.view.lookup("HKLM\\K", ok).value->number == 1u);
    BOOST_REQUIRE(p.problems.size() == 1u);
    BOOST_TEST(p.problems[0].str() == "t.reg:5:2: error: value name longer than 16383 characters");
    BOOST_TEST((p.view.lookup("HKLM\\K", bad).presence == Presence::damaged));
}

BOOST_AUTO_TEST_CASE(key_512_levels_deep_is_accepted_and_513_rejected) {
    std::string deep = "HKLM";
    for (int i = 0; i < 512; ++i) deep += "\\d";
    auto p = parse(std::string(kHeader) + "[" + deep + "]\n\"V\"=dword:1\n[" + deep + "\\e]\n\"W\"=dword:1\n");
    BOOST_TEST(p.view.lookup(deep, "V").value->number == 1u);
    BOOST_REQUIRE(p.problems.size() == 1u);
    BOOST_TEST(p.problems[0].str() == "t.reg:5:1031: error: key deeper than 512 levels");
    BOOST_TEST((p.view.lookup(deep + "\\e", "W").presence == Presence::damaged));
}

BOOST_AUTO_TEST_CASE(regedit4_expand_and_multi_strings_are_8_bit) {
    auto p = parse("REGEDIT4\n\n[HKLM\\K]\n\"E\"=hex(2):25,41,25,00\n\"M\"=hex(7):61,00,e9,80,00,00\n");
    BOOST_TEST(p.problems.empty());
    BOOST_TEST(p.view.lookup("HKLM\\K", "E").value->text == "%A%");
    BOOST_TEST(p.view.lookup("HKLM\\K", "M").value->strings == (std::vector<std::string>{"a", "\xC3\xA9\xE2\x82\xAC"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(hex_n_takes_any_type_number_of_up_to_8_digits) {
    auto p = parse(std::string(kHeader) + "[HKLM\\K]\n\"A\"=hex(ffffffff):01,02\n\"B\"=hex(8):\n"
                                          "\"C\"=hex(123456789):01\n\"D\"=hex():01\n");
    const auto* a = p.view.lookup("HKLM\\K", "A").value;
    BOOST_TEST(a->type == 0xFFFFFFFFu);
    BOOST_TEST(a->raw == (std::vector<std::uint8_t>{1, 2}), boost::test_tools::per_element());
    BOOST_TEST(p.view.lookup("HKLM\\K", "B").value->type == 8u);
    BOOST_REQUIRE(p.problems.size() == 2u);
    BOOST_TEST(p.problems[0].str() == "t.reg:6:9: error: hex(N) needs a type number of 1 to 8 hex digits");
    BOOST_TEST(p.problems[1].str() == "t.reg:7:9: error: hex(N) needs a type number of 1 to 8 hex digits");
}

BOOST_AUTO_TEST_CASE(value_lines_after_a_key_deletion_are_ignored) {
    auto p = parse(std::string(kHeader) + "[HKLM\\K]\n\"A\"=dword:1\n[-HKLM\\K]\n\"B\"=dword:2\n\"A\"=-\n");
    BOOST_TEST(p.problems.empty());
    BOOST_TEST(p.view.find_key("HKLM\\K") == nullptr);
    BOOST_TEST((p.view.lookup("HKLM\\K", "B").presence == Presence::absent));
    BOOST_TEST(p.summary.keys == 1u);
    BOOST_TEST(p.summary.values == 2u);
    BOOST_TEST(p.summary.deletions == 2u);
}

BOOST_AUTO_TEST_CASE(unclosed_string_does_not_swallow_the_rest_of_the_file) {
    // Closed by the next value's name, or never closed at all.
    auto p = parse(std::string(kHeader) + "[HKLM\\K]\n\"A\"=\"never closed\n\"B\"=dword:2\n\"C\"=\"open\n[HKLM\\L]\n@=dword:3\n");
    BOOST_REQUIRE(p.problems.size() == 2u);
    BOOST_TEST(p.problems[0].str() == "t.reg:4:18: error: string has no closing quote");
    BOOST_TEST(p.problems[1].str() == "t.reg:6:10: error: string has no closing quote");
    BOOST_TEST((p.view.lookup("HKLM\\K", "A").presence == Presence::damaged));
    BOOST_TEST((p.view.lookup("HKLM\\K", "C").presence == Presence::damaged));
    BOOST_REQUIRE(p.view.lookup("HKLM\\K", "B").value != nullptr);
    BOOST_TEST(p.view.lookup("HKLM\\K", "B").value->where.line == 5u);
    BOOST_REQUIRE(p.view.lookup("HKLM\\L", "").value != nullptr);
    BOOST_TEST(p.view.lookup("HKLM\\L", "").value->number == 3u);
}

BOOST_AUTO_TEST_CASE(trailing_spaces_and_spaces_around_equals_are_allowed) {
    auto p = parse(std::string(kHeader) + "[HKLM\\K]   \t\n\"A\" = dword:1  \n\"S\"\t=\t\"x\"   \n@ = hex:01 \n");
    BOOST_TEST(p.problems.empty());
    BOOST_TEST(p.view.lookup("HKLM\\K", "A").value->number == 1u);
    BOOST_TEST(p.view.lookup("HKLM\\K", "S").value->text == "x");
    BOOST_TEST(p.view.lookup("HKLM\\K", "").value->raw.size() == 1u);
}

BOOST_AUTO_TEST_CASE(ansi_and_utf8_bom_files_decode_their_strings) {
    auto ansi = parse("REGEDIT4\r\n[HKLM\\K]\r\n\"N\"=\"caf\xE9\"\r\n");
    BOOST_TEST(ansi.summary.encoding == "windows-1252");
    BOOST_TEST(ansi.view.lookup("HKLM\\K", "N").value->text == "caf\xC3\xA9");
    auto bom = parse("\xEF\xBB\xBF" + std::string(kHeader) + "[HKLM\\K]\n\"N\"=\"caf\xC3\xA9\"\n");
    BOOST_TEST(bom.summary.encoding == "utf-8-bom");
    BOOST_TEST(bom.view.lookup("HKLM\\K", "N").value->text == "caf\xC3\xA9");
    BOOST_TEST(bom.view.lookup("HKLM\\K", "N").value->where.str() == "t.reg:4:1");
}

BOOST_AUTO_TEST_CASE(numbers_of_the_wrong_size_are_damaged_not_zero) {
    auto p = parse(std::string(kHeader) + "[HKLM\\K]\n\"D\"=hex(4):00,00,00\n\"Q\"=hex(b):01,00,00,00\n\"Ok\"=hex(4):01,00,00,00\n");
    BOOST_REQUIRE(p.problems.size() == 2u);
    BOOST_TEST(p.problems[0].str() == "t.reg:4:5: error: REG_DWORD needs 4 bytes of data, found 3");
    BOOST_TEST(p.problems[1].str() == "t.reg:5:5: error: REG_QWORD needs 8 bytes of data, found 4");
    BOOST_TEST((p.view.lookup("HKLM\\K", "D").presence == Presence::damaged));
    BOOST_TEST((p.view.lookup("HKLM\\K", "Q").presence == Presence::damaged));
    BOOST_TEST(p.view.lookup("HKLM\\K", "Ok").value->number == 1u);
}

BOOST_AUTO_TEST_CASE(hex_continuation_never_swallows_a_key_line) {
    auto p = parse(std::string(kHeader) + "[HKLM\\K]\n\"B\"=hex:01,\\\n\n[HKLM\\L]\n\"V\"=dword:1\n\"E\"=hex:02,\\\n");
    BOOST_REQUIRE(p.problems.size() == 2u);
    BOOST_TEST(p.problems[0].str() == "t.reg:4:12: error: hex data ends with '\\' but no continuation line follows");
    BOOST_TEST(p.problems[1].str() == "t.reg:8:12: error: hex data ends with '\\' but no continuation line follows");
    BOOST_TEST((p.view.lookup("HKLM\\K", "B").presence == Presence::damaged));
    BOOST_TEST(p.view.lookup("HKLM\\L", "V").value->number == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
