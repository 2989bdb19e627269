#include "dump_command.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>

#include "hardcheck/dump.hpp"
#include "hardcheck/evidence.hpp"

namespace hardcheck::cli {

namespace {

constexpr int kExitBadInput = 2;

// One evidence format `dump` knows: recognised by content, never by file name.
struct DumpFormat {
    const char* name;
    bool (*recognises)(std::string_view first_bytes);
    void (*dump)(const std::string& file, bool summary, std::ostream& out, std::vector<Diagnostic>& problems);
};

bool is_reg(std::string_view first) {
    // Windows 3.x REGEDIT files are claimed too, so that the reader rejects them
    // with its own message.
    return looks_like_reg(first) || first.substr(0, first.find_first_of("\r\n")).starts_with("REGEDIT");
}

void dump_reg(const std::string& file, bool summary, std::ostream& out, std::vector<Diagnostic>& problems) {
    if (summary)
        out << reg_summary_json(file, summarize_reg_file(file, file, problems)) << '\n';
    else
        dump_reg_file(file, file, out, problems);
}

bool is_evidence_xml(std::string_view first) {
    return looks_like_clixml(first) || looks_like_config(first) || looks_like_event_xml(first);
}

void dump_xml(const std::string& file, bool summary, std::ostream& out, std::vector<Diagnostic>& problems) {
    dump_evidence_json(file, out, summary, problems);
}

constexpr DumpFormat kFormats[] = {
    {"reg", is_reg, dump_reg},
    {"xml", is_evidence_xml, dump_xml},
};

// A file holding only a byte order mark says nothing; name that, not the format.
bool only_bom(std::string_view prefix) { return prefix == "\xFF\xFE" || prefix == "\xEF\xBB\xBF"; }

// The first bytes of a file, or an error message.
bool read_prefix(const std::string& file, std::string& prefix, std::string& error) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        error = std::strerror(errno);
        return false;
    }
    prefix.resize(64 * 1024);  // enough to reach an XML root past a long comment
    in.read(prefix.data(), static_cast<std::streamsize>(prefix.size()));
    prefix.resize(static_cast<std::size_t>(in.gcount()));
    return true;
}

}  // namespace

DumpCommand::DumpCommand(CLI::App& app) {
    command_ = app.add_subcommand("dump", "Print the evidence read from files as JSON lines");
    command_->add_option("files", files_, "Evidence files (registry exports, CLIXML, config, events)")->required();
    command_->add_flag("--bundle", bundle_, "Each argument is a host bundle directory: the host and its files");
    command_->add_flag("--summary", summary_, "One line per file with its counts instead of one per value");
    command_->footer(
        "\nOutput, one JSON object per line:\n"
        "  per value:  {\"file\",\"line\",\"key\",\"name\",\"type\",\"data\"}\n"
        "  --summary:  {\"file\",\"format\",\"encoding\",\"keys\",\"values\",\"deletions\",\"errors\"}\n"
        "  --bundle:   {\"host\",\"directory\",\"collections\",...} then {\"file\",\"format\",\"read\"} per file\n"
        "Example:\n  hardcheck dump --summary examples/bundles/exch01/schannel.reg\n");
}

int DumpCommand::run() const {
    bool ok = true;
    for (const auto& file : files_) {
        if (bundle_) {
            std::vector<Diagnostic> problems;
            try {
                dump_bundle_json(file, std::cout, &problems);
            } catch (const InputError& e) {
                problems.insert(problems.end(), e.diagnostics().begin(), e.diagnostics().end());
            }
            std::cout.flush();
            for (const auto& d : problems) std::cerr << d.str() << '\n';
            ok = ok && problems.empty();
            continue;
        }
        std::string prefix, error;
        if (!read_prefix(file, prefix, error)) {
            std::cerr << Diagnostic{{file, 0, 0}, "cannot read file: " + error}.str() << '\n';
            ok = false;
            continue;
        }
        if (prefix.empty() || only_bom(prefix)) {
            std::cerr << Diagnostic{{file, 1, 1}, prefix.empty() ? "empty file" : "empty file (only a byte order mark)"}.str()
                      << '\n';
            ok = false;
            continue;
        }
        const DumpFormat* format = nullptr;
        for (const auto& f : kFormats)
            if (f.recognises(prefix)) format = &f;
        if (!format) {
            std::cerr << Diagnostic{{file, 1, 1}, "not a recognised evidence file (expected a registry export, CLIXML, "
                                                "configuration or event export)"}.str()
                      << '\n';
            ok = false;
            continue;
        }
        std::vector<Diagnostic> problems;
        try {
            format->dump(file, summary_, std::cout, problems);
        } catch (const InputError& e) {
            problems.insert(problems.end(), e.diagnostics().begin(), e.diagnostics().end());
        }
        std::cout.flush();
        for (const auto& d : problems) std::cerr << d.str() << '\n';
        ok = ok && problems.empty();
    }
    return ok ? 0 : kExitBadInput;
}

}  // namespace hardcheck::cli
