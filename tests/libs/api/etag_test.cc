#include "libs/api/etag.h"

#include <cstdint>
#include <limits>
#include <string>

#include "gtest/gtest.h"
#include "tests/libs/api/invalid_field.h"

namespace airr::api {
namespace {

using ::airr::api::testing::IsInvalidField;

TEST(EtagTest, FormatsWeakQuotedBase36) {
  EXPECT_EQ(FormatEtag(0), "W/\"0\"");
  EXPECT_EQ(FormatEtag(1), "W/\"1\"");
  EXPECT_EQ(FormatEtag(35), "W/\"z\"");
  EXPECT_EQ(FormatEtag(1295), "W/\"zz\"");
  EXPECT_EQ(FormatEtag(1296), "W/\"100\"");
}

TEST(EtagTest, RoundTrips) {
  for (int64_t version :
       {int64_t{0}, int64_t{1}, int64_t{42}, int64_t{1} << 40, std::numeric_limits<int64_t>::max(),
        int64_t{-1}, std::numeric_limits<int64_t>::min()}) {
    auto parsed = ParseEtag(FormatEtag(version), "etag");
    ASSERT_TRUE(parsed.ok()) << version << ": " << parsed.status();
    EXPECT_EQ(*parsed, version);
  }
}

TEST(EtagTest, AcceptsStrongForm) {
  auto parsed = ParseEtag("\"zz\"", "etag");
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ(*parsed, 1295);
}

TEST(EtagTest, RejectsGarbage) {
  for (const std::string& etag :
       {std::string(""), std::string("1"), std::string("W/1"), std::string("W/\"\""),
        std::string("\"\""), std::string("W/\"1"), std::string("W/1\""), std::string("w/\"1\""),
        std::string("W/\"01\""), std::string("W/\"Z\""), std::string("W/\"-1\""),
        std::string("W/\" 1\""), std::string("W/\"1\" "), std::string("W/W/\"1\""),
        std::string("W/\"3w5e11264sgsg\""),  // 2^64
        std::string("W/\"zzzzzzzzzzzzzz\""), std::string("W/\"1\0\"", 6)}) {
    EXPECT_TRUE(IsInvalidField(ParseEtag(etag, "ai_system.etag").status(), "ai_system.etag",
                               "must be an etag returned by the server"))
        << etag;
  }
}

}  // namespace
}  // namespace airr::api
