// The hardcheck command line: argument handling only; the work is in libhardcheck.
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <unistd.h>

#include <CLI/CLI.hpp>

#include "hardcheck/baseline.hpp"
#include "hardcheck/evaluate.hpp"
#include "hardcheck/evidence.hpp"
#include "hardcheck/report.hpp"
#include "hardcheck/version.hpp"

// diff_command.cpp (on main this declaration belongs in cli/commands.hpp).
namespace hardcheck::cli {
void add_diff_command(CLI::App& app, std::function<int()>& action);
}

namespace {

using namespace hardcheck;

// Exit codes (DESIGN.md): 0 nothing failed at or above --fail-on, 1 something
// did, 2 bad usage or bad input, 3 internal error.
constexpr int kExitFailed = 1;
constexpr int kExitBadInput = 2;
constexpr int kExitInternal = 3;

struct RunOptions {
    std::vector<std::string> baselines;
    std::vector<std::string> bundles;
    std::vector<std::string> formats;  // -f and -o pair up in order
    std::vector<std::string> outputs;
    std::string fail_on = "low";
    std::string colour = "auto";
    bool verbose = false;
    bool timestamp = false;
};

bool want_colour(const std::string& mode) {
    if (mode == "always") return true;
    if (mode == "never") return false;
    const char* no_colour = std::getenv("NO_COLOR");
    return (no_colour == nullptr || *no_colour == '\0') && ::isatty(STDOUT_FILENO);
}

int run(const RunOptions& opts) {
    const auto outputs = pair_report_outputs(opts.formats, opts.outputs);
    const auto threshold = parse_severity(opts.fail_on);
    if (!threshold) {
        std::cerr << "hardcheck: error: --fail-on must be one of critical, high, medium, low, info\n";
        return kExitBadInput;
    }
    std::vector<std::shared_ptr<const CompiledBaseline>> baselines;
    for (const auto& b : opts.baselines) baselines.push_back(load_baseline(resolve_baseline(b)));

    // One interest set over every baseline, so readers skip the rest.
    EvidenceNeeds needs = EvidenceNeeds::none();
    for (const auto& b : baselines) needs.merge(b->needs);

    Report report;
    if (opts.timestamp) report.run_time = utc_timestamp_now();
    for (const auto& b : baselines) report.baselines.push_back(baseline_info(*b));
    for (const auto& bundle : opts.bundles) {
        for (const auto& dir : discover_hosts(bundle)) {
            const HostEvidence host = load_host(dir, &needs);
            for (const auto& problem : host.problems) std::cerr << problem.str() << '\n';
            for (const auto& b : baselines) {
                auto results = evaluate(*b, host);
                report.results.insert(report.results.end(), results.begin(), results.end());
            }
        }
    }

    ReportOptions ropts;
    ropts.verbose = opts.verbose;
    write_report_files(outputs, report, ropts);
    for (const auto& o : outputs) {
        if (!o.file.empty()) continue;
        ropts.colour = o.format == "text" && want_colour(opts.colour);
        write_report(std::cout, o.format, report, ropts);
    }

    for (const auto& r : report.results)
        if (r.status == Status::fail && r.severity >= *threshold) return kExitFailed;
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"hardcheck: offline hardening audit of Exchange Server and WSUS exports"};
    app.require_subcommand(1);
    app.set_version_flag("--version", std::string(hardcheck::version_string()));

    RunOptions run_opts;
    auto* run_cmd = app.add_subcommand("run", "Audit host bundles against baselines");
    run_cmd->add_option("-b,--baseline", run_opts.baselines, "Baseline file or built-in id (repeatable)")->required();
    run_cmd->add_option("-e,--evidence", run_opts.bundles,
                        "Host bundle directory, or a directory of host bundles (repeatable)")
        ->required();
    run_cmd->add_option("-f,--format", run_opts.formats, "Report format, default text (repeatable, paired with -o)")
        ->check(CLI::IsMember(hardcheck::report_formats()));
    run_cmd->add_option("-o,--output", run_opts.outputs, "Write the report to this file, atomically (repeatable)");
    run_cmd->add_option("--fail-on", run_opts.fail_on, "Exit 1 when a check of this severity or higher fails")
        ->capture_default_str();
    run_cmd->add_option("--color", run_opts.colour, "Colour: auto, always, never")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->capture_default_str();
    run_cmd->add_flag("-v,--verbose", run_opts.verbose, "Show passing checks and their evidence");
    run_cmd->add_flag("--timestamp", run_opts.timestamp, "Record the run time in reports (they then differ run to run)");
    run_cmd->footer("\nExample:\n  hardcheck run -b exchange-tls -e examples/bundles --verbose\n");

    auto* version_cmd = app.add_subcommand("version", "Print the version");
    std::function<int()> action;
    hardcheck::cli::add_diff_command(app, action);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? 0 : kExitBadInput;
    }

    try {
        if (version_cmd->parsed()) {
            std::cout << "hardcheck " << hardcheck::version_string() << '\n';
            return 0;
        }
        if (run_cmd->parsed()) return run(run_opts);
        if (action) return action();
    } catch (const hardcheck::InputError& e) {
        for (const auto& d : e.diagnostics()) std::cerr << d.str() << '\n';
        return kExitBadInput;
    } catch (const std::exception& e) {
        std::cerr << "hardcheck: internal error: " << e.what() << '\n';
        return kExitInternal;
    }
    return kExitInternal;
}
