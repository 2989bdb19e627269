// The C ABI over the public C++ API.  No exception crosses this boundary.
#include "hardcheck.h"

#include <new>
#include <string>

#include "hardcheck/baseline.hpp"
#include "hardcheck/evaluate.hpp"
#include "hardcheck/evidence.hpp"
#include "hardcheck/version.hpp"

struct hc_baseline {
    std::shared_ptr<const hardcheck::CompiledBaseline> compiled;
};
struct hc_bundle {
    hardcheck::HostEvidence host;
};
struct hc_run {
    std::vector<hardcheck::Result> results;
    std::vector<std::string> severities;
};

namespace {

struct ThreadError {
    hc_error view{HC_OK, "", nullptr, 0, 0};
    std::string message;
    std::string file;
};
thread_local ThreadError last_error;

int set_error(int code, std::string message, const hardcheck::SourceLocation* where = nullptr) {
    last_error.message = std::move(message);
    last_error.file = where ? where->file : std::string();
    last_error.view.code = code;
    last_error.view.message = last_error.message.c_str();
    last_error.view.file = where && !where->file.empty() ? last_error.file.c_str() : nullptr;
    last_error.view.line = where ? where->line : 0;
    last_error.view.column = where ? where->column : 0;
    return code;
}

template <typename F>
int guarded(F&& body) {
    try {
        set_error(HC_OK, "");
        return body();
    } catch (const hardcheck::InputError& e) {
        const auto& first = e.diagnostics().front();
        return set_error(HC_EINPUT, e.what(), &first.where);
    } catch (const std::bad_alloc&) {
        return set_error(HC_ENOMEM, "out of memory");
    } catch (const std::exception& e) {
        return set_error(HC_EINTERNAL, std::string("internal error: ") + e.what());
    } catch (...) {
        return set_error(HC_EINTERNAL, "internal error");
    }
}

int null_argument(const char* name) { return set_error(HC_EINVAL, std::string(name) + " is NULL"); }

}  // namespace

extern "C" {

const char* hc_version(void) { return HARDCHECK_VERSION; }

const hc_error* hc_error_last(void) { return &last_error.view; }

int hc_baseline_load(hc_baseline** out, const char* path_or_id) {
    if (!out) return null_argument("out");
    *out = nullptr;
    if (!path_or_id) return null_argument("path_or_id");
    return guarded([&] {
        auto compiled = hardcheck::load_baseline(hardcheck::resolve_baseline(path_or_id));
        *out = new hc_baseline{std::move(compiled)};
        return HC_OK;
    });
}

void hc_baseline_free(hc_baseline* baseline) { delete baseline; }

int hc_bundle_load(hc_bundle** out, const char* directory, const hc_baseline* for_baseline) {
    if (!out) return null_argument("out");
    *out = nullptr;
    if (!directory) return null_argument("directory");
    return guarded([&] {
        const hardcheck::EvidenceNeeds* needs = for_baseline ? &for_baseline->compiled->needs : nullptr;
        *out = new hc_bundle{hardcheck::load_host(directory, needs)};
        return HC_OK;
    });
}

void hc_bundle_free(hc_bundle* bundle) { delete bundle; }

int hc_run_evaluate(hc_run** out, const hc_baseline* baseline, const hc_bundle* bundle) {
    if (!out) return null_argument("out");
    *out = nullptr;
    if (!baseline) return null_argument("baseline");
    if (!bundle) return null_argument("bundle");
    return guarded([&] {
        auto run = std::make_unique<hc_run>();
        run->results = hardcheck::evaluate(*baseline->compiled, bundle->host);
        for (const auto& r : run->results) run->severities.emplace_back(hardcheck::to_string(r.severity));
        *out = run.release();
        return HC_OK;
    });
}

int hc_run_result_count(size_t* out, const hc_run* run) {
    if (!out) return null_argument("out");
    if (!run) return null_argument("run");
    *out = run->results.size();
    return HC_OK;
}

int hc_run_result(hc_result* out, const hc_run* run, size_t index) {
    if (!out) return null_argument("out");
    if (!run) return null_argument("run");
    if (index >= run->results.size()) return set_error(HC_EINVAL, "result index out of range");
    const auto& r = run->results[index];
    out->host = r.host.c_str();
    out->check_id = r.check_id.c_str();
    out->title = r.title.c_str();
    out->severity = run->severities[index].c_str();
    out->status = static_cast<int>(r.status);
    out->observed = r.observed.c_str();
    out->expected = r.expected.c_str();
    out->message = r.message.c_str();
    out->evidence_file = nullptr;
    out->evidence_line = 0;
    for (const auto& e : r.evidence) {
        if (!e.where.file.empty()) {
            out->evidence_file = e.where.file.c_str();
            out->evidence_line = e.where.line;
            break;
        }
    }
    return HC_OK;
}

void hc_run_free(hc_run* run) { delete run; }

}  // extern "C"
