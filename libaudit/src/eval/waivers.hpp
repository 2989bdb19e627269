// Profiles at evaluation time: which checks run, and what waivers do to results.
#pragma once

#include <string>

#include "hardcheck/evaluate.hpp"

namespace hardcheck::detail {

// Sets the result's waiver fields from the first waiver naming its check and host
// (a current one before an expired one), and turns a covered fail into waived.
void apply_waivers(const Profile& profile, const std::string& today, Result& result);

// Today's date in UTC, YYYY-MM-DD.
std::string today_utc();

// YYYY-MM-DD with a real month and day.
bool valid_date(std::string_view text);

}  // namespace hardcheck::detail
