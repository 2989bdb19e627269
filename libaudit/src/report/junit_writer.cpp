// JUnit XML for CI dashboards: a testsuite per host, a testcase per check.
// fail -> <failure>, error -> <error>, the undecided statuses -> <skipped> with
// the reason; passes are plain testcases.
#include <pugixml.hpp>

#include <fmt/format.h>

#include "hardcheck/report.hpp"
#include "report/report_model.hpp"

namespace hardcheck {

namespace {

// XML 1.0 cannot carry most control characters even escaped; evidence may.
std::string xml_safe(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 && c != '\t' && c != '\n' && c != '\r')
            out += "\xEF\xBF\xBD";  // U+FFFD
        else
            out += c;
    }
    return out;
}

std::string details(const Result& r) {
    std::string text = fmt::format("status: {}\nseverity: {}\n", to_string(r.status), to_string(r.severity));
    if (!r.message.empty()) text += fmt::format("message: {}\n", r.message);
    if (!r.expected.empty()) text += fmt::format("expected: {}\n", r.expected);
    if (!r.observed.empty()) text += fmt::format("observed: {}\n", r.observed);
    for (const auto& e : r.evidence)
        text += fmt::format("evidence: {} = {}{}\n", e.locator, e.observed,
                            e.where.file.empty() ? "" : "  [" + e.where.str() + "]");
    if (auto w = detail::waiver_of(r))
        text += fmt::format("waiver: {} — {} (owner {}, expires {})\n", w->state, w->reason, w->owner, w->expires);
    for (const auto& ref : r.references) text += fmt::format("reference: {}\n", ref);
    for (const auto& note : r.notes) text += fmt::format("note: {}\n", note);
    return text;
}

void set_counts(pugi::xml_node node, const detail::ResultRefs& results) {
    const auto c = detail::count_statuses(results);
    const auto at = [&](Status s) { return c[static_cast<std::size_t>(s)]; };
    node.append_attribute("tests") = static_cast<unsigned long long>(results.size());
    node.append_attribute("failures") = static_cast<unsigned long long>(at(Status::fail));
    node.append_attribute("errors") = static_cast<unsigned long long>(at(Status::error));
    node.append_attribute("skipped") = static_cast<unsigned long long>(
        at(Status::not_applicable) + at(Status::not_collected) + at(Status::waived) + at(Status::manual));
}

}  // namespace

void write_junit(std::ostream& out, const Report& report) {
    pugi::xml_document doc;
    auto decl = doc.append_child(pugi::node_declaration);
    decl.append_attribute("version") = "1.0";
    decl.append_attribute("encoding") = "UTF-8";
    auto suites = doc.append_child("testsuites");
    suites.append_attribute("name") = "hardcheck";
    set_counts(suites, detail::refs_of(report.results));
    for (const auto& [host, own] : detail::group_by_host(report.results)) {
        auto suite = suites.append_child("testsuite");
        suite.append_attribute("name") = xml_safe(host).c_str();
        set_counts(suite, own);
        for (const auto* r : own) {
            auto tc = suite.append_child("testcase");
            tc.append_attribute("name") = xml_safe(r->check_id + " " + r->title).c_str();
            tc.append_attribute("classname") = xml_safe(host).c_str();
            const std::string body = xml_safe(details(*r));
            switch (r->status) {
                case Status::pass:
                    // A pass has no failure text; its notes still reach the reader.
                    if (!r->notes.empty()) {
                        std::string notes;
                        for (const auto& note : r->notes) notes += fmt::format("note: {}\n", note);
                        tc.append_child("system-out").text() = xml_safe(notes).c_str();
                    }
                    break;
                case Status::fail:
                case Status::error: {
                    auto n = tc.append_child(r->status == Status::fail ? "failure" : "error");
                    n.append_attribute("message") = xml_safe(r->message).c_str();
                    n.append_attribute("type") = std::string(to_string(r->severity)).c_str();
                    n.text() = body.c_str();
                    break;
                }
                default: {
                    auto n = tc.append_child("skipped");
                    n.append_attribute("message") =
                        xml_safe(fmt::format("{}: {}", to_string(r->status), detail::undecided_reason(*r))).c_str();
                    n.text() = body.c_str();
                    break;
                }
            }
        }
    }
    doc.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
}

}  // namespace hardcheck
