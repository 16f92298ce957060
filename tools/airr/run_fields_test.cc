// Tests of the drill and run flags: objective ratings, corrective actions and start times.
#include "tools/airr/run_fields.h"

#include <string>

#include "gmock/gmock.h"
#include "google/protobuf/util/time_util.h"
#include "gtest/gtest.h"

namespace airr::cli {
namespace {

using ::testing::HasSubstr;

namespace pb = ::airr::playbook::v1;
using google::protobuf::util::TimeUtil;

const absl::Time kNow = absl::FromUnixSeconds(1795428000);  // 2026-11-23T10:00:00Z

TEST(RunFieldsTest, ObjectiveRatings) {
  struct Case {
    std::string text;
    std::string id;
    pb::ObjectiveRating rating;
    std::string note;
  };
  for (const Case& c : std::vector<Case>{
           {"obj-1=met", "obj-1", pb::OBJECTIVE_RATING_MET, ""},
           {"obj-2=partly", "obj-2", pb::OBJECTIVE_RATING_PARTLY_MET, ""},
           {"obj-2=partly-met:late by 1h", "obj-2", pb::OBJECTIVE_RATING_PARTLY_MET, "late by 1h"},
           {"obj-3=NOT-MET:no: not at all", "obj-3", pb::OBJECTIVE_RATING_NOT_MET,
            "no: not at all"},
       }) {
    absl::StatusOr<pb::ObjectiveResult> result = ParseObjectiveFlag(c.text);
    ASSERT_TRUE(result.ok()) << c.text << ": " << result.status();
    EXPECT_EQ(result->objective_id(), c.id);
    EXPECT_EQ(result->rating(), c.rating) << c.text;
    EXPECT_EQ(result->note(), c.note);
  }
  for (const std::string bad : {"", "obj-1", "=met", "obj-1=", "obj-1=good", "obj-1=:x"}) {
    EXPECT_THAT(std::string(ParseObjectiveFlag(bad).status().message()),
                HasSubstr("--objective: \"" + bad + "\" is not ID=RATING"))
        << bad;
  }
}

TEST(RunFieldsTest, CorrectiveActions) {
  absl::StatusOr<pb::CorrectiveAction> action =
      ParseActionFlag("Update the templates; Customer support ;+7d;f-2", kNow);
  ASSERT_TRUE(action.ok()) << action.status();
  EXPECT_EQ(action->description(), "Update the templates");
  EXPECT_EQ(action->owner(), "Customer support");
  EXPECT_EQ(TimeUtil::ToString(action->due_time()), "2026-11-30T10:00:00Z");
  EXPECT_EQ(action->finding_id(), "f-2");
  absl::StatusOr<pb::CorrectiveAction> no_finding =
      ParseActionFlag("Train the desk;HR;2026-12-01T00:00:00Z", kNow);
  ASSERT_TRUE(no_finding.ok()) << no_finding.status();
  EXPECT_EQ(no_finding->finding_id(), "");
  for (const std::string bad : {"a;b", "a;b;c;d;e", "a"}) {
    EXPECT_THAT(std::string(ParseActionFlag(bad, kNow).status().message()),
                HasSubstr("--action: \"" + bad + "\" is not DESCRIPTION;OWNER;DUE"))
        << bad;
  }
  EXPECT_THAT(std::string(ParseActionFlag("a;b;next week", kNow).status().message()),
              HasSubstr("--action due: \"next week\""));
}

}  // namespace
}  // namespace airr::cli
