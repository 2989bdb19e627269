// The hardcheck command line: argument handling only; the work is in libhardcheck.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <glob.h>
#include <iostream>
#include <set>
#include <unistd.h>

#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "hardcheck/audit.hpp"
#include "dump_command.hpp"

#include "hardcheck/baseline.hpp"
#include "hardcheck/evaluate.hpp"
#include "hardcheck/evidence.hpp"
#include "hardcheck/report.hpp"
#include "hardcheck/version.hpp"

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
    std::string profile;
    std::vector<std::string> formats;  // -f and -o pair up in order
    std::vector<std::string> outputs;
    std::string fail_on = "low";
    std::string colour = "auto";
    bool verbose = false;
    bool timestamp = false;
    unsigned jobs = 0;
    std::uint64_t max_results = hardcheck::Limits{}.max_results;
};

bool want_colour(const std::string& mode) {
    if (mode == "always") return true;
    if (mode == "never") return false;
    const char* no_colour = std::getenv("NO_COLOR");
    return (no_colour == nullptr || *no_colour == '\0') && ::isatty(STDOUT_FILENO);
}

// -e arguments the shell did not expand (quoted, or from a file): a path that does
// not exist but has glob characters is expanded with glob(3), in sorted order.  A
// pattern that matches nothing is an error, like a missing directory.
std::vector<std::string> expand_bundle_patterns(const std::vector<std::string>& args) {
    std::vector<std::string> out;
    for (const auto& arg : args) {
        std::error_code ec;
        if (arg.find_first_of("*?[") == std::string::npos || std::filesystem::exists(arg, ec)) {
            out.push_back(arg);
            continue;
        }
        const std::size_t before = out.size();
        glob_t matches{};
        const int rc = ::glob(arg.c_str(), GLOB_ERR, nullptr, &matches);
        if (rc == 0)
            for (std::size_t i = 0; i < matches.gl_pathc; ++i)
                if (std::filesystem::is_directory(matches.gl_pathv[i], ec)) out.emplace_back(matches.gl_pathv[i]);
        ::globfree(&matches);
        if (rc == GLOB_NOMATCH || (rc == 0 && out.size() == before))
            throw InputError(Diagnostic{{arg, 0, 0}, "no bundle directory matches this pattern"});
        if (rc != 0 && rc != GLOB_NOMATCH) throw InputError(Diagnostic{{arg, 0, 0}, "cannot expand this pattern"});
    }
    return out;
}

// The same host named twice (a glob and its parent directory, say) is audited once,
// where it first appears.
std::vector<std::filesystem::path> without_repeats(std::vector<std::filesystem::path> hosts) {
    std::vector<std::filesystem::path> out;
    std::set<std::filesystem::path> seen;
    for (auto& h : hosts) {
        std::error_code ec;
        auto key = std::filesystem::weakly_canonical(h, ec);
        if (ec) key = h;
        if (seen.insert(key).second) out.push_back(std::move(h));
    }
    return out;
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
    Profile profile;
    EvaluateOptions eval_opts;
    if (!opts.profile.empty()) {
        profile = load_profile(opts.profile);
        eval_opts.profile = &profile;
        std::vector<const CompiledBaseline*> loaded;
        for (const auto& b : baselines) loaded.push_back(b.get());
        for (const auto& w : profile_warnings(profile, loaded)) std::cerr << w.where.str() << ": warning: " << w.message << '\n';
    }

    std::vector<std::filesystem::path> hosts;
    for (const auto& bundle : expand_bundle_patterns(opts.bundles)) {
        auto found = discover_hosts(bundle);
        hosts.insert(hosts.end(), found.begin(), found.end());
    }
    hosts = without_repeats(std::move(hosts));

    AuditOptions audit_options;
    audit_options.jobs = opts.jobs;
    audit_options.max_results = opts.max_results;
    audit_options.evaluate = eval_opts;
    const bool show_progress = ::isatty(STDERR_FILENO) && hosts.size() > 1;
    if (show_progress)
        audit_options.progress = [](std::size_t done, std::size_t total) {
            std::cerr << "\rhardcheck: " << done << "/" << total << " hosts" << (done == total ? "\n" : "")
                      << std::flush;
        };
    AuditOutcome outcome = audit_hosts(baselines, hosts, audit_options);
    for (const auto& host : outcome.problems)
        for (const auto& problem : host.problems) std::cerr << problem.str() << '\n';

    Report report;
    if (opts.timestamp) report.run_time = utc_timestamp_now();
    if (!opts.profile.empty()) report.profile = profile.id;
    for (const auto& b : baselines) report.baselines.push_back(baseline_info(*b));
    report.results = std::move(outcome.results);

    ReportOptions ropts;
    ropts.verbose = opts.verbose;
    write_report_files(outputs, report, ropts);
    for (const auto& o : outputs) {
        if (!o.file.empty()) continue;
        ropts.colour = o.format == "text" && want_colour(opts.colour);
        write_report(std::cout, o.format, report, ropts);
    }

    // An error is a check that could not be decided: a pipeline must not read it as
    // success, so it counts like a failure.
    for (const auto& r : report.results)
        if ((r.status == Status::fail || r.status == Status::error) && r.severity >= *threshold) return kExitFailed;
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
                        "Host bundle directory, a directory of host bundles, or a quoted glob (repeatable)")
        ->required();
    run_cmd->add_option("-p,--profile", run_opts.profile, "Profile file: selection, parameters, waivers");
    run_cmd->add_option("-f,--format", run_opts.formats, "Report format, default text (repeatable, paired with -o)")
        ->check(CLI::IsMember(hardcheck::report_formats()));
    run_cmd->add_option("-o,--output", run_opts.outputs, "Write the report to this file, atomically (repeatable)");
    run_cmd->add_option("--fail-on", run_opts.fail_on, "Exit 1 when a check of this severity or higher fails")
        ->capture_default_str();
    run_cmd->add_option("--color", run_opts.colour, "Colour: auto, always, never")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->capture_default_str();
    run_cmd->add_flag("-v,--verbose", run_opts.verbose, "Show passing checks and their evidence");
    run_cmd->add_option("-j,--jobs", run_opts.jobs, "Hosts audited in parallel (default: one per core)");
    run_cmd->add_option("--max-results", run_opts.max_results, "Refuse a run of more results (hosts x checks)")
        ->capture_default_str();
    run_cmd->add_flag("--timestamp", run_opts.timestamp, "Record the run time in reports (they then differ run to run)");
    run_cmd->footer("\nExample:\n  hardcheck run -b exchange-tls -e examples/bundles --verbose\n");

    auto* version_cmd = app.add_subcommand("version", "Print the version");
    std::function<int()> action;
    hardcheck::cli::add_catalogue_commands(app, action);
    hardcheck::cli::DumpCommand dump_cmd(app);
    hardcheck::cli::add_validate_command(app, action);
    hardcheck::cli::add_diff_command(app, action);
    hardcheck::cli::add_collect_command(app, action);
    hardcheck::cli::add_merge_command(app, action);

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
        if (dump_cmd.parsed()) return dump_cmd.run();
    } catch (const hardcheck::InputError& e) {
        for (const auto& d : e.diagnostics()) std::cerr << d.str() << '\n';
        return kExitBadInput;
    } catch (const std::exception& e) {
        std::cerr << "hardcheck: internal error: " << e.what() << '\n';
        return kExitInternal;
    }
    return kExitInternal;
}
