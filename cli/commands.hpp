// Registration of the CLI's commands that live in their own files.  Each adds its
// subcommand to `app` and, when parsed, sets `action` to the code that runs it
// (returning the exit code).
#pragma once

#include <functional>

#include <CLI/CLI.hpp>

namespace hardcheck::cli {

// `list` and `explain`: what the checks of a baseline are.
void add_catalogue_commands(CLI::App& app, std::function<int()>& action);

// `validate`: baselines and profiles checked, every error reported.
void add_validate_command(CLI::App& app, std::function<int()>& action);

// `diff OLD.json NEW.json`: regressions and fixes between two JSON reports.
void add_diff_command(CLI::App& app, std::function<int()>& action);
// `collect-script`: the PowerShell script that gathers a baseline's evidence.
void add_collect_command(CLI::App& app, std::function<int()>& action);

// `merge`: shard reports (JSON) combined into one.
void add_merge_command(CLI::App& app, std::function<int()>& action);

}  // namespace hardcheck::cli
