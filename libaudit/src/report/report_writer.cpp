// Format dispatch, -f/-o pairing and atomic report files.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <unistd.h>

#include <fmt/format.h>

#include "hardcheck/report.hpp"

namespace hardcheck {

namespace {
// Usage errors have no file to point at; name the program instead.
const SourceLocation kUsage{"hardcheck", 0, 0};
}  // namespace

std::vector<std::string> report_formats() { return {"text", "json", "csv", "junit", "sarif", "html", "oscal"}; }

void write_report(std::ostream& out, std::string_view format, const Report& report, const ReportOptions& options) {
    if (format == "text") return write_text(out, report, options);
    if (format == "json") return write_json(out, report);
    if (format == "csv") return write_csv(out, report);
    if (format == "junit") return write_junit(out, report);
    if (format == "sarif") return write_sarif(out, report);
    if (format == "html") return write_html(out, report);
    if (format == "oscal") return write_oscal(out, report);
    throw InputError(Diagnostic{kUsage, fmt::format("unknown report format '{}'", format)});
}

std::vector<ReportOutput> pair_report_outputs(const std::vector<std::string>& formats,
                                              const std::vector<std::string>& files) {
    const auto known = report_formats();
    for (const auto& f : formats)
        if (std::find(known.begin(), known.end(), f) == known.end())
            throw InputError(Diagnostic{kUsage, fmt::format("unknown report format '{}'", f)});
    if (files.empty()) {
        if (formats.size() > 1)
            throw InputError(Diagnostic{kUsage, "several formats need one -o FILE each (-f json -o r.json -f html -o r.html)"});
        return {{formats.empty() ? "text" : formats.front(), {}}};
    }
    if (formats.empty() && files.size() == 1) return {{"text", files.front()}};
    if (formats.size() != files.size())
        throw InputError(Diagnostic{kUsage, fmt::format("{} formats but {} output files: give -f FORMAT -o FILE in pairs",
                                                    formats.size(), files.size())});
    std::vector<ReportOutput> outputs;
    for (std::size_t i = 0; i < formats.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j)
            if (files[j] == files[i])
                throw InputError(Diagnostic{{files[i], 0, 0}, "named as the output of two formats"});
        outputs.push_back({formats[i], files[i]});
    }
    return outputs;
}

namespace {

std::filesystem::path temp_of(const std::filesystem::path& file) {
    return std::filesystem::path(file).concat(fmt::format(".tmp.{}", ::getpid()));
}

void write_temp(const std::filesystem::path& file, const std::filesystem::path& temp, std::string_view format,
                const Report& report, const ReportOptions& options) {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) throw InputError(Diagnostic{{file.string(), 0, 0}, "cannot create report file"});
    write_report(out, format, report, options);
    out.flush();
    if (!out) throw InputError(Diagnostic{{file.string(), 0, 0}, "cannot write report file"});
}

}  // namespace

void write_report_files(const std::vector<ReportOutput>& outputs, const Report& report, const ReportOptions& options) {
    // Every report beside its target first, then the renames: readers never see a
    // partial report and a failure leaves nothing behind.
    std::vector<std::filesystem::path> temps;
    try {
        for (const auto& o : outputs) {
            if (o.file.empty()) continue;
            temps.push_back(temp_of(o.file));
            write_temp(o.file, temps.back(), o.format, report, options);
        }
        std::size_t i = 0;
        for (const auto& o : outputs) {
            if (o.file.empty()) continue;
            std::error_code ec;
            std::filesystem::rename(temps[i], o.file, ec);
            if (ec) throw InputError(Diagnostic{{o.file.string(), 0, 0}, "cannot write report file: " + ec.message()});
            ++i;
        }
    } catch (...) {
        for (const auto& t : temps) {
            std::error_code ec;
            std::filesystem::remove(t, ec);
        }
        throw;
    }
}

void write_report_file(const std::filesystem::path& file, std::string_view format, const Report& report,
                       const ReportOptions& options) {
    write_report_files({{std::string(format), file}}, report, options);
}

}  // namespace hardcheck
