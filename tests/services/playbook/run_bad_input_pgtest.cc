// Bad input to the run RPCs through the real server: each case breaks one rule and must come back
// INVALID_ARGUMENT naming exactly that field, with nothing written for the tenant (no run, step,
// timeline entry, audit row or outbox event); then the corrected calls succeed.
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "tests/services/playbook/run_pgtest_util.h"

namespace airr::playbook::testing {
namespace {

class RunBadInputTest : public RunServerTest {};

struct Case {
  std::string name;
  std::function<absl::Status()> call;
  std::string field;
};

TEST_F(RunBadInputTest, EachCaseNamesItsFieldAndWritesNothing) {
  const ReportTenant t = MakeReportTenant(env().base(), "run-bad");
  const std::string playbook = MakePlaybook(env(), t.analyst, "first-response");
  const std::string incident = MakeIncident(env().base(), t, "Screening model ranked women lower");
  auto drill = StartDrill(env(), t.responder, playbook, Now() - absl::Hours(1));
  ASSERT_TRUE(drill.ok()) << drill.status();
  const std::string run = drill->name();
  ASSERT_TRUE(StartStep(env(), t.responder, run, "intake").ok());
  auto fresh = StartDrill(env(), t.responder, playbook, Now() - absl::Hours(1));
  ASSERT_TRUE(fresh.ok()) << fresh.status();

  // Calls as the responder (who may do all of it) with `edit` applied to a valid request.
  auto start_drill = [&](std::function<void(v1::StartDrillRequest&)> edit) {
    return [&, edit] {
      v1::StartDrillRequest r;
      r.set_parent(playbook);
      *r.mutable_drill() = SampleDrill();
      edit(r);
      return env().Call(&PlaybookStub::StartDrill, r, t.responder).status();
    };
  };
  auto start_run = [&](std::function<void(v1::StartRunRequest&)> edit) {
    return [&, edit] {
      v1::StartRunRequest r;
      r.set_parent(playbook);
      r.set_incident(incident);
      edit(r);
      return env().Call(&PlaybookStub::StartRun, r, t.responder).status();
    };
  };
  auto complete_step = [&](std::function<void(v1::CompleteStepRequest&)> edit) {
    return [&, edit] {
      v1::CompleteStepRequest r;
      r.set_run(run);
      r.set_step_id("intake");
      edit(r);
      return env().Call(&PlaybookStub::CompleteStep, r, t.responder).status();
    };
  };
  auto evaluate = [&](std::function<void(v1::RunEvaluation&)> edit) {
    return [&, edit] {
      v1::UpdateRunEvaluationRequest r;
      r.set_name(run);
      v1::ObjectiveResult* result = r.mutable_evaluation()->add_objective_results();
      result->set_objective_id("obj-1");
      result->set_rating(v1::OBJECTIVE_RATING_MET);
      v1::Finding* finding = r.mutable_evaluation()->add_findings();
      finding->set_kind(v1::FINDING_KIND_IMPROVEMENT);
      finding->set_description("Legal was hard to reach.");
      v1::CorrectiveAction* action = r.mutable_evaluation()->add_corrective_actions();
      action->set_description("Add a legal on-call rota.");
      action->set_owner("Legal");
      *action->mutable_due_time() = Ts(Now() + absl::Hours(24 * 30));
      edit(*r.mutable_evaluation());
      return env().Call(&PlaybookStub::UpdateRunEvaluation, r, t.responder).status();
    };
  };
  using DrillR = v1::StartDrillRequest;
  const std::vector<Case> cases = {
      // StartDrill
      {"drill type unspecified", start_drill([](DrillR& r) { r.mutable_drill()->clear_type(); }),
       "drill.type"},
      {"empty scenario", start_drill([](DrillR& r) { r.mutable_drill()->clear_scenario(); }),
       "drill.scenario"},
      {"zero objectives", start_drill([](DrillR& r) { r.mutable_drill()->clear_objectives(); }),
       "drill.objectives"},
      {"31 objectives", start_drill([](DrillR& r) {
         for (int i = 0; i < 29; ++i) r.mutable_drill()->add_objectives()->set_description("o");
       }),
       "drill.objectives"},
      {"duplicate objective ids", start_drill([](DrillR& r) {
         r.mutable_drill()->mutable_objectives(0)->set_id("contain");
         r.mutable_drill()->mutable_objectives(1)->set_id("contain");
       }),
       "drill.objectives[1].id"},
      {"objective description too long", start_drill([](DrillR& r) {
         r.mutable_drill()->mutable_objectives(0)->set_description(std::string(1001, 'o'));
       }),
       "drill.objectives[0].description"},
      {"101 participants", start_drill([](DrillR& r) {
         for (int i = 0; i < 99; ++i) r.mutable_drill()->add_participants("p");
       }),
       "drill.participants"},
      {"future start time",
       start_drill([&](DrillR& r) { *r.mutable_start_time() = Ts(Now() + absl::Hours(1)); }),
       "start_time"},
      {"start time 40 days ago",
       start_drill([&](DrillR& r) { *r.mutable_start_time() = Ts(Now() - absl::Hours(24 * 40)); }),
       "start_time"},
      {"drill on a malformed playbook", start_drill([](DrillR& r) { r.set_parent("playbooks/"); }),
       "parent"},
      {"drill with a malformed request id",
       start_drill([](DrillR& r) { r.set_request_id("not-a-uuid"); }), "request_id"},
      // StartRun
      {"bad incident name",
       start_run([](v1::StartRunRequest& r) { r.set_incident("incidents/Not An Id"); }),
       "incident"},
      {"unknown incident", start_run([](v1::StartRunRequest& r) {
         r.set_incident("incidents/7c9e6679-7425-40de-944b-e07fc1f90ae7");
       }),
       "incident"},
      {"run on every playbook",
       start_run([](v1::StartRunRequest& r) { r.set_parent("playbooks/-"); }), "parent"},
      // Steps
      {"bad run name",
       complete_step([](v1::CompleteStepRequest& r) { r.set_run("playbooks/first-response"); }),
       "run"},
      {"unknown step id",
       complete_step([](v1::CompleteStepRequest& r) { r.set_step_id("no-such-step"); }), "step_id"},
      {"malformed step id",
       complete_step([](v1::CompleteStepRequest& r) { r.set_step_id("Intake!"); }), "step_id"},
      {"oversized notes",
       complete_step([](v1::CompleteStepRequest& r) { r.set_notes(std::string(8001, 'n')); }),
       "notes"},
      {"complete time before the step started", complete_step([&](v1::CompleteStepRequest& r) {
         *r.mutable_complete_time() = Ts(Now() - absl::Hours(2));
       }),
       "complete_time"},
      {"start time before the run started",
       [&] {
         v1::StartStepRequest r;
         r.set_run(fresh->name());
         r.set_step_id("intake");
         *r.mutable_start_time() = Ts(Now() - absl::Hours(3));
         return env().Call(&PlaybookStub::StartStep, r, t.responder).status();
       },
       "start_time"},
      {"empty skip reason",
       [&] { return SkipStep(env(), t.responder, run, "kill-switch", "").status(); }, "reason"},
      {"malformed etag",
       [&] {
         v1::SkipStepRequest r;
         r.set_run(run);
         r.set_step_id("kill-switch");
         r.set_reason("Not needed");
         r.set_etag("zz");
         return env().Call(&PlaybookStub::SkipStep, r, t.responder).status();
       },
       "etag"},
      // AddInject
      {"negative inject offset",
       [&] { return AddInject(env(), t.responder, run, -5, "Press calls").status(); },
       "inject.offset"},
      {"inject without title", [&] { return AddInject(env(), t.responder, run, 5, "").status(); },
       "inject.title"},
      // AbortRun, CompleteRun
      {"abort reason too long",
       [&] { return AbortRun(env(), t.responder, run, std::string(2001, 'r')).status(); },
       "reason"},
      {"completed in the future",
       [&] {
         return CompleteRun(env(), t.responder, run, "", nullptr, Now() + absl::Hours(1)).status();
       },
       "end_time"},
      // UpdateRunEvaluation
      {"evaluation with an unknown objective id", evaluate([](v1::RunEvaluation& e) {
         e.mutable_objective_results(0)->set_objective_id("obj-9");
       }),
       "evaluation.objective_results[0].objective_id"},
      {"corrective action without owner",
       evaluate([](v1::RunEvaluation& e) { e.mutable_corrective_actions(0)->clear_owner(); }),
       "evaluation.corrective_actions[0].owner"},
      {"corrective action without due time",
       evaluate([](v1::RunEvaluation& e) { e.mutable_corrective_actions(0)->clear_due_time(); }),
       "evaluation.corrective_actions[0].due_time"},
      {"finding kind unspecified",
       evaluate([](v1::RunEvaluation& e) { e.mutable_findings(0)->clear_kind(); }),
       "evaluation.findings[0].kind"},
      {"corrective action for an unknown finding", evaluate([](v1::RunEvaluation& e) {
         e.mutable_corrective_actions(0)->set_finding_id("f-9");
       }),
       "evaluation.corrective_actions[0].finding_id"},
      // Reads
      {"get a malformed run name",
       [&] { return GetRun(env(), t.viewer, "playbooks/first-response/runs/").status(); }, "name"},
      {"report of a malformed run name", [&] { return Report(env(), t.viewer, "runs/x").status(); },
       "name"},
      {"list with a negative page size",
       [&] {
         v1::ListRunsRequest r;
         r.set_parent("playbooks/-");
         r.set_page_size(-1);
         return ListRuns(env(), t.viewer, r).status();
       },
       "page_size"},
      {"list with a forged page token",
       [&] {
         v1::ListRunsRequest r;
         r.set_parent("playbooks/-");
         r.set_page_token("AAAA");
         return ListRuns(env(), t.viewer, r).status();
       },
       "page_token"},
  };
  ASSERT_GE(cases.size(), 30u);
  TenantRows rows(t.name);
  for (const Case& c : cases) {
    EXPECT_TRUE(IsInvalidField(c.call(), c.field)) << c.name;
    EXPECT_TRUE(rows.Unchanged()) << c.name;
  }

  // The corrected calls go through.
  EXPECT_TRUE(start_drill([](DrillR&) {})().ok());
  EXPECT_TRUE(start_run([](v1::StartRunRequest&) {})().ok());
  EXPECT_TRUE(complete_step([](v1::CompleteStepRequest&) {})().ok());
  EXPECT_TRUE(AddInject(env(), t.responder, run, 5, "Press calls").ok());
  EXPECT_TRUE(SkipStep(env(), t.responder, run, "kill-switch", "Not needed").ok());
  EXPECT_TRUE(evaluate([](v1::RunEvaluation&) {})().ok());
}

}  // namespace
}  // namespace airr::playbook::testing
