// A small hand-built Report for the reporter tests: two hosts, five statuses,
// and a variant full of hostile strings.
#pragma once

#include <sstream>
#include <string>

#include "hardcheck/report.hpp"

namespace hardcheck::test {

inline Result make_result(std::string host, std::string check, std::string title, Severity severity, Status status) {
    Result r;
    r.host = std::move(host);
    r.check_id = std::move(check);
    r.title = std::move(title);
    r.severity = severity;
    r.status = status;
    return r;
}

inline Report sample_report() {
    Report rep;
    rep.tool_version = "9.9.9";
    rep.baselines.push_back({"demo", "Demo baseline", "1.2.0",
                             {{"DEMO-01", "Value is zero", Severity::high, "Why it matters.\n", "Set V to 0.\n",
                               {"https://example.org/demo-01"}, {"cisa-exchange-2025:G8"}}}});

    Result pass = make_result("H1", "DEMO-01", "Value is zero", Severity::high, Status::pass);
    pass.observed = "HKLM\\A\\V = REG_DWORD 0 (0x0)";
    pass.expected = "HKLM\\A\\V equals 0";
    pass.message = "Found HKLM\\A\\V = REG_DWORD 0 (0x0).";
    pass.evidence = {{{"b/h1/a.reg", 4, 1}, "HKLM\\A\\V", "REG_DWORD 0 (0x0)", false}};
    pass.references = {"https://example.org/demo-01"};
    pass.tags = {"cisa-exchange-2025:G8"};

    Result missing = make_result("H1", "DEMO-02", "Setting present", Severity::medium, Status::not_collected);
    missing.expected = "HKLM\\B\\W exists";
    missing.message = "Not collected: HKLM\\B is not in the bundle.";
    missing.tags = {"cisa-exchange-2025:G1"};

    Result fail = pass;
    fail.host = "H2";
    fail.status = Status::fail;
    fail.observed = "HKLM\\A\\V = REG_DWORD 1 (0x1)";
    fail.message = "Not met: HKLM\\A\\V equals 0 (found REG_DWORD 1 (0x1)).";
    fail.evidence = {{{"b/h2/a.reg", 7, 1}, "HKLM\\A\\V", "REG_DWORD 1 (0x1)", false}};

    Result error = make_result("H2", "DEMO-02", "Setting present", Severity::medium, Status::error);
    error.message = "HKLM\\B\\W has type REG_SZ, not REG_DWORD.";
    error.evidence = {{{"b/h2/b.reg", 9, 1}, "HKLM\\B\\W", "REG_SZ \"yes\"", false}};
    error.tags = {"cisa-exchange-2025:G1"};

    Result manual = make_result("H2", "DEMO-03", "Reviewed by a person", Severity::low, Status::manual);
    manual.message = "Manual check: no export can decide it.";

    rep.results = {pass, missing, fail, error, manual};
    return rep;
}

// Strings an attacker controls through evidence: markup, quotes, ampersands,
// CSV separators and formulas, control characters.
inline Report hostile_report() {
    Report rep;
    rep.tool_version = "9.9.9";
    Result r = make_result("<script>alert(\"h\")</script>", "X-1", "Title & \"quotes\" 'single' <b>", Severity::critical,
                           Status::fail);
    r.observed = "=cmd|' /C calc'!A0";
    r.expected = "a,b\r\nc";
    r.message = "</details><script>alert(1)</script>\x01" "bell";
    r.evidence = {{{"dir with space/<x>.reg", 2, 0}, "HKLM\\<K>", "\"v\" & <w>", false}};
    r.references = {"javascript:alert(1)", "https://example.org/?a=1&b=<2>"};
    r.tags = {"<tag>"};
    rep.results = {r};
    return rep;
}

inline std::string render(std::string_view format, const Report& rep, ReportOptions options = {}) {
    std::ostringstream out;
    write_report(out, format, rep, options);
    return out.str();
}

}  // namespace hardcheck::test
