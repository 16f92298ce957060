#include "tools/airr/enum_names.h"

#include "airr/inventory/v1/inventory_service.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace airr::cli {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

namespace inv = ::airr::inventory::v1;

TEST(EnumNamesTest, PrefixComesFromTheZeroValue) {
  EXPECT_EQ(EnumValuePrefix(*inv::ActorRole_descriptor()), "ACTOR_ROLE_");
  EXPECT_EQ(EnumValuePrefix(*inv::EuHighRiskArea_descriptor()), "EU_HIGH_RISK_AREA_");
}

TEST(EnumNamesTest, ShortNamesAreLowerCaseWithoutThePrefix) {
  EXPECT_EQ(ShortEnumName(*inv::LifecycleStage_descriptor(), inv::LIFECYCLE_STAGE_OPERATION),
            "operation");
  EXPECT_EQ(ShortEnumName(*inv::ActorRole_descriptor(), inv::ACTOR_ROLE_BUSINESS_USER),
            "business_user");
  EXPECT_EQ(ShortEnumName(*inv::RiskTier_descriptor(), 0), "unspecified");
  EXPECT_EQ(ShortEnumName(*inv::RiskTier_descriptor(), 42), "42");
}

TEST(EnumNamesTest, AllowedNamesLeaveOutUnspecified) {
  EXPECT_THAT(AllowedEnumNames(*inv::EuGpaiClass_descriptor()),
              ElementsAre("gpai", "gpai_systemic_risk"));
  EXPECT_THAT(AllowedEnumNames(*inv::HumanOversight_descriptor()),
              ElementsAre("in_the_loop", "on_the_loop", "in_command", "none"));
}

TEST(EnumNamesTest, ParsesShortUpperDashedAndFullNames) {
  const auto& roles = *inv::ActorRole_descriptor();
  for (const std::string text :
       {"business_user", "BUSINESS_USER", "business-user", "ACTOR_ROLE_BUSINESS_USER"}) {
    absl::StatusOr<int> number = ParseEnumName(roles, text, "--role");
    ASSERT_TRUE(number.ok()) << text << ": " << number.status();
    EXPECT_EQ(*number, inv::ACTOR_ROLE_BUSINESS_USER);
  }
}

TEST(EnumNamesTest, EmptyMeansUnset) {
  absl::StatusOr<int> number = ParseEnumName(*inv::RiskTier_descriptor(), "", "--tier");
  ASSERT_TRUE(number.ok());
  EXPECT_EQ(*number, 0);
}

TEST(EnumNamesTest, RejectsUnknownValuesListingTheAllowedOnes) {
  const auto& tiers = *inv::RiskTier_descriptor();
  for (const std::string text : {"extreme", "unspecified", "RISK_TIER_UNSPECIFIED"}) {
    absl::StatusOr<int> number = ParseEnumName(tiers, text, "--tier");
    ASSERT_FALSE(number.ok()) << text;
    EXPECT_EQ(number.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_EQ(number.status().message(),
              "--tier: unknown value \"" + text + "\"; allowed: low, medium, high, critical");
  }
  EXPECT_THAT(ParseEnumName(*inv::EuHighRiskArea_descriptor(), "x", "--eu-area").status().message(),
              HasSubstr("annex_i_product_safety, biometrics, critical_infrastructure"));
}

}  // namespace
}  // namespace airr::cli
