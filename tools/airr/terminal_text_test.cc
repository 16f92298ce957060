#include "tools/airr/terminal_text.h"

#include "gtest/gtest.h"

namespace airr::cli {
namespace {

TEST(SanitizeForTerminalTest, ReplacesControlCharacters) {
  EXPECT_EQ(SanitizeForTerminal("a\x1b[31mred\x07"), "a [31mred ");
  EXPECT_EQ(SanitizeForTerminal("tab\there\r\nnext"), "tab here  next");
  EXPECT_EQ(SanitizeForTerminal("del\x7f c1\xc2\x9b"), "del  c1 ");
}

TEST(SanitizeForTerminalTest, CanKeepNewlines) {
  EXPECT_EQ(SanitizeForTerminal("one\ntwo\r", /*keep_newlines=*/true), "one\ntwo ");
}

TEST(SanitizeForTerminalTest, ReplacesBidiOverridesAndInvalidUtf8) {
  EXPECT_EQ(SanitizeForTerminal("a\u202Eb\u2066c"), "a b c");
  EXPECT_EQ(SanitizeForTerminal("x\xff\xc3y"), "x\uFFFD\uFFFDy");
  EXPECT_EQ(SanitizeForTerminal("\xc0\xaf"), "\uFFFD\uFFFD");  // overlong '/'
}

TEST(SanitizeForTerminalTest, KeepsPrintableUnicode) {
  EXPECT_EQ(SanitizeForTerminal("顧客対応ボット café"), "顧客対応ボット café");
}

TEST(DisplayWidthTest, CountsWideCharactersTwice) {
  EXPECT_EQ(DisplayWidth("abc"), 3);
  EXPECT_EQ(DisplayWidth("日本"), 4);
  EXPECT_EQ(DisplayWidth("ｶﾀｶﾅ"), 4);  // halfwidth katakana is narrow
  EXPECT_EQ(DisplayWidth("e\u0301"), 1);
}

TEST(TruncateToWidthTest, CutsWithAnEllipsis) {
  EXPECT_EQ(TruncateToWidth("short", 10), "short");
  EXPECT_EQ(TruncateToWidth("abcdefghij", 5), "abcd\u2026");
  EXPECT_EQ(TruncateToWidth("日本語テキスト", 6), "日本\u2026");
}

}  // namespace
}  // namespace airr::cli
