// `hardcheck diff OLD.json NEW.json`: regressions, fixes and changed observations
// between two JSON reports, per host.  Exit 1 when something regressed.
#include <functional>
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>

#include "hardcheck/report.hpp"

namespace hardcheck::cli {

namespace {

struct DiffOptions {
    std::string old_file;
    std::string new_file;
};

int run_diff(const DiffOptions& opts) {
    const auto old_report = read_json_report(opts.old_file);
    const auto new_report = read_json_report(opts.new_file);
    const auto diff = diff_reports(old_report, new_report);
    std::cout << "diff " << opts.old_file << " -> " << opts.new_file << '\n';
    write_diff_text(std::cout, diff);
    return diff.has_regressions() ? 1 : 0;
}

}  // namespace

void add_diff_command(CLI::App& app, std::function<int()>& action) {
    auto opts = std::make_shared<DiffOptions>();
    auto* cmd = app.add_subcommand("diff", "Compare two JSON reports: regressions, fixes, changed values");
    cmd->add_option("OLD", opts->old_file, "The earlier JSON report (hardcheck run -f json)")->required();
    cmd->add_option("NEW", opts->new_file, "The later JSON report")->required();
    cmd->footer("\nExit 1 when a check regressed (to fail, error or not_collected).\n");
    cmd->callback([&action, opts]() { action = [opts]() { return run_diff(*opts); }; });
}

}  // namespace hardcheck::cli
