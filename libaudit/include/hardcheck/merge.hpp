// `hardcheck merge`: the reports of shards of one fleet run, combined into one.
#pragma once

#include <string>
#include <vector>

#include "hardcheck/export.hpp"
#include "hardcheck/limits.hpp"
#include "hardcheck/report.hpp"

namespace hardcheck {

// Combines shard reports, given in shard order, into one report: the first
// shard's report with every later shard's results appended.  Shards must come from
// the same baselines (id and version); a host may be in one shard only, since a host
// audited twice would be counted twice.  Either mistake throws InputError naming
// the shard (`names[i]`, the file it was read from).  More than `max_results` results
// in all is refused too.
HARDCHECK_API Report merge_reports(std::vector<Report> shards, const std::vector<std::string>& names,
                                   std::uint64_t max_results = Limits{}.max_results);

}  // namespace hardcheck
