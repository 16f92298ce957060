#include "tools/airr/output.h"

#include <sstream>

#include "airr/inventory/v1/inventory_service.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace airr::cli {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::Pair;

namespace inv = ::airr::inventory::v1;

inv::AiSystem Bot() {
  inv::AiSystem system;
  system.set_name("aiSystems/support-bot");
  system.set_display_name("Support bot");
  system.set_owner("cx-team");
  system.add_actor_roles(inv::ACTOR_ROLE_DEVELOPER);
  system.add_actor_roles(inv::ACTOR_ROLE_PROVIDER);
  system.set_lifecycle_stage(inv::LIFECYCLE_STAGE_OPERATION);
  system.set_model_type(inv::MODEL_TYPE_LLM);
  system.set_generative_ai(true);
  system.add_jurisdictions("JP");
  system.add_jurisdictions("EU");
  system.mutable_eu_ai_act()->set_category(inv::EU_RISK_CATEGORY_TRANSPARENCY_ONLY);
  system.set_risk_tier(inv::RISK_TIER_MEDIUM);
  (*system.mutable_labels())["z"] = "last";
  (*system.mutable_labels())["a"] = "first";
  system.mutable_update_time()->set_seconds(1714555800);  // 2024-05-01T09:30:00Z
  system.set_etag("W/\"7\"");
  return system;
}

TEST(KeyValueRowsTest, ShowsFieldsByProtoNameWithShortEnums) {
  const auto rows = KeyValueRows(Bot());
  EXPECT_THAT(rows, Contains(Pair("name", "aiSystems/support-bot")));
  EXPECT_THAT(rows, Contains(Pair("description", "")));
  EXPECT_THAT(rows, Contains(Pair("actor_roles", "developer, provider")));
  EXPECT_THAT(rows, Contains(Pair("lifecycle_stage", "operation")));
  EXPECT_THAT(rows, Contains(Pair("advanced_ai", "false")));
  EXPECT_THAT(rows, Contains(Pair("generative_ai", "true")));
  EXPECT_THAT(rows, Contains(Pair("jurisdictions", "JP, EU")));
  EXPECT_THAT(rows, Contains(Pair("eu_ai_act.category", "transparency_only")));
  EXPECT_THAT(rows, Contains(Pair("eu_ai_act.high_risk_area", "unspecified")));
  EXPECT_THAT(rows, Contains(Pair("labels", "a=first, z=last")));
  EXPECT_THAT(rows, Contains(Pair("update_time", "2024-05-01T09:30:00Z")));
  EXPECT_THAT(rows, Contains(Pair("etag", "W/\"7\"")));
}

TEST(KeyValueRowsTest, LeavesOutUnsetMessages) {
  inv::AiSystem system = Bot();
  system.clear_eu_ai_act();
  const auto rows = KeyValueRows(system);
  EXPECT_THAT(rows, Not(Contains(Pair("delete_time", testing::_))));
  EXPECT_THAT(rows, Not(Contains(Pair("eu_ai_act.category", testing::_))));
}

TEST(FormatKeyValuesTest, AlignsValuesAndIndentsContinuationLines) {
  inv::GetAiSystemRequest request;  // a one-field message keeps the expectation short
  request.set_name("line one\nline two\x1b[0m");
  EXPECT_EQ(FormatKeyValues(request), "name:  line one\n       line two [0m\n");
  const std::string block = FormatKeyValues(Bot());
  EXPECT_THAT(block, HasSubstr("\nlifecycle_stage:           operation\n"));
  EXPECT_THAT(block, HasSubstr("\netag:                      W/\"7\"\n"));
}

TEST(FormatTableTest, AlignsByDisplayWidthAndSanitizes) {
  const std::string table =
      FormatTable({"NAME", "DISPLAY NAME", "TIER"},
                  {{"aiSystems/a", "顧客ボット", "high"}, {"aiSystems/bb", "x\ny", ""}});
  EXPECT_EQ(table,
            "NAME          DISPLAY NAME  TIER\n"
            "aiSystems/a   顧客ボット    high\n"
            "aiSystems/bb  x y\n");
}

TEST(FormatJsonTest, UsesProtoFieldNames) {
  absl::StatusOr<std::string> json = FormatJson(Bot());
  ASSERT_TRUE(json.ok()) << json.status();
  EXPECT_THAT(*json, HasSubstr("\"display_name\": \"Support bot\""));
  EXPECT_THAT(*json, HasSubstr("\"lifecycle_stage\": \"LIFECYCLE_STAGE_OPERATION\""));
  EXPECT_THAT(*json, HasSubstr("\"update_time\": \"2024-05-01T09:30:00Z\""));
  EXPECT_EQ(json->back(), '\n');
}

TEST(ParseOutputFormatTest, AcceptsTableAndJsonOnly) {
  EXPECT_EQ(*ParseOutputFormat("table"), OutputFormat::kTable);
  EXPECT_EQ(*ParseOutputFormat("json"), OutputFormat::kJson);
  EXPECT_EQ(ParseOutputFormat("yaml").status().message(),
            "-o: unknown output format \"yaml\"; allowed: table, json");
}

TEST(FormatTimestampShortTest, SecondsInUtcOrEmpty) {
  google::protobuf::Timestamp ts;
  EXPECT_EQ(FormatTimestampShort(ts), "");
  ts.set_seconds(1714555800);
  ts.set_nanos(999);
  EXPECT_EQ(FormatTimestampShort(ts), "2024-05-01T09:30:00Z");
}

TEST(PrintResourceTest, PicksTheFormat) {
  inv::GetAiSystemRequest request;
  request.set_name("aiSystems/x");
  std::ostringstream table;
  ASSERT_TRUE(PrintResource(OutputFormat::kTable, request, table).ok());
  EXPECT_EQ(table.str(), "name:  aiSystems/x\n");
  std::ostringstream json;
  ASSERT_TRUE(PrintResource(OutputFormat::kJson, request, json).ok());
  EXPECT_EQ(json.str(), "{\n \"name\": \"aiSystems/x\"\n}\n");
}

}  // namespace
}  // namespace airr::cli
