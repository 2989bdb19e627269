// CSV for spreadsheets: one row per host and check, RFC 4180 (CRLF line ends,
// fields quoted when they hold a comma, quote or line break).
#include <algorithm>

#include "hardcheck/report.hpp"
#include "report/report_model.hpp"

namespace hardcheck {

namespace {

bool looks_numeric(std::string_view s) {
    return !s.empty() && std::all_of(s.begin() + (s[0] == '-' ? 1 : 0), s.end(),
                                     [](char c) { return (c >= '0' && c <= '9') || c == '.'; }) &&
           s != "-";
}

// Spreadsheets run a cell that starts with = + - @ as a formula; evidence is
// attacker-influenced, so such cells get a leading apostrophe (OWASP "CSV
// Injection"), except plain numbers.
std::string defused(std::string s) {
    if (!s.empty() && std::string_view("=+-@\t\r").find(s[0]) != std::string_view::npos && !looks_numeric(s))
        s.insert(0, 1, '\'');
    return s;
}

void field(std::ostream& out, const std::string& raw, bool last = false) {
    const std::string s = defused(raw);
    if (s.find_first_of(",\"\r\n") == std::string::npos) {
        out << s;
    } else {
        out << '"';
        for (char c : s) {
            if (c == '"') out << '"';
            out << c;
        }
        out << '"';
    }
    out << (last ? "\r\n" : ",");
}

std::string joined(const std::vector<std::string>& items) {
    std::string s;
    for (const auto& i : items) s += (s.empty() ? "" : "; ") + i;
    return s;
}

}  // namespace

void write_csv(std::ostream& out, const Report& report) {
    out << "host,check_id,title,severity,status,observed,expected,message,evidence_locations,evidence,"
           "references,tags,waiver_state,waiver_reason,waiver_owner,waiver_expires,notes\r\n";
    for (const auto& r : report.results) {
        std::vector<std::string> locations, evidence;
        for (const auto& e : r.evidence) {
            locations.push_back(e.where.str());
            evidence.push_back(e.locator + " = " + e.observed);
        }
        const auto w = detail::waiver_of(r).value_or(detail::WaiverView{});
        field(out, r.host);
        field(out, r.check_id);
        field(out, r.title);
        field(out, std::string(to_string(r.severity)));
        field(out, std::string(to_string(r.status)));
        field(out, r.observed);
        field(out, r.expected);
        field(out, r.message);
        field(out, joined(locations));
        field(out, joined(evidence));
        field(out, joined(r.references));
        field(out, joined(r.tags));
        field(out, w.state);
        field(out, w.reason);
        field(out, w.owner);
        field(out, w.expires);
        // Last, so the columns before it keep their positions.
        field(out, joined(r.notes), true);
    }
}

}  // namespace hardcheck
