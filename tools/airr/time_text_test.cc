// Tests of the durations and times the CLI reads and shows.
#include "tools/airr/time_text.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "google/protobuf/util/time_util.h"
#include "gtest/gtest.h"

namespace airr::cli {
namespace {

using ::testing::HasSubstr;

TEST(TimeTextTest, ParseDurationText) {
  struct Case {
    std::string text;
    absl::Duration want;
  };
  for (const Case& c : std::vector<Case>{
           {"45m", absl::Minutes(45)},
           {"2h", absl::Hours(2)},
           {"1h30m", absl::Minutes(90)},
           {"900s", absl::Seconds(900)},
           {"1d", absl::Hours(24)},
           {"365d", absl::Hours(24 * 365)},
           {"1d12h", absl::Hours(36)},
           {"0s", absl::ZeroDuration()},
           {"1.5h", absl::Minutes(90)},
       }) {
    absl::Duration got;
    ASSERT_TRUE(ParseDurationText(c.text, &got)) << c.text;
    EXPECT_EQ(got, c.want) << c.text;
  }
  for (const std::string bad : {"", "d", "-5m", "+5m", "5", "3w", "1d-2h", "xd", "inf", "1dd"}) {
    absl::Duration got;
    EXPECT_FALSE(ParseDurationText(bad, &got)) << bad;
  }
  EXPECT_THAT(std::string(ParseDurationFlag("soon", "--offset").status().message()),
              HasSubstr("--offset: \"soon\" is not a duration"));
}

TEST(TimeTextTest, FormatDurationShort) {
  EXPECT_EQ(FormatDurationShort(absl::Hours(8)), "8h00m");
  EXPECT_EQ(FormatDurationShort(absl::Hours(6) + absl::Minutes(10)), "6h10m");
  EXPECT_EQ(FormatDurationShort(absl::Minutes(45)), "45m");
  EXPECT_EQ(FormatDurationShort(absl::ZeroDuration()), "0m");
  EXPECT_EQ(FormatDurationShort(absl::Hours(26) + absl::Minutes(5)), "26h05m");
  EXPECT_EQ(FormatDurationShort(absl::Seconds(65)), "1m05s");
  EXPECT_EQ(FormatDurationShort(-absl::Minutes(15)), "-15m");
  google::protobuf::Duration proto;
  proto.set_seconds(5400);
  EXPECT_EQ(FormatDurationShort(proto), "1h30m");
  proto.set_seconds(365 * 86400);
  EXPECT_EQ(FormatDurationShort(proto), "365d");
  EXPECT_EQ(FormatDurationShort(absl::Hours(36)), "36h00m");
  EXPECT_EQ(FormatDurationShort(absl::Hours(24)), "1d");
  EXPECT_EQ(FormatDurationShort(-absl::Hours(72)), "-3d");
}

TEST(TimeTextTest, ToProtoDuration) {
  const google::protobuf::Duration proto = ToProtoDuration(absl::Milliseconds(1500));
  EXPECT_EQ(proto.seconds(), 1);
  EXPECT_EQ(proto.nanos(), 500000000);
  EXPECT_EQ(google::protobuf::util::TimeUtil::ToString(ToProtoDuration(absl::Minutes(-15))),
            "-900s");
}

}  // namespace
}  // namespace airr::cli
