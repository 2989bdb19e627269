// `hardcheck collect-script -b BASELINE... [-o FILE]`: the PowerShell script that
// gathers exactly the evidence those baselines read (see hardcheck/collect_script.hpp).
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "hardcheck/baseline.hpp"
#include "hardcheck/collect_script.hpp"

namespace hardcheck::cli {

namespace {

struct CollectOptions {
    std::vector<std::string> baselines;
    std::string output;
};

// Written next to the target, then renamed: a half-written script is never run.
int write_script(const std::string& text, const std::string& output) {
    if (output.empty() || output == "-") {
        std::cout << text;
        return 0;
    }
    const std::filesystem::path target(output);
    std::filesystem::path temp = target;
    temp += ".tmp";
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        out << text;
        if (!out.flush()) {
            std::cerr << "hardcheck: error: cannot write " << temp.string() << '\n';
            std::remove(temp.string().c_str());
            return 2;
        }
    }
    std::error_code ec;
    std::filesystem::rename(temp, target, ec);
    if (ec) {
        std::cerr << "hardcheck: error: cannot write " << output << ": " << ec.message() << '\n';
        return 2;
    }
    return 0;
}

int collect(const CollectOptions& opts) {
    std::vector<std::shared_ptr<const CompiledBaseline>> loaded;
    std::vector<const CompiledBaseline*> baselines;
    for (const auto& b : opts.baselines) {
        loaded.push_back(load_baseline(resolve_baseline(b)));
        baselines.push_back(loaded.back().get());
    }
    return write_script(collect_script(baselines), opts.output);
}

}  // namespace

void add_collect_command(CLI::App& app, std::function<int()>& action) {
    auto opts = std::make_shared<CollectOptions>();
    auto* cmd = app.add_subcommand("collect-script",
                                   "Write the PowerShell script that collects the evidence baselines need");
    cmd->add_option("-b,--baseline", opts->baselines, "Baseline file or built-in id (repeatable)")->required();
    cmd->add_option("-o,--output", opts->output, "Write the script to this file (default: standard output)");
    cmd->footer(
        "\nExample:\n  hardcheck collect-script -b cisa-exchange-2025 -o collect.ps1\n"
        "  # on the server, elevated, in the Exchange Management Shell:\n"
        "  powershell -NoProfile -ExecutionPolicy Bypass -File collect.ps1 -OutputDirectory D:\\bundles\\EXCH01\n");
    cmd->callback([opts, &action] { action = [opts] { return collect(*opts); }; });
}

}  // namespace hardcheck::cli
