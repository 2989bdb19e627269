// `hardcheck validate FILE...`: loads baselines and profiles and reports every
// problem as file:line:col; exit 2 when any file has one.
#include <fstream>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "hardcheck/baseline.hpp"
#include "hardcheck/evaluate.hpp"

namespace hardcheck::cli {

namespace {

constexpr int kExitBadInput = 2;

// A profile names itself with a top-level `profile:` key; anything else is read
// as a baseline (whose loader then reports what is wrong, with positions).
bool looks_like_profile(const std::string& file) {
    std::ifstream in(file);
    bool profile = false, checks = false;
    for (std::string line; std::getline(in, line);) {
        profile |= line.rfind("profile:", 0) == 0;
        checks |= line.rfind("checks:", 0) == 0 || line.rfind("include:", 0) == 0;
    }
    return profile && !checks;
}

int validate(const std::vector<std::string>& files) {
    int exit_code = 0;
    for (const auto& file : files) {
        try {
            if (looks_like_profile(file)) {
                const auto profile = hardcheck::load_profile(file);
                std::cout << file << ": ok (profile " << profile.id << ", " << profile.waivers.size() << " waivers)\n";
            } else {
                const auto baseline = hardcheck::load_baseline(file);
                std::cout << file << ": ok (baseline " << baseline->id << ", " << baseline->checks.size()
                          << " checks)\n";
            }
        } catch (const hardcheck::InputError& e) {
            for (const auto& d : e.diagnostics()) std::cerr << d.str() << '\n';
            exit_code = kExitBadInput;
        }
    }
    return exit_code;
}

}  // namespace

// Adds `validate` to `app`; when it is parsed, `action` runs it (as the other
// commands registered from their own files do).
void add_validate_command(CLI::App& app, std::function<int()>& action) {
    auto files = std::make_shared<std::vector<std::string>>();
    auto* cmd = app.add_subcommand("validate", "Check baseline and profile files; report every error");
    cmd->add_option("files", *files, "Baseline or profile YAML files")->required();
    cmd->footer("\nExample:\n  hardcheck validate baselines/*.yaml my-profile.yaml\n");
    cmd->callback([files, &action] { action = [files] { return validate(*files); }; });
}

}  // namespace hardcheck::cli
