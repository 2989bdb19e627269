// The C ABI over the public C++ API: version, statuses, baselines and bundles.
// Runs are in run_c.cpp, reports in report_c.cpp.
#include <array>
#include <memory>
#include <string>

#include "c_errors.hpp"
#include "handles.hpp"
#include "hardcheck/version.hpp"

using hc_detail::guarded;
using hc_detail::null_argument;
using hc_detail::set_error;

namespace {

hc_baseline* wrap_baseline(std::shared_ptr<const hardcheck::CompiledBaseline> compiled) {
    auto handle = std::make_unique<hc_baseline>();
    handle->compiled = std::move(compiled);
    const auto& b = *handle->compiled;
    handle->file = b.file.string();
    handle->info.id = b.id.c_str();
    handle->info.title = b.title.c_str();
    handle->info.version = b.version.c_str();
    handle->info.file = handle->file.c_str();
    handle->info.check_count = b.checks.size();
    return handle.release();
}

}  // namespace

extern "C" {

const char* hc_version(void) { return HARDCHECK_VERSION; }

int hc_version_numbers(int* major, int* minor, int* patch) {
    // The library's own numbers, which may differ from the header a caller used.
    if (major) *major = HC_VERSION_MAJOR;
    if (minor) *minor = HC_VERSION_MINOR;
    if (patch) *patch = HC_VERSION_PATCH;
    return hc_detail::succeed();
}

int hc_status_name(const char** out, int status) {
    return guarded([&]() -> int {
        if (!out) return null_argument("out");
        *out = nullptr;
        // The C++ names, copied once so that they are NUL-terminated C strings.
        static const std::array<std::string, 7> names = [] {
            std::array<std::string, 7> n;
            for (std::size_t i = 0; i < n.size(); ++i)
                n[i] = hardcheck::to_string(static_cast<hardcheck::Status>(i));
            return n;
        }();
        if (status < 0 || static_cast<std::size_t>(status) >= names.size())
            return set_error(HC_EINVAL, "unknown status");
        *out = names[static_cast<std::size_t>(status)].c_str();
        return HC_OK;
    });
}

int hc_baseline_load(hc_baseline** out, const char* path_or_id) {
    return guarded([&]() -> int {
        if (!out) return null_argument("out");
        *out = nullptr;
        if (!path_or_id) return null_argument("path_or_id");
        *out = wrap_baseline(hardcheck::load_baseline(hardcheck::resolve_baseline(path_or_id)));
        return HC_OK;
    });
}

int hc_baseline_load_buffer(hc_baseline** out, const char* yaml, size_t size, const char* name) {
    return guarded([&]() -> int {
        if (!out) return null_argument("out");
        *out = nullptr;
        if (!yaml && size != 0) return null_argument("yaml");
        const std::string_view text = yaml ? std::string_view(yaml, size) : std::string_view();
        *out = wrap_baseline(hardcheck::load_baseline_text(text, name ? name : "<memory>"));
        return HC_OK;
    });
}

int hc_baseline_info_get(const hc_baseline_info** out, const hc_baseline* baseline) {
    return guarded([&]() -> int {
        if (!out) return null_argument("out");
        *out = nullptr;
        if (!baseline) return null_argument("baseline");
        *out = &baseline->info;
        return HC_OK;
    });
}

void hc_baseline_free(hc_baseline* baseline) { delete baseline; }

int hc_bundle_load(hc_bundle** out, const char* directory, const hc_baseline* for_baseline) {
    return guarded([&]() -> int {
        if (!out) return null_argument("out");
        *out = nullptr;
        if (!directory) return null_argument("directory");
        const hardcheck::EvidenceNeeds* needs = for_baseline ? &for_baseline->compiled->needs : nullptr;
        *out = new hc_bundle{hardcheck::load_host(directory, needs)};
        return HC_OK;
    });
}

int hc_bundle_host(const char** out, const hc_bundle* bundle) {
    return guarded([&]() -> int {
        if (!out) return null_argument("out");
        *out = nullptr;
        if (!bundle) return null_argument("bundle");
        *out = bundle->host.host.c_str();
        return HC_OK;
    });
}

void hc_bundle_free(hc_bundle* bundle) { delete bundle; }

}  // extern "C"

// The header's version macros must follow the project version in CMakeLists.txt.
static_assert(std::string_view(HC_VERSION) == HARDCHECK_VERSION, "update HC_VERSION* in hardcheck.h");
