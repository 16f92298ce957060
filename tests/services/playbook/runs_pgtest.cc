// Runs and drills through the real server with an injected clock: a full tabletop drill step by
// step (one inject, one skipped optional step, one late step) completed with findings and a
// corrective action, with every figure of its report checked; a run keeps its playbook version
// after the playbook is edited; completion refused while a mandatory step is open; mandatory
// skips and the admin override in the audit trail; dependencies; CONTAIN steps waiting for the
// incident's mitigation; one live run per incident and playbook; request id idempotency; etags;
// archived and unknown playbooks; listing with filters and pages; and reports of active runs.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "libs/api/etag.h"
#include "services/playbook/playbook_grpc_service.h"
#include "tests/services/playbook/run_pgtest_util.h"

namespace airr::playbook::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::ElementsAreArray;

class RunsTest : public RunServerTest {
 protected:
  void SetUp() override {
    t_ = MakeReportTenant(env().base(), "runs");
    playbook_ = MakePlaybook(env(), t_.analyst, "first-response");
  }

  // A started drill of the sample playbook (started `minutes_ago` before now).
  v1::Run MustStartDrill(int64_t minutes_ago = 60) {
    auto run = StartDrill(env(), t_.responder, playbook_, Now() - absl::Minutes(minutes_ago));
    EXPECT_TRUE(run.ok()) << run.status();
    return run.ok() ? *run : v1::Run();
  }

  ReportTenant t_;
  std::string playbook_;
};

std::vector<std::string> Topics(const ReportTenant& t, const std::string& name) {
  return OutboxTopics(t, name);
}

// Must show 3 (and the drill of Must show 1 through the API): the whole drill, then its report.
TEST_F(RunsTest, FullDrillStepByStepAndItsReport) {
  const absl::Time s = Now() - absl::Minutes(540);  // the drill began nine hours ago
  auto at = [&](int64_t minutes) { return s + absl::Minutes(minutes); };
  auto started = StartDrill(env(), t_.responder, playbook_, s);
  ASSERT_TRUE(started.ok()) << started.status();
  const std::string run = started->name();
  EXPECT_TRUE(absl::StartsWith(run, playbook_ + "/runs/"));
  EXPECT_EQ(started->kind(), v1::RUN_KIND_DRILL);
  EXPECT_EQ(started->state(), v1::RUN_STATE_ACTIVE);
  EXPECT_EQ(started->start_mode(), v1::START_MODE_MANUAL);
  EXPECT_EQ(started->playbook_version(), 1);
  EXPECT_TRUE(started->bcp());
  EXPECT_EQ(api::TimeFromTimestamp(started->start_time()), s);
  EXPECT_EQ(api::TimeFromTimestamp(started->create_time()), Now());
  EXPECT_TRUE(absl::StartsWith(started->started_by(), "responder-")) << started->started_by();
  EXPECT_EQ(started->drill().objectives(0).id(), "obj-1");
  EXPECT_EQ(started->drill().objectives(1).id(), "obj-2");
  ASSERT_EQ(started->steps_size(), 5);
  EXPECT_EQ(api::TimeFromTimestamp(StepNamed(*started, "recover").due_time()), at(480));
  // Nine hours in, every pending step is already late.
  EXPECT_TRUE(StepNamed(*started, "intake").late());

  ASSERT_TRUE(StartStep(env(), t_.responder, run, "intake", at(3)).ok());
  ASSERT_TRUE(CompleteStep(env(), t_.responder, run, "intake", at(10), "Logged.").ok());
  ASSERT_TRUE(AddInject(env(), t_.responder, run, 45, "Press calls", "A journalist asks.").ok());
  ASSERT_TRUE(SkipStep(env(), t_.responder, run, "kill-switch", "Not in a tabletop").ok());
  ASSERT_TRUE(StartStep(env(), t_.responder, run, "notify", at(100)).ok());
  ASSERT_TRUE(CompleteStep(env(), t_.responder, run, "contain", at(150)).ok());
  ASSERT_TRUE(CompleteStep(env(), t_.responder, run, "notify", at(200)).ok());
  auto recovered = CompleteStep(env(), t_.responder, run, "recover", at(470));
  ASSERT_TRUE(recovered.ok()) << recovered.status();
  EXPECT_TRUE(StepNamed(*recovered, "contain").late());
  EXPECT_FALSE(StepNamed(*recovered, "notify").late());
  EXPECT_FALSE(StepNamed(*recovered, "kill-switch").late());

  v1::RunEvaluation evaluation;
  auto rate = [&](const std::string& id, v1::ObjectiveRating rating) {
    v1::ObjectiveResult* r = evaluation.add_objective_results();
    r->set_objective_id(id);
    r->set_rating(rating);
  };
  rate("obj-1", v1::OBJECTIVE_RATING_PARTLY_MET);
  rate("obj-2", v1::OBJECTIVE_RATING_MET);
  v1::Finding* strength = evaluation.add_findings();
  strength->set_kind(v1::FINDING_KIND_STRENGTH);
  strength->set_description("Intake was logged within ten minutes.");
  v1::Finding* gap = evaluation.add_findings();
  gap->set_id("containment-slow");
  gap->set_kind(v1::FINDING_KIND_IMPROVEMENT);
  gap->set_description("Containment took 30 minutes longer than planned.");
  gap->set_link_target("playbooks/first-response");
  v1::CorrectiveAction* action = evaluation.add_corrective_actions();
  action->set_description("Pre-approve the rollback so engineering need not wait.");
  action->set_owner("Head of engineering");
  *action->mutable_due_time() = Ts(Now() + absl::Hours(24 * 30));
  action->set_finding_id("containment-slow");
  // Not before the last step ended (the skip, just now).
  EXPECT_TRUE(IsInvalidField(
      CompleteRun(env(), t_.responder, run, "", &evaluation, at(500)).status(), "end_time"));
  auto completed =
      CompleteRun(env(), t_.responder, run, "Contained late; otherwise on plan.", &evaluation);
  ASSERT_TRUE(completed.ok()) << completed.status();
  EXPECT_EQ(completed->state(), v1::RUN_STATE_COMPLETED);
  EXPECT_EQ(api::TimeFromTimestamp(completed->end_time()), at(540));
  EXPECT_EQ(completed->summary(), "Contained late; otherwise on plan.");
  EXPECT_EQ(completed->evaluation().findings(0).id(), "f-1");
  EXPECT_EQ(completed->evaluation().corrective_actions(0).id(), "ca-1");

  auto report = Report(env(), t_.viewer, run);
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->playbook_display_name(), "AI incident first response");
  EXPECT_EQ(report->run().name(), run);
  EXPECT_EQ(api::TimeFromTimestamp(report->report_time()), Now());
  struct Row {
    const char* id;
    int64_t target, actual, variance;
    v1::StepOutcome outcome;
  };
  const Row rows[] = {
      {"intake", 15, 10, -5, v1::STEP_OUTCOME_ON_TIME},
      {"kill-switch", 60, 540, 480, v1::STEP_OUTCOME_SKIPPED},
      {"contain", 120, 150, 30, v1::STEP_OUTCOME_LATE},
      {"notify", 240, 200, -40, v1::STEP_OUTCOME_ON_TIME},
      {"recover", 480, 470, -10, v1::STEP_OUTCOME_ON_TIME},
  };
  ASSERT_EQ(report->steps_size(), 5);
  for (int i = 0; i < 5; ++i) {
    SCOPED_TRACE(rows[i].id);
    const v1::StepReport& step = report->steps(i);
    EXPECT_EQ(step.step_id(), rows[i].id);
    EXPECT_EQ(Min(step.target_offset()), rows[i].target);
    EXPECT_EQ(step.actual_offset().seconds(), rows[i].actual * 60);
    EXPECT_EQ(step.variance().seconds(), rows[i].variance * 60);
    EXPECT_EQ(step.outcome(), rows[i].outcome);
  }
  EXPECT_EQ(report->first_action().actual().seconds(), 3 * 60);
  EXPECT_EQ(report->first_action().verdict(), v1::TARGET_VERDICT_MET);
  EXPECT_EQ(report->containment().actual().seconds(), 150 * 60);
  EXPECT_EQ(report->containment().verdict(), v1::TARGET_VERDICT_MISSED);
  EXPECT_EQ(Min(report->recovery().target()), 480);
  EXPECT_EQ(report->recovery().actual().seconds(), 470 * 60);
  EXPECT_EQ(report->recovery().verdict(), v1::TARGET_VERDICT_MET);
  EXPECT_EQ(report->steps_late(), 1);
  EXPECT_EQ(report->steps_skipped(), 1);
  EXPECT_EQ(report->steps_not_started(), 0);
  EXPECT_EQ(report->objectives_met(), 1);
  EXPECT_EQ(report->objectives_partly_met(), 1);
  EXPECT_EQ(report->objectives_not_met(), 0);

  std::vector<v1::RunEventType> types;
  std::vector<int64_t> offsets;
  for (const v1::RunEvent& event : report->timeline()) {
    types.push_back(event.type());
    offsets.push_back(Min(event.offset()));
  }
  EXPECT_THAT(types, ElementsAre(v1::RUN_EVENT_TYPE_STARTED, v1::RUN_EVENT_TYPE_STEP_STARTED,
                                 v1::RUN_EVENT_TYPE_STEP_COMPLETED, v1::RUN_EVENT_TYPE_INJECT,
                                 v1::RUN_EVENT_TYPE_STEP_STARTED, v1::RUN_EVENT_TYPE_STEP_STARTED,
                                 v1::RUN_EVENT_TYPE_STEP_COMPLETED,
                                 v1::RUN_EVENT_TYPE_STEP_COMPLETED, v1::RUN_EVENT_TYPE_STEP_STARTED,
                                 v1::RUN_EVENT_TYPE_STEP_COMPLETED, v1::RUN_EVENT_TYPE_STEP_SKIPPED,
                                 v1::RUN_EVENT_TYPE_COMPLETED, v1::RUN_EVENT_TYPE_EVALUATED));
  EXPECT_THAT(offsets, ElementsAre(0, 3, 10, 45, 100, 150, 150, 200, 470, 470, 540, 540, 540));
  EXPECT_EQ(report->timeline(3).title(), "Press calls");
  EXPECT_EQ(report->timeline(3).text(), "A journalist asks.");
  EXPECT_EQ(report->timeline(10).text(), "Not in a tabletop");
  EXPECT_EQ(report->timeline(11).text(), "Contained late; otherwise on plan.");

  EXPECT_THAT(
      Topics(t_, run),
      ElementsAre("run.started", "run.step_started", "run.step_completed", "run.inject_added",
                  "run.step_skipped", "run.step_started", "run.step_completed",
                  "run.step_completed", "run.step_completed", "run.completed"));
  EXPECT_EQ(AuditRows(t_, run), 10);

  // A completed run takes a new evaluation, nothing else.
  evaluation.mutable_objective_results(0)->set_rating(v1::OBJECTIVE_RATING_MET);
  auto reevaluated = Evaluate(env(), t_.responder, run, evaluation);
  ASSERT_TRUE(reevaluated.ok()) << reevaluated.status();
  auto after = Report(env(), t_.viewer, run);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->objectives_met(), 2);
  EXPECT_TRUE(HasCodeAndReason(StartStep(env(), t_.responder, run, "kill-switch").status(),
                               absl::StatusCode::kFailedPrecondition, "RUN_ENDED"));
  EXPECT_TRUE(HasCodeAndReason(AddInject(env(), t_.responder, run, 1, "Late").status(),
                               absl::StatusCode::kFailedPrecondition, "RUN_ENDED"));
}

// Must show 3: a run keeps the version it started with after the playbook is edited.
TEST_F(RunsTest, ARunKeepsItsPlaybookVersion) {
  const v1::Run before = MustStartDrill();
  ASSERT_EQ(before.playbook_version(), 1);

  v1::Playbook patch = SamplePlaybook("AI incident first response, revised");
  patch.set_name(playbook_);
  v1::PlaybookStep* added = patch.add_steps();
  added->set_id("lessons");
  added->set_title("Hold the lessons-learned review");
  added->set_role(v1::RESPONSIBLE_ROLE_RISK_MANAGEMENT);
  *added->mutable_target_offset() = Minutes(600);
  patch.mutable_steps(0)->set_title("Log the report at the intake desk");
  patch.set_change_note("Add the review; retitle intake.");
  v1::UpdatePlaybookRequest update;
  *update.mutable_playbook() = patch;
  update.mutable_update_mask()->add_paths("display_name");
  update.mutable_update_mask()->add_paths("steps");
  auto updated = env().Call(&PlaybookStub::UpdatePlaybook, update, t_.analyst);
  ASSERT_TRUE(updated.ok()) << updated.status();
  ASSERT_EQ(updated->version(), 2);

  auto read = GetRun(env(), t_.viewer, before.name());
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_EQ(read->playbook_version(), 1);
  ASSERT_EQ(read->steps_size(), 5);
  EXPECT_EQ(StepNamed(*read, "intake").step().title(), "Step intake");
  // The old run still works on its own steps; the new step is unknown to it.
  EXPECT_TRUE(
      IsInvalidField(StartStep(env(), t_.responder, before.name(), "lessons").status(), "step_id"));
  ASSERT_TRUE(CompleteStep(env(), t_.responder, before.name(), "intake").ok());
  auto report = Report(env(), t_.viewer, before.name());
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->playbook_display_name(), "AI incident first response");

  // A new run follows the new version.
  const v1::Run after = MustStartDrill();
  EXPECT_EQ(after.playbook_version(), 2);
  ASSERT_EQ(after.steps_size(), 6);
  EXPECT_EQ(StepNamed(after, "intake").step().title(), "Log the report at the intake desk");
  auto new_report = Report(env(), t_.viewer, after.name());
  ASSERT_TRUE(new_report.ok());
  EXPECT_EQ(new_report->playbook_display_name(), "AI incident first response, revised");
}

// Must show 3: completing with an open mandatory step names the step.
TEST_F(RunsTest, CompleteRunIsRefusedWhileAMandatoryStepIsOpen) {
  const v1::Run run = MustStartDrill();
  TenantRows rows(t_.name);
  auto refused = CompleteRun(env(), t_.responder, run.name(), "Done?");
  EXPECT_TRUE(HasCodeAndReason(refused.status(), absl::StatusCode::kFailedPrecondition,
                               "MANDATORY_STEP_OPEN"));
  EXPECT_EQ(ErrorMetadata(refused.status())["step"], "intake");
  EXPECT_TRUE(absl::StrContains(refused.status().message(), "\"intake\"")) << refused.status();
  EXPECT_TRUE(rows.Unchanged());

  ASSERT_TRUE(CompleteStep(env(), t_.responder, run.name(), "intake").ok());
  ASSERT_TRUE(CompleteStep(env(), t_.responder, run.name(), "contain").ok());
  auto second = CompleteRun(env(), t_.responder, run.name());
  EXPECT_EQ(ErrorMetadata(second.status())["step"], "notify");
  ASSERT_TRUE(CompleteStep(env(), t_.responder, run.name(), "notify").ok());
  ASSERT_TRUE(CompleteStep(env(), t_.responder, run.name(), "recover").ok());
  // The optional kill-switch step does not hold the run.
  auto done = CompleteRun(env(), t_.responder, run.name());
  ASSERT_TRUE(done.ok()) << done.status();
  EXPECT_EQ(StepNamed(*done, "kill-switch").state(), v1::STEP_STATE_PENDING);
  auto report = Report(env(), t_.viewer, run.name());
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->steps_not_started(), 1);
  EXPECT_EQ(report->objectives_not_met(), 2);  // not rated
}

TEST_F(RunsTest, MandatorySkipNeedsTheAdminsOverrideWhichIsAudited) {
  const v1::Run run = MustStartDrill();
  TenantRows rows(t_.name);
  EXPECT_TRUE(HasCodeAndReason(
      SkipStep(env(), t_.responder, run.name(), "notify", "No regulator involved").status(),
      absl::StatusCode::kFailedPrecondition, "MANDATORY_STEP"));
  EXPECT_TRUE(HasCodeAndReason(
      SkipStep(env(), t_.admin, run.name(), "notify", "No regulator involved").status(),
      absl::StatusCode::kFailedPrecondition, "MANDATORY_STEP"));
  auto responder_override =
      SkipStep(env(), t_.responder, run.name(), "notify", "No regulator involved", true);
  EXPECT_EQ(responder_override.status().code(), absl::StatusCode::kPermissionDenied)
      << responder_override.status();
  EXPECT_TRUE(rows.Unchanged());

  auto skipped = SkipStep(env(), t_.admin, run.name(), "notify", "No regulator involved", true);
  ASSERT_TRUE(skipped.ok()) << skipped.status();
  const v1::RunStep& notify = StepNamed(*skipped, "notify");
  EXPECT_EQ(notify.state(), v1::STEP_STATE_SKIPPED);
  EXPECT_TRUE(notify.skip_override());
  EXPECT_EQ(notify.skip_reason(), "No regulator involved");
  EXPECT_TRUE(absl::StartsWith(notify.ended_by(), "admin-")) << notify.ended_by();

  // The audit row of the override shows it in the run's after-image, and the actor.
  const auto audit = ::airr::testing::QueryRows(
      absl::StrCat("SELECT a.actor, s->>'skip_override', a.rpc FROM audit_log a "
                   "CROSS JOIN jsonb_array_elements(a.after->'steps') s "
                   "WHERE a.resource_name = '",
                   run.name(), "' AND s->'step'->>'id' = 'notify' ORDER BY a.seq DESC LIMIT 1"));
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_TRUE(absl::StartsWith(audit[0][0], "admin-")) << audit[0][0];
  EXPECT_EQ(audit[0][1], "true");
  EXPECT_EQ(audit[0][2], PlaybookMethod("SkipStep"));

  // An optional step needs no override (and records none).
  auto optional = SkipStep(env(), t_.responder, run.name(), "kill-switch", "Not needed");
  ASSERT_TRUE(optional.ok()) << optional.status();
  EXPECT_FALSE(StepNamed(*optional, "kill-switch").skip_override());
  EXPECT_TRUE(
      HasCodeAndReason(SkipStep(env(), t_.admin, run.name(), "kill-switch", "Again", true).status(),
                       absl::StatusCode::kFailedPrecondition, "STEP_ENDED"));
}

TEST_F(RunsTest, DependenciesAreEnforced) {
  const v1::Run run = MustStartDrill();
  TenantRows rows(t_.name);
  auto early = StartStep(env(), t_.responder, run.name(), "contain");
  EXPECT_TRUE(
      HasCodeAndReason(early.status(), absl::StatusCode::kFailedPrecondition, "DEPENDENCY_OPEN"));
  EXPECT_EQ(ErrorMetadata(early.status())["step"], "intake");
  auto early_done = CompleteStep(env(), t_.responder, run.name(), "recover");
  EXPECT_EQ(ErrorMetadata(early_done.status())["step"], "contain");
  EXPECT_TRUE(rows.Unchanged());

  ASSERT_TRUE(StartStep(env(), t_.responder, run.name(), "intake").ok());
  // In progress is not enough.
  EXPECT_TRUE(HasCodeAndReason(StartStep(env(), t_.responder, run.name(), "contain").status(),
                               absl::StatusCode::kFailedPrecondition, "DEPENDENCY_OPEN"));
  EXPECT_TRUE(HasCodeAndReason(StartStep(env(), t_.responder, run.name(), "intake").status(),
                               absl::StatusCode::kFailedPrecondition, "STEP_NOT_PENDING"));
  ASSERT_TRUE(CompleteStep(env(), t_.responder, run.name(), "intake").ok());
  auto contain = StartStep(env(), t_.responder, run.name(), "contain");
  ASSERT_TRUE(contain.ok()) << contain.status();
  EXPECT_EQ(StepNamed(*contain, "contain").state(), v1::STEP_STATE_IN_PROGRESS);
  EXPECT_TRUE(HasCodeAndReason(StartStep(env(), t_.responder, run.name(), "recover").status(),
                               absl::StatusCode::kFailedPrecondition, "DEPENDENCY_OPEN"));
  // A time before the step started is refused.
  EXPECT_TRUE(IsInvalidField(
      CompleteStep(env(), t_.responder, run.name(), "contain", Now() - absl::Hours(2)).status(),
      "complete_time"));
}

TEST_F(RunsTest, ContainWaitsForTheIncidentsMitigation) {
  const std::string incident = MakeIncident(env().base(), t_, "Chatbot leaked customer data");
  auto started = StartRun(env(), t_.responder, playbook_, incident);
  ASSERT_TRUE(started.ok()) << started.status();
  const std::string run = started->name();
  EXPECT_EQ(started->kind(), v1::RUN_KIND_INCIDENT);
  EXPECT_EQ(started->incident(), incident);
  EXPECT_FALSE(started->has_drill());
  EXPECT_EQ(StepNamed(*started, "contain").linked_resource(), incident);
  EXPECT_EQ(StepNamed(*started, "notify").linked_resource(), incident + "/notifications");
  EXPECT_EQ(StepNamed(*started, "intake").linked_resource(), "");
  ASSERT_TRUE(CompleteStep(env(), t_.responder, run, "intake").ok());

  TenantRows rows(t_.name);
  auto reported = CompleteStep(env(), t_.responder, run, "contain");
  EXPECT_TRUE(HasCodeAndReason(reported.status(), absl::StatusCode::kFailedPrecondition,
                               "INCIDENT_NOT_CONTAINED"));
  EXPECT_EQ(ErrorMetadata(reported.status())["incident_state"], "STATE_REPORTED");
  EXPECT_TRUE(rows.Unchanged());
  ASSERT_TRUE(TriageIncident(env(), t_.responder, incident).ok());
  auto triaged = CompleteStep(env(), t_.responder, run, "contain");
  EXPECT_TRUE(HasCodeAndReason(triaged.status(), absl::StatusCode::kFailedPrecondition,
                               "INCIDENT_NOT_CONTAINED"));
  EXPECT_EQ(ErrorMetadata(triaged.status())["incident_state"], "STATE_TRIAGED");
  // Starting the step is allowed; only completing it waits.
  ASSERT_TRUE(StartStep(env(), t_.responder, run, "contain").ok());
  ASSERT_TRUE(StartMitigation(env(), t_.responder, incident).ok());
  auto contained = CompleteStep(env(), t_.responder, run, "contain", std::nullopt, "Rolled back.");
  ASSERT_TRUE(contained.ok()) << contained.status();
  EXPECT_EQ(StepNamed(*contained, "contain").state(), v1::STEP_STATE_DONE);
  // An incident run takes no injects.
  EXPECT_TRUE(HasCodeAndReason(AddInject(env(), t_.responder, run, 5, "Inject").status(),
                               absl::StatusCode::kFailedPrecondition, "NOT_A_DRILL"));
}

TEST_F(RunsTest, OneLiveRunPerIncidentAndPlaybook) {
  const std::string incident = MakeIncident(env().base(), t_, "Model drift in credit scoring");
  auto first = StartRun(env(), t_.responder, playbook_, incident);
  ASSERT_TRUE(first.ok()) << first.status();
  TenantRows rows(t_.name);
  auto second = StartRun(env(), t_.admin, playbook_, incident);
  EXPECT_TRUE(HasCodeAndReason(second.status(), absl::StatusCode::kAlreadyExists, "RUN_EXISTS"));
  EXPECT_EQ(ErrorMetadata(second.status())["run"], first->name());
  EXPECT_TRUE(rows.Unchanged());

  // Another playbook may run on the same incident.
  const std::string other = MakePlaybook(env(), t_.analyst, "bcp-shutdown");
  ASSERT_TRUE(StartRun(env(), t_.responder, other, incident).ok());

  // After an abort, a new run of the same playbook is allowed.
  auto aborted = AbortRun(env(), t_.responder, first->name(), "Started by mistake");
  ASSERT_TRUE(aborted.ok()) << aborted.status();
  EXPECT_EQ(aborted->state(), v1::RUN_STATE_ABORTED);
  EXPECT_EQ(aborted->abort_reason(), "Started by mistake");
  EXPECT_TRUE(aborted->has_end_time());
  auto again = StartRun(env(), t_.responder, playbook_, incident);
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_NE(again->name(), first->name());
  EXPECT_TRUE(HasCodeAndReason(AbortRun(env(), t_.responder, first->name(), "Again").status(),
                               absl::StatusCode::kFailedPrecondition, "RUN_ENDED"));
  EXPECT_TRUE(HasCodeAndReason(Evaluate(env(), t_.responder, first->name(), {}).status(),
                               absl::StatusCode::kFailedPrecondition, "RUN_ABORTED"));
}

// Concurrent changes of one run queue on its lock, and each reads what the one before it
// committed: none is lost (each inject is on the timeline and moved the version once), and of two
// aborts racing exactly one wins.
TEST_F(RunsTest, ConcurrentChangesOfOneRunAreNotLost) {
  constexpr int kCallers = 8;
  const v1::Run drill = MustStartDrill();
  std::vector<absl::Status> results(kCallers, absl::UnknownError("not run"));
  {
    std::vector<std::thread> callers;
    for (int i = 0; i < kCallers; ++i) {
      callers.emplace_back([&, i] {
        results[i] =
            AddInject(env(), t_.responder, drill.name(), i, absl::StrCat("Inject ", i)).status();
      });
    }
    for (std::thread& caller : callers) caller.join();
  }
  for (const absl::Status& status : results) {
    EXPECT_TRUE(status.ok()) << status;
  }
  auto after = GetRun(env(), t_.viewer, drill.name());
  ASSERT_TRUE(after.ok()) << after.status();
  EXPECT_EQ(after->etag(), api::FormatEtag(kCallers + 1));
  auto report = Report(env(), t_.viewer, drill.name());
  ASSERT_TRUE(report.ok()) << report.status();
  int injects = 0;
  for (const v1::RunEvent& event : report->timeline()) {
    injects += event.type() == v1::RUN_EVENT_TYPE_INJECT ? 1 : 0;
  }
  EXPECT_EQ(injects, kCallers);

  // Two aborts racing: one ends the run, the other reads the ended run and is refused.
  absl::Status first, second;
  {
    std::thread one([&] { first = AbortRun(env(), t_.responder, drill.name(), "one").status(); });
    std::thread two([&] { second = AbortRun(env(), t_.admin, drill.name(), "two").status(); });
    one.join();
    two.join();
  }
  EXPECT_NE(first.ok(), second.ok()) << first << " / " << second;
  EXPECT_EQ(ErrorReason(first.ok() ? second : first), "RUN_ENDED");
  auto ended = GetRun(env(), t_.viewer, drill.name());
  ASSERT_TRUE(ended.ok()) << ended.status();
  EXPECT_EQ(ended->state(), v1::RUN_STATE_ABORTED);
}

// Concurrent starts on one incident race in the database: exactly one run is stored, the others
// are told which run exists; concurrent retries of one request all get the same run.
TEST_F(RunsTest, ConcurrentStartsStoreOneRun) {
  constexpr int kCallers = 6;
  const std::string incident = MakeIncident(env().base(), t_, "Voice clone used for fraud");
  std::vector<absl::StatusOr<v1::Run>> results(kCallers, absl::UnknownError("not run"));
  {
    std::vector<std::thread> callers;
    for (int i = 0; i < kCallers; ++i) {
      callers.emplace_back(
          [&, i] { results[i] = StartRun(env(), t_.responder, playbook_, incident); });
    }
    for (std::thread& caller : callers) caller.join();
  }
  std::set<std::string> started;
  int refused = 0;
  for (const auto& result : results) {
    if (result.ok()) {
      started.insert(result->name());
    } else {
      EXPECT_TRUE(
          HasCodeAndReason(result.status(), absl::StatusCode::kAlreadyExists, "RUN_EXISTS"));
      ++refused;
    }
  }
  ASSERT_EQ(started.size(), 1u);
  EXPECT_EQ(refused, kCallers - 1);
  for (const auto& result : results) {
    if (!result.ok()) {
      EXPECT_EQ(ErrorMetadata(result.status())["run"], *started.begin());
    }
  }

  const std::string request_id = "9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d";
  std::vector<absl::StatusOr<v1::Run>> retries(kCallers, absl::UnknownError("not run"));
  {
    std::vector<std::thread> callers;
    for (int i = 0; i < kCallers; ++i) {
      callers.emplace_back([&, i] {
        retries[i] = StartDrill(env(), t_.responder, playbook_, std::nullopt, request_id);
      });
    }
    for (std::thread& caller : callers) caller.join();
  }
  std::set<std::string> drills;
  for (const auto& result : retries) {
    ASSERT_TRUE(result.ok()) << result.status();
    drills.insert(result->name());
  }
  EXPECT_EQ(drills.size(), 1u);
  EXPECT_EQ(OutboxTopics(t_, *drills.begin()), std::vector<std::string>{"run.started"});
}

TEST_F(RunsTest, RequestIdsMakeStartsIdempotent) {
  const std::string request_id = "0b6f3c55-61c7-4f57-8b1f-3b9f7b6a2c41";
  auto first = StartDrill(env(), t_.responder, playbook_, std::nullopt, request_id);
  ASSERT_TRUE(first.ok()) << first.status();
  TenantRows rows(t_.name);
  auto again = StartDrill(env(), t_.responder, playbook_, std::nullopt, request_id);
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->name(), first->name());
  EXPECT_EQ(again->etag(), first->etag());
  EXPECT_TRUE(rows.Unchanged());

  const std::string incident = MakeIncident(env().base(), t_, "Deepfake of the CEO");
  const std::string run_request = "5d7c1a8e-2b34-4c8f-a1d2-9e0f3b4c5d6e";
  auto run = StartRun(env(), t_.responder, playbook_, incident, run_request);
  ASSERT_TRUE(run.ok()) << run.status();
  rows.Retake();
  auto replay = StartRun(env(), t_.responder, playbook_, incident, run_request);
  ASSERT_TRUE(replay.ok()) << replay.status();  // not RUN_EXISTS: it is the same request
  EXPECT_EQ(replay->name(), run->name());
  EXPECT_TRUE(rows.Unchanged());
  EXPECT_EQ(::airr::testing::QueryRows(
                absl::StrCat("SELECT request_id FROM audit_log WHERE resource_name = '",
                             run->name(), "'"))
                .at(0)
                .at(0),
            run_request);
}

TEST_F(RunsTest, EtagsAndUnknownOrArchivedPlaybooks) {
  const v1::Run run = MustStartDrill();
  auto moved = StartStep(env(), t_.responder, run.name(), "intake", std::nullopt, run.etag());
  ASSERT_TRUE(moved.ok()) << moved.status();
  EXPECT_NE(moved->etag(), run.etag());
  TenantRows rows(t_.name);
  auto stale = StartStep(env(), t_.responder, run.name(), "kill-switch", std::nullopt, run.etag());
  EXPECT_EQ(stale.status().code(), absl::StatusCode::kAborted) << stale.status();
  EXPECT_TRUE(rows.Unchanged());

  EXPECT_EQ(StartDrill(env(), t_.responder, "playbooks/no-such-playbook").status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(GetRun(env(), t_.viewer, playbook_ + "/runs/7c9e6679-7425-40de-944b-e07fc1f90ae7")
                .status()
                .code(),
            absl::StatusCode::kNotFound);

  const std::string archived = MakePlaybook(env(), t_.analyst, "old-plan");
  v1::ArchivePlaybookRequest archive;
  archive.set_name(archived);
  ASSERT_TRUE(env().Call(&PlaybookStub::ArchivePlaybook, archive, t_.analyst).ok());
  const std::string incident = MakeIncident(env().base(), t_, "Biased loan decisions");
  rows.Retake();
  EXPECT_TRUE(HasCodeAndReason(StartDrill(env(), t_.responder, archived).status(),
                               absl::StatusCode::kFailedPrecondition, "ARCHIVED"));
  EXPECT_TRUE(HasCodeAndReason(StartRun(env(), t_.responder, archived, incident).status(),
                               absl::StatusCode::kFailedPrecondition, "ARCHIVED"));
  EXPECT_TRUE(rows.Unchanged());
}

TEST_F(RunsTest, ListRunsNewestFirstWithFiltersAndPages) {
  const ReportTenant t = MakeReportTenant(env().base(), "runs-list");
  const std::string a = MakePlaybook(env(), t.analyst, "plan-a");
  const std::string b = MakePlaybook(env(), t.analyst, "plan-b");
  const std::string incident = MakeIncident(env().base(), t, "Hallucinated legal advice");
  // Started 50, 40, 30, 20 and 10 minutes ago.
  std::vector<std::string> newest_first;
  auto drill = [&](const std::string& playbook, int64_t ago) {
    auto run = StartDrill(env(), t.responder, playbook, Now() - absl::Minutes(ago));
    EXPECT_TRUE(run.ok()) << run.status();
    newest_first.insert(newest_first.begin(), run.ok() ? run->name() : "");
  };
  drill(a, 50);
  drill(b, 40);
  drill(a, 30);
  v1::StartRunRequest on_incident;
  on_incident.set_parent(b);
  on_incident.set_incident(incident);
  *on_incident.mutable_start_time() = Ts(Now() - absl::Minutes(20));
  auto incident_run = env().Call(&PlaybookStub::StartRun, on_incident, t.responder);
  ASSERT_TRUE(incident_run.ok()) << incident_run.status();
  newest_first.insert(newest_first.begin(), incident_run->name());
  drill(a, 10);
  ASSERT_TRUE(AbortRun(env(), t.responder, newest_first[4], "Cancelled").ok());

  auto names = [&](v1::ListRunsRequest r) {
    std::vector<std::string> out;
    auto listed = ListRuns(env(), t.viewer, r);
    EXPECT_TRUE(listed.ok()) << listed.status();
    if (listed.ok()) {
      for (const auto& run : listed->runs()) out.push_back(run.name());
      EXPECT_TRUE(listed->next_page_token().empty());
    }
    return out;
  };
  v1::ListRunsRequest all;
  all.set_parent("playbooks/-");
  EXPECT_THAT(names(all), ElementsAreArray(newest_first));
  v1::ListRunsRequest of_a;
  of_a.set_parent(a);
  EXPECT_THAT(names(of_a), ElementsAre(newest_first[0], newest_first[2], newest_first[4]));
  v1::ListRunsRequest incidents_only = all;
  incidents_only.set_kind(v1::RUN_KIND_INCIDENT);
  EXPECT_THAT(names(incidents_only), ElementsAre(newest_first[1]));
  v1::ListRunsRequest by_incident = all;
  by_incident.set_incident(incident);
  EXPECT_THAT(names(by_incident), ElementsAre(newest_first[1]));
  v1::ListRunsRequest aborted = all;
  aborted.add_states(v1::RUN_STATE_ABORTED);
  EXPECT_THAT(names(aborted), ElementsAre(newest_first[4]));
  v1::ListRunsRequest active_drills = all;
  active_drills.set_kind(v1::RUN_KIND_DRILL);
  active_drills.add_states(v1::RUN_STATE_ACTIVE);
  EXPECT_THAT(names(active_drills), ElementsAre(newest_first[0], newest_first[2], newest_first[3]));

  // Pages of two, each run once, in order; the steps come with each run.
  std::vector<std::string> paged;
  v1::ListRunsRequest page = all;
  page.set_page_size(2);
  for (int i = 0; i < 5; ++i) {
    auto listed = ListRuns(env(), t.viewer, page);
    ASSERT_TRUE(listed.ok()) << listed.status();
    for (const auto& run : listed->runs()) {
      paged.push_back(run.name());
      EXPECT_EQ(run.steps_size(), 5);
    }
    if (listed->next_page_token().empty()) break;
    page.set_page_token(listed->next_page_token());
  }
  EXPECT_THAT(paged, ElementsAreArray(newest_first));

  v1::ListRunsRequest unknown;
  unknown.set_parent("playbooks/no-such-plan");
  EXPECT_EQ(ListRuns(env(), t.viewer, unknown).status().code(), absl::StatusCode::kNotFound);
  // A token is tied to its query.
  v1::ListRunsRequest first_page = all;
  first_page.set_page_size(1);
  auto one = ListRuns(env(), t.viewer, first_page);
  ASSERT_TRUE(one.ok());
  v1::ListRunsRequest other_query = of_a;
  other_query.set_page_token(one->next_page_token());
  EXPECT_TRUE(IsInvalidField(ListRuns(env(), t.viewer, other_query).status(), "page_token"));
}

TEST_F(RunsTest, ReportOfAnActiveRun) {
  const v1::Run run = MustStartDrill(/*minutes_ago=*/30);
  const absl::Time s = api::TimeFromTimestamp(run.start_time());
  ASSERT_TRUE(CompleteStep(env(), t_.responder, run.name(), "intake", s + absl::Minutes(20)).ok());
  auto report = Report(env(), t_.auditor, run.name());
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->first_action().actual().seconds(), 20 * 60);
  EXPECT_EQ(report->first_action().verdict(), v1::TARGET_VERDICT_MISSED);
  EXPECT_EQ(report->containment().verdict(), v1::TARGET_VERDICT_PENDING);
  EXPECT_EQ(report->recovery().verdict(), v1::TARGET_VERDICT_PENDING);
  EXPECT_EQ(report->steps(0).outcome(), v1::STEP_OUTCOME_LATE);
  EXPECT_EQ(report->steps_late(), 1);
  EXPECT_EQ(report->steps_not_started(), 4);
  EXPECT_EQ(report->run().state(), v1::RUN_STATE_ACTIVE);

  // Three hours later the containment target (two hours) has passed.
  clock().Advance(absl::Hours(3));
  auto later = Report(env(), t_.auditor, run.name());
  ASSERT_TRUE(later.ok());
  EXPECT_EQ(later->containment().verdict(), v1::TARGET_VERDICT_NOT_REACHED);
  EXPECT_EQ(later->recovery().verdict(), v1::TARGET_VERDICT_PENDING);
  EXPECT_TRUE(later->run().steps(2).late());
}

}  // namespace
}  // namespace airr::playbook::testing
