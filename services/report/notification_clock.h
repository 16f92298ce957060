// Clock arithmetic of notification deadlines: adding a Period (hours, days, calendar months) to
// a clock start in UTC, and reading a Period as words for reasons and messages.
#pragma once

#include <string>

#include "absl/time/time.h"
#include "airr/report/v1/notifications.pb.h"

namespace airr::report {

// Returns `start` plus `period` in UTC: HOURS are exact hours; DAYS are N x 24 hours (no
// business-day roll-over); MONTHS keep the time of day and the day of the month N months later,
// clamped to the last day of a shorter month (31 January + 1 month = 28 or 29 February). An
// unspecified unit adds nothing. Infinite starts are returned unchanged. Thread-safe.
absl::Time AddPeriod(absl::Time start, const v1::Period& period);

// The period in words, e.g. "72 hours", "1 month". Thread-safe.
std::string DescribePeriod(const v1::Period& period);

}  // namespace airr::report
