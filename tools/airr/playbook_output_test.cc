// Tests of how playbooks, runs and the run report look as text: tables, the RTO verdict in plain
// words, the report's sections.
#include "tools/airr/playbook_output.h"

#include <string>

#include "gmock/gmock.h"
#include "google/protobuf/util/time_util.h"
#include "gtest/gtest.h"
#include "tools/airr/playbook_test_data.h"
#include "tools/airr/run_report_output.h"

namespace airr::cli {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;

namespace pb = ::airr::playbook::v1;
using google::protobuf::util::TimeUtil;

pb::TargetReport Target(int64_t target_minutes, int64_t actual_minutes, pb::TargetVerdict verdict) {
  pb::TargetReport target;
  if (target_minutes >= 0) {
    *target.mutable_target() = TimeUtil::MinutesToDuration(target_minutes);
  }
  if (actual_minutes >= 0) {
    *target.mutable_actual() = TimeUtil::MinutesToDuration(actual_minutes);
  }
  target.set_verdict(verdict);
  return target;
}

TEST(PlaybookOutputTest, PlaybookWithItsSteps) {
  EXPECT_THAT(
      FormatPlaybook(SamplePlaybook()),
      AllOf(HasSubstr("name:                   playbooks/bcp\n"),
            HasSubstr("triggers.severities:    SEV1\n"),
            HasSubstr("triggers.bcp:           yes (invokes the business continuity plan)\n"),
            HasSubstr("target.recovery (RTO):  8h00m\n"),
            HasSubstr("drill_interval:         365d\n"),
            HasSubstr("last_drill:             never\n"),
            HasSubstr("\nSteps:\n"
                      "  #  ID       TITLE             ROLE                OFFSET  MANDATORY  "
                      "AFTER    KIND                 MILESTONE\n"
                      "  1  declare  Declare the BCP   INCIDENT_EXECUTIVE  30m     yes        -  "
                      "      -                    -\n"
                      "  2  notify   Notify customers  CUSTOMER_SUPPORT    1h30m   yes        "
                      "declare  NOTIFY_STAKEHOLDERS  -\n")));
}

TEST(PlaybookOutputTest, ListsAndVersions) {
  google::protobuf::RepeatedPtrField<pb::Playbook> list;
  *list.Add() = SamplePlaybook();
  pb::Playbook archived = SamplePlaybook();
  archived.set_name("playbooks/old");
  *archived.mutable_archive_time() = archived.version_create_time();
  *archived.mutable_last_drill_time() = archived.version_create_time();
  archived.clear_triggers();
  *list.Add() = archived;
  EXPECT_EQ(FormatPlaybookTable(list),
            "ID   VERSION  TITLE          OWNER              STEPS  TRIGGERS   DRILL EVERY  LAST "
            "DRILL            STATE\n"
            "bcp  2        BCP: shutdown  Crisis management  3      SEV1; BCP  365d         never "
            "                ACTIVE\n"
            "old  2        BCP: shutdown  Crisis management  3      -          365d         "
            "2026-11-01T08:00:00Z  ARCHIVED\n");
  EXPECT_EQ(FormatVersionTable(list),
            "VERSION  CREATED               AUTHOR  STEPS  CHANGE NOTE\n"
            "2        2026-11-01T08:00:00Z  alice   3      Added the press step\n"
            "2        2026-11-01T08:00:00Z  alice   3      Added the press step\n");
}

TEST(PlaybookOutputTest, DrillsDue) {
  pb::ListDrillsDueResponse response;
  pb::DrillDue* never = response.add_drills();
  never->set_playbook("playbooks/first-response");
  never->set_display_name("First response");
  *never->mutable_drill_interval() = TimeUtil::HoursToDuration(24 * 365);
  never->set_never_drilled(true);
  TimeUtil::FromString("2026-01-01T00:00:00Z", never->mutable_due_time());
  EXPECT_EQ(FormatDrillsDueTable(response),
            "PLAYBOOK        TITLE           DRILL EVERY  LAST DRILL  DUE SINCE\n"
            "first-response  First response  365d         never       2026-01-01T00:00:00Z\n");
}

TEST(PlaybookOutputTest, RunWithItsSteps) {
  EXPECT_THAT(
      FormatRun(SampleRun()),
      AllOf(HasSubstr("run:         playbooks/bcp/runs/r-1\n"),
            HasSubstr("playbook:    playbooks/bcp version 2\n"),
            HasSubstr("kind:        DRILL (TABLETOP)\n"), HasSubstr("state:       COMPLETED\n"),
            HasSubstr("#  STEP     TITLE             ROLE                MANDATORY  DUE "
                      "(UTC)             STATE    LATE\n"
                      "1  declare  Declare the BCP   INCIDENT_EXECUTIVE  yes        "
                      "2026-11-23T09:30:00Z  DONE\n"
                      "2  notify   Notify customers  CUSTOMER_SUPPORT    yes        "
                      "2026-11-23T10:30:00Z  DONE     LATE\n"
                      "3  press    Public statement  PUBLIC_RELATIONS    no         "
                      "2026-11-23T13:00:00Z  SKIPPED\n")));
  google::protobuf::RepeatedPtrField<pb::Run> runs;
  *runs.Add() = SampleRun();
  EXPECT_THAT(FormatRunTable(runs),
              HasSubstr("bcp/r-1  DRILL (TABLETOP)  COMPLETED  2        2026-11-23T09:00:00Z  "
                        "2026-11-23T12:00:00Z  -         3/3\n"));
}

TEST(RunReportOutputTest, TargetVerdictsInPlainWords) {
  EXPECT_EQ(FormatTargetVerdict("RTO", Target(480, 370, pb::TARGET_VERDICT_MET)),
            "RTO 8h00m: MET (actual 6h10m)");
  EXPECT_EQ(FormatTargetVerdict("RTO", Target(480, 560, pb::TARGET_VERDICT_MISSED)),
            "RTO 8h00m: MISSED (actual 9h20m, 1h20m late)");
  EXPECT_EQ(FormatTargetVerdict("RTO", Target(480, -1, pb::TARGET_VERDICT_NOT_REACHED)),
            "RTO 8h00m: NOT REACHED");
  EXPECT_EQ(FormatTargetVerdict("RTO", Target(480, -1, pb::TARGET_VERDICT_PENDING)),
            "RTO 8h00m: PENDING (not reached yet)");
  EXPECT_EQ(FormatTargetVerdict("RTO", Target(-1, -1, pb::TARGET_VERDICT_NO_TARGET)),
            "RTO: no target set");
  EXPECT_EQ(FormatTargetVerdict("RTO", Target(-1, 95, pb::TARGET_VERDICT_NO_TARGET)),
            "RTO: no target set (reached after 1h35m)");
}

TEST(RunReportOutputTest, TheWholeReport) {
  const std::string text = FormatRunReport(SampleRunReport());
  EXPECT_THAT(
      text,
      AllOf(HasSubstr("playbook:      playbooks/bcp version 2: BCP: shutdown\n"),
            HasSubstr("kind:          DRILL (TABLETOP)\n"),
            HasSubstr("end_time:      2026-11-23T12:00:00Z (3h00m after the start)\n"),
            HasSubstr("participants:  Crisis management, Retail credit\n"),
            HasSubstr("Target times:\n"
                      "  TARGET          GOAL   ACTUAL  VERDICT\n"
                      "  First action    30m    10m     MET\n"
                      "  Containment     1h00m  40m     MET\n"
                      "  Recovery (RTO)  8h00m  2h50m   MET\n"
                      "  RTO 8h00m: MET (actual 2h50m)\n"),
            HasSubstr("  3 steps: 1 on time, 1 late, 1 skipped, 0 in progress, 0 not started\n"),
            HasSubstr("  2  notify   Notify customers  CUSTOMER_SUPPORT    yes        1h30m   "
                      "2h00m   +30m      LATE\n"),
            HasSubstr("  1  declare  Declare the BCP   INCIDENT_EXECUTIVE  yes        30m     "
                      "10m     -20m      ON_TIME\n"),
            HasSubstr("  3  press    Public statement  PUBLIC_RELATIONS    no         4h00m   "
                      "1h00m   -         SKIPPED\n"),
            HasSubstr("  1 met, 0 partly met, 0 not met or not rated\n"),
            HasSubstr("  obj-1  MET     Manual fallback within 2 hours  Took 90 minutes\n"),
            HasSubstr("  f-2  IMPROVEMENT  Notice templates out of date  -\n"),
            HasSubstr("  ca-1  Customer support  2026-12-23T00:00:00Z  f-2      Update the notice "
                      "templates\n"),
            HasSubstr("  3  +45m    2026-11-23T09:45:00Z  INJECT          -        carol  "
                      "Regulator calls: Asks about the outage\n")));
}

TEST(RunReportOutputTest, EmptySectionsSayNone) {
  pb::RunReport report;
  report.mutable_run()->set_name("playbooks/p/runs/r");
  report.mutable_run()->set_kind(pb::RUN_KIND_INCIDENT);
  report.mutable_run()->set_incident("incidents/i-1");
  const std::string text = FormatRunReport(report);
  EXPECT_THAT(
      text,
      AllOf(HasSubstr("playbook:    playbooks/p version 0\n"), HasSubstr("kind:        INCIDENT\n"),
            HasSubstr("incident:    incidents/i-1\n"), HasSubstr("Objectives:\n  (none)\n"),
            HasSubstr("Findings:\n  (none)\n"), HasSubstr("Corrective actions:\n  (none)\n"),
            HasSubstr("Timeline:\n  (none)\n"), HasSubstr("  RTO: no target set\n")));
}

}  // namespace
}  // namespace airr::cli
