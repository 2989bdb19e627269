// Reports: renderings of Results.  Reporters see nothing but Results (and the
// descriptive BaselineInfo the caller copies out of its baselines).
#pragma once

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "hardcheck/evaluate.hpp"
#include "hardcheck/export.hpp"

namespace hardcheck {

// What a report says about a check beyond its results: help text for SARIF rules
// and the HTML report.  Optional: reports work without it.
struct HARDCHECK_API CheckInfo {
    std::string id;
    std::string title;
    Severity severity = Severity::medium;
    std::string rationale;
    std::string remediation;
    std::vector<std::string> references;
    std::vector<std::string> tags;
};

struct HARDCHECK_API BaselineInfo {
    std::string id;
    std::string title;
    std::string version;
    std::vector<CheckInfo> checks = {};  // "= {}": {id, title, version} stays warning-free
};

// The descriptive part of a compiled baseline, for reports.
HARDCHECK_API BaselineInfo baseline_info(const CompiledBaseline& baseline);

struct HARDCHECK_API Report {
    std::vector<BaselineInfo> baselines;
    std::vector<Result> results;  // in host order, then check order
    std::string tool_version;     // empty: this library's version_string()
    std::string profile;          // the tailoring profile's name; empty: none
    std::string run_time;         // ISO 8601; empty (the default) keeps output deterministic
};

// The current time as ISO 8601 UTC ("2026-11-25T17:00:00Z"), for Report::run_time
// when the caller asks for it.
HARDCHECK_API std::string utc_timestamp_now();

struct HARDCHECK_API ReportOptions {
    bool verbose = false;  // text: also list passes and evidence
    bool colour = false;   // text: ANSI colours
};

// Counts per status, in the order of the Status enum.
HARDCHECK_API std::vector<std::size_t> count_statuses(const std::vector<Result>& results);

HARDCHECK_API void write_text(std::ostream& out, const Report& report, const ReportOptions& options);
HARDCHECK_API void write_json(std::ostream& out, const Report& report);
HARDCHECK_API void write_csv(std::ostream& out, const Report& report);
HARDCHECK_API void write_junit(std::ostream& out, const Report& report);
HARDCHECK_API void write_sarif(std::ostream& out, const Report& report);
HARDCHECK_API void write_html(std::ostream& out, const Report& report);
HARDCHECK_API void write_oscal(std::ostream& out, const Report& report);

// The JSON report's schema version (docs/report-schema.json).
inline constexpr int kReportSchemaVersion = 1;

// Reads a JSON report written by write_json back; bad input throws InputError
// with file:line:col.
HARDCHECK_API Report read_json_report(const std::filesystem::path& file);
HARDCHECK_API Report parse_json_report(std::string_view text, const std::string& name);

// Writes the report in `format` to `file` atomically (temporary file, then rename),
// so a failed run never leaves a partial report behind.
HARDCHECK_API void write_report_file(const std::filesystem::path& file, std::string_view format,
                                     const Report& report, const ReportOptions& options);
HARDCHECK_API void write_report(std::ostream& out, std::string_view format, const Report& report,
                                const ReportOptions& options);
HARDCHECK_API std::vector<std::string> report_formats();

// One requested rendering: a format and a file (empty file: standard output).
struct HARDCHECK_API ReportOutput {
    std::string format;
    std::filesystem::path file;
};

// Pairs `-f` and `-o` as given on a command line: the i-th format goes to the i-th
// file; no file means one format to standard output; one file and no format means
// text.  Anything else throws InputError.
HARDCHECK_API std::vector<ReportOutput> pair_report_outputs(const std::vector<std::string>& formats,
                                                            const std::vector<std::string>& files);

// Writes every file output: all to temporary files first, then renamed, so an
// error leaves none of them behind.  Outputs without a file are skipped.
HARDCHECK_API void write_report_files(const std::vector<ReportOutput>& outputs, const Report& report,
                                      const ReportOptions& options);

// `hardcheck diff`: what changed between two runs, per host and check.
enum class ChangeKind { regression, fixed, changed, added, removed };
HARDCHECK_API std::string_view to_string(ChangeKind);

struct HARDCHECK_API ResultChange {
    ChangeKind kind = ChangeKind::changed;
    std::string host;
    std::string check_id;
    std::string title;
    Severity severity = Severity::medium;
    std::optional<Status> old_status;  // none: the check was not in the old report
    std::optional<Status> new_status;  // none: the check is not in the new report
    std::string old_observed;
    std::string new_observed;
};

struct HARDCHECK_API ReportDiff {
    std::vector<ResultChange> changes;  // in the new report's order, removed ones last
    bool has_regressions() const;
};

HARDCHECK_API ReportDiff diff_reports(const Report& old_report, const Report& new_report);
HARDCHECK_API void write_diff_text(std::ostream& out, const ReportDiff& diff);

}  // namespace hardcheck
