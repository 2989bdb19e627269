// SARIF 2.1.0 for code-scanning tools: a rule per check (help text, severity,
// references) and a result per failing check, located at its evidence file and
// line.  Waived failures carry a suppression with the waiver's justification.
// Spec: https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "hardcheck/report.hpp"
#include "report/report_model.hpp"

namespace hardcheck {

namespace {

using ordered_json = nlohmann::ordered_json;

// SARIF levels: error for what must be fixed, warning, note for the rest.
std::string_view level_of(Severity s) {
    switch (s) {
        case Severity::critical:
        case Severity::high: return "error";
        case Severity::medium: return "warning";
        default: return "note";
    }
}

// GitHub code scanning ranks by "security-severity" (0-10: >=9 critical,
// >=7 high, >=4 medium, else low).
// https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning
std::string_view security_severity(Severity s) {
    switch (s) {
        case Severity::critical: return "9.5";
        case Severity::high: return "8.0";
        case Severity::medium: return "5.5";
        case Severity::low: return "3.0";
        default: return "0.0";
    }
}

// A relative path stays relative (to the directory the audit ran in); characters
// outside RFC 3986's unreserved set and '/' are percent-encoded.
std::string uri_of(const std::string& path) {
    std::string uri = path.starts_with('/') ? "file://" : "";
    for (unsigned char c : path) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                           c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
        uri += plain ? std::string(1, static_cast<char>(c)) : fmt::format("%{:02X}", c);
    }
    return uri;
}

// YAML folded text ends with a newline; SARIF viewers show it verbatim.
std::string trimmed(const std::string& s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

ordered_json rule_json(const Report& report, const Result& first) {
    const CheckInfo* info = detail::find_check(report, first.check_id);
    const std::string title = info ? info->title : first.title;
    const Severity severity = info ? info->severity : first.severity;
    const std::string rationale = info ? trimmed(info->rationale) : "";
    const std::string remediation = info ? trimmed(info->remediation) : "";
    const auto& references = info ? info->references : first.references;
    const auto& tags = info ? info->tags : first.tags;

    std::string help = title + ".";
    if (!rationale.empty()) help += "\n\nWhy: " + rationale;
    if (!remediation.empty()) help += "\n\nFix: " + remediation;
    if (!references.empty()) help += "\n\nReferences:";
    for (const auto& ref : references) help += "\n- " + ref;

    ordered_json rule;
    rule["id"] = first.check_id;
    rule["name"] = first.check_id;
    rule["shortDescription"] = {{"text", title}};
    rule["fullDescription"] = {{"text", rationale.empty() ? title : rationale}};
    rule["help"] = {{"text", help}};
    if (!references.empty()) rule["helpUri"] = references.front();
    rule["defaultConfiguration"] = {{"level", level_of(severity)}};
    rule["properties"] = {{"tags", tags},
                          {"severity", to_string(severity)},
                          {"security-severity", security_severity(severity)},
                          {"references", references}};
    return rule;
}

ordered_json result_json(const Result& r, std::size_t rule_index) {
    ordered_json res;
    res["ruleId"] = r.check_id;
    res["ruleIndex"] = rule_index;
    res["kind"] = r.status == Status::error ? "review" : "fail";
    res["level"] = r.status == Status::error ? "warning" : level_of(r.severity);
    res["message"] = {{"text", fmt::format("{}: {}", r.host, r.message.empty() ? r.title : r.message)}};
    ordered_json locations = ordered_json::array();
    for (const auto& e : r.evidence) {
        if (e.where.file.empty()) continue;
        ordered_json physical;
        physical["artifactLocation"] = {{"uri", uri_of(e.where.file)}};
        if (e.where.line > 0) {
            ordered_json region{{"startLine", e.where.line}};
            if (e.where.column > 0) region["startColumn"] = e.where.column;
            physical["region"] = region;
        }
        locations.push_back(ordered_json{{"physicalLocation", physical},
                                         {"message", {{"text", e.locator + " = " + e.observed}}}});
    }
    res["locations"] = locations;
    // Stable across runs, so code scanning tracks the same alert per host and check.
    res["partialFingerprints"] = {{"hardcheck/v1", r.host + "/" + r.check_id}};
    // A waived failure stays visible as suppressed; a failure whose waiver expired
    // has status fail and is not suppressed.
    if (r.status == Status::waived) {
        const auto w = detail::waiver_of(r);
        const std::string why =
            w ? fmt::format("{} (owner {}, expires {})", w->reason, w->owner, w->expires) : r.message;
        res["suppressions"] =
            ordered_json::array({ordered_json{{"kind", "external"}, {"status", "accepted"}, {"justification", why}}});
    }
    res["properties"] = {{"host", r.host},         {"status", to_string(r.status)}, {"severity", to_string(r.severity)},
                         {"observed", r.observed}, {"expected", r.expected}};
    // Only when there are some, so results without notes keep their bytes.
    if (!r.notes.empty()) res["properties"]["notes"] = r.notes;
    return res;
}

}  // namespace

void write_sarif(std::ostream& out, const Report& report) {
    ordered_json rules = ordered_json::array();
    std::map<std::string, std::size_t> rule_index;
    for (const auto& r : report.results) {
        if (rule_index.contains(r.check_id)) continue;
        rule_index[r.check_id] = rules.size();
        rules.push_back(rule_json(report, r));
    }
    ordered_json results = ordered_json::array();
    for (const auto& r : report.results) {
        // Failing checks only; a waived result was a failure and is shown suppressed.
        const bool failing = r.status == Status::fail || r.status == Status::error || r.status == Status::waived;
        if (failing) results.push_back(result_json(r, rule_index.at(r.check_id)));
    }
    ordered_json driver;
    driver["name"] = "hardcheck";
    driver["version"] = detail::tool_version(report);
    driver["semanticVersion"] = detail::tool_version(report);
    driver["rules"] = std::move(rules);

    ordered_json run;
    run["tool"] = {{"driver", std::move(driver)}};
    run["results"] = std::move(results);
    run["columnKind"] = "unicodeCodePoints";
    ordered_json doc;
    doc["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
    doc["version"] = "2.1.0";
    doc["runs"] = ordered_json::array();
    doc["runs"].push_back(std::move(run));
    out << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace hardcheck
