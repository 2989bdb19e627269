// Reports: renderings of Results.  Reporters see nothing but Results.
#pragma once

#include <filesystem>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "hardcheck/evaluate.hpp"
#include "hardcheck/export.hpp"

namespace hardcheck {

struct HARDCHECK_API BaselineInfo {
    std::string id;
    std::string title;
    std::string version;
};

struct HARDCHECK_API Report {
    std::vector<BaselineInfo> baselines;
    std::vector<Result> results;  // in host order, then check order
};

struct HARDCHECK_API ReportOptions {
    bool verbose = false;  // text: also list passes and evidence
    bool colour = false;   // text: ANSI colours
};

// Counts per status, in the order of the Status enum.
HARDCHECK_API std::vector<std::size_t> count_statuses(const std::vector<Result>& results);

HARDCHECK_API void write_text(std::ostream& out, const Report& report, const ReportOptions& options);

// Writes the report in `format` to `file` atomically (temporary file, then rename),
// so a failed run never leaves a partial report behind.
HARDCHECK_API void write_report_file(const std::filesystem::path& file, std::string_view format,
                                     const Report& report, const ReportOptions& options);
HARDCHECK_API void write_report(std::ostream& out, std::string_view format, const Report& report,
                                const ReportOptions& options);
HARDCHECK_API std::vector<std::string> report_formats();

}  // namespace hardcheck
