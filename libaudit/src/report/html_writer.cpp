// The HTML report: one self-contained file (inline style and script, nothing
// fetched), a summary per host and per guidance section, filters by status and
// severity, each result expandable to its evidence, readable when printed.
// Every piece of text is escaped: evidence comes from the audited hosts.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "hardcheck/report.hpp"
#include "report/report_model.hpp"

namespace hardcheck {

namespace {

constexpr Status kStatuses[] = {Status::fail,   Status::error,  Status::not_collected, Status::manual,
                                Status::waived, Status::not_applicable, Status::pass};
constexpr Severity kSeverities[] = {Severity::critical, Severity::high, Severity::medium, Severity::low, Severity::info};

std::string esc(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string sv(Status s) { return std::string(to_string(s)); }
std::string sv(Severity s) { return std::string(to_string(s)); }

// Only web links become links; anything else (javascript:, data:) stays text.
std::string reference_html(const std::string& ref) {
    if (ref.starts_with("https://") || ref.starts_with("http://"))
        return fmt::format("<a href=\"{0}\" rel=\"noreferrer\">{0}</a>", esc(ref));
    return esc(ref);
}

constexpr std::string_view kStyle = R"(
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:1.5em auto;max-width:72em;padding:0 1em;color:#1b1b1b}
h1{font-size:1.5em;margin:0}h2{font-size:1.2em;margin-top:1.6em}h3{font-size:1.05em;margin:1.2em 0 .4em}
.meta{color:#555;margin:.3em 0}
table{border-collapse:collapse;margin:.4em 0}th,td{border:1px solid #ccc;padding:.2em .6em;text-align:left;vertical-align:top}
td.n{text-align:right}th{background:#f2f2f2}
.badge{display:inline-block;min-width:8.5em;font-weight:600;font-size:.85em;padding:0 .4em;border-radius:3px;color:#fff;text-align:center}
.st-pass{background:#2e7d32}.st-fail{background:#c62828}.st-error{background:#6a1b9a}.st-not_collected{background:#ef6c00}
.st-manual,.st-waived,.st-not_applicable{background:#546e7a}
.sev{display:inline-block;min-width:4.5em;color:#444}
details.result{border:1px solid #ddd;border-radius:4px;margin:.3em 0;padding:.3em .6em}
details.result>summary{cursor:pointer}
.body{margin:.5em 0 .2em 1em}dl{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1em;margin:.4em 0}
dt{font-weight:600}dd{margin:0;white-space:pre-wrap;word-break:break-word}
#filters fieldset{display:inline-block;margin:0 1em .5em 0;border:1px solid #ccc}
code,.evidence td{font-family:ui-monospace,Consolas,monospace;font-size:.9em;word-break:break-all}
@media print{#filters{display:none}details.result{break-inside:avoid;border:none;border-top:1px solid #999}
a{color:inherit;text-decoration:none}.badge{color:#000;border:1px solid #000;background:none}}
)";

// Filters, a #status=...&severity=... address preselecting them, and every result
// opened before printing.
constexpr std::string_view kScript = R"(
(function () {
  var boxes = Array.prototype.slice.call(document.querySelectorAll('#filters input[type=checkbox]'));
  var results = Array.prototype.slice.call(document.querySelectorAll('details.result'));
  function apply() {
    var on = {status: {}, severity: {}};
    boxes.forEach(function (b) { on[b.getAttribute('data-filter')][b.value] = b.checked; });
    var shown = 0;
    results.forEach(function (r) {
      var visible = on.status[r.getAttribute('data-status')] && on.severity[r.getAttribute('data-severity')];
      r.hidden = !visible;
      if (visible) shown++;
    });
    document.getElementById('shown').textContent = 'Showing ' + shown + ' of ' + results.length + ' results';
  }
  location.hash.slice(1).split('&').forEach(function (part) {
    var kv = part.split('=');
    if (kv.length !== 2) return;
    var wanted = decodeURIComponent(kv[1]).split(',');
    boxes.forEach(function (b) {
      if (b.getAttribute('data-filter') === kv[0]) b.checked = wanted.indexOf(b.value) >= 0;
    });
  });
  boxes.forEach(function (b) { b.addEventListener('change', apply); });
  window.addEventListener('beforeprint', function () { results.forEach(function (r) { r.open = true; }); });
  apply();
  document.body.setAttribute('data-ready', 'true');
})();
)";

void counts_row(std::ostream& out, const std::string& name, const detail::ResultRefs& results) {
    const auto c = detail::count_statuses(results);
    out << "<tr><th scope=\"row\">" << esc(name) << "</th>";
    for (Status s : kStatuses) out << "<td class=\"n\">" << c[static_cast<std::size_t>(s)] << "</td>";
    out << "<td class=\"n\">" << results.size() << "</td></tr>\n";
}

void counts_table(std::ostream& out, const char* first_column,
                  const std::vector<std::pair<std::string, detail::ResultRefs>>& rows) {
    out << "<table class=\"counts\"><thead><tr><th>" << first_column << "</th>";
    for (Status s : kStatuses) out << "<th>" << esc(detail::status_words(s)) << "</th>";
    out << "<th>total</th></tr></thead>\n<tbody>\n";
    for (const auto& [name, results] : rows) counts_row(out, name, results);
    out << "</tbody></table>\n";
}

void waiver_html(std::ostream& out, const Result& r) {
    const auto w = detail::waiver_of(r);
    if (!w) return;
    out << "<dt>Waiver</dt><dd>" << esc(w->state) << ": " << esc(w->reason) << " (owner " << esc(w->owner)
        << ", expires " << esc(w->expires) << ")" << (w->where.empty() ? "" : " at " + esc(w->where)) << "</dd>\n";
}

void result_html(std::ostream& out, const Result& r) {
    out << fmt::format("<details class=\"result\" data-status=\"{}\" data-severity=\"{}\" data-host=\"{}\" data-check=\"{}\">\n",
                       sv(r.status), sv(r.severity), esc(r.host), esc(r.check_id));
    out << fmt::format("<summary><span class=\"badge st-{}\">{}</span> <span class=\"sev\">{}</span> <code>{}</code> {}</summary>\n",
                       sv(r.status), esc(detail::status_words(r.status)), sv(r.severity), esc(r.check_id), esc(r.title));
    out << "<div class=\"body\">\n<dl>\n";
    out << "<dt>Message</dt><dd class=\"message\">" << esc(r.message) << "</dd>\n";
    if (!r.expected.empty()) out << "<dt>Expected</dt><dd>" << esc(r.expected) << "</dd>\n";
    if (!r.observed.empty()) out << "<dt>Observed</dt><dd>" << esc(r.observed) << "</dd>\n";
    waiver_html(out, r);
    for (const auto& note : r.notes) out << "<dt>Note</dt><dd class=\"note\">" << esc(note) << "</dd>\n";
    if (!r.tags.empty()) {
        std::string tags;
        for (const auto& t : r.tags) tags += (tags.empty() ? "" : ", ") + esc(t);
        out << "<dt>Guidance</dt><dd>" << tags << "</dd>\n";
    }
    out << "</dl>\n";
    if (!r.evidence.empty()) {
        out << "<table class=\"evidence\"><thead><tr><th>Location</th><th>Evidence</th><th>Observed</th></tr></thead>\n<tbody>\n";
        for (const auto& e : r.evidence)
            out << "<tr><td>" << esc(e.where.str()) << "</td><td>" << esc(e.locator) << "</td><td>" << esc(e.observed)
                << (e.default_assumed ? " <em>(default assumed)</em>" : "") << "</td></tr>\n";
        out << "</tbody></table>\n";
    }
    if (!r.references.empty()) {
        out << "<ul class=\"references\">\n";
        for (const auto& ref : r.references) out << "<li>" << reference_html(ref) << "</li>\n";
        out << "</ul>\n";
    }
    out << "</div>\n</details>\n";
}

}  // namespace

void write_html(std::ostream& out, const Report& report) {
    out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
           // Nothing may be fetched: the file must work offline and leak nothing.
           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
           "script-src 'unsafe-inline'\">\n"
           "<title>hardcheck compliance report</title>\n<style>"
        << kStyle << "</style>\n</head>\n<body>\n<header>\n<h1>hardcheck compliance report</h1>\n";
    out << "<p class=\"meta\">hardcheck " << esc(detail::tool_version(report));
    if (!report.run_time.empty()) out << " · run " << esc(report.run_time);
    if (!report.profile.empty()) out << " · profile " << esc(report.profile);
    out << "</p>\n";
    for (const auto& b : report.baselines)
        out << "<p class=\"meta baseline\">baseline <code>" << esc(b.id) << "</code> " << esc(b.version) << " — "
            << esc(b.title) << "</p>\n";
    out << "</header>\n";

    auto groups = detail::group_by_host(report.results);
    std::vector<std::pair<std::string, detail::ResultRefs>> host_rows;
    for (const auto& g : groups) host_rows.emplace_back(g.host, g.results);
    host_rows.emplace_back("all hosts", detail::refs_of(report.results));
    // Guidance sections are the checks' tags (cisa-exchange-2025:G8), sorted.
    std::map<std::string, detail::ResultRefs> by_tag;
    for (const auto& r : report.results) {
        if (r.tags.empty()) by_tag["(untagged)"].push_back(&r);
        for (const auto& t : r.tags) by_tag[t].push_back(&r);
    }
    out << "<section id=\"summary\">\n<h2>Summary per host</h2>\n";
    counts_table(out, "Host", host_rows);
    out << "<h2>Summary per guidance section</h2>\n";
    counts_table(out, "Section", {by_tag.begin(), by_tag.end()});
    out << "</section>\n";

    const auto all = detail::count_statuses(detail::refs_of(report.results));
    out << "<section id=\"filters\">\n<h2>Filters</h2>\n<fieldset><legend>Status</legend>\n";
    for (Status s : kStatuses)
        out << fmt::format("<label><input type=\"checkbox\" data-filter=\"status\" value=\"{}\" checked> {} ({})</label>\n",
                           sv(s), esc(detail::status_words(s)), all[static_cast<std::size_t>(s)]);
    out << "</fieldset>\n<fieldset><legend>Severity</legend>\n";
    for (Severity s : kSeverities)
        out << fmt::format("<label><input type=\"checkbox\" data-filter=\"severity\" value=\"{0}\" checked> {0}</label>\n", sv(s));
    out << "</fieldset>\n<p id=\"shown\">Showing " << report.results.size() << " of " << report.results.size()
        << " results</p>\n</section>\n";

    out << "<section id=\"results\">\n<h2>Results</h2>\n";
    for (auto& [host, list] : groups) {
        std::stable_sort(list.begin(), list.end(), [](const Result* a, const Result* b) {
            return detail::attention_rank(a->status) < detail::attention_rank(b->status);
        });
        out << "<section class=\"host\">\n<h3>" << esc(host) << "</h3>\n";
        for (const auto* r : list) result_html(out, *r);
        out << "</section>\n";
    }
    out << "</section>\n<script>" << kScript << "</script>\n</body>\n</html>\n";
}

}  // namespace hardcheck
