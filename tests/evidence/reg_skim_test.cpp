// Filtered loads of UTF-16 exports skip unwanted keys without decoding them; they
// must give the wanted keys exactly what a full load gives.
#include <boost/test/unit_test.hpp>

#include "hardcheck/evidence.hpp"
#include "test_paths.hpp"

using namespace hardcheck;

namespace {

struct Loaded {
    RegistryView view;
    std::vector<Diagnostic> problems;
};

Loaded load(const std::string& utf8_text, const EvidenceNeeds* needs) {
    Loaded l;
    read_reg_buffer(test::as_regedit_utf16(utf8_text), "s.reg", l.view, l.problems, needs);
    return l;
}

EvidenceNeeds wanting(std::initializer_list<const char*> keys) {
    EvidenceNeeds needs = EvidenceNeeds::none();
    for (const char* k : keys) needs.registry_keys.insert(*canonical_reg_key(k));
    return needs;
}

// Every lookup of `names` under `key` answers the same in both loads.
void same_answers(const Loaded& full, const Loaded& skim, const std::string& key,
                  std::initializer_list<const char*> names) {
    for (const char* name : names) {
        BOOST_TEST_CONTEXT(key << " " << name) {
            const auto a = full.view.lookup(key, name), b = skim.view.lookup(key, name);
            BOOST_TEST(static_cast<int>(a.presence) == static_cast<int>(b.presence));
            if (a.value && b.value) {
                BOOST_TEST(a.value->raw == b.value->raw, boost::test_tools::per_element());
                BOOST_TEST(a.value->text == b.value->text);
                BOOST_TEST(a.value->where.str() == b.value->where.str());
            }
            if (a.damage && b.damage) BOOST_TEST(a.damage->str() == b.damage->str());
        }
    }
}

const std::string kTricky =
    "Windows Registry Editor Version 5.00\n\n"
    "[HKEY_LOCAL_MACHINE\\SYSTEM]\n\n"
    "[HKEY_LOCAL_MACHINE\\SYSTEM\\Other]\n"
    "\"Notes\"=\"spans\nlines\n[HKEY_LOCAL_MACHINE\\SYSTEM\\Wanted]\n\\\"Fake\\\"=dword:1\"\n"
    "; a comment with a \" quote\n"
    "\"Esc\"=\"a \\\"quoted\\\" \\\\\"\n"
    "\"Bin\"=hex:01,02,\\\n  03 ; trailing \" comment\n\n"
    "  [HKEY_LOCAL_MACHINE\\SYSTEM\\Wanted]\n"
    "\"Enabled\"=dword:00000000\n"
    "\"Name\"=\"caf\xC3\xA9\"\n\n"
    "[HKEY_LOCAL_MACHINE\\SYSTEM\\Other\\Deep]\n"
    "\"X\"=dword:2\n\n"
    "[HKEY_LOCAL_MACHINE/SYSTEM/Wanted2]\n"
    "[HKLM\\SYSTEM\\Wanted3]\n"
    "\"Broken\"=\"never closed\n"
    "\"After\"=dword:3\n"
    "[-HKEY_LOCAL_MACHINE\\SYSTEM\\Gone]\n"
    "[HKEY_LOCAL_MACHINE\\SYSTEM\\Wanted4]\n"
    "\"V\"=dword:4\n";

}  // namespace

BOOST_AUTO_TEST_SUITE(reg_skim)

BOOST_AUTO_TEST_CASE(filtered_utf16_load_answers_like_a_full_load) {
    const auto needs = wanting({"HKLM\\SYSTEM\\Wanted", "HKLM\\SYSTEM\\Wanted3", "HKLM\\SYSTEM\\Wanted4"});
    const auto full = load(kTricky, nullptr);
    const auto skim = load(kTricky, &needs);
    same_answers(full, skim, "HKLM\\SYSTEM\\Wanted", {"Enabled", "Name", "Missing", "Fake"});
    BOOST_TEST((skim.view.lookup("HKLM\\SYSTEM\\Wanted", "Fake").presence == Presence::absent));
    same_answers(full, skim, "HKLM\\SYSTEM\\Wanted3", {"Broken", "After"});
    same_answers(full, skim, "HKLM\\SYSTEM\\Wanted4", {"V"});
    same_answers(full, skim, "HKLM\\SOFTWARE\\X", {"Y"});
    // The string spanning lines hides its fake key line in both loads.
    BOOST_TEST(skim.view.lookup("HKLM\\SYSTEM\\Wanted", "Enabled").value->number == 0u);
    BOOST_TEST(skim.view.lookup("HKLM\\SYSTEM\\Wanted", "Enabled").value->where.line == 16u);
    BOOST_TEST(skim.view.lookup("HKLM\\SYSTEM\\Wanted4", "V").value->where.str() == "s.reg:28:1");
    BOOST_TEST((skim.view.lookup("HKLM\\SYSTEM\\Wanted3", "Broken").presence == Presence::damaged));
    BOOST_TEST(skim.view.find_key("HKLM\\SYSTEM\\Other") == nullptr);  // not wanted, not kept
}

BOOST_AUTO_TEST_CASE(filtered_utf16_load_reports_errors_of_key_lines_and_wanted_keys) {
    const auto needs = wanting({"HKLM\\SYSTEM\\Wanted3"});
    const auto skim = load(kTricky, &needs);
    for (const auto& d : skim.problems) BOOST_TEST_MESSAGE(d.str());
    BOOST_REQUIRE(skim.problems.size() == 2u);
    BOOST_TEST(skim.problems[0].str() ==
               "s.reg:22:20: error: key path separated by '/': .reg files separate keys with '\\'");
    BOOST_TEST(skim.problems[1].str() == "s.reg:24:23: error: string has no closing quote");
}

BOOST_AUTO_TEST_CASE(malformed_string_spanning_keys_gives_the_full_parse) {
    // The unclosed quote on line 4 is closed on line 6 by a value name: the full
    // parser resumes after line 4, so line 5 is a key line.
    const std::string text = "Windows Registry Editor Version 5.00\n\n[HKLM\\A]\n\"S\"=\"open\n"
                             "[HKLM\\B]\n\"V\"=dword:5\n";
    const auto needs = wanting({"HKLM\\B"});
    const auto full = load(text, nullptr);
    const auto skim = load(text, &needs);
    same_answers(full, skim, "HKLM\\B", {"V"});
    BOOST_REQUIRE(skim.view.lookup("HKLM\\B", "V").value != nullptr);
    BOOST_TEST(skim.view.lookup("HKLM\\B", "V").value->where.line == 6u);
    BOOST_TEST(skim.problems.size() == full.problems.size());
}

BOOST_AUTO_TEST_CASE(coverage_is_the_same_for_skipped_keys) {
    const auto needs = wanting({"HKLM\\SYSTEM\\Wanted"});
    const auto full = load(kTricky, nullptr);
    const auto skim = load(kTricky, &needs);
    BOOST_REQUIRE(skim.view.covered_roots().size() == full.view.covered_roots().size());
    BOOST_TEST(skim.view.covered_roots()[0].key == "HKEY_LOCAL_MACHINE\\SYSTEM");
    BOOST_TEST((skim.view.lookup("HKLM\\SYSTEM\\Other\\Deep", "X").presence == Presence::absent));
    BOOST_TEST((skim.view.lookup("HKLM\\SOFTWARE", "X").presence == Presence::not_collected));
}

BOOST_AUTO_TEST_CASE(skipped_key_lines_beyond_windows_limits_still_damage_their_subtree) {
    const std::string longname(256, 'n');
    const std::string text = "Windows Registry Editor Version 5.00\n\n[HKEY_LOCAL_MACHINE\\SYSTEM]\n\n"
                             "[HKEY_LOCAL_MACHINE\\SYSTEM\\" + longname + "]\n\"V\"=dword:1\n\n"
                             "[HKEY_LOCAL_MACHINE\\SYSTEM\\Other]\n\"V\"=dword:2\n";
    const auto needs = wanting({"HKLM\\SYSTEM\\Wanted"});
    auto below = needs;
    below.registry_keys.insert(*canonical_reg_key("HKLM\\SYSTEM\\" + longname + "\\W"));
    const auto full = load(text, nullptr);
    const auto skim = load(text, &below);
    same_answers(full, skim, "HKLM\\SYSTEM\\" + longname + "\\W", {"V"});
    BOOST_TEST((skim.view.lookup("HKLM\\SYSTEM\\" + longname + "\\W", "V").presence == Presence::damaged));
    BOOST_REQUIRE(skim.problems.size() == 1u);
    BOOST_TEST(skim.problems[0].str() == "s.reg:5:28: error: key name component longer than 255 characters");
    BOOST_TEST((load(text, &needs).view.lookup("HKLM\\SYSTEM\\Other", "V").presence == Presence::absent));
}

BOOST_AUTO_TEST_CASE(unclosed_name_quote_before_a_string_spanning_lines_gives_the_full_parse) {
    // Line 4's stray quote (a name never closes across lines) puts the skimmer's
    // quote count out of step; the parser finds the string of line 6 cut at the
    // piece's end, and the rest is parsed in one piece.
    const std::string text = "Windows Registry Editor Version 5.00\n\n[HKLM\\A]\n\"[HKLM\\A\\bin]\n"
                             "[HKLM\\A\\Ext]\n\"C\"=\"first\n  [HKLM\\X]\nlast\"\n\"P\"=\"plain\"\n";
    const auto needs = wanting({"HKLM\\A\\Ext"});
    const auto full = load(text, nullptr);
    const auto skim = load(text, &needs);
    same_answers(full, skim, "HKLM\\A\\Ext", {"C", "P"});
    BOOST_REQUIRE(skim.view.lookup("HKLM\\A\\Ext", "C").value != nullptr);
    BOOST_TEST(skim.view.lookup("HKLM\\A\\Ext", "C").value->text == "first\r\n  [HKLM\\X]\r\nlast");
    BOOST_TEST(skim.view.lookup("HKLM\\A\\Ext", "P").value->where.line == 9u);
    BOOST_TEST(skim.problems.size() == full.problems.size());
}

BOOST_AUTO_TEST_SUITE_END()
