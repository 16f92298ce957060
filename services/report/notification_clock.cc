#include "services/report/notification_clock.h"

#include <cstdint>

#include "absl/strings/str_cat.h"

namespace airr::report {

absl::Time AddPeriod(absl::Time start, const v1::Period& period) {
  if (start == absl::InfiniteFuture() || start == absl::InfinitePast()) {
    return start;
  }
  const int64_t amount = period.amount();
  switch (period.unit()) {
    case v1::PERIOD_UNIT_HOURS:
      return start + absl::Hours(amount);
    case v1::PERIOD_UNIT_DAYS:
      return start + absl::Hours(24 * amount);
    case v1::PERIOD_UNIT_MONTHS: {
      const absl::TimeZone utc = absl::UTCTimeZone();
      const absl::TimeZone::CivilInfo info = utc.At(start);
      const absl::CivilSecond cs = info.cs;
      // The first day of the target month, then the original day clamped to its length.
      const absl::CivilMonth target = absl::CivilMonth(cs) + amount;
      const absl::CivilDay last_day = absl::CivilDay(target + 1) - 1;
      const int day = cs.day() <= last_day.day() ? cs.day() : last_day.day();
      const absl::CivilSecond end(target.year(), target.month(), day, cs.hour(), cs.minute(),
                                  cs.second());
      // Keep the sub-second part of the start.
      return utc.At(end).pre + info.subsecond;
    }
    default:
      return start;
  }
}

std::string DescribePeriod(const v1::Period& period) {
  const int amount = period.amount();
  const char* unit = "";
  switch (period.unit()) {
    case v1::PERIOD_UNIT_HOURS:
      unit = amount == 1 ? "hour" : "hours";
      break;
    case v1::PERIOD_UNIT_DAYS:
      unit = amount == 1 ? "day" : "days";
      break;
    case v1::PERIOD_UNIT_MONTHS:
      unit = amount == 1 ? "month" : "months";
      break;
    default:
      unit = "units";
  }
  return absl::StrCat(amount, " ", unit);
}

}  // namespace airr::report
