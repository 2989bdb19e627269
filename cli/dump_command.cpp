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

void dump_xml(const std::string& file, bool summary, std::ostream& out, std::vector<Diagnostic>& problems) {
    dump_evidence_json(file, out, summary, problems);
}

constexpr DumpFormat kFormats[] = {
    {"reg", is_reg, dump_reg},
    {"clixml", looks_like_clixml, dump_xml},
    {"config", looks_like_config, dump_xml},
    {"events", looks_like_event_xml, dump_xml},
};

// "file:line:1" (or just "file" for line 0), built field by field: GCC 12 at -O3
// warns, wrongly, about the nested braced form.
Diagnostic diagnostic(const std::string& file, std::uint32_t line, std::string message) {
    Diagnostic d;
    d.where.file = file;
    d.where.line = line;
    d.where.column = line == 0 ? 0 : 1;
    d.message = std::move(message);
    return d;
}

// The first bytes of a file, or an error message.
bool read_prefix(const std::string& file, std::string& prefix, std::string& error) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        error = std::strerror(errno);
        return false;
    }
    prefix.resize(64 * 1024);  // an XML root may follow a long comment
    in.read(prefix.data(), static_cast<std::streamsize>(prefix.size()));
    prefix.resize(static_cast<std::size_t>(in.gcount()));
    return true;
}

}  // namespace

DumpCommand::DumpCommand(CLI::App& app) {
    command_ = app.add_subcommand("dump", "Print the evidence read from files as JSON lines");
    command_->add_option("files", files_, "Evidence files: registry exports, CLIXML, IIS/.NET config, event XML");
    command_->add_option("--bundle", bundle_, "Show what a host bundle holds and how each file was recognised");
    command_->add_flag("--summary", summary_, "One line per file with its counts instead of one per value");
    command_->footer(
        "\nOutput, one JSON object per line:\n"
        "  per value:  {\"file\",\"line\",\"key\",\"name\",\"type\",\"data\"}\n"
        "  --summary:  {\"file\",\"format\",\"encoding\",\"keys\",\"values\",\"deletions\",\"errors\"} for .reg,\n"
        "              {\"file\",\"format\",\"objects\",\"errors\"} for CLIXML, config and event files\n"
        "Example:\n  hardcheck dump --summary examples/bundles/exch01/schannel.reg\n");
}

int DumpCommand::run() const {
    if (!bundle_.empty()) {
        // The host's problems (unreadable files, links out of the bundle, bad lines)
        // are bad input like a bad file.
        std::vector<Diagnostic> problems;
        try {
            dump_bundle_json(bundle_, std::cout, &problems);
        } catch (const InputError& e) {
            problems.insert(problems.end(), e.diagnostics().begin(), e.diagnostics().end());
        }
        std::cout.flush();
        for (const auto& d : problems) std::cerr << d.str() << '\n';
        return problems.empty() ? 0 : kExitBadInput;
    }
    if (files_.empty()) {
        std::cerr << "hardcheck: error: dump needs FILE... or --bundle DIR\n";
        return kExitBadInput;
    }
    bool ok = true;
    for (const auto& file : files_) {
        std::string prefix, error;
        if (!read_prefix(file, prefix, error)) {
            std::cerr << diagnostic(file, 0, "cannot read file: " + error).str() << '\n';
            ok = false;
            continue;
        }
        if (prefix.empty() || prefix == "\xFF\xFE" || prefix == "\xEF\xBB\xBF") {
            std::cerr << diagnostic(file, 1, prefix.empty() ? "empty file" : "empty file (only a byte order mark)").str()
                      << '\n';
            ok = false;
            continue;
        }
        const DumpFormat* format = nullptr;
        for (const auto& f : kFormats)
            if (f.recognises(prefix)) format = &f;
        if (!format) {
            std::cerr << diagnostic(file, 1, "not a recognised evidence file (expected a registry export, CLIXML, IIS/.NET config or event XML)").str() << '\n';
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
