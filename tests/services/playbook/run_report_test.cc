// Tests of the run report without a database: per-step target against actual with exact offsets,
// variances and outcomes; the first-action, containment and recovery verdicts (MET, MISSED,
// PENDING, NOT_REACHED, NO_TARGET) for active and ended runs; recovery by the run's end when no
// step has the milestone; counts; objective tallies; and the timeline's order and offsets.
#include "services/playbook/run_report.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "services/playbook/run_offsets.h"
#include "tests/services/playbook/run_samples.h"

namespace airr::playbook {
namespace {

using ::airr::playbook::testing::AtMinute;
using ::airr::playbook::testing::ProtoMinutes;
using ::airr::playbook::testing::SampleRun;
using ::airr::playbook::testing::SetDone;
using ::airr::playbook::testing::StepOf;

// Minutes of a Duration (the tests use whole minutes).
int64_t Min(const google::protobuf::Duration& d) { return d.seconds() / 60; }

v1::Playbook Version(bool with_targets) {
  v1::Playbook p;
  p.set_display_name("AI incident first response");
  if (with_targets) {
    *p.mutable_targets()->mutable_first_action() = ProtoMinutes(15);
    *p.mutable_targets()->mutable_containment() = ProtoMinutes(120);
    *p.mutable_targets()->mutable_recovery() = ProtoMinutes(480);
  }
  return p;
}

// A drill at minute 200: intake done 3..10, kill-switch skipped unstarted at 40, contain done
// 20..150 (late), notify in progress since 60, recover pending; obj-1 met, obj-2 unrated.
v1::Run ActiveDrill() {
  v1::Run run = SampleRun(v1::RUN_KIND_DRILL);
  SetDone(run, "intake", 3, 10);
  v1::RunStep& skipped = StepOf(run, "kill-switch");
  skipped.set_state(v1::STEP_STATE_SKIPPED);
  *skipped.mutable_end_time() = api::TimestampFromTime(AtMinute(40));
  SetDone(run, "contain", 20, 150);
  v1::RunStep& notify = StepOf(run, "notify");
  notify.set_state(v1::STEP_STATE_IN_PROGRESS);
  *notify.mutable_start_time() = api::TimestampFromTime(AtMinute(60));
  v1::ObjectiveResult* met = run.mutable_evaluation()->add_objective_results();
  met->set_objective_id("obj-1");
  met->set_rating(v1::OBJECTIVE_RATING_MET);
  return run;
}

TEST(BuildRunReport, StepsAgainstTheirTargets) {
  const v1::RunReport report = BuildRunReport(ActiveDrill(), {}, Version(true), AtMinute(200));
  EXPECT_EQ(report.playbook_display_name(), "AI incident first response");
  EXPECT_EQ(report.run().name(), "playbooks/first-response/runs/r-1");
  ASSERT_EQ(report.steps_size(), 5);
  struct Expected {
    const char* id;
    int64_t target;
    bool has_actual;
    int64_t actual;
    int64_t variance;
    v1::StepOutcome outcome;
  };
  const Expected expected[] = {
      {"intake", 15, true, 10, -5, v1::STEP_OUTCOME_ON_TIME},
      {"kill-switch", 60, true, 40, -20, v1::STEP_OUTCOME_SKIPPED},
      {"contain", 120, true, 150, 30, v1::STEP_OUTCOME_LATE},
      {"notify", 240, false, 0, 0, v1::STEP_OUTCOME_IN_PROGRESS},
      {"recover", 480, false, 0, 0, v1::STEP_OUTCOME_NOT_STARTED},
  };
  for (int i = 0; i < 5; ++i) {
    SCOPED_TRACE(expected[i].id);
    const v1::StepReport& s = report.steps(i);
    EXPECT_EQ(s.step_id(), expected[i].id);
    EXPECT_EQ(s.title(), std::string("Step ") + expected[i].id);
    EXPECT_EQ(s.role(), v1::RESPONSIBLE_ROLE_INCIDENT_EXECUTIVE);
    EXPECT_EQ(Min(s.target_offset()), expected[i].target);
    EXPECT_EQ(s.has_actual_offset(), expected[i].has_actual);
    EXPECT_EQ(s.has_variance(), expected[i].has_actual);
    if (expected[i].has_actual) {
      EXPECT_EQ(Min(s.actual_offset()), expected[i].actual);
      EXPECT_EQ(Min(s.variance()), expected[i].variance);
    }
    EXPECT_EQ(s.outcome(), expected[i].outcome);
  }
  EXPECT_TRUE(report.steps(0).mandatory());
  EXPECT_FALSE(report.steps(1).mandatory());
  EXPECT_EQ(report.steps_late(), 1);
  EXPECT_EQ(report.steps_skipped(), 1);
  EXPECT_EQ(report.steps_not_started(), 1);
  EXPECT_EQ(report.objectives_met(), 1);
  EXPECT_EQ(report.objectives_partly_met(), 0);
  EXPECT_EQ(report.objectives_not_met(), 1);  // obj-2 is not rated
  EXPECT_EQ(api::TimeFromTimestamp(report.report_time()), AtMinute(200));
}

TEST(BuildRunReport, TargetVerdictsOfAnActiveRun) {
  const v1::RunReport at200 = BuildRunReport(ActiveDrill(), {}, Version(true), AtMinute(200));
  EXPECT_EQ(Min(at200.first_action().target()), 15);
  EXPECT_EQ(Min(at200.first_action().actual()), 3);
  EXPECT_EQ(at200.first_action().verdict(), v1::TARGET_VERDICT_MET);
  EXPECT_EQ(Min(at200.containment().target()), 120);
  EXPECT_EQ(Min(at200.containment().actual()), 150);
  EXPECT_EQ(at200.containment().verdict(), v1::TARGET_VERDICT_MISSED);
  EXPECT_EQ(Min(at200.recovery().target()), 480);
  EXPECT_FALSE(at200.recovery().has_actual());
  EXPECT_EQ(at200.recovery().verdict(), v1::TARGET_VERDICT_PENDING);

  // Once the recovery target has passed without the recovery step done.
  const v1::RunReport at500 = BuildRunReport(ActiveDrill(), {}, Version(true), AtMinute(500));
  EXPECT_EQ(at500.recovery().verdict(), v1::TARGET_VERDICT_NOT_REACHED);

  // Nothing started yet: first action pending, then not reached once 15 minutes passed.
  const v1::Run fresh = SampleRun(v1::RUN_KIND_INCIDENT);
  EXPECT_EQ(BuildRunReport(fresh, {}, Version(true), AtMinute(10)).first_action().verdict(),
            v1::TARGET_VERDICT_PENDING);
  EXPECT_EQ(BuildRunReport(fresh, {}, Version(true), AtMinute(16)).first_action().verdict(),
            v1::TARGET_VERDICT_NOT_REACHED);
  EXPECT_EQ(BuildRunReport(fresh, {}, Version(true), AtMinute(16)).steps_not_started(), 5);
}

TEST(BuildRunReport, AnEndedRunNeverLeavesAVerdictPending) {
  v1::Run run = ActiveDrill();
  run.set_state(v1::RUN_STATE_ABORTED);
  *run.mutable_end_time() = api::TimestampFromTime(AtMinute(200));
  const v1::RunReport report = BuildRunReport(run, {}, Version(true), AtMinute(201));
  EXPECT_EQ(report.recovery().verdict(), v1::TARGET_VERDICT_NOT_REACHED);
  EXPECT_FALSE(report.recovery().has_actual());  // an aborted run did not recover
}

TEST(BuildRunReport, RecoveryIsTheRunsEndWhenNoStepIsMarked) {
  v1::Run run = SampleRun(v1::RUN_KIND_INCIDENT);
  StepOf(run, "recover").mutable_step()->set_milestone(v1::MILESTONE_UNSPECIFIED);
  SetDone(run, "intake", 1, 5);
  SetDone(run, "contain", 5, 100);
  SetDone(run, "notify", 5, 200);
  SetDone(run, "recover", 100, 290);
  run.set_state(v1::RUN_STATE_COMPLETED);
  *run.mutable_end_time() = api::TimestampFromTime(AtMinute(300));
  const v1::RunReport report = BuildRunReport(run, {}, Version(true), AtMinute(1000));
  EXPECT_EQ(Min(report.recovery().actual()), 300);
  EXPECT_EQ(report.recovery().verdict(), v1::TARGET_VERDICT_MET);
  EXPECT_EQ(report.containment().verdict(), v1::TARGET_VERDICT_MET);
  // An incident run has no objectives.
  EXPECT_EQ(report.objectives_met() + report.objectives_partly_met() + report.objectives_not_met(),
            0);

  // Without targets every verdict is NO_TARGET, the actual times still shown.
  const v1::RunReport untargeted = BuildRunReport(run, {}, Version(false), AtMinute(1000));
  EXPECT_EQ(untargeted.first_action().verdict(), v1::TARGET_VERDICT_NO_TARGET);
  EXPECT_FALSE(untargeted.first_action().has_target());
  EXPECT_EQ(Min(untargeted.first_action().actual()), 1);
  EXPECT_EQ(untargeted.recovery().verdict(), v1::TARGET_VERDICT_NO_TARGET);
  EXPECT_EQ(Min(untargeted.recovery().actual()), 300);
}

TEST(BuildRunReport, ObjectiveTallies) {
  v1::Run run = SampleRun(v1::RUN_KIND_DRILL);
  v1::Objective* third = run.mutable_drill()->add_objectives();
  third->set_id("obj-3");
  third->set_description("Decide on the kill switch.");
  auto rate = [&](const std::string& id, v1::ObjectiveRating rating) {
    v1::ObjectiveResult* r = run.mutable_evaluation()->add_objective_results();
    r->set_objective_id(id);
    r->set_rating(rating);
  };
  rate("obj-1", v1::OBJECTIVE_RATING_PARTLY_MET);
  rate("obj-2", v1::OBJECTIVE_RATING_NOT_MET);
  rate("obj-3", v1::OBJECTIVE_RATING_PARTLY_MET);
  const v1::RunReport report = BuildRunReport(run, {}, Version(true), AtMinute(1));
  EXPECT_EQ(report.objectives_met(), 0);
  EXPECT_EQ(report.objectives_partly_met(), 2);
  EXPECT_EQ(report.objectives_not_met(), 1);
}

TEST(BuildRunReport, TimelineOldestFirstWithOffsets) {
  auto event = [](int64_t seq, v1::RunEventType type, int64_t minute) {
    v1::RunEvent e;
    e.set_seq(seq);
    e.set_type(type);
    *e.mutable_occur_time() = api::TimestampFromTime(AtMinute(minute));
    return e;
  };
  // The inject was recorded third but happens at minute 45 of the scenario.
  std::vector<v1::RunEvent> timeline = {
      event(1, v1::RUN_EVENT_TYPE_STARTED, 0), event(2, v1::RUN_EVENT_TYPE_STEP_STARTED, 3),
      event(3, v1::RUN_EVENT_TYPE_INJECT, 45), event(4, v1::RUN_EVENT_TYPE_STEP_COMPLETED, 10),
      event(5, v1::RUN_EVENT_TYPE_STEP_STARTED, 10)};
  const v1::RunReport report =
      BuildRunReport(ActiveDrill(), timeline, Version(true), AtMinute(200));
  ASSERT_EQ(report.timeline_size(), 5);
  const int64_t seqs[] = {1, 2, 4, 5, 3};
  const int64_t offsets[] = {0, 3, 10, 10, 45};
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(report.timeline(i).seq(), seqs[i]);
    EXPECT_EQ(Min(report.timeline(i).offset()), offsets[i]);
  }
}

}  // namespace
}  // namespace airr::playbook
