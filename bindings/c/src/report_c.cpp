// The C ABI for reports: format names and writing to a file or a caller buffer.
#include <algorithm>
#include <cstring>
#include <sstream>
#include <string>
#include <vector>

#include "c_errors.hpp"
#include "handles.hpp"

using hc_detail::guarded;
using hc_detail::null_argument;
using hc_detail::set_error;

namespace {

// Copied once: the names handed out must outlive every call.
const std::vector<std::string>& format_names() {
    static const std::vector<std::string> names = hardcheck::report_formats();
    return names;
}

int check_format(const char* format) {
    if (!format) return null_argument("format");
    const auto& names = format_names();
    if (std::find(names.begin(), names.end(), format) != names.end()) return HC_OK;
    std::string known;
    for (const auto& n : names) known += (known.empty() ? "" : ", ") + n;
    return set_error(HC_EINVAL, "unknown report format '" + std::string(format) + "' (known: " + known + ")");
}

int convert_options(hardcheck::ReportOptions& out, const hc_report_options* opts) {
    if (!opts) return HC_OK;
    if (opts->version == 0 || opts->version > HC_REPORT_OPTIONS_VERSION)
        return set_error(HC_EVERSION, "unsupported hc_report_options version");
    out.verbose = opts->verbose != 0;
    out.colour = opts->colour != 0;
    return HC_OK;
}

}  // namespace

extern "C" {

int hc_report_format_count(size_t* out) {
    return guarded([&]() -> int {
        if (!out) return null_argument("out");
        *out = format_names().size();
        return HC_OK;
    });
}

int hc_report_format_name(const char** out, size_t index) {
    return guarded([&]() -> int {
        if (!out) return null_argument("out");
        *out = nullptr;
        const auto& names = format_names();
        if (index >= names.size()) return set_error(HC_EINVAL, "format index out of range");
        *out = names[index].c_str();
        return HC_OK;
    });
}

int hc_report_options_init(hc_report_options* opts, unsigned int version) {
    return guarded([&]() -> int {
        if (!opts) return null_argument("opts");
        if (version == 0 || version > HC_REPORT_OPTIONS_VERSION)
            return set_error(HC_EVERSION, "unsupported hc_report_options version");
        *opts = hc_report_options HC_REPORT_OPTIONS_INIT;
        return HC_OK;
    });
}

int hc_report_write_file(const hc_run* run, const char* format, const char* path, const hc_report_options* opts) {
    return guarded([&]() -> int {
        if (!run) return null_argument("run");
        if (!path) return null_argument("path");
        if (const int rc = check_format(format); rc != HC_OK) return rc;
        hardcheck::ReportOptions options;
        if (const int rc = convert_options(options, opts); rc != HC_OK) return rc;
        hardcheck::write_report_file(path, format, run->report, options);
        return HC_OK;
    });
}

int hc_report_write_buffer(char* buffer, size_t size, size_t* out_size, const hc_run* run, const char* format,
                           const hc_report_options* opts) {
    return guarded([&]() -> int {
        if (!out_size) return null_argument("out_size");
        *out_size = 0;
        if (!buffer && size != 0) return null_argument("buffer");
        if (buffer && size != 0) buffer[0] = '\0';
        if (!run) return null_argument("run");
        if (const int rc = check_format(format); rc != HC_OK) return rc;
        hardcheck::ReportOptions options;
        if (const int rc = convert_options(options, opts); rc != HC_OK) return rc;
        std::ostringstream text;
        hardcheck::write_report(text, format, run->report, options);
        const std::string report = std::move(text).str();
        *out_size = report.size();
        if (report.size() >= size) return set_error(HC_EBUFSIZE, "buffer too small for the report");
        std::memcpy(buffer, report.data(), report.size());
        buffer[report.size()] = '\0';
        return HC_OK;
    });
}

}  // extern "C"
