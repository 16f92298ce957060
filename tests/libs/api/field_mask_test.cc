#include "libs/api/field_mask.h"

#include <string>
#include <vector>

#include "airr/api/testing/test_resource.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/libs/api/invalid_field.h"

namespace airr::api {
namespace {

using ::airr::api::testing::IsInvalidField;
using ::airr::api::testing::TestResource;
using ::testing::ElementsAre;

const std::vector<std::string> kUpdatable = {"display_name", "risk_tier", "tags",   "labels",
                                             "eu_ai_act",    "priority",  "active", "note"};

google::protobuf::FieldMask Mask(std::initializer_list<const char*> paths) {
  google::protobuf::FieldMask mask;
  for (const char* path : paths) {
    mask.add_paths(path);
  }
  return mask;
}

TEST(ResolveUpdateMaskTest, ExplicitPathsInMaskOrder) {
  auto fields = ResolveUpdateMask(Mask({"risk_tier", "display_name"}), kUpdatable, TestResource());
  ASSERT_TRUE(fields.ok()) << fields.status();
  EXPECT_THAT(*fields, ElementsAre("risk_tier", "display_name"));
}

TEST(ResolveUpdateMaskTest, ExplicitPathMayClearAField) {
  // An unset field in an explicit mask means "clear it".
  auto fields = ResolveUpdateMask(Mask({"labels"}), kUpdatable, TestResource());
  ASSERT_TRUE(fields.ok()) << fields.status();
  EXPECT_THAT(*fields, ElementsAre("labels"));
}

TEST(ResolveUpdateMaskTest, StarMeansAllUpdatable) {
  auto fields = ResolveUpdateMask(Mask({"*"}), kUpdatable, TestResource());
  ASSERT_TRUE(fields.ok()) << fields.status();
  EXPECT_EQ(*fields, kUpdatable);
}

TEST(ResolveUpdateMaskTest, NestedUpdatablePathsAreAcceptedButNotImplied) {
  const std::vector<std::string> updatable = {"display_name", "eu_ai_act.category"};
  auto explicit_fields = ResolveUpdateMask(Mask({"eu_ai_act.category"}), updatable, TestResource());
  ASSERT_TRUE(explicit_fields.ok()) << explicit_fields.status();
  EXPECT_THAT(*explicit_fields, ElementsAre("eu_ai_act.category"));
  TestResource resource;
  resource.set_display_name("x");
  resource.mutable_eu_ai_act()->set_category(airr::api::testing::EU_AI_ACT_CATEGORY_GPAI);
  auto implied = ResolveUpdateMask(google::protobuf::FieldMask(), updatable, resource);
  ASSERT_TRUE(implied.ok()) << implied.status();
  EXPECT_THAT(*implied, ElementsAre("display_name"));
  EXPECT_EQ(ResolveUpdateMask(Mask({"x"}), {"nope.category"}, TestResource()).status().code(),
            absl::StatusCode::kInternal);
}

TEST(ResolveUpdateMaskTest, EmptyMaskTakesPopulatedFields) {
  TestResource resource;
  resource.set_name("aiSystems/x");  // populated but not updatable
  resource.set_etag("W/\"1\"");
  resource.set_display_name("Credit");
  resource.set_risk_tier(airr::api::testing::RISK_TIER_HIGH);
  resource.add_tags("pii");
  (*resource.mutable_labels())["team"] = "risk";
  resource.mutable_eu_ai_act();  // set, even though empty
  resource.set_priority(0);      // default: not populated
  resource.set_active(false);    // default: not populated
  resource.set_note("");         // explicit presence: populated
  auto fields = ResolveUpdateMask(google::protobuf::FieldMask(), kUpdatable, resource);
  ASSERT_TRUE(fields.ok()) << fields.status();
  EXPECT_THAT(*fields,
              ElementsAre("display_name", "risk_tier", "tags", "labels", "eu_ai_act", "note"));
}

TEST(ResolveUpdateMaskTest, EmptyMaskWithScalars) {
  TestResource resource;
  resource.set_priority(-3);
  resource.set_active(true);
  auto fields = ResolveUpdateMask(google::protobuf::FieldMask(), kUpdatable, resource);
  ASSERT_TRUE(fields.ok()) << fields.status();
  EXPECT_THAT(*fields, ElementsAre("priority", "active"));
}

TEST(ResolveUpdateMaskTest, EmptyMaskAndNothingSetIsAnError) {
  TestResource resource;
  resource.set_name("aiSystems/x");
  EXPECT_TRUE(IsInvalidField(
      ResolveUpdateMask(google::protobuf::FieldMask(), kUpdatable, resource).status(),
      "update_mask", "no fields to update"));
}

TEST(ResolveUpdateMaskTest, RejectsBadPaths) {
  struct Case {
    google::protobuf::FieldMask mask;
    const char* rule;
  };
  for (const Case& c : {
           Case{Mask({"name"}),
                "path \"name\" cannot be updated; updatable: display_name, risk_tier, tags, "
                "labels, eu_ai_act, priority, active, note"},
           Case{Mask({"etag"}), "path \"etag\" cannot be updated"},
           Case{Mask({"eu_ai_act.category"}), "path \"eu_ai_act.category\" cannot be updated"},
           Case{Mask({"labels.team"}), "cannot be updated"},
           Case{Mask({"tags[0]"}), "cannot be updated"},
           Case{Mask({""}), "path \"\" cannot be updated"},
           Case{Mask({"Display_Name"}), "cannot be updated"},
           Case{Mask({"display_name", "display_name"}), "path \"display_name\" is repeated"},
           Case{Mask({"*", "display_name"}), "\"*\" must be the only path"},
           Case{Mask({"display_name", "*"}), "\"*\" must be the only path"},
       }) {
    EXPECT_TRUE(IsInvalidField(
        ResolveUpdateMask(c.mask, kUpdatable, TestResource(), "ai_system.update_mask").status(),
        "ai_system.update_mask", c.rule))
        << c.rule;
  }
}

TEST(ResolveUpdateMaskTest, UnknownUpdatableFieldIsInternal) {
  const std::vector<std::string> broken = {"display_name", "no_such_field"};
  EXPECT_EQ(ResolveUpdateMask(Mask({"display_name"}), broken, TestResource()).status().code(),
            absl::StatusCode::kInternal);
}

}  // namespace
}  // namespace airr::api
