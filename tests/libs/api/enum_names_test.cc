#include "libs/api/enum_names.h"

#include <string>

#include "airr/api/testing/test_resource.pb.h"
#include "gtest/gtest.h"
#include "tests/libs/api/invalid_field.h"

namespace airr::api {
namespace {

using ::airr::api::testing::Color_descriptor;
using ::airr::api::testing::EUAIActCategory_descriptor;
using ::airr::api::testing::IsInvalidField;
using ::airr::api::testing::MLModelKind_descriptor;
using ::airr::api::testing::RiskTier_descriptor;

TEST(EnumValuePrefixTest, UpperSnakeOfTypeName) {
  EXPECT_EQ(EnumValuePrefix(*RiskTier_descriptor()), "RISK_TIER_");
  EXPECT_EQ(EnumValuePrefix(*EUAIActCategory_descriptor()), "EU_AI_ACT_CATEGORY_");
  EXPECT_EQ(EnumValuePrefix(*Color_descriptor()), "COLOR_");
  EXPECT_EQ(EnumValuePrefix(*MLModelKind_descriptor()), "ML_MODEL_KIND_");
}

TEST(ShortEnumNameTest, StripsPrefixWhenPresent) {
  EXPECT_EQ(ShortEnumName(*RiskTier_descriptor()->FindValueByName("RISK_TIER_HIGH")), "HIGH");
  EXPECT_EQ(ShortEnumName(*Color_descriptor()->FindValueByName("RED")), "RED");
}

TEST(AllowedEnumNamesTest, ListsShortNamesWithoutUnspecified) {
  EXPECT_EQ(AllowedEnumNames(*RiskTier_descriptor()), "MINIMAL, LIMITED, HIGH, PROHIBITED");
  EXPECT_EQ(AllowedEnumNames(*Color_descriptor()), "RED, GREEN");
}

TEST(ParseEnumNameTest, AcceptsFullAndShortNames) {
  struct Case {
    const google::protobuf::EnumDescriptor* type;
    const char* text;
    const char* full;
  };
  for (const Case& c :
       {Case{RiskTier_descriptor(), "RISK_TIER_HIGH", "RISK_TIER_HIGH"},
        Case{RiskTier_descriptor(), "HIGH", "RISK_TIER_HIGH"},
        Case{RiskTier_descriptor(), "high", "RISK_TIER_HIGH"},
        Case{RiskTier_descriptor(), "risk_tier_limited", "RISK_TIER_LIMITED"},
        Case{EUAIActCategory_descriptor(), "HIGH_RISK", "EU_AI_ACT_CATEGORY_HIGH_RISK"},
        Case{Color_descriptor(), "green", "GREEN"},
        Case{MLModelKind_descriptor(), "llm", "ML_MODEL_KIND_LLM"},
        Case{MLModelKind_descriptor(), "NONE", "ML_MODEL_KIND_NONE"}}) {
    auto full = ParseEnumName(*c.type, c.text, "risk_tier");
    ASSERT_TRUE(full.ok()) << c.text << ": " << full.status();
    EXPECT_EQ(*full, c.full);
  }
  auto value = ParseEnumValue(*RiskTier_descriptor(), "PROHIBITED", "risk_tier");
  ASSERT_TRUE(value.ok());
  EXPECT_EQ((*value)->number(), 4);
}

TEST(ParseEnumNameTest, RejectsUnknownAndUnspecified) {
  for (const std::string& text :
       {std::string(""), std::string("UNSPECIFIED"), std::string("RISK_TIER_UNSPECIFIED"),
        std::string("risk_tier_unspecified"), std::string("EXTREME"), std::string("RISK_TIER_"),
        std::string("TIER_HIGH"), std::string("HIGH "), std::string("3"),
        std::string("EU_AI_ACT_CATEGORY_GPAI")}) {
    EXPECT_TRUE(
        IsInvalidField(ParseEnumName(*RiskTier_descriptor(), text, "ai_system.risk_tier").status(),
                       "ai_system.risk_tier", "; allowed: MINIMAL, LIMITED, HIGH, PROHIBITED"))
        << text;
  }
  EXPECT_TRUE(IsInvalidField(ParseEnumName(*Color_descriptor(), "COLOR_UNSPECIFIED", "c").status(),
                             "c", "unknown Color value \"COLOR_UNSPECIFIED\""));
}

}  // namespace
}  // namespace airr::api
