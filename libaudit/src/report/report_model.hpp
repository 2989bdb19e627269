// What every reporter needs from a Report: hosts in order, results per host, the
// order of attention, check help, and the one place waiver details are read.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hardcheck/report.hpp"

namespace hardcheck::detail {

// Hosts in the order they first appear in the results.
std::vector<std::string> hosts_in_order(const std::vector<Result>& results);

using ResultRefs = std::vector<const Result*>;

// The results of each host, hosts in order of first appearance, results in
// report order.  One pass, so fleets of thousands of hosts stay linear.
struct HostResults {
    std::string host;
    ResultRefs results;
};
std::vector<HostResults> group_by_host(const std::vector<Result>& results);

// Counts per status, in the order of the Status enum.
std::vector<std::size_t> count_statuses(const ResultRefs& results);
ResultRefs refs_of(const std::vector<Result>& results);

// Lower is more urgent: fail, error, not_collected, manual, waived, not_applicable, pass.
int attention_rank(Status s);

// The report's tool version, or this library's when the report names none.
std::string tool_version(const Report& report);

// The check's description from the report's baselines, if it was given.
const CheckInfo* find_check(const Report& report, std::string_view check_id);

// Check ids in the order they first appear in the results.
std::vector<std::string> checks_in_order(const std::vector<Result>& results);

// "not collected" for Status::not_collected: the status in prose.
std::string status_words(Status s);

// Waiver details of a result, rendered by every format through this one view.
struct WaiverView {
    std::string state;    // applied, unused, expired
    std::string reason;
    std::string owner;
    std::string expires;  // YYYY-MM-DD
    std::string where;    // the waiver's file:line in the profile
};
std::optional<WaiverView> waiver_of(const Result& r);

// Why a result that neither passed nor failed was not decided: for JUnit's
// <skipped message> and SARIF notes.
std::string undecided_reason(const Result& r);

// The status name as JSON reports spell it, and back.
std::optional<Status> parse_status(std::string_view name);

// RFC 4122 name-based (version 5, SHA-1) UUID in hardcheck's namespace.
std::string uuid_v5(std::string_view name);
}  // namespace hardcheck::detail
