// What the opaque C handles hold.  Each keeps the C views (hc_result, ...) next to
// the C++ values they point into, so borrowed strings live exactly as long as the
// handle.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "hardcheck.h"
#include "hardcheck/baseline.hpp"
#include "hardcheck/evaluate.hpp"
#include "hardcheck/evidence.hpp"
#include "hardcheck/report.hpp"

struct hc_baseline {
    std::shared_ptr<const hardcheck::CompiledBaseline> compiled;
    std::string file;
    hc_baseline_info info{};
};

struct hc_profile {
    hardcheck::Profile profile;
};

struct hc_bundle {
    hardcheck::HostEvidence host;
};

struct hc_run {
    hardcheck::Report report;  // one baseline, the results of one host
    std::vector<std::string> severities;
    std::vector<std::string> statuses;
    std::vector<std::string> waiver_states;
    std::vector<hc_result> views;
    std::vector<std::vector<hc_evidence>> evidence;
};
