#include "libs/api/filter_literals.h"

#include <optional>
#include <string>

#include "gtest/gtest.h"

namespace airr::api {
namespace {

TEST(ParseInt64LiteralTest, AcceptsAndNormalizes) {
  EXPECT_EQ(ParseInt64Literal("0"), "0");
  EXPECT_EQ(ParseInt64Literal("-42"), "-42");
  EXPECT_EQ(ParseInt64Literal("007"), "7");
  EXPECT_EQ(ParseInt64Literal("9223372036854775807"), "9223372036854775807");
  EXPECT_EQ(ParseInt64Literal("-9223372036854775808"), "-9223372036854775808");
}

TEST(ParseInt64LiteralTest, Rejects) {
  for (const char* text : {"", "-", "+1", " 1", "1 ", "1.0", "1e3", "0x10", "--1",
                           "9223372036854775808", "-9223372036854775809", "one"}) {
    EXPECT_EQ(ParseInt64Literal(text), std::nullopt) << text;
  }
}

TEST(ParseBoolLiteralTest, AcceptsAnyCase) {
  EXPECT_EQ(ParseBoolLiteral("true"), "true");
  EXPECT_EQ(ParseBoolLiteral("TRUE"), "true");
  EXPECT_EQ(ParseBoolLiteral("False"), "false");
  for (const char* text : {"", "1", "0", "yes", "t", "truee", " true"}) {
    EXPECT_EQ(ParseBoolLiteral(text), std::nullopt) << text;
  }
}

TEST(ParseTimestampLiteralTest, NormalizesToUtc) {
  struct Case {
    const char* text;
    const char* utc;
  };
  for (const Case& c : {Case{"2024-05-01T00:00:00Z", "2024-05-01T00:00:00Z"},
                        Case{"2024-05-01T02:30:00+02:00", "2024-05-01T00:30:00Z"},
                        Case{"2024-04-30T22:00:00-02:00", "2024-05-01T00:00:00Z"},
                        Case{"2024-05-01T00:00:00.123456Z", "2024-05-01T00:00:00.123456Z"},
                        Case{"2024-02-29T12:00:00Z", "2024-02-29T12:00:00Z"},
                        Case{"0001-01-01T00:00:00Z", "0001-01-01T00:00:00Z"},
                        Case{"9999-12-31T23:59:59Z", "9999-12-31T23:59:59Z"}}) {
    EXPECT_EQ(ParseTimestampLiteral(c.text), c.utc) << c.text;
  }
}

TEST(ParseTimestampLiteralTest, Rejects) {
  for (const char* text :
       {"", "2024-05-01", "2024-05-01T00:00:00", "2024-05-01 00:00:00Z", "2023-02-29T00:00:00Z",
        "2024-13-01T00:00:00Z", "2024-05-01T25:00:00Z", "infinite-future", "infinite-past",
        "+2024-05-01T00:00:00Z", "12024-05-01T00:00:00Z", "0000-12-31T23:00:00Z",
        "0001-01-01T00:30:00+01:00", "9999-12-31T23:30:00-01:00", "2024-05-01T00:00:00Zjunk", "now",
        "1714521600"}) {
    EXPECT_EQ(ParseTimestampLiteral(text), std::nullopt) << text;
  }
}

}  // namespace
}  // namespace airr::api
