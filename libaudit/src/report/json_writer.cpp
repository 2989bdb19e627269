// The JSON report (docs/report-schema.json).  Keys in a fixed order and no
// run-time fields unless the report carries them, so the same results give
// byte-identical files that diff and version control well.
#include <nlohmann/json.hpp>

#include "hardcheck/report.hpp"
#include "report/report_model.hpp"

namespace hardcheck {

namespace {

using ordered_json = nlohmann::ordered_json;

ordered_json summary_of(const detail::ResultRefs& results) {
    const auto counts = detail::count_statuses(results);
    ordered_json s;
    s["total"] = results.size();
    for (Status st : {Status::pass, Status::fail, Status::not_applicable, Status::not_collected, Status::error,
                      Status::waived, Status::manual})
        s[std::string(to_string(st))] = counts[static_cast<std::size_t>(st)];
    return s;
}

ordered_json waiver_json(const Result& r) {
    const auto w = detail::waiver_of(r);
    if (!w) return nullptr;
    return ordered_json{{"state", w->state}, {"reason", w->reason}, {"owner", w->owner},
                        {"expires", w->expires}, {"where", w->where}};
}

ordered_json result_json(const Result& r) {
    ordered_json j;
    j["host"] = r.host;
    j["check_id"] = r.check_id;
    j["title"] = r.title;
    j["severity"] = to_string(r.severity);
    j["status"] = to_string(r.status);
    j["observed"] = r.observed;
    j["expected"] = r.expected;
    j["message"] = r.message;
    // Only when there are some, so reports without notes keep their bytes.
    if (!r.notes.empty()) j["notes"] = r.notes;
    j["default_assumed"] = r.default_assumed;
    j["evidence"] = ordered_json::array();
    for (const auto& e : r.evidence)
        j["evidence"].push_back(ordered_json{{"file", e.where.file},
                                             {"line", e.where.line},
                                             {"column", e.where.column},
                                             {"locator", e.locator},
                                             {"observed", e.observed},
                                             {"default_assumed", e.default_assumed}});
    j["references"] = r.references;
    j["tags"] = r.tags;
    j["waiver"] = waiver_json(r);
    return j;
}

}  // namespace

void write_json(std::ostream& out, const Report& report) {
    ordered_json doc;
    doc["schema"] = "hardcheck-report";
    doc["schema_version"] = kReportSchemaVersion;
    doc["tool"] = ordered_json{{"name", "hardcheck"}, {"version", detail::tool_version(report)}};
    if (!report.run_time.empty()) doc["run_time"] = report.run_time;
    doc["profile"] = report.profile.empty() ? ordered_json(nullptr) : ordered_json(report.profile);
    doc["baselines"] = ordered_json::array();
    for (const auto& b : report.baselines)
        doc["baselines"].push_back(ordered_json{{"id", b.id}, {"title", b.title}, {"version", b.version}});
    doc["summary"] = summary_of(detail::refs_of(report.results));
    doc["hosts"] = ordered_json::array();
    for (const auto& group : detail::group_by_host(report.results))
        doc["hosts"].push_back(ordered_json{{"name", group.host}, {"summary", summary_of(group.results)}});
    doc["results"] = ordered_json::array();
    for (const auto& r : report.results) doc["results"].push_back(result_json(r));
    // Bytes that are not UTF-8 (from hostile evidence) become U+FFFD, not an exception.
    out << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace hardcheck
