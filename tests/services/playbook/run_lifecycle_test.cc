// Tests of the run state machine without a database: what each change does to the run and its
// steps and adds to the timeline, dependencies, mandatory steps and the admin override, the
// CONTAIN rule against every incident state, injects on drills only, completion with open
// mandatory steps, evaluations against the drill's objectives, times before the run or step
// started, and every change refused on ended runs with the record left unchanged. Also the
// derived fields of responses (run_view.h).
#include "services/playbook/run_lifecycle.h"

#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "google/protobuf/util/message_differencer.h"
#include "libs/common/errors.h"
#include "services/playbook/run_view.h"
#include "tests/services/playbook/run_samples.h"
#include "tests/testing/status_assertions.h"

namespace airr::playbook {
namespace {

using ::airr::playbook::testing::AtMinute;
using ::airr::playbook::testing::kRunStart;
using ::airr::playbook::testing::ProtoMinutes;
using ::airr::playbook::testing::SampleRun;
using ::airr::playbook::testing::SetDone;
using ::airr::playbook::testing::StepOf;
using ::airr::testing::HasCodeAndReason;
using ::airr::testing::IsInvalidField;
using google::protobuf::util::MessageDifferencer;
namespace iv1 = ::airr::incident::v1;

const RunActor kAt30{"alice (p-a)", AtMinute(30)};

RunRecord Record(v1::RunKind kind, iv1::State incident_state = iv1::STATE_TRIAGED) {
  return RunRecord{SampleRun(kind), incident_state};
}

std::map<std::string, std::string> Metadata(const absl::Status& status) {
  google::rpc::ErrorInfo info;
  const auto payload = status.GetPayload(kErrorInfoTypeUrl);
  if (!payload || !info.ParseFromString(std::string(*payload))) {
    return {};
  }
  return {info.metadata().begin(), info.metadata().end()};
}

// Runs `change` on `record` and expects it refused with `code`/`reason`, `record` unchanged.
void ExpectRefused(RunRecord& record,
                   const std::function<absl::StatusOr<RunChange>(RunRecord&)>& change,
                   absl::StatusCode code, const std::string& reason) {
  const v1::Run before = record.run;
  absl::StatusOr<RunChange> result = change(record);
  EXPECT_TRUE(HasCodeAndReason(result.status(), code, reason));
  EXPECT_TRUE(MessageDifferencer::Equals(before, record.run));
}

TEST(StartStep, StartsAPendingStepAndRecordsIt) {
  RunRecord r = Record(v1::RUN_KIND_DRILL);
  absl::StatusOr<RunChange> change = StartStep(r, "intake", AtMinute(5), kAt30);
  ASSERT_TRUE(change.ok()) << change.status();
  EXPECT_EQ(change->topic, "run.step_started");
  ASSERT_EQ(change->events.size(), 1u);
  EXPECT_EQ(change->events[0].type(), v1::RUN_EVENT_TYPE_STEP_STARTED);
  EXPECT_EQ(change->events[0].step_id(), "intake");
  EXPECT_EQ(change->events[0].actor(), "alice (p-a)");
  EXPECT_EQ(api::TimeFromTimestamp(change->events[0].occur_time()), AtMinute(5));
  const v1::RunStep& step = StepOf(r.run, "intake");
  EXPECT_EQ(step.state(), v1::STEP_STATE_IN_PROGRESS);
  EXPECT_EQ(api::TimeFromTimestamp(step.start_time()), AtMinute(5));
  EXPECT_EQ(step.started_by(), "alice (p-a)");
  EXPECT_FALSE(step.has_end_time());
  EXPECT_EQ(api::TimeFromTimestamp(r.run.update_time()), AtMinute(30));
}

TEST(StartStep, RefusesWhatItMustAndChangesNothing) {
  RunRecord r = Record(v1::RUN_KIND_DRILL);
  // A dependency still open: the open dependency is named.
  ExpectRefused(
      r, [](RunRecord& x) { return StartStep(x, "recover", AtMinute(1), kAt30); },
      absl::StatusCode::kFailedPrecondition, "DEPENDENCY_OPEN");
  EXPECT_EQ(Metadata(StartStep(r, "recover", AtMinute(1), kAt30).status())["step"], "contain");
  EXPECT_EQ(Metadata(StartStep(r, "contain", AtMinute(1), kAt30).status())["step"], "intake");
  // Unknown step, before the run started.
  const v1::Run before = r.run;
  EXPECT_TRUE(IsInvalidField(StartStep(r, "no-such-step", AtMinute(1), kAt30).status(), "step_id"));
  EXPECT_TRUE(IsInvalidField(StartStep(r, "intake", kRunStart - absl::Seconds(1), kAt30).status(),
                             "start_time"));
  EXPECT_TRUE(MessageDifferencer::Equals(before, r.run));
  // Not pending any more.
  ASSERT_TRUE(StartStep(r, "intake", AtMinute(1), kAt30).ok());
  ExpectRefused(
      r, [](RunRecord& x) { return StartStep(x, "intake", AtMinute(2), kAt30); },
      absl::StatusCode::kFailedPrecondition, "STEP_NOT_PENDING");
}

TEST(StartStep, ADependencyMayBeDoneOrSkipped) {
  RunRecord r = Record(v1::RUN_KIND_DRILL);
  ASSERT_TRUE(SkipStep(r, "intake", "Handled by phone", true, kAt30).ok());
  EXPECT_TRUE(StartStep(r, "contain", AtMinute(30), kAt30).ok());
  ASSERT_TRUE(CompleteStep(r, "contain", "", AtMinute(30), kAt30).ok());
  EXPECT_TRUE(StartStep(r, "recover", AtMinute(30), kAt30).ok());
}

TEST(CompleteStep, FromPendingStartsAndCompletesAtOnce) {
  RunRecord r = Record(v1::RUN_KIND_DRILL);
  absl::StatusOr<RunChange> change = CompleteStep(r, "intake", "Logged.", AtMinute(20), kAt30);
  ASSERT_TRUE(change.ok()) << change.status();
  EXPECT_EQ(change->topic, "run.step_completed");
  ASSERT_EQ(change->events.size(), 2u);
  EXPECT_EQ(change->events[0].type(), v1::RUN_EVENT_TYPE_STEP_STARTED);
  EXPECT_EQ(change->events[1].type(), v1::RUN_EVENT_TYPE_STEP_COMPLETED);
  EXPECT_EQ(change->events[1].text(), "Logged.");
  const v1::RunStep& step = StepOf(r.run, "intake");
  EXPECT_EQ(step.state(), v1::STEP_STATE_DONE);
  EXPECT_EQ(api::TimeFromTimestamp(step.start_time()), AtMinute(20));
  EXPECT_EQ(api::TimeFromTimestamp(step.end_time()), AtMinute(20));
  EXPECT_EQ(step.ended_by(), "alice (p-a)");
  EXPECT_EQ(step.notes(), "Logged.");
}

TEST(CompleteStep, FromInProgressKeepsTheStartAndChecksTimes) {
  RunRecord r = Record(v1::RUN_KIND_DRILL);
  ASSERT_TRUE(StartStep(r, "intake", AtMinute(10), kAt30).ok());
  EXPECT_TRUE(
      IsInvalidField(CompleteStep(r, "intake", "", AtMinute(9), kAt30).status(), "complete_time"));
  absl::StatusOr<RunChange> change = CompleteStep(r, "intake", "", AtMinute(12), kAt30);
  ASSERT_TRUE(change.ok()) << change.status();
  ASSERT_EQ(change->events.size(), 1u);
  EXPECT_EQ(api::TimeFromTimestamp(StepOf(r.run, "intake").start_time()), AtMinute(10));
  ExpectRefused(
      r, [](RunRecord& x) { return CompleteStep(x, "intake", "", AtMinute(13), kAt30); },
      absl::StatusCode::kFailedPrecondition, "STEP_ENDED");
  // From PENDING, the time counts from the run's start.
  EXPECT_TRUE(
      IsInvalidField(CompleteStep(r, "notify", "", kRunStart - absl::Minutes(1), kAt30).status(),
                     "complete_time"));
}

TEST(CompleteStep, ContainOnAnIncidentRunNeedsTheIncidentMitigating) {
  const std::map<iv1::State, bool> allowed = {
      {iv1::STATE_REPORTED, false}, {iv1::STATE_TRIAGED, false},     {iv1::STATE_MITIGATING, true},
      {iv1::STATE_RESOLVED, true},  {iv1::STATE_CLOSED, true},       {iv1::STATE_REJECTED, false},
      {iv1::STATE_MERGED, false},   {iv1::STATE_UNSPECIFIED, false},
  };
  for (const auto& [state, ok] : allowed) {
    SCOPED_TRACE(iv1::State_Name(state));
    RunRecord r = Record(v1::RUN_KIND_INCIDENT, state);
    ASSERT_TRUE(CompleteStep(r, "intake", "", AtMinute(5), kAt30).ok());
    absl::StatusOr<RunChange> change = CompleteStep(r, "contain", "", AtMinute(25), kAt30);
    if (ok) {
      EXPECT_TRUE(change.ok()) << change.status();
    } else {
      EXPECT_TRUE(HasCodeAndReason(change.status(), absl::StatusCode::kFailedPrecondition,
                                   "INCIDENT_NOT_CONTAINED"));
      EXPECT_EQ(Metadata(change.status())["incident_state"], iv1::State_Name(state));
      EXPECT_EQ(StepOf(r.run, "contain").state(), v1::STEP_STATE_PENDING);
    }
  }
  // A drill has no incident to wait for; other step kinds never wait.
  RunRecord drill = Record(v1::RUN_KIND_DRILL, iv1::STATE_UNSPECIFIED);
  ASSERT_TRUE(CompleteStep(drill, "intake", "", AtMinute(5), kAt30).ok());
  EXPECT_TRUE(CompleteStep(drill, "contain", "", AtMinute(6), kAt30).ok());
  RunRecord triaged = Record(v1::RUN_KIND_INCIDENT, iv1::STATE_TRIAGED);
  ASSERT_TRUE(CompleteStep(triaged, "intake", "", AtMinute(5), kAt30).ok());
  EXPECT_TRUE(CompleteStep(triaged, "notify", "", AtMinute(6), kAt30).ok());
  // Starting a CONTAIN step is not restricted.
  EXPECT_TRUE(StartStep(triaged, "contain", AtMinute(7), kAt30).ok());
}

TEST(SkipStep, OptionalStepsSkipMandatoryOnesNeedTheOverride) {
  RunRecord r = Record(v1::RUN_KIND_DRILL);
  absl::StatusOr<RunChange> optional = SkipStep(r, "kill-switch", "Not needed", false, kAt30);
  ASSERT_TRUE(optional.ok()) << optional.status();
  EXPECT_EQ(optional->topic, "run.step_skipped");
  ASSERT_EQ(optional->events.size(), 1u);
  EXPECT_EQ(optional->events[0].type(), v1::RUN_EVENT_TYPE_STEP_SKIPPED);
  EXPECT_EQ(optional->events[0].text(), "Not needed");
  const v1::RunStep& skipped = StepOf(r.run, "kill-switch");
  EXPECT_EQ(skipped.state(), v1::STEP_STATE_SKIPPED);
  EXPECT_EQ(skipped.skip_reason(), "Not needed");
  EXPECT_FALSE(skipped.skip_override());
  EXPECT_EQ(api::TimeFromTimestamp(skipped.end_time()), AtMinute(30));
  EXPECT_FALSE(skipped.has_start_time());

  ExpectRefused(
      r, [](RunRecord& x) { return SkipStep(x, "notify", "No time", false, kAt30); },
      absl::StatusCode::kFailedPrecondition, "MANDATORY_STEP");
  ASSERT_TRUE(SkipStep(r, "notify", "Regulator informed by phone", true, kAt30).ok());
  EXPECT_TRUE(StepOf(r.run, "notify").skip_override());
  ExpectRefused(
      r, [](RunRecord& x) { return SkipStep(x, "notify", "Again", true, kAt30); },
      absl::StatusCode::kFailedPrecondition, "STEP_ENDED");
  // An in-progress step can be skipped too.
  ASSERT_TRUE(StartStep(r, "intake", AtMinute(1), kAt30).ok());
  EXPECT_TRUE(SkipStep(r, "intake", "Handled elsewhere", true, kAt30).ok());
}

TEST(AddInject, RecordsTheEventAtItsOffsetOnDrillsOnly) {
  RunRecord drill = Record(v1::RUN_KIND_DRILL);
  v1::Inject inject;
  *inject.mutable_offset() = ProtoMinutes(45);
  inject.set_title("Press calls");
  inject.set_description("A journalist asks about the ranking.");
  absl::StatusOr<RunChange> change = AddInject(drill, inject, kAt30);
  ASSERT_TRUE(change.ok()) << change.status();
  EXPECT_EQ(change->topic, "run.inject_added");
  ASSERT_EQ(change->events.size(), 1u);
  EXPECT_EQ(change->events[0].type(), v1::RUN_EVENT_TYPE_INJECT);
  EXPECT_EQ(api::TimeFromTimestamp(change->events[0].occur_time()), AtMinute(45));
  EXPECT_EQ(change->events[0].title(), "Press calls");
  EXPECT_EQ(change->events[0].text(), "A journalist asks about the ranking.");

  RunRecord incident = Record(v1::RUN_KIND_INCIDENT);
  ExpectRefused(
      incident, [&](RunRecord& x) { return AddInject(x, inject, kAt30); },
      absl::StatusCode::kFailedPrecondition, "NOT_A_DRILL");
}

TEST(CompleteRun, RefusedWhileAMandatoryStepIsOpenNamingTheFirst) {
  RunRecord r = Record(v1::RUN_KIND_DRILL);
  ASSERT_TRUE(CompleteStep(r, "intake", "", AtMinute(5), kAt30).ok());
  absl::StatusOr<RunChange> refused = CompleteRun(r, "", nullptr, AtMinute(30), kAt30);
  EXPECT_TRUE(HasCodeAndReason(refused.status(), absl::StatusCode::kFailedPrecondition,
                               "MANDATORY_STEP_OPEN"));
  EXPECT_EQ(Metadata(refused.status())["step"], "contain");
  EXPECT_TRUE(absl::StrContains(refused.status().message(), "\"contain\""));
  EXPECT_EQ(r.run.state(), v1::RUN_STATE_ACTIVE);

  ASSERT_TRUE(CompleteStep(r, "contain", "", AtMinute(10), kAt30).ok());
  ASSERT_TRUE(CompleteStep(r, "notify", "", AtMinute(12), kAt30).ok());
  EXPECT_EQ(Metadata(CompleteRun(r, "", nullptr, AtMinute(30), kAt30).status())["step"], "recover");
  ASSERT_TRUE(CompleteStep(r, "recover", "", AtMinute(20), kAt30).ok());
  // The optional kill-switch step is still pending: that does not hold the run.
  EXPECT_TRUE(
      IsInvalidField(CompleteRun(r, "", nullptr, AtMinute(19), kAt30).status(), "end_time"));
  absl::StatusOr<RunChange> done = CompleteRun(r, "Went well.", nullptr, AtMinute(25), kAt30);
  ASSERT_TRUE(done.ok()) << done.status();
  EXPECT_EQ(done->topic, "run.completed");
  ASSERT_EQ(done->events.size(), 1u);
  EXPECT_EQ(done->events[0].type(), v1::RUN_EVENT_TYPE_COMPLETED);
  EXPECT_EQ(r.run.state(), v1::RUN_STATE_COMPLETED);
  EXPECT_EQ(api::TimeFromTimestamp(r.run.end_time()), AtMinute(25));
  EXPECT_EQ(r.run.ended_by(), "alice (p-a)");
  EXPECT_EQ(r.run.summary(), "Went well.");
  EXPECT_EQ(StepOf(r.run, "kill-switch").state(), v1::STEP_STATE_PENDING);
}

v1::RunEvaluation SampleEvaluation() {
  v1::RunEvaluation e;
  v1::ObjectiveResult* result = e.add_objective_results();
  result->set_objective_id("obj-1");
  result->set_rating(v1::OBJECTIVE_RATING_MET);
  v1::Finding* strength = e.add_findings();
  strength->set_kind(v1::FINDING_KIND_STRENGTH);
  strength->set_description("Intake was quick.");
  v1::Finding* improve = e.add_findings();
  improve->set_id("f-1");
  improve->set_kind(v1::FINDING_KIND_IMPROVEMENT);
  improve->set_description("Legal was hard to reach.");
  v1::CorrectiveAction* action = e.add_corrective_actions();
  action->set_description("Add a legal on-call rota.");
  action->set_owner("Legal");
  *action->mutable_due_time() = api::TimestampFromTime(AtMinute(60 * 24 * 30));
  action->set_finding_id("f-1");
  return e;
}

TEST(Evaluation, ChecksObjectivesAgainstTheDrillAndGeneratesIds) {
  RunRecord r = Record(v1::RUN_KIND_DRILL);
  v1::RunEvaluation unknown = SampleEvaluation();
  unknown.mutable_objective_results(0)->set_objective_id("obj-9");
  EXPECT_TRUE(IsInvalidField(UpdateEvaluation(r, unknown, kAt30).status(),
                             "evaluation.objective_results[0].objective_id"));
  EXPECT_FALSE(r.run.has_evaluation());

  absl::StatusOr<RunChange> change = UpdateEvaluation(r, SampleEvaluation(), kAt30);
  ASSERT_TRUE(change.ok()) << change.status();
  EXPECT_EQ(change->topic, "run.evaluated");
  ASSERT_EQ(change->events.size(), 1u);
  EXPECT_EQ(change->events[0].type(), v1::RUN_EVENT_TYPE_EVALUATED);
  // "f-1" was taken, so the empty finding id becomes "f-2".
  EXPECT_EQ(r.run.evaluation().findings(0).id(), "f-2");
  EXPECT_EQ(r.run.evaluation().findings(1).id(), "f-1");
  EXPECT_EQ(r.run.evaluation().corrective_actions(0).id(), "ca-1");

  // An incident run has no objectives to rate, but may record findings.
  RunRecord incident = Record(v1::RUN_KIND_INCIDENT);
  EXPECT_TRUE(IsInvalidField(UpdateEvaluation(incident, SampleEvaluation(), kAt30).status(),
                             "evaluation.objective_results[0].objective_id"));
  v1::RunEvaluation findings_only = SampleEvaluation();
  findings_only.clear_objective_results();
  EXPECT_TRUE(UpdateEvaluation(incident, findings_only, kAt30).ok());
}

TEST(CompleteRun, TakesAnEvaluation) {
  RunRecord r = Record(v1::RUN_KIND_DRILL);
  for (const char* id : {"intake", "contain", "notify", "recover"}) {
    ASSERT_TRUE(CompleteStep(r, id, "", AtMinute(10), kAt30).ok());
  }
  const v1::RunEvaluation evaluation = SampleEvaluation();
  absl::StatusOr<RunChange> change = CompleteRun(r, "", &evaluation, AtMinute(20), kAt30);
  ASSERT_TRUE(change.ok()) << change.status();
  ASSERT_EQ(change->events.size(), 2u);
  EXPECT_EQ(change->events[0].type(), v1::RUN_EVENT_TYPE_COMPLETED);
  EXPECT_EQ(change->events[1].type(), v1::RUN_EVENT_TYPE_EVALUATED);
  EXPECT_EQ(r.run.evaluation().findings_size(), 2);
  EXPECT_EQ(r.run.evaluation().corrective_actions(0).id(), "ca-1");
}

TEST(AbortRun, EndsTheRunWithTheReason) {
  RunRecord r = Record(v1::RUN_KIND_INCIDENT);
  absl::StatusOr<RunChange> change = AbortRun(r, "Opened by mistake", kAt30);
  ASSERT_TRUE(change.ok()) << change.status();
  EXPECT_EQ(change->topic, "run.aborted");
  ASSERT_EQ(change->events.size(), 1u);
  EXPECT_EQ(change->events[0].type(), v1::RUN_EVENT_TYPE_ABORTED);
  EXPECT_EQ(change->events[0].text(), "Opened by mistake");
  EXPECT_EQ(r.run.state(), v1::RUN_STATE_ABORTED);
  EXPECT_EQ(r.run.abort_reason(), "Opened by mistake");
  EXPECT_EQ(api::TimeFromTimestamp(r.run.end_time()), AtMinute(30));
}

// Every change on a completed or aborted run is refused (RUN_ENDED), except a new evaluation of a
// completed run; an aborted run takes none (RUN_ABORTED).
TEST(EndedRuns, RefuseEveryChange) {
  v1::Inject inject;
  inject.set_title("Late inject");
  const v1::RunEvaluation evaluation = SampleEvaluation();
  const std::map<std::string, std::function<absl::StatusOr<RunChange>(RunRecord&)>> changes = {
      {"StartStep", [](RunRecord& x) { return StartStep(x, "intake", AtMinute(1), kAt30); }},
      {"CompleteStep",
       [](RunRecord& x) { return CompleteStep(x, "kill-switch", "", AtMinute(1), kAt30); }},
      {"SkipStep", [](RunRecord& x) { return SkipStep(x, "kill-switch", "r", false, kAt30); }},
      {"AddInject", [&](RunRecord& x) { return AddInject(x, inject, kAt30); }},
      {"AbortRun", [](RunRecord& x) { return AbortRun(x, "again", kAt30); }},
      {"CompleteRun", [](RunRecord& x) { return CompleteRun(x, "", nullptr, AtMinute(1), kAt30); }},
      {"UpdateEvaluation", [&](RunRecord& x) { return UpdateEvaluation(x, evaluation, kAt30); }},
  };
  RunRecord completed = Record(v1::RUN_KIND_DRILL);
  for (const char* id : {"intake", "contain", "notify", "recover"}) {
    ASSERT_TRUE(CompleteStep(completed, id, "", AtMinute(10), kAt30).ok());
  }
  ASSERT_TRUE(CompleteRun(completed, "", nullptr, AtMinute(10), kAt30).ok());
  RunRecord aborted = Record(v1::RUN_KIND_DRILL);
  ASSERT_TRUE(AbortRun(aborted, "Cancelled", kAt30).ok());

  for (const auto& [name, change] : changes) {
    SCOPED_TRACE(name);
    if (name == "UpdateEvaluation") {
      ExpectRefused(aborted, change, absl::StatusCode::kFailedPrecondition, "RUN_ABORTED");
      RunRecord copy = completed;
      EXPECT_TRUE(change(copy).ok());
      continue;
    }
    ExpectRefused(completed, change, absl::StatusCode::kFailedPrecondition, "RUN_ENDED");
    ExpectRefused(aborted, change, absl::StatusCode::kFailedPrecondition, "RUN_ENDED");
  }
}

TEST(RunStartedEvent, IsAtTheStartByTheStarter) {
  const v1::RunEvent event = RunStartedEvent(SampleRun(v1::RUN_KIND_INCIDENT));
  EXPECT_EQ(event.type(), v1::RUN_EVENT_TYPE_STARTED);
  EXPECT_EQ(api::TimeFromTimestamp(event.occur_time()), kRunStart);
  EXPECT_EQ(event.actor(), "starter (p-1)");
  EXPECT_EQ(event.text(), "incidents/inc-1");
}

TEST(DeriveRunFields, DueTimesLatenessAndLinks) {
  v1::Run run = SampleRun(v1::RUN_KIND_INCIDENT);
  SetDone(run, "intake", 5, 20);    // due at 15: late
  SetDone(run, "contain", 30, 90);  // due at 120: on time
  StepOf(run, "kill-switch").set_state(v1::STEP_STATE_SKIPPED);
  DeriveRunFields(run, AtMinute(300));  // notify (due 240) is open after its due time
  EXPECT_EQ(api::TimeFromTimestamp(StepOf(run, "recover").due_time()), AtMinute(480));
  EXPECT_TRUE(StepOf(run, "intake").late());
  EXPECT_FALSE(StepOf(run, "contain").late());
  EXPECT_FALSE(StepOf(run, "kill-switch").late());
  EXPECT_TRUE(StepOf(run, "notify").late());
  EXPECT_FALSE(StepOf(run, "recover").late());
  EXPECT_EQ(StepOf(run, "notify").linked_resource(), "incidents/inc-1/notifications");
  EXPECT_EQ(StepOf(run, "contain").linked_resource(), "incidents/inc-1");
  EXPECT_EQ(StepOf(run, "intake").linked_resource(), "");

  // A drill links nothing; an ended run stops the clock for open steps.
  v1::Run drill = SampleRun(v1::RUN_KIND_DRILL);
  drill.set_state(v1::RUN_STATE_ABORTED);
  *drill.mutable_end_time() = api::TimestampFromTime(AtMinute(10));
  DeriveRunFields(drill, AtMinute(1000));
  EXPECT_EQ(StepOf(drill, "notify").linked_resource(), "");
  EXPECT_FALSE(StepOf(drill, "intake").late());
}

}  // namespace
}  // namespace airr::playbook
