#include "libs/api/quote.h"

#include <string>

#include "gtest/gtest.h"
#include "libs/api/utf8.h"

namespace airr::api {
namespace {

TEST(QuoteForMessageTest, QuotesAndEscapes) {
  EXPECT_EQ(QuoteForMessage("plain"), "\"plain\"");
  EXPECT_EQ(QuoteForMessage(""), "\"\"");
  EXPECT_EQ(QuoteForMessage("a\"b\\c"), "\"a\\\"b\\\\c\"");
  EXPECT_EQ(QuoteForMessage("l1\nl2\t\r"), "\"l1\\nl2\\t\\r\"");
  EXPECT_EQ(QuoteForMessage(std::string("a\0b", 3)), "\"a\\u0000b\"");
  EXPECT_EQ(QuoteForMessage("\xC2\x85"), "\"\\u0085\"");  // C1 NEL
  EXPECT_EQ(QuoteForMessage("\x7F"), "\"\\u007F\"");
}

TEST(QuoteForMessageTest, KeepsValidUtf8AndEscapesInvalidBytes) {
  EXPECT_EQ(QuoteForMessage("caf\xC3\xA9 \xF0\x9F\x98\x80"), "\"caf\xC3\xA9 \xF0\x9F\x98\x80\"");
  const std::string quoted = QuoteForMessage("a\xFF\xC0\xAF");
  EXPECT_EQ(quoted, "\"a\\xFF\\xC0\\xAF\"");
  EXPECT_TRUE(IsValidUtf8(quoted));
}

TEST(QuoteForMessageTest, TruncatesByCodePoints) {
  EXPECT_EQ(QuoteForMessage("abcdef", 3), "\"abc...\"");
  EXPECT_EQ(QuoteForMessage("abc", 3), "\"abc\"");
  EXPECT_EQ(QuoteForMessage("\xF0\x9F\x98\x80\xF0\x9F\x98\x80", 1), "\"\xF0\x9F\x98\x80...\"");
  EXPECT_EQ(QuoteForMessage(std::string(1000, 'x')).size(), 64u + 2 + 3);
}

}  // namespace
}  // namespace airr::api
