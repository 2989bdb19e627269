// The HTML report as text: self-contained, everything escaped, one expandable
// result per host and check, summaries per host and guidance section.  What a
// browser makes of it is tested in html_browser_test.sh.
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "report/sample_report.hpp"

using namespace hardcheck;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (std::size_t nl; (nl = text.find('\n', start)) != std::string::npos; start = nl + 1)
        lines.push_back(text.substr(start, nl - start));
    return lines;
}

bool has_line(const std::string& html, const std::string& line) {
    const auto lines = lines_of(html);
    return std::find(lines.begin(), lines.end(), line) != lines.end();
}

std::size_t occurrences(const std::string& text, std::string_view what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(html_writer)

BOOST_AUTO_TEST_CASE(nothing_is_loaded_from_elsewhere) {
    const std::string html = test::render("html", test::sample_report());
    BOOST_TEST(occurrences(html, "<script") == 1u);  // our inline script only
    BOOST_TEST(occurrences(html, "<script src") == 0u);
    BOOST_TEST(occurrences(html, "<link") == 0u);
    BOOST_TEST(occurrences(html, "@import") == 0u);
    BOOST_TEST(occurrences(html, "url(") == 0u);
    BOOST_TEST(has_line(html, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                              "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">"));
}

BOOST_AUTO_TEST_CASE(summary_per_host_counts_every_status) {
    const std::string html = test::render("html", test::sample_report());
    // Columns: fail, error, not collected, manual, waived, not applicable, pass, total.
    BOOST_TEST(has_line(html, "<tr><th scope=\"row\">H1</th><td class=\"n\">0</td><td class=\"n\">0</td><td class=\"n\">1</td>"
                              "<td class=\"n\">0</td><td class=\"n\">0</td><td class=\"n\">0</td><td class=\"n\">1</td><td class=\"n\">2</td></tr>"));
    BOOST_TEST(has_line(html, "<tr><th scope=\"row\">all hosts</th><td class=\"n\">1</td><td class=\"n\">1</td><td class=\"n\">1</td>"
                              "<td class=\"n\">1</td><td class=\"n\">0</td><td class=\"n\">0</td><td class=\"n\">1</td><td class=\"n\">5</td></tr>"));
}

BOOST_AUTO_TEST_CASE(summary_per_guidance_section_uses_the_tags) {
    const std::string html = test::render("html", test::sample_report());
    BOOST_TEST(has_line(html, "<tr><th scope=\"row\">cisa-exchange-2025:G1</th><td class=\"n\">0</td><td class=\"n\">1</td><td class=\"n\">1</td>"
                              "<td class=\"n\">0</td><td class=\"n\">0</td><td class=\"n\">0</td><td class=\"n\">0</td><td class=\"n\">2</td></tr>"));
    BOOST_TEST(has_line(html, "<tr><th scope=\"row\">(untagged)</th><td class=\"n\">0</td><td class=\"n\">0</td><td class=\"n\">0</td>"
                              "<td class=\"n\">1</td><td class=\"n\">0</td><td class=\"n\">0</td><td class=\"n\">0</td><td class=\"n\">1</td></tr>"));
}

BOOST_AUTO_TEST_CASE(each_result_expands_to_its_evidence) {
    const std::string html = test::render("html", test::sample_report());
    BOOST_TEST(occurrences(html, "<details class=\"result\"") == 5u);
    BOOST_TEST(has_line(html, "<details class=\"result\" data-status=\"fail\" data-severity=\"high\" data-host=\"H2\" data-check=\"DEMO-01\">"));
    BOOST_TEST(has_line(html, "<tr><td>b/h2/a.reg:7:1</td><td>HKLM\\A\\V</td><td>REG_DWORD 1 (0x1)</td></tr>"));
}

BOOST_AUTO_TEST_CASE(failures_come_first_within_a_host) {
    const std::string html = test::render("html", test::sample_report());
    const auto fail = html.find("data-host=\"H2\" data-check=\"DEMO-01\"");
    const auto error = html.find("data-host=\"H2\" data-check=\"DEMO-02\"");
    const auto manual = html.find("data-host=\"H2\" data-check=\"DEMO-03\"");
    BOOST_TEST((fail < error && error < manual));
}

BOOST_AUTO_TEST_CASE(filters_offer_every_status_and_severity) {
    const std::string html = test::render("html", test::sample_report());
    BOOST_TEST(has_line(html, "<label><input type=\"checkbox\" data-filter=\"status\" value=\"not_collected\" checked> not collected (1)</label>"));
    BOOST_TEST(has_line(html, "<label><input type=\"checkbox\" data-filter=\"severity\" value=\"critical\" checked> critical</label>"));
    BOOST_TEST(occurrences(html, "data-filter=\"status\"") == 7u);
    BOOST_TEST(occurrences(html, "data-filter=\"severity\"") == 5u);
}

BOOST_AUTO_TEST_CASE(hostile_strings_are_escaped_everywhere) {
    const std::string html = test::render("html", test::hostile_report());
    BOOST_TEST(occurrences(html, "<script") == 1u);
    BOOST_TEST(occurrences(html, "</details><script>") == 0u);
    BOOST_TEST(occurrences(html, "<b>") == 0u);
    BOOST_TEST(occurrences(html, "<tag>") == 0u);
    BOOST_TEST(has_line(html, "<h3>&lt;script&gt;alert(&quot;h&quot;)&lt;/script&gt;</h3>"));
    BOOST_TEST(has_line(html, "<summary><span class=\"badge st-fail\">fail</span> <span class=\"sev\">critical</span> "
                              "<code>X-1</code> Title &amp; &quot;quotes&quot; &#39;single&#39; &lt;b&gt;</summary>"));
    BOOST_TEST(has_line(html, "<tr><td>dir with space/&lt;x&gt;.reg:2</td><td>HKLM\\&lt;K&gt;</td><td>&quot;v&quot; &amp; &lt;w&gt;</td></tr>"));
}

BOOST_AUTO_TEST_CASE(each_note_is_an_escaped_entry_under_its_result) {
    Report rep = test::sample_report();
    rep.results[0].notes = {"data is <b>120</b> days & \"old\""};
    const std::string html = test::render("html", rep);
    BOOST_TEST(has_line(html, "<dt>Note</dt><dd class=\"note\">data is &lt;b&gt;120&lt;/b&gt; days &amp; &quot;old&quot;</dd>"));
    BOOST_TEST(occurrences(html, "class=\"note\"") == 1u);
}

BOOST_AUTO_TEST_CASE(only_web_references_become_links) {
    const std::string html = test::render("html", test::hostile_report());
    BOOST_TEST(has_line(html, "<li>javascript:alert(1)</li>"));
    BOOST_TEST(has_line(html, "<li><a href=\"https://example.org/?a=1&amp;b=&lt;2&gt;\" rel=\"noreferrer\">"
                              "https://example.org/?a=1&amp;b=&lt;2&gt;</a></li>"));
}

BOOST_AUTO_TEST_CASE(same_report_gives_byte_identical_output) {
    BOOST_TEST(test::render("html", test::sample_report()) == test::render("html", test::sample_report()));
}

BOOST_AUTO_TEST_SUITE_END()
