#include "libs/api/timestamps.h"

#include <cstdint>

#include "google/protobuf/util/time_util.h"

namespace airr::api {
namespace {

using google::protobuf::util::TimeUtil;

constexpr int32_t kMaxNanos = 999999999;

}  // namespace

bool IsValidTimestamp(const google::protobuf::Timestamp& ts) {
  return ts.seconds() >= TimeUtil::kTimestampMinSeconds &&
         ts.seconds() <= TimeUtil::kTimestampMaxSeconds && ts.nanos() >= 0 &&
         ts.nanos() <= kMaxNanos;
}

absl::Time TimeFromTimestamp(const google::protobuf::Timestamp& ts) {
  return absl::FromUnixSeconds(ts.seconds()) + absl::Nanoseconds(ts.nanos());
}

google::protobuf::Timestamp TimestampFromTime(absl::Time time) {
  google::protobuf::Timestamp ts;
  const absl::Time min = absl::FromUnixSeconds(TimeUtil::kTimestampMinSeconds);
  const absl::Time max =
      absl::FromUnixSeconds(TimeUtil::kTimestampMaxSeconds) + absl::Nanoseconds(kMaxNanos);
  if (time < min) {
    time = min;
  } else if (time > max) {
    time = max;
  }
  // ToUnixSeconds rounds toward the past, so the remainder is in [0s, 1s).
  const int64_t seconds = absl::ToUnixSeconds(time);
  ts.set_seconds(seconds);
  ts.set_nanos(
      static_cast<int32_t>(absl::ToInt64Nanoseconds(time - absl::FromUnixSeconds(seconds))));
  return ts;
}

}  // namespace airr::api
