// Finding built-in baselines by id: next to the installed binary, in the
// directories of HARDCHECK_BASELINE_PATH, and in the source tree of this build.
#include <cstdlib>
#include <unistd.h>

#include <fmt/format.h>

#include "hardcheck/baseline.hpp"

namespace hardcheck {

namespace fs = std::filesystem;

std::vector<fs::path> builtin_baseline_dirs() {
    std::vector<fs::path> dirs;
    if (const char* env = std::getenv("HARDCHECK_BASELINE_PATH")) {
        std::string_view list = env;
        while (!list.empty()) {
            const auto colon = list.find(':');
            if (auto item = list.substr(0, colon); !item.empty()) dirs.emplace_back(item);
            list = colon == std::string_view::npos ? std::string_view{} : list.substr(colon + 1);
        }
    }
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) dirs.push_back(exe.parent_path().parent_path() / "share" / "hardcheck" / "baselines");
#ifdef HARDCHECK_SOURCE_BASELINES
    dirs.emplace_back(HARDCHECK_SOURCE_BASELINES);
#endif
    return dirs;
}

fs::path resolve_baseline(std::string_view id_or_path) {
    std::error_code ec;
    const fs::path as_path(id_or_path);
    if (fs::is_regular_file(as_path, ec)) return as_path;
    const bool looks_like_path = id_or_path.find('/') != std::string_view::npos || as_path.has_extension();
    if (!looks_like_path) {
        for (const auto& dir : builtin_baseline_dirs()) {
            const fs::path candidate = dir / fmt::format("{}.yaml", id_or_path);
            if (fs::is_regular_file(candidate, ec)) return candidate;
        }
    }
    throw InputError(Diagnostic{{std::string(id_or_path), 0, 0},
                                looks_like_path ? "baseline file not found"
                                                : "no such baseline file or built-in baseline id"});
}

}  // namespace hardcheck
