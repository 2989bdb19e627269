// Filtered loads of UTF-16 exports skip unwanted keys without decoding them; they
// must give the wanted keys exactly what a full load gives.
#include <algorithm>

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


// The NUL and line length checks of a full load (check_text_lines) hold for filtered
// loads too, with the same error at the same place, wherever in the file it lies.
namespace {

const std::string kHeaderAndKeys =
    "Windows Registry Editor Version 5.00\n\n"
    "[HKEY_LOCAL_MACHINE\\SYSTEM]\n\n"
    "[HKEY_LOCAL_MACHINE\\SYSTEM\\Other]\n"
    "\"A\"=dword:1\n\n"
    "[HKEY_LOCAL_MACHINE\\SYSTEM\\Wanted]\n"
    "\"Enabled\"=dword:00000000\n";

// The first error of a load of `bytes`, as text ("" when it loads).
std::string load_error(const std::string& bytes, const EvidenceNeeds& needs) {
    RegistryView view;
    std::vector<Diagnostic> problems;
    try {
        read_reg_buffer(bytes, "s.reg", view, problems, &needs);
    } catch (const InputError& e) {
        return e.diagnostics().front().str();
    }
    return "";
}

// The errors of a full and of a filtered load, both with this line limit.
std::pair<std::string, std::string> both_errors(const std::string& bytes, std::uint64_t max_line_bytes) {
    EvidenceNeeds all;
    all.limits.max_line_bytes = max_line_bytes;
    auto filtered = wanting({"HKLM\\SYSTEM\\Wanted"});
    filtered.limits.max_line_bytes = max_line_bytes;
    return {load_error(bytes, all), load_error(bytes, filtered)};
}

// ASCII `text` as regedit writes it (CRLF, UTF-16LE) with a NUL unit put before the
// character at `at`.
std::string with_nul(const std::string& text, std::size_t at) {
    std::string bytes = test::as_regedit_utf16(text);
    const auto units = at + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
    bytes.insert(2 + 2 * units, 2, '\0');
    return bytes;
}

}  // namespace

BOOST_AUTO_TEST_CASE(nul_in_a_skipped_key_is_refused_like_a_full_load) {
    // After `"A"=dw` on line 6.
    const std::string text = kHeaderAndKeys;
    const std::size_t at = text.find("\"A\"=dw") + 6;
    const auto [full, skim] = both_errors(with_nul(text, at), Limits{}.max_line_bytes);
    BOOST_TEST(full == "s.reg:6:7: error: NUL character in a text export (the file is damaged or not text)");
    BOOST_TEST(skim == full);
}

BOOST_AUTO_TEST_CASE(nul_in_a_wanted_key_is_refused_like_a_full_load) {
    const std::string text = kHeaderAndKeys;
    const std::size_t at = text.find("\"Enabled\"") + 1;
    const auto [full, skim] = both_errors(with_nul(text, at), Limits{}.max_line_bytes);
    BOOST_TEST(full == "s.reg:9:2: error: NUL character in a text export (the file is damaged or not text)");
    BOOST_TEST(skim == full);
}

BOOST_AUTO_TEST_CASE(nul_in_a_key_line_and_in_a_comment_is_refused_like_a_full_load) {
    const std::string text = kHeaderAndKeys + "; note\n[HKEY_LOCAL_MACHINE\\SYSTEM\\Other\\Deep]\n";
    const std::size_t comment = text.find("; note") + 2;
    auto [full, skim] = both_errors(with_nul(text, comment), Limits{}.max_line_bytes);
    BOOST_TEST(full == "s.reg:10:3: error: NUL character in a text export (the file is damaged or not text)");
    BOOST_TEST(skim == full);
    const std::size_t key = text.find("\\Deep]") + 3;  // before the second e
    std::tie(full, skim) = both_errors(with_nul(text, key), Limits{}.max_line_bytes);
    BOOST_TEST(full == "s.reg:11:36: error: NUL character in a text export (the file is damaged or not text)");
    BOOST_TEST(skim == full);
}

BOOST_AUTO_TEST_CASE(over_long_line_in_a_skipped_key_is_refused_like_a_full_load) {
    // 150 characters of two UTF-8 bytes each: 300 bytes, over a limit of 200 that a
    // count of units (150) alone would not see.
    std::string long_value;
    for (int i = 0; i < 150; ++i) long_value += "\xC3\xA9";
    const std::string text = kHeaderAndKeys + "[HKEY_LOCAL_MACHINE\\SYSTEM\\Other\\Deep]\n\"L\"=\"" + long_value + "\"\n";
    const auto [full, skim] = both_errors(test::as_regedit_utf16(text), 200);
    BOOST_TEST(full == "s.reg:11:104: error: line longer than the limit of 200 bytes");
    BOOST_TEST(skim == full);
}

BOOST_AUTO_TEST_CASE(nul_after_an_over_long_line_is_the_error_of_both_loads) {
    const std::string text = kHeaderAndKeys + "[HKEY_LOCAL_MACHINE\\SYSTEM\\Other\\Deep]\n\"L\"=\"" +
                             std::string(400, 'x') + "\"\n\"Z\"=dword:1\n";
    const std::size_t at = text.find("\"Z\"");
    const auto [full, skim] = both_errors(with_nul(text, at), 200);
    BOOST_TEST(full == "s.reg:12:1: error: NUL character in a text export (the file is damaged or not text)");
    BOOST_TEST(skim == full);
}

BOOST_AUTO_TEST_CASE(long_line_under_the_limit_in_bytes_loads_in_both) {
    // 190 ASCII characters: more units than a third of the limit, fewer bytes than it.
    const std::string text = kHeaderAndKeys + "[HKEY_LOCAL_MACHINE\\SYSTEM\\Other\\Deep]\n\"L\"=\"" +
                             std::string(180, 'x') + "\"\n";
    const auto [full, skim] = both_errors(test::as_regedit_utf16(text), 200);
    BOOST_TEST(full == "");
    BOOST_TEST(skim == "");
}

BOOST_AUTO_TEST_CASE(odd_length_utf16_reports_like_a_full_load) {
    const std::string bytes = test::as_regedit_utf16(kHeaderAndKeys) + "x";
    const auto needs = wanting({"HKLM\\SYSTEM\\Wanted"});
    RegistryView full_view, skim_view;
    std::vector<Diagnostic> full, skim;
    read_reg_buffer(bytes, "s.reg", full_view, full, nullptr);
    read_reg_buffer(bytes, "s.reg", skim_view, skim, &needs);
    BOOST_TEST_REQUIRE(full.size() == 2u);
    BOOST_TEST(full[0].str() == "s.reg:10:1: error: invalid UTF-16 (unpaired surrogate or odd byte)");
    BOOST_TEST_REQUIRE(skim.size() == full.size());
    for (std::size_t i = 0; i < full.size(); ++i) BOOST_TEST(skim[i].str() == full[i].str());
}

BOOST_AUTO_TEST_SUITE_END()
