// `hardcheck merge RESULT.json... [-f FORMAT] [-o FILE] [--fail-on SEVERITY]`: the
// JSON reports of the shards of one fleet run (docs/scaling.md) as one report.
// Built when the library has the JSON report reader (read_json_report).
#include <cstdint>
#include <functional>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "hardcheck/merge.hpp"
#include "hardcheck/report.hpp"

namespace hardcheck::cli {

namespace {

struct MergeOptions {
    std::vector<std::string> files;
    std::string format = "json";
    std::string output;
    std::string fail_on = "low";
    std::uint64_t max_results = Limits{}.max_results;
};

int merge(const MergeOptions& opts) {
    const auto threshold = parse_severity(opts.fail_on);
    if (!threshold) {
        std::cerr << "hardcheck: error: --fail-on must be one of critical, high, medium, low, info\n";
        return 2;
    }
    std::vector<Report> shards;
    for (const auto& f : opts.files) shards.push_back(read_json_report(f));
    const Report merged = merge_reports(std::move(shards), opts.files, opts.max_results);
    if (opts.output.empty())
        write_report(std::cout, opts.format, merged, ReportOptions{});
    else
        write_report_file(opts.output, opts.format, merged, ReportOptions{});
    // The same rule as `run`: an undecided check counts like a failure.
    for (const auto& r : merged.results)
        if ((r.status == Status::fail || r.status == Status::error) && r.severity >= *threshold) return 1;
    return 0;
}

}  // namespace

void add_merge_command(CLI::App& app, std::function<int()>& action) {
    auto opts = std::make_shared<MergeOptions>();
    auto* cmd = app.add_subcommand("merge", "Combine the JSON reports of shards of one run into one report");
    cmd->add_option("reports", opts->files, "JSON reports (hardcheck run -f json), in shard order")->required();
    cmd->add_option("-f,--format", opts->format, "Report format")
        ->check(CLI::IsMember(report_formats()))
        ->capture_default_str();
    cmd->add_option("-o,--output", opts->output, "Write the report to this file (atomically)");
    cmd->add_option("--fail-on", opts->fail_on, "Exit 1 when a check of this severity or higher fails")
        ->capture_default_str();
    cmd->add_option("--max-results", opts->max_results, "Refuse more results than this in all")->capture_default_str();
    cmd->footer("\nExample:\n  hardcheck merge shards/*.json -f html -o fleet.html\n");
    cmd->callback([opts, &action] { action = [opts] { return merge(*opts); }; });
}

}  // namespace hardcheck::cli
