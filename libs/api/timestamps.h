// google.protobuf.Timestamp as users send it: whether a value is one protobuf defines (the range
// TimeUtil accepts), and conversions to and from absl::Time for comparing and defaulting times.
#pragma once

#include "absl/time/time.h"
#include "google/protobuf/timestamp.pb.h"

namespace airr::api {

// True when `ts` is a valid Timestamp: seconds within 0001-01-01T00:00:00Z to
// 9999-12-31T23:59:59Z (google::protobuf::util::TimeUtil's range) and nanos within 0 to
// 999,999,999. Thread-safe.
bool IsValidTimestamp(const google::protobuf::Timestamp& ts);

// The instant `ts` denotes. Exact for every valid Timestamp; for an invalid one (see
// IsValidTimestamp) the result is meaningless but defined. Thread-safe.
absl::Time TimeFromTimestamp(const google::protobuf::Timestamp& ts);

// `time` as a Timestamp, exact to the nanosecond (sub-nanosecond parts are dropped, rounding
// toward the past). Infinite times saturate to the valid range. Thread-safe.
google::protobuf::Timestamp TimestampFromTime(absl::Time time);

}  // namespace airr::api
