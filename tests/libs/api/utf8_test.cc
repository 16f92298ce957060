#include "libs/api/utf8.h"

#include <string>

#include "gtest/gtest.h"

namespace airr::api {
namespace {

struct Utf8Case {
  const char* name;
  std::string bytes;
  bool valid;
};

class Utf8Test : public ::testing::TestWithParam<Utf8Case> {};

TEST_P(Utf8Test, IsValidUtf8) { EXPECT_EQ(IsValidUtf8(GetParam().bytes), GetParam().valid); }

INSTANTIATE_TEST_SUITE_P(
    Cases, Utf8Test,
    ::testing::Values(
        Utf8Case{"Empty", "", true}, Utf8Case{"Ascii", "hello", true},
        Utf8Case{"TwoByte", "\xC3\xA9", true},                   // é
        Utf8Case{"ThreeByte", "\xE2\x82\xAC", true},             // €
        Utf8Case{"FourByteEmoji", "\xF0\x9F\x98\x80", true},     // 😀
        Utf8Case{"MaxScalar", "\xF4\x8F\xBF\xBF", true},         // U+10FFFF
        Utf8Case{"LastBeforeSurrogates", "\xED\x9F\xBF", true},  // U+D7FF
        Utf8Case{"FirstAfterSurrogates", "\xEE\x80\x80", true},  // U+E000
        Utf8Case{"EmbeddedNulIsUtf8", std::string("a\0b", 3), true},
        Utf8Case{"OverlongSlash2", "\xC0\xAF", false}, Utf8Case{"OverlongC1", "\xC1\xBF", false},
        Utf8Case{"OverlongNul3", "\xE0\x80\x80", false},
        Utf8Case{"Overlong3", "\xE0\x9F\xBF", false},
        Utf8Case{"Overlong4", "\xF0\x8F\xBF\xBF", false},
        Utf8Case{"SurrogateHigh", "\xED\xA0\x80", false},
        Utf8Case{"SurrogateLow", "\xED\xBF\xBF", false},
        Utf8Case{"AboveMax", "\xF4\x90\x80\x80", false},
        Utf8Case{"F5Lead", "\xF5\x80\x80\x80", false}, Utf8Case{"FFByte", "\xFF", false},
        Utf8Case{"LoneContinuation", "\x80", false}, Utf8Case{"TruncatedTwo", "\xC3", false},
        Utf8Case{"TruncatedFour", "\xF0\x9F\x98", false},
        Utf8Case{"TruncatedThenAscii",
                 "\xE2\x82"
                 "a",
                 false},
        Utf8Case{"BadContinuation", "\xC3\x28", false}),
    [](const ::testing::TestParamInfo<Utf8Case>& p) { return p.param.name; });

TEST(DecodeUtf8Test, DecodesAndAdvances) {
  const std::string text = "a\xC3\xA9\xF0\x9F\x98\x80";
  size_t pos = 0;
  char32_t cp = 0;
  ASSERT_TRUE(DecodeUtf8(text, &pos, &cp));
  EXPECT_EQ(cp, U'a');
  EXPECT_EQ(pos, 1u);
  ASSERT_TRUE(DecodeUtf8(text, &pos, &cp));
  EXPECT_EQ(cp, U'\u00E9');
  EXPECT_EQ(pos, 3u);
  ASSERT_TRUE(DecodeUtf8(text, &pos, &cp));
  EXPECT_EQ(cp, U'\U0001F600');
  EXPECT_EQ(pos, 7u);
}

TEST(DecodeUtf8Test, FailureLeavesPositionUnchanged) {
  const std::string text = "a\xED\xA0\x80";
  size_t pos = 1;
  char32_t cp = U'x';
  EXPECT_FALSE(DecodeUtf8(text, &pos, &cp));
  EXPECT_EQ(pos, 1u);
  EXPECT_EQ(cp, U'x');
}

}  // namespace
}  // namespace airr::api
