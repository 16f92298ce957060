// The stored definition format of a playbook version: only the definition fields are written, it
// reads back unchanged, rows from a newer server still read, and a corrupt row is INTERNAL.
#include "services/playbook/playbook_json.h"

#include <gtest/gtest.h>

#include "google/protobuf/util/message_differencer.h"
#include "google/protobuf/util/time_util.h"

namespace airr::playbook {
namespace {

using google::protobuf::util::MessageDifferencer;
using google::protobuf::util::TimeUtil;

v1::Playbook Definition() {
  v1::Playbook p;
  p.set_display_name("BCP: shut down the AI system");
  p.set_purpose("Partial or full shutdown.");
  p.set_owner("Crisis management");
  p.mutable_triggers()->add_severities(incident::v1::SEVERITY_SEV1);
  (*p.mutable_triggers()->mutable_labels())["bcp"] = "yes";
  p.mutable_triggers()->set_bcp(true);
  *p.mutable_targets()->mutable_recovery() = TimeUtil::HoursToDuration(8);
  v1::PlaybookStep* s = p.add_steps();
  s->set_id("decide");
  s->set_title("Decide on the kill switch");
  s->set_role(v1::RESPONSIBLE_ROLE_INCIDENT_EXECUTIVE);
  s->set_kind(v1::STEP_KIND_DECIDE_KILL_SWITCH);
  s->set_milestone(v1::MILESTONE_RECOVERY);
  s->add_depends_on("other");
  *s->mutable_target_offset() = TimeUtil::MinutesToDuration(30);
  *p.mutable_drill_interval() = TimeUtil::HoursToDuration(24 * 365);
  return p;
}

TEST(PlaybookJson, RoundTripsTheDefinitionOnly) {
  v1::Playbook full = Definition();
  full.set_name("playbooks/bcp");
  full.set_version(4);
  full.set_change_note("note");
  full.set_version_author("alice");
  full.set_etag("W/\"4\"");
  *full.mutable_create_time() = TimeUtil::SecondsToTimestamp(1000);
  const std::string json = PlaybookDefinitionJson(full);
  EXPECT_EQ(json.find("etag"), std::string::npos) << json;
  EXPECT_EQ(json.find("change_note"), std::string::npos) << json;
  EXPECT_NE(json.find("\"STEP_KIND_DECIDE_KILL_SWITCH\""), std::string::npos) << json;
  absl::StatusOr<v1::Playbook> back = PlaybookFromDefinitionJson(json);
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_TRUE(MessageDifferencer::Equals(*back, Definition())) << back->DebugString();
}

TEST(PlaybookJson, IgnoresUnknownFieldsAndDropsOutputOnlyOnes) {
  absl::StatusOr<v1::Playbook> back = PlaybookFromDefinitionJson(
      R"({"display_name": "x", "owner": "y", "from_the_future": 1, "etag": "e"})");
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(back->display_name(), "x");
  EXPECT_EQ(back->etag(), "");
}

TEST(PlaybookJson, CorruptRowIsInternal) {
  EXPECT_EQ(PlaybookFromDefinitionJson("{not json").status().code(), absl::StatusCode::kInternal);
  EXPECT_EQ(PlaybookFromDefinitionJson(R"({"steps": 3})").status().code(),
            absl::StatusCode::kInternal);
}

}  // namespace
}  // namespace airr::playbook
