// Format dispatch and atomic report files.
#include <cstdio>
#include <fstream>
#include <unistd.h>

#include <fmt/format.h>

#include "hardcheck/report.hpp"

namespace hardcheck {

std::vector<std::string> report_formats() { return {"text"}; }

void write_report(std::ostream& out, std::string_view format, const Report& report, const ReportOptions& options) {
    if (format == "text") {
        write_text(out, report, options);
        return;
    }
    throw InputError(Diagnostic{{}, fmt::format("unknown report format '{}'", format)});
}

void write_report_file(const std::filesystem::path& file, std::string_view format, const Report& report,
                       const ReportOptions& options) {
    // Write beside the target, then rename: readers never see a partial report and
    // a failure leaves nothing behind.
    const auto temp = std::filesystem::path(file).concat(fmt::format(".tmp.{}", ::getpid()));
    try {
        {
            std::ofstream out(temp, std::ios::binary | std::ios::trunc);
            if (!out) throw InputError(Diagnostic{{file.string(), 0, 0}, "cannot create report file"});
            write_report(out, format, report, options);
            out.flush();
            if (!out) throw InputError(Diagnostic{{file.string(), 0, 0}, "cannot write report file"});
        }
        std::filesystem::rename(temp, file);
    } catch (...) {
        std::error_code ec;
        std::filesystem::remove(temp, ec);
        throw;
    }
}

}  // namespace hardcheck
