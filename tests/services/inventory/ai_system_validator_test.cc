// Table-driven tests of the AI-system rules: each case breaks one rule (or none) of a valid system
// or create request and names the field paths the validator must report, in any order.
#include "services/inventory/ai_system_validator.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "libs/common/errors.h"
#include "tests/testing/sample_ai_system.h"

namespace airr::inventory {
namespace {

namespace v1 = ::airr::inventory::v1;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAreArray;

// A system that satisfies every rule and uses no EU jurisdiction, with one upstream model and one
// vendor (the list cases below index past them).
v1::AiSystem ValidSystem() {
  v1::AiSystem s = airr::testing::SampleAiSystem();
  s.add_upstream_models("gpt-4o");
  s.add_vendors("OpenAI");
  return s;
}

// Makes `s` an EU system with a minimal-risk classification.
void MakeEu(v1::AiSystem& s, const std::string& code = "EU") {
  s.add_jurisdictions(code);
  s.mutable_eu_ai_act()->set_category(v1::EU_RISK_CATEGORY_MINIMAL);
}

std::vector<std::string> Fields(const absl::Status& status) {
  std::vector<std::string> fields;
  for (const auto& v : FieldViolations(status)) {
    fields.push_back(v.field);
  }
  return fields;
}

std::string Repeat(const std::string& unit, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) {
    out += unit;
  }
  return out;
}

struct SystemCase {
  std::string name;
  std::function<void(v1::AiSystem&)> mutate;
  // Expected violated field paths (empty: valid).
  std::vector<std::string> fields;
};

std::vector<SystemCase> SystemCases() {
  using S = v1::AiSystem;
  return {
      {"Valid", [](S&) {}, {}},
      {"ValidMinimal",
       [](S& s) {
         s.clear_description();
         s.clear_business_purpose();
         s.clear_accountable_officer();
         s.clear_upstream_models();
         s.clear_vendors();
         s.clear_labels();
       },
       {}},
      {"ValidEuMinimalRisk", [](S& s) { MakeEu(s); }, {}},
      {"ValidMemberStateHighRisk",
       [](S& s) {
         s.add_jurisdictions("DE");
         s.mutable_eu_ai_act()->set_category(v1::EU_RISK_CATEGORY_HIGH_RISK);
         s.mutable_eu_ai_act()->set_high_risk_area(v1::EU_HIGH_RISK_AREA_EMPLOYMENT);
         s.mutable_eu_ai_act()->set_gpai(v1::EU_GPAI_CLASS_GPAI_SYSTEMIC_RISK);
       },
       {}},
      {"ValidDisplayName200Multibyte", [](S& s) { s.set_display_name(Repeat("日", 200)); }, {}},
      {"ValidDataCategoryNoneAlone",
       [](S& s) {
         s.clear_data_categories();
         s.add_data_categories(v1::DATA_CATEGORY_NONE);
       },
       {}},
      {"ValidEveryActorRole",
       [](S& s) {
         s.add_actor_roles(v1::ACTOR_ROLE_DEVELOPER);
         s.add_actor_roles(v1::ACTOR_ROLE_BUSINESS_USER);
       },
       {}},
      {"ValidLabelKeyWithDigitsDashUnderscore",
       [](S& s) { (*s.mutable_labels())["a1_b-c"] = ""; },
       {}},
      {"Valid32Labels",
       [](S& s) {
         for (int i = 1; i < 32; ++i) (*s.mutable_labels())[absl::StrCat("k", i)] = "v";
       },
       {}},
      {"Valid50Vendors",
       [](S& s) {
         for (int i = 1; i < 50; ++i) s.add_vendors(absl::StrCat("vendor ", i));
       },
       {}},

      // Text fields.
      {"DisplayNameEmpty", [](S& s) { s.clear_display_name(); }, {"ai_system.display_name"}},
      {"DisplayName201",
       [](S& s) { s.set_display_name(std::string(201, 'x')); },
       {"ai_system.display_name"}},
      {"DisplayName201Multibyte",
       [](S& s) { s.set_display_name(Repeat("日", 201)); },
       {"ai_system.display_name"}},
      {"DisplayNameInvalidUtf8",
       [](S& s) { s.set_display_name("\xff\xfe"); },
       {"ai_system.display_name"}},
      {"DisplayNameNewline", [](S& s) { s.set_display_name("a\nb"); }, {"ai_system.display_name"}},
      {"DisplayNameNul",
       [](S& s) { s.set_display_name(std::string("a\0b", 3)); },
       {"ai_system.display_name"}},
      {"DisplayNameDel", [](S& s) { s.set_display_name("a\x7f"); }, {"ai_system.display_name"}},
      {"DisplayNameC1Control",
       [](S& s) { s.set_display_name("a\xc2\x85"); },
       {"ai_system.display_name"}},
      {"DescriptionTooLong",
       [](S& s) { s.set_description(std::string(10001, 'd')); },
       {"ai_system.description"}},
      {"DescriptionControl",
       [](S& s) { s.set_description("bell\x07"); },
       {"ai_system.description"}},
      {"BusinessPurposeTooLong",
       [](S& s) { s.set_business_purpose(std::string(2001, 'p')); },
       {"ai_system.business_purpose"}},
      {"OwnerEmpty", [](S& s) { s.clear_owner(); }, {"ai_system.owner"}},
      {"Owner201", [](S& s) { s.set_owner(std::string(201, 'o')); }, {"ai_system.owner"}},
      {"OwnerTab", [](S& s) { s.set_owner("a\tb"); }, {"ai_system.owner"}},
      {"AccountableOfficer201",
       [](S& s) { s.set_accountable_officer(std::string(201, 'a')); },
       {"ai_system.accountable_officer"}},

      // Enums.
      {"ActorRolesEmpty", [](S& s) { s.clear_actor_roles(); }, {"ai_system.actor_roles"}},
      {"ActorRolesUnspecified",
       [](S& s) { s.add_actor_roles(v1::ACTOR_ROLE_UNSPECIFIED); },
       {"ai_system.actor_roles[1]"}},
      {"ActorRolesUnknown999",
       [](S& s) { s.add_actor_roles(static_cast<v1::ActorRole>(999)); },
       {"ai_system.actor_roles[1]"}},
      {"ActorRolesDuplicate",
       [](S& s) { s.add_actor_roles(v1::ACTOR_ROLE_PROVIDER); },
       {"ai_system.actor_roles[1]"}},
      {"LifecycleStageUnspecified",
       [](S& s) { s.clear_lifecycle_stage(); },
       {"ai_system.lifecycle_stage"}},
      {"LifecycleStageUnknown999",
       [](S& s) { s.set_lifecycle_stage(static_cast<v1::LifecycleStage>(999)); },
       {"ai_system.lifecycle_stage"}},
      {"ModelTypeUnspecified", [](S& s) { s.clear_model_type(); }, {"ai_system.model_type"}},
      {"ModelTypeUnknown999",
       [](S& s) { s.set_model_type(static_cast<v1::ModelType>(999)); },
       {"ai_system.model_type"}},
      {"HumanOversightUnspecified",
       [](S& s) { s.clear_human_oversight(); },
       {"ai_system.human_oversight"}},
      {"HumanOversightUnknown999",
       [](S& s) { s.set_human_oversight(static_cast<v1::HumanOversight>(999)); },
       {"ai_system.human_oversight"}},
      {"RiskTierUnspecified", [](S& s) { s.clear_risk_tier(); }, {"ai_system.risk_tier"}},
      {"RiskTierUnknown999",
       [](S& s) { s.set_risk_tier(static_cast<v1::RiskTier>(999)); },
       {"ai_system.risk_tier"}},
      {"RiskTierNegative",
       [](S& s) { s.set_risk_tier(static_cast<v1::RiskTier>(-1)); },
       {"ai_system.risk_tier"}},

      // Data categories.
      {"DataCategoriesEmpty",
       [](S& s) { s.clear_data_categories(); },
       {"ai_system.data_categories"}},
      {"DataCategoryNoneWithPersonal",
       [](S& s) { s.add_data_categories(v1::DATA_CATEGORY_NONE); },
       {"ai_system.data_categories"}},
      {"DataCategoryNoneFirstWithHealth",
       [](S& s) {
         s.clear_data_categories();
         s.add_data_categories(v1::DATA_CATEGORY_NONE);
         s.add_data_categories(v1::DATA_CATEGORY_HEALTH);
       },
       {"ai_system.data_categories"}},
      {"DataCategoryUnknown999",
       [](S& s) { s.add_data_categories(static_cast<v1::DataCategory>(999)); },
       {"ai_system.data_categories[1]"}},
      {"DataCategoryDuplicate",
       [](S& s) { s.add_data_categories(v1::DATA_CATEGORY_PERSONAL); },
       {"ai_system.data_categories[1]"}},

      // Text lists.
      {"UpstreamModelEmptyEntry",
       [](S& s) { s.add_upstream_models(""); },
       {"ai_system.upstream_models[1]"}},
      {"UpstreamModelTooLong",
       [](S& s) { s.add_upstream_models(std::string(201, 'm')); },
       {"ai_system.upstream_models[1]"}},
      {"VendorControlChar", [](S& s) { s.add_vendors("bad\x01"); }, {"ai_system.vendors[1]"}},
      {"Vendors51",
       [](S& s) {
         for (int i = 0; i < 50; ++i) s.add_vendors(absl::StrCat("vendor ", i));
       },
       {"ai_system.vendors"}},

      // Jurisdictions.
      {"JurisdictionsEmpty", [](S& s) { s.clear_jurisdictions(); }, {"ai_system.jurisdictions"}},
      {"JurisdictionLowerCase",
       [](S& s) { s.set_jurisdictions(0, "jp"); },
       {"ai_system.jurisdictions[0]"}},
      {"JurisdictionThreeLetters",
       [](S& s) { s.add_jurisdictions("JPN"); },
       {"ai_system.jurisdictions[1]"}},
      {"JurisdictionEmptyCode",
       [](S& s) { s.add_jurisdictions(""); },
       {"ai_system.jurisdictions[1]"}},
      {"JurisdictionDuplicate",
       [](S& s) { s.add_jurisdictions("JP"); },
       {"ai_system.jurisdictions[1]"}},
      {"Jurisdictions51",
       [](S& s) {
         for (int i = 0; i < 50; ++i) {
           // XA..YX: well-formed, distinct, none of them the EU or a member state.
           s.add_jurisdictions(
               std::string{static_cast<char>('X' + i / 26), static_cast<char>('A' + i % 26)});
         }
       },
       {"ai_system.jurisdictions"}},

      // EU AI Act classification.
      {"EuWithoutClassification",
       [](S& s) { s.add_jurisdictions("EU"); },
       {"ai_system.eu_ai_act.category"}},
      {"MemberStateWithoutClassification",
       [](S& s) { s.add_jurisdictions("DE"); },
       {"ai_system.eu_ai_act.category"}},
      {"MemberStateOnlyWithoutClassification",
       [](S& s) { s.set_jurisdictions(0, "FR"); },
       {"ai_system.eu_ai_act.category"}},
      {"ClassificationOutsideEu",
       [](S& s) { s.mutable_eu_ai_act()->set_category(v1::EU_RISK_CATEGORY_MINIMAL); },
       {"ai_system.eu_ai_act"}},
      {"GpaiOnlyOutsideEu",
       [](S& s) { s.mutable_eu_ai_act()->set_gpai(v1::EU_GPAI_CLASS_GPAI); },
       {"ai_system.eu_ai_act"}},
      {"ClassificationForNonMemberGB",
       [](S& s) {
         s.set_jurisdictions(0, "GB");
         s.mutable_eu_ai_act()->set_category(v1::EU_RISK_CATEGORY_MINIMAL);
       },
       {"ai_system.eu_ai_act"}},
      {"EuCategoryUnknown999",
       [](S& s) {
         MakeEu(s);
         s.mutable_eu_ai_act()->set_category(static_cast<v1::EuRiskCategory>(999));
       },
       {"ai_system.eu_ai_act.category"}},
      {"HighRiskWithoutArea",
       [](S& s) {
         MakeEu(s);
         s.mutable_eu_ai_act()->set_category(v1::EU_RISK_CATEGORY_HIGH_RISK);
       },
       {"ai_system.eu_ai_act.high_risk_area"}},
      {"AreaWithoutHighRisk",
       [](S& s) {
         MakeEu(s);
         s.mutable_eu_ai_act()->set_high_risk_area(v1::EU_HIGH_RISK_AREA_BIOMETRICS);
       },
       {"ai_system.eu_ai_act.high_risk_area"}},
      {"HighRiskAreaUnknown999",
       [](S& s) {
         MakeEu(s);
         s.mutable_eu_ai_act()->set_category(v1::EU_RISK_CATEGORY_HIGH_RISK);
         s.mutable_eu_ai_act()->set_high_risk_area(static_cast<v1::EuHighRiskArea>(999));
       },
       {"ai_system.eu_ai_act.high_risk_area"}},
      {"GpaiUnknown999",
       [](S& s) {
         MakeEu(s);
         s.mutable_eu_ai_act()->set_gpai(static_cast<v1::EuGpaiClass>(999));
       },
       {"ai_system.eu_ai_act.gpai"}},

      // Labels.
      {"LabelKeyUpperCase",
       [](S& s) { (*s.mutable_labels())["Team"] = "x"; },
       {"ai_system.labels[\"Team\"]"}},
      {"LabelKeyEmpty", [](S& s) { (*s.mutable_labels())[""] = "x"; }, {"ai_system.labels[\"\"]"}},
      {"LabelKeyStartsWithDigit",
       [](S& s) { (*s.mutable_labels())["1team"] = "x"; },
       {"ai_system.labels[\"1team\"]"}},
      {"LabelKeyWithDot",
       [](S& s) { (*s.mutable_labels())["a.b"] = "x"; },
       {"ai_system.labels[\"a.b\"]"}},
      {"LabelKey64Chars",
       [](S& s) { (*s.mutable_labels())[std::string(64, 'k')] = "x"; },
       {absl::StrCat("ai_system.labels[\"", std::string(64, 'k'), "\"]")}},
      {"LabelValueTooLong",
       [](S& s) { (*s.mutable_labels())["team"] = std::string(201, 'v'); },
       {"ai_system.labels[\"team\"]"}},
      {"LabelValueNewline",
       [](S& s) { (*s.mutable_labels())["team"] = "a\nb"; },
       {"ai_system.labels[\"team\"]"}},
      {"Labels33",
       [](S& s) {
         for (int i = 1; i < 33; ++i) (*s.mutable_labels())[absl::StrCat("k", i)] = "v";
       },
       {"ai_system.labels"}},

      // Several rules at once: every violation is reported.
      {"SeveralViolations",
       [](S& s) {
         s.clear_display_name();
         s.clear_owner();
         s.clear_risk_tier();
         s.set_jurisdictions(0, "jp");
       },
       {"ai_system.display_name", "ai_system.owner", "ai_system.jurisdictions[0]",
        "ai_system.risk_tier"}},
  };
}

class ValidateAiSystemTest : public ::testing::TestWithParam<SystemCase> {};

TEST_P(ValidateAiSystemTest, ReportsExactlyTheBrokenFields) {
  v1::AiSystem system = ValidSystem();
  GetParam().mutate(system);
  const absl::Status status = ValidateAiSystem(system, "ai_system");
  if (GetParam().fields.empty()) {
    EXPECT_TRUE(status.ok()) << status;
    return;
  }
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument) << status;
  EXPECT_EQ(ErrorReason(status), "FIELD_INVALID");
  EXPECT_THAT(Fields(status), UnorderedElementsAreArray(GetParam().fields)) << status;
}

INSTANTIATE_TEST_SUITE_P(Rules, ValidateAiSystemTest, ::testing::ValuesIn(SystemCases()),
                         [](const auto& test_info) { return test_info.param.name; });

TEST(ValidateAiSystemPrefixTest, PathsStartWithThePrefix) {
  v1::AiSystem system = ValidSystem();
  system.clear_display_name();
  system.set_jurisdictions(0, "jp");
  EXPECT_THAT(Fields(ValidateAiSystem(system, "")),
              UnorderedElementsAreArray({"display_name", "jurisdictions[0]"}));
  EXPECT_THAT(Fields(ValidateAiSystem(system, "patch")),
              UnorderedElementsAreArray({"patch.display_name", "patch.jurisdictions[0]"}));
}

TEST(ValidateAiSystemPrefixTest, OutputOnlyFieldsAreNotChecked) {
  v1::AiSystem system = ValidSystem();
  system.set_name("not a name");
  system.set_etag("garbage");
  system.mutable_create_time()->set_seconds(-1);
  EXPECT_TRUE(ValidateAiSystem(system, "ai_system").ok());
}

struct RequestCase {
  std::string name;
  std::function<void(v1::CreateAiSystemRequest&)> mutate;
  std::vector<std::string> fields;
};

std::vector<RequestCase> RequestCases() {
  using R = v1::CreateAiSystemRequest;
  return {
      {"Valid", [](R&) {}, {}},
      {"ValidNoIds",
       [](R& r) {
         r.clear_ai_system_id();
         r.clear_request_id();
       },
       {}},
      {"ValidUpperCaseRequestId",
       [](R& r) { r.set_request_id("7C9E6679-7425-40DE-944B-E07FC1F90AE7"); },
       {}},
      {"ValidId63Chars", [](R& r) { r.set_ai_system_id(std::string(63, 'a')); }, {}},
      {"IdUpperCase", [](R& r) { r.set_ai_system_id("Chatbot"); }, {"ai_system_id"}},
      {"IdStartsWithDigit", [](R& r) { r.set_ai_system_id("1chatbot"); }, {"ai_system_id"}},
      {"IdEndsWithDash", [](R& r) { r.set_ai_system_id("chatbot-"); }, {"ai_system_id"}},
      {"IdUnderscore", [](R& r) { r.set_ai_system_id("chat_bot"); }, {"ai_system_id"}},
      {"IdSlash", [](R& r) { r.set_ai_system_id("chat/bot"); }, {"ai_system_id"}},
      {"Id64Chars", [](R& r) { r.set_ai_system_id(std::string(64, 'a')); }, {"ai_system_id"}},
      {"RequestIdNotUuid", [](R& r) { r.set_request_id("retry-1"); }, {"request_id"}},
      {"RequestIdNoDashes",
       [](R& r) { r.set_request_id("7c9e6679742540de944be07fc1f90ae7"); },
       {"request_id"}},
      {"RequestIdBraced",
       [](R& r) { r.set_request_id("{7c9e6679-7425-40de-944b-e07fc1f90ae7}"); },
       {"request_id"}},
      {"RequestIdNonHex",
       [](R& r) { r.set_request_id("7c9e6679-7425-40de-944b-e07fc1f90aeg"); },
       {"request_id"}},
      {"MissingSystem",
       [](R& r) { r.clear_ai_system(); },
       // An empty system breaks every required field.
       {"ai_system.display_name", "ai_system.owner", "ai_system.actor_roles",
        "ai_system.lifecycle_stage", "ai_system.model_type", "ai_system.data_categories",
        "ai_system.jurisdictions", "ai_system.human_oversight", "ai_system.risk_tier"}},
      {"EverythingAtOnce",
       [](R& r) {
         r.mutable_ai_system()->clear_owner();
         r.set_ai_system_id("Bad");
         r.set_request_id("nope");
       },
       {"ai_system.owner", "ai_system_id", "request_id"}},
  };
}

class ValidateCreateRequestTest : public ::testing::TestWithParam<RequestCase> {};

TEST_P(ValidateCreateRequestTest, ReportsExactlyTheBrokenFields) {
  v1::CreateAiSystemRequest request;
  *request.mutable_ai_system() = ValidSystem();
  request.set_ai_system_id("support-chatbot");
  request.set_request_id("7c9e6679-7425-40de-944b-e07fc1f90ae7");
  GetParam().mutate(request);
  const absl::Status status = ValidateCreateRequest(request);
  if (GetParam().fields.empty()) {
    EXPECT_TRUE(status.ok()) << status;
    return;
  }
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument) << status;
  EXPECT_THAT(Fields(status), UnorderedElementsAreArray(GetParam().fields)) << status;
}

INSTANTIATE_TEST_SUITE_P(Rules, ValidateCreateRequestTest, ::testing::ValuesIn(RequestCases()),
                         [](const auto& test_info) { return test_info.param.name; });

TEST(IsEuJurisdictionTest, EuAndMemberStatesOnly) {
  for (const char* code : {"EU", "DE", "FR", "IE", "SE", "AT", "CY", "HR"}) {
    EXPECT_TRUE(IsEuJurisdiction(code)) << code;
  }
  for (const char* code : {"JP", "US", "GB", "CH", "NO", "de", "eu", "", "DEU"}) {
    EXPECT_FALSE(IsEuJurisdiction(code)) << code;
  }
}

TEST(IsEuJurisdictionTest, EveryMemberStateRequiresAClassification) {
  // The 27 member states as of 2024.
  const std::vector<std::string> members = {"AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI",
                                            "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU",
                                            "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"};
  for (const std::string& code : members) {
    v1::AiSystem system = ValidSystem();
    system.set_jurisdictions(0, code);
    EXPECT_THAT(Fields(ValidateAiSystem(system, "ai_system")),
                UnorderedElementsAreArray({"ai_system.eu_ai_act.category"}))
        << code;
  }
  v1::AiSystem system = ValidSystem();
  EXPECT_THAT(Fields(ValidateAiSystem(system, "ai_system")), IsEmpty());
}

}  // namespace
}  // namespace airr::inventory
