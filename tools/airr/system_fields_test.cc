#include "tools/airr/system_fields.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tools/airr/system_file.h"

namespace airr::cli {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Pair;
using ::testing::UnorderedElementsAre;

namespace inv = ::airr::inventory::v1;

ParsedArgs Parse(const std::vector<std::string>& args) {
  absl::StatusOr<ParsedArgs> parsed = ParseArgs(SystemFieldFlagSpecs(), args);
  EXPECT_TRUE(parsed.ok()) << parsed.status();
  return parsed.ok() ? *parsed : ParsedArgs();
}

TEST(SystemFieldFlagsTest, EveryFlagSetsOneField) {
  for (const FlagSpec& spec : SystemFieldFlagSpecs()) {
    std::string arg = "--" + spec.name;
    if (spec.name == "label") {
      arg += "=k=v";
    } else if (spec.kind == FlagSpec::Kind::kValue) {
      const size_t one_of = spec.help.find("One of: ");
      arg += "=" + (one_of == std::string::npos
                        ? std::string("x")
                        : spec.help.substr(one_of + 8,
                                           spec.help.find_first_of(",.", one_of) - one_of - 8));
    }
    inv::AiSystem system;
    std::vector<std::string> paths;
    absl::Status status = ApplySystemFieldFlags(Parse({arg}), &system, &paths);
    EXPECT_TRUE(status.ok()) << arg << ": " << status;
    EXPECT_EQ(paths.size(), 1u) << arg;
    EXPECT_NE(system.ByteSizeLong(), 0u) << arg;
  }
}

TEST(SystemFieldFlagsTest, KindsAndAllowedValuesComeFromTheProto) {
  const std::vector<FlagSpec>& specs = SystemFieldFlagSpecs();
  auto find = [&](const std::string& name) {
    for (const FlagSpec& spec : specs) {
      if (spec.name == name) {
        return spec;
      }
    }
    ADD_FAILURE() << name;
    return FlagSpec();
  };
  EXPECT_EQ(find("advanced").kind, FlagSpec::Kind::kBool);
  EXPECT_TRUE(find("role").repeated);
  EXPECT_TRUE(find("label").repeated);
  EXPECT_FALSE(find("stage").repeated);
  EXPECT_THAT(find("stage").help,
              HasSubstr("One of: planning, data_collection, development, verification, "
                        "deployment, operation, retired."));
  EXPECT_THAT(find("eu-gpai").help, HasSubstr("One of: gpai, gpai_systemic_risk."));
}

TEST(SystemFieldFlagsTest, BuildsASystemAndItsPathsInFlagOrder) {
  inv::AiSystem system;
  std::vector<std::string> paths;
  ASSERT_TRUE(
      ApplySystemFieldFlags(
          Parse({"--tier",    "high",          "--display-name", "Bot",        "--role",
                 "developer", "--role",        "business_user",  "--advanced", "--data",
                 "personal",  "--eu-category", "high_risk",      "--eu-area",  "employment",
                 "--label",   "team=cx",       "--label",        "env=prod",   "--jurisdiction",
                 "EU"}),
          &system, &paths)
          .ok());
  EXPECT_EQ(system.display_name(), "Bot");
  EXPECT_THAT(system.actor_roles(),
              ElementsAre(inv::ACTOR_ROLE_DEVELOPER, inv::ACTOR_ROLE_BUSINESS_USER));
  EXPECT_TRUE(system.advanced_ai());
  EXPECT_THAT(system.data_categories(), ElementsAre(inv::DATA_CATEGORY_PERSONAL));
  EXPECT_EQ(system.eu_ai_act().category(), inv::EU_RISK_CATEGORY_HIGH_RISK);
  EXPECT_EQ(system.eu_ai_act().high_risk_area(), inv::EU_HIGH_RISK_AREA_EMPLOYMENT);
  EXPECT_EQ(system.risk_tier(), inv::RISK_TIER_HIGH);
  EXPECT_THAT(system.labels(), UnorderedElementsAre(Pair("team", "cx"), Pair("env", "prod")));
  EXPECT_THAT(paths, ElementsAre("display_name", "actor_roles", "advanced_ai", "data_categories",
                                 "jurisdictions", "eu_ai_act.category", "eu_ai_act.high_risk_area",
                                 "risk_tier", "labels"));
}

TEST(SystemFieldFlagsTest, ListsAndLabelsAreReplacedNotAppended) {
  inv::AiSystem system;
  system.add_vendors("old");
  (*system.mutable_labels())["old"] = "x";
  std::vector<std::string> paths;
  ASSERT_TRUE(
      ApplySystemFieldFlags(Parse({"--vendor", "new", "--label", "k=v"}), &system, &paths).ok());
  EXPECT_THAT(system.vendors(), ElementsAre("new"));
  EXPECT_THAT(system.labels(), UnorderedElementsAre(Pair("k", "v")));
}

TEST(SystemFieldFlagsTest, AnEmptyValueClearsTheField) {
  inv::AiSystem system;
  system.add_vendors("old");
  system.set_description("old");
  system.mutable_eu_ai_act()->set_category(inv::EU_RISK_CATEGORY_MINIMAL);
  std::vector<std::string> paths;
  ASSERT_TRUE(ApplySystemFieldFlags(Parse({"--vendor=", "--description=", "--eu-category="}),
                                    &system, &paths)
                  .ok());
  EXPECT_THAT(system.vendors(), IsEmpty());
  EXPECT_EQ(system.description(), "");
  EXPECT_EQ(system.eu_ai_act().category(), inv::EU_RISK_CATEGORY_UNSPECIFIED);
  EXPECT_THAT(paths, ElementsAre("description", "vendors", "eu_ai_act.category"));
}

TEST(SystemFieldFlagsTest, APathUnderAGivenParentIsNotAddedAgain) {
  inv::AiSystem system;
  std::vector<std::string> paths = {"eu_ai_act", "owner"};
  ASSERT_TRUE(
      ApplySystemFieldFlags(Parse({"--eu-gpai", "gpai", "--owner", "o"}), &system, &paths).ok());
  EXPECT_THAT(paths, ElementsAre("eu_ai_act", "owner"));
}

TEST(SystemFieldFlagsTest, RejectsBadValuesNamingTheFlag) {
  inv::AiSystem system;
  std::vector<std::string> paths;
  EXPECT_EQ(ApplySystemFieldFlags(Parse({"--stage", "prod"}), &system, &paths).message(),
            "--stage: unknown value \"prod\"; allowed: planning, data_collection, development, "
            "verification, deployment, operation, retired");
  EXPECT_EQ(
      ApplySystemFieldFlags(Parse({"--data", "personal", "--data", "dna"}), &system, &paths).code(),
      absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ApplySystemFieldFlags(Parse({"--label", "novalue"}), &system, &paths).message(),
            "--label: \"novalue\" is not KEY=VALUE");
  EXPECT_EQ(ApplySystemFieldFlags(Parse({"--label", "=v"}), &system, &paths).message(),
            "--label: \"=v\" is not KEY=VALUE");
  EXPECT_EQ(
      ApplySystemFieldFlags(Parse({"--label", "a=1", "--label", "a=2"}), &system, &paths).message(),
      "--label: key \"a\" given twice");
}

TEST(SystemFileTest, PathsAreTheKeysOfTheFileWithoutOutputOnlyFields) {
  absl::StatusOr<SystemFile> file = ParseSystemJson(R"({
    "name": "aiSystems/x", "etag": "e9", "update_time": "2024-05-01T09:30:00Z",
    "riskTier": "RISK_TIER_HIGH", "display_name": "Bot", "advanced_ai": false,
    "description": null, "euAiAct": {"category": "EU_RISK_CATEGORY_MINIMAL"}
  })",
                                                    "f.json");
  ASSERT_TRUE(file.ok()) << file.status();
  EXPECT_EQ(file->system.display_name(), "Bot");
  EXPECT_EQ(file->system.risk_tier(), inv::RISK_TIER_HIGH);
  EXPECT_EQ(file->system.etag(), "e9");
  EXPECT_THAT(file->paths,
              ElementsAre("display_name", "description", "advanced_ai", "eu_ai_act", "risk_tier"));
}

TEST(SystemFileTest, RejectsUnknownFieldsAndBadJson) {
  absl::StatusOr<SystemFile> unknown = ParseSystemJson(R"({"colour": "red"})", "f.json");
  ASSERT_FALSE(unknown.ok());
  EXPECT_THAT(unknown.status().message(), HasSubstr("f.json: not a JSON AiSystem"));
  EXPECT_FALSE(ParseSystemJson("[1, 2]", "f.json").ok());
  EXPECT_FALSE(ParseSystemJson("{", "f.json").ok());
}

TEST(SystemFileTest, ReportsAnUnreadableFile) {
  absl::StatusOr<SystemFile> file = ReadSystemFile("/nonexistent/airr/system.json");
  ASSERT_FALSE(file.ok());
  EXPECT_EQ(file.status().code(), absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace airr::cli
