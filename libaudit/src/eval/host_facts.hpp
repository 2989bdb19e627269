// Host facts for `fact:` leaves: host.yaml first, else derived from the evidence
// (CHECKS.md §0.3).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "hardcheck/evidence.hpp"

namespace hardcheck::detail {

struct FactValue {
    // present: `text`/`list` hold it; absent: the deciding evidence was exported and
    // shows no value; not_collected: nothing in the bundle can decide it;
    // damaged: the deciding evidence is there but unreadable.
    Presence presence = Presence::not_collected;
    std::string text;
    std::vector<std::string> list;
    bool is_list = false;
    SourceLocation where;
    std::string source;  // where the fact came from, for people ("host.yaml", a registry value)
};

FactValue host_fact(const HostEvidence& host, const std::string& name);

// "15.02.1748.043" -> "15.2.1748.43"; nullopt when not a dotted number.
std::optional<std::string> normalise_build(std::string_view text);

// "2013", "2016", "2019", "SE" for a normalised 15.x build; empty when unknown.
std::string exchange_line(std::string_view build);

}  // namespace hardcheck::detail
