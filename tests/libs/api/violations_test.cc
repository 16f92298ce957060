#include "libs/api/violations.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "airr/api/testing/test_resource.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "libs/api/timestamps.h"
#include "libs/common/errors.h"

namespace airr::api {
namespace {

using ::airr::api::testing::RiskTier_IsValid;
using ::airr::api::testing::TestResource;
using ::testing::ElementsAre;
using ::testing::Field;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

auto Violation(const std::string& field, const std::string& rule_part) {
  return ::testing::AllOf(Field(&FieldViolation::field, field),
                          Field(&FieldViolation::description, HasSubstr(rule_part)));
}

std::vector<FieldViolation> Collected(Violations& v) {
  return FieldViolations(std::move(v).ToStatus());
}

TEST(ViolationsTest, EmptyIsOk) { EXPECT_TRUE(Violations("x").ToStatus().ok()); }

TEST(ViolationsTest, PrefixesPathsAndKeepsMergedOnes) {
  Violations v("ai_system");
  EXPECT_EQ(v.Path("owner"), "ai_system.owner");
  v.Add("owner", "is required");
  v.Merge(InvalidFields({{"ai_system.a", "r1"}, {"ai_system.b", "r2"}}));
  v.Merge(absl::OkStatus());
  const absl::Status status = std::move(v).ToStatus();
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ErrorReason(status), "FIELD_INVALID");
  EXPECT_THAT(FieldViolations(status),
              ElementsAre(Violation("ai_system.owner", "is required"),
                          Violation("ai_system.a", "r1"), Violation("ai_system.b", "r2")));
  EXPECT_EQ(Violations("").Path("owner"), "owner");
}

TEST(ViolationsTest, KeepsAnErrorThatIsNoFieldViolation) {
  Violations v("");
  v.Add("a", "r");
  v.Merge(absl::InternalError("boom"));
  v.Merge(absl::UnavailableError("second"));
  const absl::Status status = std::move(v).ToStatus();
  EXPECT_EQ(status.code(), absl::StatusCode::kInternal);
  EXPECT_EQ(status.message(), "boom");
}

TEST(ViolationsTest, KeepsAtMostTheLimit) {
  Violations v("", 3);
  EXPECT_FALSE(v.full());
  v.Add("a", "r");
  v.Merge(InvalidFields({{"b", "r"}, {"c", "r"}, {"d", "r"}}));
  EXPECT_TRUE(v.full());
  v.Add("e", "r");
  EXPECT_THAT(Collected(v),
              ElementsAre(Violation("a", ""), Violation("b", ""), Violation("c", "")));
}

TEST(RequireEnumTest, RequiresAKnownValue) {
  Violations v("r");
  RequireEnum(v, "tier", 0, RiskTier_IsValid);
  RequireEnum(v, "tier2", 99, RiskTier_IsValid);
  RequireEnum(v, "tier3", 2, RiskTier_IsValid);
  EXPECT_THAT(Collected(v), ElementsAre(Violation("r.tier", "is required"),
                                        Violation("r.tier2", "has unknown enum value 99")));
}

TEST(CheckOptionalEnumTest, AllowsUnsetRefusesUnknown) {
  Violations v("");
  CheckOptionalEnum(v, "a", 0, RiskTier_IsValid);
  CheckOptionalEnum(v, "b", 4, RiskTier_IsValid);
  CheckOptionalEnum(v, "c", -1, RiskTier_IsValid);
  EXPECT_THAT(Collected(v), ElementsAre(Violation("c", "has unknown enum value -1")));
}

TEST(CheckEnumListTest, ReportsEachBadEntryAtItsIndex) {
  TestResource r;
  r.add_tiers(testing::RISK_TIER_HIGH);
  r.add_tiers(testing::RISK_TIER_UNSPECIFIED);
  r.add_tiers(static_cast<testing::RiskTier>(42));
  r.add_tiers(testing::RISK_TIER_HIGH);
  r.add_tiers(testing::RISK_TIER_LIMITED);
  Violations v("x");
  CheckEnumList(v, "tiers", r.tiers(), 0, 10, RiskTier_IsValid);
  EXPECT_THAT(Collected(v), ElementsAre(Violation("x.tiers[1]", "must not be unspecified"),
                                        Violation("x.tiers[2]", "has unknown enum value 42"),
                                        Violation("x.tiers[3]", "must not repeat a value")));
}

TEST(CheckEnumListTest, CountsEntries) {
  TestResource r;
  Violations none("");
  CheckEnumList(none, "tiers", r.tiers(), 1, 2, RiskTier_IsValid);
  EXPECT_THAT(Collected(none), ElementsAre(Violation("tiers", "needs at least 1 entry")));
  for (int i = 0; i < 3; ++i) r.add_tiers(static_cast<testing::RiskTier>(99));
  Violations many("");
  CheckEnumList(many, "tiers", r.tiers(), 0, 2, RiskTier_IsValid);
  // Too many: the entries themselves are not looked at.
  EXPECT_THAT(Collected(many), ElementsAre(Violation("tiers", "at most 2 entries (got 3)")));
  Violations ok("");
  CheckEnumList(ok, "tiers", TestResource().tiers(), 0, 2, RiskTier_IsValid);
  EXPECT_THAT(Collected(ok), IsEmpty());
}

TEST(CheckTextListTest, ChecksCountAndEntries) {
  TestResource r;
  r.add_tags("ok");
  r.add_tags("");
  r.add_tags("four");
  r.add_tags("a\nb");
  Violations v("x");
  CheckTextList(v, "tags", r.tags(), 4, 3);
  EXPECT_THAT(Collected(v), ElementsAre(Violation("x.tags[1]", "must be 1 to 3"),
                                        Violation("x.tags[2]", "must be 1 to 3"),
                                        Violation("x.tags[3]", "control")));
  r.add_tags("five");
  Violations many("x");
  CheckTextList(many, "tags", r.tags(), 4, 3);
  EXPECT_THAT(Collected(many), ElementsAre(Violation("x.tags", "at most 4 entries (got 5)")));
}

TEST(CheckJurisdictionsTest, UpperCaseTwoLetterCodesOnceEach) {
  TestResource r;
  for (const char* code : {"JP", "EU", "jp", "JPN", "", "J1", "JP"}) r.add_tags(code);
  Violations v("");
  CheckJurisdictions(v, "jurisdictions", r.tags(), /*required=*/true);
  EXPECT_THAT(Collected(v), ElementsAre(Violation("jurisdictions[2]", "ISO 3166-1 alpha-2"),
                                        Violation("jurisdictions[3]", "ISO 3166-1 alpha-2"),
                                        Violation("jurisdictions[4]", "ISO 3166-1 alpha-2"),
                                        Violation("jurisdictions[5]", "ISO 3166-1 alpha-2"),
                                        Violation("jurisdictions[6]", "must not repeat")));
}

TEST(CheckJurisdictionsTest, EmptyOnlyWhenNotRequiredAndAtMostFifty) {
  Violations required("");
  CheckJurisdictions(required, "j", TestResource().tags(), true);
  EXPECT_THAT(Collected(required), ElementsAre(Violation("j", "needs at least one entry")));
  Violations optional("");
  CheckJurisdictions(optional, "j", TestResource().tags(), false);
  EXPECT_THAT(Collected(optional), IsEmpty());

  TestResource r;
  for (int i = 0; i < 51; ++i) {
    r.add_tags(std::string{static_cast<char>('A' + i / 26), static_cast<char>('A' + i % 26)});
  }
  Violations many("");
  CheckJurisdictions(many, "j", r.tags(), false);
  EXPECT_THAT(Collected(many), ElementsAre(Violation("j", "at most 50 entries (got 51)")));
  r.mutable_tags()->RemoveLast();
  Violations fifty("");
  CheckJurisdictions(fifty, "j", r.tags(), false);
  EXPECT_THAT(Collected(fifty), IsEmpty());
}

google::protobuf::Timestamp Raw(int64_t seconds, int32_t nanos) {
  google::protobuf::Timestamp ts;
  ts.set_seconds(seconds);
  ts.set_nanos(nanos);
  return ts;
}

TEST(CheckPastTimestampTest, ValidAndNotAfterNowPlusSkew) {
  const absl::Time now = absl::FromUnixSeconds(1767225600);
  const absl::Duration skew = absl::Minutes(5);
  Violations v("");
  EXPECT_TRUE(CheckPastTimestamp(v, "past", Raw(1767225600 - 3600, 0), now, skew));
  EXPECT_TRUE(CheckPastTimestamp(v, "edge", TimestampFromTime(now + skew), now, skew));
  EXPECT_TRUE(CheckPastTimestamp(v, "future", TimestampFromTime(now + skew + absl::Nanoseconds(1)),
                                 now, skew));
  EXPECT_FALSE(CheckPastTimestamp(v, "nanos", Raw(0, -1), now, skew));
  EXPECT_FALSE(CheckPastTimestamp(v, "huge", Raw(253402300800, 0), now, skew));
  EXPECT_THAT(Collected(v), ElementsAre(Violation("future", "must not be in the future"),
                                        Violation("nanos", "must be a valid timestamp"),
                                        Violation("huge", "must be a valid timestamp")));
}

}  // namespace
}  // namespace airr::api
