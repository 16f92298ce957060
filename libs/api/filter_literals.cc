#include "libs/api/filter_literals.h"

#include <algorithm>
#include <cstdint>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"

namespace airr::api {

std::optional<std::string> ParseInt64Literal(absl::string_view text) {
  absl::string_view digits = text;
  if (!digits.empty() && digits.front() == '-') {
    digits.remove_prefix(1);
  }
  // absl::SimpleAtoi alone would also take blanks and '+'.
  int64_t number;
  if (digits.empty() || !std::all_of(digits.begin(), digits.end(), absl::ascii_isdigit) ||
      !absl::SimpleAtoi(text, &number)) {
    return std::nullopt;
  }
  return absl::StrCat(number);
}

std::optional<std::string> ParseBoolLiteral(absl::string_view text) {
  if (absl::EqualsIgnoreCase(text, "true")) {
    return "true";
  }
  if (absl::EqualsIgnoreCase(text, "false")) {
    return "false";
  }
  return std::nullopt;
}

std::optional<std::string> ParseTimestampLiteral(absl::string_view text) {
  // absl::ParseTime also takes "infinite-future" and signed or 5+ digit years; require the plain
  // YYYY- start of RFC 3339.
  if (text.size() < 5 || !std::all_of(text.begin(), text.begin() + 4, absl::ascii_isdigit) ||
      text[4] != '-') {
    return std::nullopt;
  }
  absl::Time time;
  std::string error;
  if (!absl::ParseTime(absl::RFC3339_full, text, &time, &error)) {
    return std::nullopt;
  }
  // An offset can move 0001-01-01 or 9999-12-31 out of range once converted to UTC.
  const int64_t year = absl::ToCivilSecond(time, absl::UTCTimeZone()).year();
  if (year < 1 || year > 9999) {
    return std::nullopt;
  }
  return absl::FormatTime("%E4Y-%m-%dT%H:%M:%E*SZ", time, absl::UTCTimeZone());
}

}  // namespace airr::api
