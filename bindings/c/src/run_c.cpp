// The C ABI for runs: evaluation, options, results and their evidence.
#include <cstddef>
#include <cstring>
#include <memory>
#include <string>

#include "c_errors.hpp"
#include "handles.hpp"

using hc_detail::guarded;
using hc_detail::null_argument;
using hc_detail::set_error;

namespace {

// The baseline restricted to the requested checks, in baseline order; null when
// the options ask for all of them.
int select_checks(std::shared_ptr<const hardcheck::CompiledBaseline>& selected,
                  const hardcheck::CompiledBaseline& baseline, const hc_run_options& opts) {
    if (!opts.check_ids) {
        if (opts.check_id_count != 0) return null_argument("check_ids");
        return HC_OK;
    }
    std::vector<bool> wanted(baseline.checks.size(), false);
    for (std::size_t i = 0; i < opts.check_id_count; ++i) {
        if (!opts.check_ids[i]) return null_argument("check_ids[i]");
        const auto* check = baseline.find(opts.check_ids[i]);
        if (!check) return set_error(HC_EINVAL, "unknown check id '" + std::string(opts.check_ids[i]) + "'");
        wanted[static_cast<std::size_t>(check - baseline.checks.data())] = true;
    }
    auto copy = std::make_shared<hardcheck::CompiledBaseline>(baseline);
    copy->checks.clear();
    for (std::size_t i = 0; i < baseline.checks.size(); ++i)
        if (wanted[i]) copy->checks.push_back(baseline.checks[i]);
    selected = std::move(copy);
    return HC_OK;
}

// Builds the C views once, so that reading results never allocates.
void make_views(hc_run& run) {
    const auto& results = run.report.results;
    run.severities.reserve(results.size());
    run.statuses.reserve(results.size());
    run.waiver_states.reserve(results.size());
    run.views.reserve(results.size());
    run.evidence.reserve(results.size());
    for (const auto& r : results) {
        run.severities.emplace_back(hardcheck::to_string(r.severity));
        run.statuses.emplace_back(hardcheck::to_string(r.status));
        run.waiver_states.emplace_back(hardcheck::to_string(r.waiver_state));
        auto& items = run.evidence.emplace_back();
        for (const auto& e : r.evidence) {
            items.push_back(hc_evidence{e.where.file.empty() ? nullptr : e.where.file.c_str(), e.where.line,
                                        e.where.column, e.locator.c_str(), e.observed.c_str(),
                                        e.default_assumed ? 1 : 0});
        }
        hc_result v{};
        v.host = r.host.c_str();
        v.check_id = r.check_id.c_str();
        v.title = r.title.c_str();
        v.severity = run.severities.back().c_str();
        v.status = static_cast<int>(r.status);
        v.status_name = run.statuses.back().c_str();
        v.observed = r.observed.c_str();
        v.expected = r.expected.c_str();
        v.message = r.message.c_str();
        v.default_assumed = r.default_assumed ? 1 : 0;
        v.evidence_count = items.size();
        v.waiver_state = run.waiver_states.back().c_str();
        v.waiver_reason = r.waiver_reason.c_str();
        v.waiver_owner = r.waiver_owner.c_str();
        v.waiver_expires = r.waiver_expires.c_str();
        v.notes_count = r.notes.size();
        for (const auto& e : items) {
            if (e.file) {
                v.evidence_file = e.file;
                v.evidence_line = e.line;
                break;
            }
        }
        run.views.push_back(v);
    }
}

}  // namespace

extern "C" {

int hc_run_options_init(hc_run_options* opts, unsigned int version) {
    return guarded([&]() -> int {
        if (!opts) return null_argument("opts");
        if (version == 0 || version > HC_RUN_OPTIONS_VERSION)
            return set_error(HC_EVERSION, "unsupported hc_run_options version");
        // Write only the fields the caller's version has: a version-1 struct is
        // shorter than the current one, and writing past it corrupts their memory.
        hc_run_options defaults = HC_RUN_OPTIONS_INIT;
        defaults.version = version;
        const std::size_t size = version == 1 ? offsetof(hc_run_options, profile) : sizeof defaults;
        std::memcpy(opts, &defaults, size);
        return HC_OK;
    });
}

int hc_run_evaluate(hc_run** out, const hc_baseline* baseline, const hc_bundle* bundle, const hc_run_options* opts) {
    return guarded([&]() -> int {
        if (!out) return null_argument("out");
        *out = nullptr;
        if (!baseline) return null_argument("baseline");
        if (!bundle) return null_argument("bundle");
        const hc_run_options defaults = HC_RUN_OPTIONS_INIT;
        if (!opts) opts = &defaults;
        if (opts->version == 0 || opts->version > HC_RUN_OPTIONS_VERSION)
            return set_error(HC_EVERSION, "unsupported hc_run_options version");

        std::shared_ptr<const hardcheck::CompiledBaseline> selected;
        if (const int rc = select_checks(selected, *baseline->compiled, *opts); rc != HC_OK) return rc;
        const auto& compiled = selected ? *selected : *baseline->compiled;

        auto run = std::make_unique<hc_run>();
        run->report.baselines.push_back({compiled.id, compiled.title, compiled.version});
        hardcheck::EvaluateOptions eval;
        if (opts->version >= 2 && opts->profile) eval.profile = &opts->profile->profile;
        run->report.results = hardcheck::evaluate(compiled, bundle->host, eval);
        make_views(*run);
        *out = run.release();
        return HC_OK;
    });
}

int hc_run_result_count(size_t* out, const hc_run* run) {
    return guarded([&]() -> int {
        if (!out) return null_argument("out");
        if (!run) return null_argument("run");
        *out = run->views.size();
        return HC_OK;
    });
}

int hc_run_result(const hc_result** out, const hc_run* run, size_t index) {
    return guarded([&]() -> int {
        if (!out) return null_argument("out");
        *out = nullptr;
        if (!run) return null_argument("run");
        if (index >= run->views.size()) return set_error(HC_EINVAL, "result index out of range");
        *out = &run->views[index];
        return HC_OK;
    });
}

int hc_run_evidence(const hc_evidence** out, const hc_run* run, size_t result_index, size_t index) {
    return guarded([&]() -> int {
        if (!out) return null_argument("out");
        *out = nullptr;
        if (!run) return null_argument("run");
        if (result_index >= run->evidence.size()) return set_error(HC_EINVAL, "result index out of range");
        const auto& items = run->evidence[result_index];
        if (index >= items.size()) return set_error(HC_EINVAL, "evidence index out of range");
        *out = &items[index];
        return HC_OK;
    });
}

int hc_run_note(const char** out, const hc_run* run, size_t result_index, size_t index) {
    return guarded([&]() -> int {
        if (!out) return null_argument("out");
        *out = nullptr;
        if (!run) return null_argument("run");
        if (result_index >= run->report.results.size()) return set_error(HC_EINVAL, "result index out of range");
        const auto& notes = run->report.results[result_index].notes;
        if (index >= notes.size()) return set_error(HC_EINVAL, "note index out of range");
        *out = notes[index].c_str();
        return HC_OK;
    });
}

void hc_run_free(hc_run* run) { delete run; }

int hc_profile_load(hc_profile** out, const char* path) {
    return guarded([&]() -> int {
        if (!out) return null_argument("out");
        *out = nullptr;
        if (!path) return null_argument("path");
        *out = new hc_profile{hardcheck::load_profile(path)};
        return HC_OK;
    });
}

void hc_profile_free(hc_profile* profile) { delete profile; }

}  // extern "C"
