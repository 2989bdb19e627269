// Fleet checks (`scope: fleet`): each host is sampled by the worker that loaded it,
// so no host's evidence outlives its worker; the samples are then judged together,
// in host order, into one result for the run.  Private to the library.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "hardcheck/baseline.hpp"
#include "hardcheck/evaluate.hpp"

namespace hardcheck::detail {

// The host name of fleet results.  Parentheses cannot occur in a DNS host name, so
// it never names a real server.
inline constexpr std::string_view kFleetHost = "(fleet)";

// One `same_on_all_hosts` value on one host.
struct FleetRead {
    enum class State { value, not_collected, error };
    State state = State::value;
    std::string value;  // the effective value compared across hosts
    EvidenceRef ref;    // locator "HOST: source", observed as people read it
    std::string problem;
};

// One host's answer to one fleet check.
struct FleetSample {
    enum class Role { member, outside, undecided, error };
    std::string host;
    Role role = Role::error;
    std::string group;               // the group_by fact's value on a member
    Status test = Status::pass;      // the per-host `test` on a member
    std::string problem;             // why undecided, error, or the test did not pass
    std::vector<EvidenceRef> evidence;  // of applies_when or test, when they did not settle it
    std::vector<FleetRead> reads;    // one per same_on_all_hosts item, members only
};

FleetSample sample_fleet_check(const Check& check, const HostEvidence& host, const Profile* profile);
// A host whose bundle could not be read: it may or may not belong to the fleet.
FleetSample unreadable_fleet_sample(const std::string& host, const std::string& problem);

// One result (host kFleetHost) from every host's sample, in host order: the first
// host wins ties, so the result does not depend on which worker finished first.
Result judge_fleet_check(const Check& check, const std::vector<FleetSample>& samples);

}  // namespace hardcheck::detail
