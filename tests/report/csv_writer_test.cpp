// CSV: exact rows, RFC 4180 quoting, CRLF, and formula cells defused.
#include <boost/test/unit_test.hpp>

#include "report/sample_report.hpp"

using namespace hardcheck;

namespace {

std::string crlf_lines(std::initializer_list<std::string_view> lines) {
    std::string s;
    for (auto l : lines) (s += l) += "\r\n";
    return s;
}

constexpr std::string_view kHeader =
    "host,check_id,title,severity,status,observed,expected,message,evidence_locations,evidence,references,tags,"
    "waiver_state,waiver_reason,waiver_owner,waiver_expires,notes";

}  // namespace

BOOST_AUTO_TEST_SUITE(csv_writer)

BOOST_AUTO_TEST_CASE(one_row_per_host_and_check_with_crlf) {
    const std::string want = crlf_lines({
        kHeader,
        R"(H1,DEMO-01,Value is zero,high,pass,HKLM\A\V = REG_DWORD 0 (0x0),HKLM\A\V equals 0,Found HKLM\A\V = REG_DWORD 0 (0x0).,b/h1/a.reg:4:1,HKLM\A\V = REG_DWORD 0 (0x0),https://example.org/demo-01,cisa-exchange-2025:G8,,,,,)",
        R"(H1,DEMO-02,Setting present,medium,not_collected,,HKLM\B\W exists,Not collected: HKLM\B is not in the bundle.,,,,cisa-exchange-2025:G1,,,,,)",
        R"(H2,DEMO-01,Value is zero,high,fail,HKLM\A\V = REG_DWORD 1 (0x1),HKLM\A\V equals 0,Not met: HKLM\A\V equals 0 (found REG_DWORD 1 (0x1)).,b/h2/a.reg:7:1,HKLM\A\V = REG_DWORD 1 (0x1),https://example.org/demo-01,cisa-exchange-2025:G8,,,,,)",
        R"(H2,DEMO-02,Setting present,medium,error,,,"HKLM\B\W has type REG_SZ, not REG_DWORD.",b/h2/b.reg:9:1,"HKLM\B\W = REG_SZ ""yes""",,cisa-exchange-2025:G1,,,,,)",
        R"(H2,DEMO-03,Reviewed by a person,low,manual,,,Manual check: no export can decide it.,,,,,,,,,)",
    });
    BOOST_TEST(test::render("csv", test::sample_report()) == want);
}

BOOST_AUTO_TEST_CASE(quotes_commas_and_line_breaks_are_quoted_and_formulas_defused) {
    const std::string want = crlf_lines({
        kHeader,
        "\"<script>alert(\"\"h\"\")</script>\",X-1,\"Title & \"\"quotes\"\" 'single' <b>\",critical,fail,"
        "'=cmd|' /C calc'!A0,\"a,b\r\nc\",</details><script>alert(1)</script>\x01" "bell,dir with space/<x>.reg:2,"
        "\"HKLM\\<K> = \"\"v\"\" & <w>\",javascript:alert(1); https://example.org/?a=1&b=<2>,<tag>,,,,,",
    });
    BOOST_TEST(test::render("csv", test::hostile_report()) == want);
}

BOOST_AUTO_TEST_CASE(negative_numbers_are_left_alone) {
    Report rep = test::sample_report();
    rep.results.resize(1);
    rep.results[0].observed = "-1";
    const std::string csv = test::render("csv", rep);
    BOOST_TEST(csv.find(",pass,-1,") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(notes_are_the_last_column_joined_quoted_and_defused) {
    Report rep = test::sample_report();
    rep.results.resize(1);
    rep.results[0].notes = {"=HYPERLINK(\"x\")", "data is 120 days older, see \"as_of\""};
    const std::string csv = test::render("csv", rep);
    BOOST_TEST(csv.ends_with(",cisa-exchange-2025:G8,,,,,\"'=HYPERLINK(\"\"x\"\"); data is 120 days older, see "
                             "\"\"as_of\"\"\"\r\n"));
}

BOOST_AUTO_TEST_CASE(empty_report_has_only_the_header) {
    BOOST_TEST(test::render("csv", Report{}) == crlf_lines({kHeader}));
}

BOOST_AUTO_TEST_SUITE_END()
