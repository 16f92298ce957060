#include "libs/api/timestamps.h"

#include <cstdint>

#include "gtest/gtest.h"

namespace airr::api {
namespace {

google::protobuf::Timestamp Raw(int64_t seconds, int32_t nanos) {
  google::protobuf::Timestamp ts;
  ts.set_seconds(seconds);
  ts.set_nanos(nanos);
  return ts;
}

constexpr int64_t kYear1 = -62135596800;        // 0001-01-01T00:00:00Z
constexpr int64_t kYear9999End = 253402300799;  // 9999-12-31T23:59:59Z

TEST(IsValidTimestampTest, RangeOfTimeUtil) {
  EXPECT_TRUE(IsValidTimestamp(Raw(0, 0)));
  EXPECT_TRUE(IsValidTimestamp(Raw(kYear1, 0)));
  EXPECT_TRUE(IsValidTimestamp(Raw(kYear9999End, 999999999)));
  EXPECT_TRUE(IsValidTimestamp(Raw(-1, 500)));
  EXPECT_FALSE(IsValidTimestamp(Raw(kYear1 - 1, 999999999)));
  EXPECT_FALSE(IsValidTimestamp(Raw(kYear9999End + 1, 0)));
  EXPECT_FALSE(IsValidTimestamp(Raw(0, -1)));
  EXPECT_FALSE(IsValidTimestamp(Raw(0, 1000000000)));
}

TEST(TimestampConversionTest, RoundTripsToTheNanosecond) {
  for (const auto& ts : {Raw(0, 0), Raw(1767225600, 123456789), Raw(-1, 999999999), Raw(kYear1, 1),
                         Raw(kYear9999End, 999999999)}) {
    const google::protobuf::Timestamp back = TimestampFromTime(TimeFromTimestamp(ts));
    EXPECT_EQ(back.seconds(), ts.seconds());
    EXPECT_EQ(back.nanos(), ts.nanos());
  }
  EXPECT_EQ(TimeFromTimestamp(Raw(1767225600, 5)),
            absl::FromUnixSeconds(1767225600) + absl::Nanoseconds(5));
}

TEST(TimestampConversionTest, BeforeTheEpochNanosStayPositive) {
  const google::protobuf::Timestamp ts =
      TimestampFromTime(absl::UnixEpoch() - absl::Milliseconds(1));
  EXPECT_EQ(ts.seconds(), -1);
  EXPECT_EQ(ts.nanos(), 999000000);
}

TEST(TimestampConversionTest, SaturatesOutsideTheRange) {
  const google::protobuf::Timestamp future = TimestampFromTime(absl::InfiniteFuture());
  EXPECT_EQ(future.seconds(), kYear9999End);
  EXPECT_EQ(future.nanos(), 999999999);
  const google::protobuf::Timestamp past = TimestampFromTime(absl::InfinitePast());
  EXPECT_EQ(past.seconds(), kYear1);
  EXPECT_EQ(past.nanos(), 0);
  EXPECT_TRUE(IsValidTimestamp(future));
  EXPECT_TRUE(IsValidTimestamp(past));
}

}  // namespace
}  // namespace airr::api
