#include "tools/airr/time_text.h"

#include <cstdint>
#include <cstdlib>

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "google/protobuf/util/time_util.h"

namespace airr::cli {
namespace {

constexpr int64_t kMaxDays = 100000;

}  // namespace

bool ParseDurationText(absl::string_view text, absl::Duration* duration) {
  absl::Duration total = absl::ZeroDuration();
  const size_t d = text.find('d');
  if (d != absl::string_view::npos) {
    int64_t days = 0;
    if (!absl::SimpleAtoi(text.substr(0, d), &days) || days < 0 || days > kMaxDays ||
        text.substr(0, d).find_first_not_of("0123456789") != absl::string_view::npos) {
      return false;
    }
    total = absl::Hours(24 * days);
    text.remove_prefix(d + 1);
    if (text.empty()) {
      *duration = total;
      return true;
    }
  }
  absl::Duration rest;
  if (text.empty() || text[0] == '-' || text[0] == '+' || !absl::ParseDuration(text, &rest) ||
      rest < absl::ZeroDuration() || rest == absl::InfiniteDuration() ||
      rest > absl::Hours(24 * kMaxDays)) {
    return false;
  }
  *duration = total + rest;
  return true;
}

absl::StatusOr<absl::Duration> ParseDurationFlag(const std::string& text, const std::string& flag) {
  absl::Duration duration;
  if (!ParseDurationText(text, &duration)) {
    return absl::InvalidArgumentError(
        absl::StrCat(flag, ": \"", text, "\" is not a duration such as 45m, 1h30m, 2h or 1d"));
  }
  return duration;
}

absl::StatusOr<google::protobuf::Timestamp> ParseTimeFlag(const std::string& text, absl::Time now,
                                                          const std::string& flag) {
  google::protobuf::Timestamp time;
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
    absl::Duration offset;
    if (!ParseDurationText(absl::string_view(text).substr(1), &offset)) {
      return absl::InvalidArgumentError(
          absl::StrCat(flag, ": \"", text, "\" is not a relative time such as +72h, +3d or -30m"));
    }
    const absl::Time at = text[0] == '+' ? now + offset : now - offset;
    time.set_seconds(absl::ToUnixSeconds(at));
    return time;
  }
  if (!google::protobuf::util::TimeUtil::FromString(text, &time)) {
    return absl::InvalidArgumentError(
        absl::StrCat(flag, ": \"", text,
                     "\" is not an RFC 3339 time such as 2026-11-23T10:00:00Z or a relative "
                     "time such as +72h"));
  }
  return time;
}

std::string FormatDurationShort(absl::Duration duration) {
  const bool negative = duration < absl::ZeroDuration();
  const int64_t total = std::llabs(absl::ToInt64Seconds(duration));
  const int64_t hours = total / 3600;
  const int64_t minutes = total % 3600 / 60;
  const int64_t seconds = total % 60;
  std::string out = negative ? "-" : "";
  if (total > 0 && total % 86400 == 0) {
    absl::StrAppend(&out, total / 86400, "d");
    return out;
  }
  if (hours > 0) {
    absl::StrAppendFormat(&out, "%dh%02dm", hours, minutes);
  } else {
    absl::StrAppendFormat(&out, "%dm", minutes);
  }
  if (seconds != 0) {
    absl::StrAppendFormat(&out, "%02ds", seconds);
  }
  return out;
}

std::string FormatDurationShort(const google::protobuf::Duration& duration) {
  return FormatDurationShort(FromProtoDuration(duration));
}

std::string FormatSignedDuration(const google::protobuf::Duration& duration) {
  const absl::Duration value = FromProtoDuration(duration);
  return absl::StrCat(value < absl::ZeroDuration() ? "" : "+", FormatDurationShort(value));
}

absl::Duration FromProtoDuration(const google::protobuf::Duration& duration) {
  return absl::Seconds(duration.seconds()) + absl::Nanoseconds(duration.nanos());
}

google::protobuf::Duration ToProtoDuration(absl::Duration duration) {
  google::protobuf::Duration out;
  const int64_t seconds = absl::IDivDuration(duration, absl::Seconds(1), &duration);
  out.set_seconds(seconds);
  out.set_nanos(static_cast<int32_t>(absl::ToInt64Nanoseconds(duration)));
  return out;
}

}  // namespace airr::cli
