// Version data files (baselines/versions/*.yaml) a check declares with
// `version_data:`: their "as of" date, for the data-age note on results, and the
// Windows cumulative update table the fact os_update_lag_days reads.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hardcheck/diagnostics.hpp"

namespace hardcheck::detail {

// One Windows cumulative update: CurrentBuild.UBR after installing it.
struct WindowsUpdate {
    std::uint64_t ubr = 0;
    std::string kb;
    std::string released;  // YYYY-MM-DD
    bool confirmed = true;
    SourceLocation where;
};

struct VersionData {
    std::string name;   // as the baseline wrote it
    std::string file;   // resolved path
    std::string as_of;  // YYYY-MM-DD
    SourceLocation as_of_where;
    // CurrentBuild -> its updates, lowest UBR first.
    std::map<std::uint64_t, std::vector<WindowsUpdate>> windows_updates;
};

// Reads one version data file; problems go to `errors` with the file's positions.
std::shared_ptr<const VersionData> load_version_data(const std::string& file, const std::string& name,
                                                     std::vector<Diagnostic>& errors);

// Days since 1970-01-01 of the date at the start of `text` (YYYY-MM-DD, an ISO 8601
// date-time is cut to its date); nullopt when it is not a real date.
std::optional<std::int64_t> day_number(std::string_view text);

}  // namespace hardcheck::detail
