#include "tools/airr/args.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace airr::cli {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

using Kind = FlagSpec::Kind;

std::vector<FlagSpec> Specs() {
  return {
      {"owner", '\0', Kind::kValue, false, "OWNER", ""},
      {"display-name", '\0', Kind::kValue, false, "TEXT", ""},
      {"vendor", '\0', Kind::kValue, true, "VENDOR", ""},
      {"advanced", '\0', Kind::kBool, false, "", ""},
      {"output", 'o', Kind::kValue, false, "FORMAT", ""},
      {"addr", '\0', Kind::kValue, false, "HOST:PORT", ""},
  };
}

absl::StatusOr<ParsedArgs> Parse(std::vector<std::string> args,
                                 ParseMode mode = ParseMode::kInterspersed) {
  return ParseArgs(Specs(), args, mode);
}

TEST(ParseArgsTest, TakesValuesAfterSpaceOrEquals) {
  absl::StatusOr<ParsedArgs> parsed = Parse({"--owner", "ops", "--display-name=Support bot"});
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ(parsed->Get("owner"), "ops");
  EXPECT_EQ(parsed->Get("display-name"), "Support bot");
  EXPECT_FALSE(parsed->Has("vendor"));
  EXPECT_EQ(parsed->Get("vendor"), std::nullopt);
  EXPECT_THAT(parsed->GetAll("vendor"), IsEmpty());
}

TEST(ParseArgsTest, RepeatedFlagsAccumulateInOrder) {
  absl::StatusOr<ParsedArgs> parsed = Parse({"--vendor", "a", "--vendor=b", "--vendor", "c"});
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_THAT(parsed->GetAll("vendor"), ElementsAre("a", "b", "c"));
}

TEST(ParseArgsTest, AnEmptyValueIsKept) {
  absl::StatusOr<ParsedArgs> parsed = Parse({"--vendor=", "--owner", ""});
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_THAT(parsed->GetAll("vendor"), ElementsAre(""));
  EXPECT_EQ(parsed->Get("owner"), "");
}

TEST(ParseArgsTest, BooleanFlags) {
  absl::StatusOr<ParsedArgs> on = Parse({"--advanced"});
  ASSERT_TRUE(on.ok());
  EXPECT_TRUE(on->GetBool("advanced"));
  absl::StatusOr<ParsedArgs> off = Parse({"--advanced=false"});
  ASSERT_TRUE(off.ok());
  EXPECT_TRUE(off->Has("advanced"));
  EXPECT_FALSE(off->GetBool("advanced"));
  absl::StatusOr<ParsedArgs> yes = Parse({"--advanced=YES"});
  ASSERT_TRUE(yes.ok());
  EXPECT_TRUE(yes->GetBool("advanced"));
}

TEST(ParseArgsTest, BooleanFlagDoesNotConsumeTheNextArgument) {
  absl::StatusOr<ParsedArgs> parsed = Parse({"--advanced", "x"});
  ASSERT_TRUE(parsed.ok());
  EXPECT_TRUE(parsed->GetBool("advanced"));
  EXPECT_THAT(parsed->positional(), ElementsAre("x"));
}

TEST(ParseArgsTest, RejectsABadBooleanValue) {
  absl::StatusOr<ParsedArgs> parsed = Parse({"--advanced=maybe"});
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(parsed.status().message(), HasSubstr("--advanced=false"));
}

TEST(ParseArgsTest, RejectsUnknownFlags) {
  absl::StatusOr<ParsedArgs> parsed = Parse({"--ownr", "ops"});
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().message(), "unknown flag --ownr");
  EXPECT_EQ(Parse({"-x"}).status().message(), "unknown flag -x");
}

TEST(ParseArgsTest, RejectsAMissingValue) {
  absl::StatusOr<ParsedArgs> parsed = Parse({"--owner"});
  ASSERT_FALSE(parsed.ok());
  EXPECT_THAT(parsed.status().message(), HasSubstr("--owner needs a value (OWNER)"));
}

TEST(ParseArgsTest, RejectsAFlagWhereAValueIsExpected) {
  absl::StatusOr<ParsedArgs> parsed = Parse({"--display-name", "--owner", "ops"});
  ASSERT_FALSE(parsed.ok());
  EXPECT_THAT(parsed.status().message(), HasSubstr("--display-name=VALUE"));
}

TEST(ParseArgsTest, EqualsAndSingleDashAllowValuesThatLookLikeFlags) {
  absl::StatusOr<ParsedArgs> parsed = Parse({"--display-name=--odd", "--owner", "-"});
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ(parsed->Get("display-name"), "--odd");
  EXPECT_EQ(parsed->Get("owner"), "-");
}

TEST(ParseArgsTest, RejectsASingleValuedFlagGivenTwice) {
  absl::StatusOr<ParsedArgs> parsed = Parse({"--owner", "a", "--owner", "b"});
  ASSERT_FALSE(parsed.ok());
  EXPECT_THAT(parsed.status().message(), HasSubstr("--owner is given more than once"));
}

TEST(ParseArgsTest, ShortFlags) {
  absl::StatusOr<ParsedArgs> spaced = Parse({"-o", "json"});
  ASSERT_TRUE(spaced.ok());
  EXPECT_EQ(spaced->Get("output"), "json");
  absl::StatusOr<ParsedArgs> joined = Parse({"-o=json"});
  ASSERT_TRUE(joined.ok());
  EXPECT_EQ(joined->Get("output"), "json");
}

TEST(ParseArgsTest, PositionalsMayBeMixedWithFlags) {
  absl::StatusOr<ParsedArgs> parsed = Parse({"x", "-o", "json", "y", "-"});
  ASSERT_TRUE(parsed.ok());
  EXPECT_THAT(parsed->positional(), ElementsAre("x", "y", "-"));
}

TEST(ParseArgsTest, DoubleDashEndsTheFlags) {
  absl::StatusOr<ParsedArgs> parsed = Parse({"--owner", "a", "--", "--vendor", "-h"});
  ASSERT_TRUE(parsed.ok());
  EXPECT_FALSE(parsed->help());
  EXPECT_THAT(parsed->positional(), ElementsAre("--vendor", "-h"));
}

TEST(ParseArgsTest, StopAtPositionalKeepsTheRest) {
  absl::StatusOr<ParsedArgs> parsed =
      Parse({"--addr", "h:1", "systems", "list", "--all"}, ParseMode::kStopAtPositional);
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ(parsed->Get("addr"), "h:1");
  EXPECT_THAT(parsed->positional(), IsEmpty());
  EXPECT_THAT(parsed->rest(), ElementsAre("systems", "list", "--all"));
}

TEST(ParseArgsTest, HelpWinsOverMistakes) {
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"--help"}, {"-h"}, {"--bogus", "--help"}, {"-h", "--bogus"}, {"--owner", "--help"}}) {
    absl::StatusOr<ParsedArgs> parsed = Parse(args);
    ASSERT_TRUE(parsed.ok()) << parsed.status();
    EXPECT_TRUE(parsed->help());
  }
}

TEST(ParseArgsTest, ARequiredFlagMustBeGivenUnlessHelpIs) {
  std::vector<FlagSpec> specs = Specs();
  specs[0].required = true;
  absl::StatusOr<ParsedArgs> missing = ParseArgs(specs, {"--vendor", "v"});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().message(), "missing --owner OWNER");
  EXPECT_TRUE(ParseArgs(specs, {"--owner="}).ok());
  absl::StatusOr<ParsedArgs> help = ParseArgs(specs, {"--help"});
  ASSERT_TRUE(help.ok()) << help.status();
  EXPECT_TRUE(help->help());
}

TEST(ParseArgsTest, OverlayReplacesOnlyTheFlagsGivenLater) {
  absl::StatusOr<ParsedArgs> first = Parse({"-o", "json", "--addr", "a:1"});
  absl::StatusOr<ParsedArgs> later = Parse({"-o", "table"});
  ASSERT_TRUE(first.ok() && later.ok());
  first->Overlay(*later);
  EXPECT_EQ(first->Get("output"), "table");
  EXPECT_EQ(first->Get("addr"), "a:1");
  EXPECT_THAT(first->Names(), ElementsAre("addr", "output"));
}

}  // namespace
}  // namespace airr::cli
