// `hardcheck dump FILE...`: what hardcheck reads from evidence files, as JSON lines.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace hardcheck::cli {

class DumpCommand {
public:
    // Registers the `dump` subcommand on `app`.
    explicit DumpCommand(CLI::App& app);

    bool parsed() const { return command_->parsed(); }
    // 0 when every file was read without a problem; 2 when a file could not be read,
    // was not recognised, or had lines that were rejected (all reported on stderr).
    int run() const;

private:
    CLI::App* command_;
    std::vector<std::string> files_;
    bool summary_ = false;
    bool bundle_ = false;
};

}  // namespace hardcheck::cli
