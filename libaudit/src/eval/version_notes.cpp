// Data-age notes (CHECKS.md EXV): a result that rests on version data says when that
// data was more than kVersionDataMaxAgeDays old at collection time.  The age is
// measured against host.yaml's collected_at, never against the clock, so the same
// bundle gives the same report on any day; without collected_at the note says the
// age cannot be judged.
#include <fmt/format.h>

#include "baseline/version_data.hpp"
#include "eval/walk.hpp"

namespace hardcheck::detail {

std::vector<std::string> version_data_notes(const Check& check, const HostEvidence& host) {
    std::vector<std::string> notes;
    if (check.version_data.empty()) return notes;
    const auto stamp = host.facts.find("collected_at");
    // -1: unknown (a plain sentinel keeps GCC's maybe-uninitialized check quiet).
    const std::int64_t collected =
        stamp == host.facts.end() ? -1 : day_number(stamp->second).value_or(std::int64_t{-1});
    for (const auto& data : check.version_data) {
        if (!data) continue;
        const auto as_of = day_number(data->as_of);
        if (!as_of) continue;
        if (collected < 0) {
            notes.push_back(fmt::format("Version data {} is as of {}; the bundle has no collected_at, so its age at "
                                        "collection cannot be judged.",
                                        data->name, data->as_of));
        } else if (collected - *as_of > kVersionDataMaxAgeDays) {
            notes.push_back(fmt::format("Version data {} is as of {}, {} days before the collection ({}): builds and "
                                        "updates released since are unknown to this check; update the data.",
                                        data->name, data->as_of, collected - *as_of, stamp->second.substr(0, 10)));
        }
    }
    return notes;
}

}  // namespace hardcheck::detail
