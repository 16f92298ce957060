// Tests of the run request validators without a database: a valid request of each RPC passes,
// and each rule broken alone is reported on exactly its field; the generated ids of drill
// objectives, findings and corrective actions; and how caller-set times resolve.
#include "services/playbook/run_validator.h"

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "libs/api/timestamps.h"
#include "tests/testing/status_assertions.h"

namespace airr::playbook {
namespace {

using ::airr::testing::IsInvalidField;

const absl::Time kNow = absl::FromUnixSeconds(1767225600);  // 2026-01-01T00:00:00Z
constexpr char kRun[] = "playbooks/first-response/runs/7c9e6679-7425-40de-944b-e07fc1f90ae7";

google::protobuf::Timestamp Ago(absl::Duration d) { return api::TimestampFromTime(kNow - d); }

v1::Drill ValidDrill() {
  v1::Drill drill;
  drill.set_type(v1::DRILL_TYPE_TABLETOP);
  drill.set_scenario("The screening model ranks women lower.\nThe press calls.");
  drill.add_objectives()->set_description("Contain within two hours.");
  v1::Objective* named = drill.add_objectives();
  named->set_id("notify-on-time");
  named->set_description("Notify the regulator on time.");
  drill.add_participants("Incident executive");
  return drill;
}

v1::RunEvaluation ValidEvaluation() {
  v1::RunEvaluation e;
  v1::ObjectiveResult* result = e.add_objective_results();
  result->set_objective_id("obj-1");
  result->set_rating(v1::OBJECTIVE_RATING_PARTLY_MET);
  result->set_note("Took 2.5 hours.");
  v1::Finding* finding = e.add_findings();
  finding->set_id("legal-late");
  finding->set_kind(v1::FINDING_KIND_IMPROVEMENT);
  finding->set_description("Legal was hard to reach.");
  finding->set_link_target("risks/legal-on-call");
  v1::CorrectiveAction* action = e.add_corrective_actions();
  action->set_description("Add a legal on-call rota.");
  action->set_owner("Legal");
  *action->mutable_due_time() = api::TimestampFromTime(kNow + absl::Hours(24 * 30));
  action->set_finding_id("legal-late");
  return e;
}

struct Case {
  std::string name;
  std::function<absl::Status()> check;
  std::string field;  // "" = valid
};

TEST(RunValidator, EachRuleOnItsField) {
  auto start_run = [](std::function<void(v1::StartRunRequest&)> edit) {
    return [edit] {
      v1::StartRunRequest r;
      r.set_parent("playbooks/first-response");
      r.set_incident("incidents/7c9e6679-7425-40de-944b-e07fc1f90ae7");
      *r.mutable_start_time() = Ago(absl::Hours(1));
      r.set_request_id("3f2a0e4e-1c1b-4f7e-9a55-2f3c1a9b8d11");
      edit(r);
      return ValidateStartRun(r, kNow);
    };
  };
  auto start_drill = [](std::function<void(v1::StartDrillRequest&)> edit) {
    return [edit] {
      v1::StartDrillRequest r;
      r.set_parent("playbooks/first-response");
      *r.mutable_drill() = ValidDrill();
      edit(r);
      return ValidateStartDrill(r, kNow);
    };
  };
  auto start_step = [](std::function<void(v1::StartStepRequest&)> edit) {
    return [edit] {
      v1::StartStepRequest r;
      r.set_run(kRun);
      r.set_step_id("intake");
      edit(r);
      return ValidateStartStep(r, kNow);
    };
  };
  auto complete_step = [](std::function<void(v1::CompleteStepRequest&)> edit) {
    return [edit] {
      v1::CompleteStepRequest r;
      r.set_run(kRun);
      r.set_step_id("intake");
      r.set_notes("Logged in the register.");
      edit(r);
      return ValidateCompleteStep(r, kNow);
    };
  };
  auto skip_step = [](std::function<void(v1::SkipStepRequest&)> edit) {
    return [edit] {
      v1::SkipStepRequest r;
      r.set_run(kRun);
      r.set_step_id("kill-switch");
      r.set_reason("Not needed for a tabletop.");
      edit(r);
      return ValidateSkipStep(r);
    };
  };
  auto inject = [](std::function<void(v1::AddInjectRequest&)> edit) {
    return [edit] {
      v1::AddInjectRequest r;
      r.set_run(kRun);
      r.mutable_inject()->mutable_offset()->set_seconds(45 * 60);
      r.mutable_inject()->set_title("Press calls");
      edit(r);
      return ValidateAddInject(r);
    };
  };
  auto complete_run = [](std::function<void(v1::CompleteRunRequest&)> edit) {
    return [edit] {
      v1::CompleteRunRequest r;
      r.set_name(kRun);
      r.set_summary("Went well.");
      *r.mutable_evaluation() = ValidEvaluation();
      edit(r);
      return ValidateCompleteRun(r, kNow);
    };
  };
  auto evaluate = [](std::function<void(v1::RunEvaluation&)> edit) {
    return [edit] {
      v1::UpdateRunEvaluationRequest r;
      r.set_name(kRun);
      *r.mutable_evaluation() = ValidEvaluation();
      edit(*r.mutable_evaluation());
      return ValidateUpdateRunEvaluation(r);
    };
  };
  auto list = [](std::function<void(v1::ListRunsRequest&)> edit) {
    return [edit] {
      v1::ListRunsRequest r;
      r.set_parent("playbooks/-");
      edit(r);
      return ValidateListRuns(r);
    };
  };
  const std::vector<Case> cases = {
      {"valid StartRun", start_run([](auto&) {}), ""},
      {"run on no playbook", start_run([](auto& r) { r.set_parent("playbooks/-"); }), "parent"},
      {"run without incident", start_run([](auto& r) { r.clear_incident(); }), "incident"},
      {"run on a malformed incident", start_run([](auto& r) { r.set_incident("aiSystems/x"); }),
       "incident"},
      {"run in the future",
       start_run([](auto& r) { *r.mutable_start_time() = Ago(-absl::Hours(1)); }), "start_time"},
      {"run 31 days ago",
       start_run([](auto& r) { *r.mutable_start_time() = Ago(absl::Hours(24 * 31)); }),
       "start_time"},
      {"run with a bad request id", start_run([](auto& r) { r.set_request_id("abc"); }),
       "request_id"},
      {"valid StartDrill", start_drill([](auto&) {}), ""},
      {"drill missing", start_drill([](auto& r) { r.clear_drill(); }), "drill"},
      {"drill type unset", start_drill([](auto& r) { r.mutable_drill()->clear_type(); }),
       "drill.type"},
      {"drill type unknown",
       start_drill([](auto& r) { r.mutable_drill()->set_type(static_cast<v1::DrillType>(9)); }),
       "drill.type"},
      {"empty scenario", start_drill([](auto& r) { r.mutable_drill()->clear_scenario(); }),
       "drill.scenario"},
      {"scenario too long",
       start_drill([](auto& r) { r.mutable_drill()->set_scenario(std::string(8001, 's')); }),
       "drill.scenario"},
      {"no objectives", start_drill([](auto& r) { r.mutable_drill()->clear_objectives(); }),
       "drill.objectives"},
      {"31 objectives", start_drill([](auto& r) {
         r.mutable_drill()->clear_objectives();
         for (int i = 0; i < 31; ++i) r.mutable_drill()->add_objectives()->set_description("o");
       }),
       "drill.objectives"},
      {"duplicate objective ids", start_drill([](auto& r) {
         r.mutable_drill()->mutable_objectives(0)->set_id("notify-on-time");
       }),
       "drill.objectives[1].id"},
      {"malformed objective id",
       start_drill([](auto& r) { r.mutable_drill()->mutable_objectives(0)->set_id("Obj 1"); }),
       "drill.objectives[0].id"},
      {"objective without description",
       start_drill([](auto& r) { r.mutable_drill()->mutable_objectives(1)->clear_description(); }),
       "drill.objectives[1].description"},
      {"empty participant", start_drill([](auto& r) { r.mutable_drill()->add_participants(""); }),
       "drill.participants[1]"},
      {"valid StartStep", start_step([](auto&) {}), ""},
      {"step of a malformed run", start_step([](auto& r) { r.set_run("playbooks/x"); }), "run"},
      {"step without id", start_step([](auto& r) { r.clear_step_id(); }), "step_id"},
      {"malformed step id", start_step([](auto& r) { r.set_step_id("Intake"); }), "step_id"},
      {"step started in the future",
       start_step([](auto& r) { *r.mutable_start_time() = Ago(-absl::Minutes(5)); }), "start_time"},
      {"valid CompleteStep", complete_step([](auto&) {}), ""},
      {"notes too long", complete_step([](auto& r) { r.set_notes(std::string(8001, 'n')); }),
       "notes"},
      {"completed in the future",
       complete_step([](auto& r) { *r.mutable_complete_time() = Ago(-absl::Hours(2)); }),
       "complete_time"},
      {"valid SkipStep", skip_step([](auto&) {}), ""},
      {"skip without reason", skip_step([](auto& r) { r.clear_reason(); }), "reason"},
      {"skip reason too long", skip_step([](auto& r) { r.set_reason(std::string(2001, 'r')); }),
       "reason"},
      {"valid AddInject", inject([](auto&) {}), ""},
      {"inject missing", inject([](auto& r) { r.clear_inject(); }), "inject"},
      {"negative inject offset",
       inject([](auto& r) { r.mutable_inject()->mutable_offset()->set_seconds(-60); }),
       "inject.offset"},
      {"inject after 90 days",
       inject([](auto& r) { r.mutable_inject()->mutable_offset()->set_seconds(91 * 86400); }),
       "inject.offset"},
      {"inject without title", inject([](auto& r) { r.mutable_inject()->clear_title(); }),
       "inject.title"},
      {"valid CompleteRun", complete_run([](auto&) {}), ""},
      {"summary too long", complete_run([](auto& r) { r.set_summary(std::string(8001, 's')); }),
       "summary"},
      {"ended in the future",
       complete_run([](auto& r) { *r.mutable_end_time() = Ago(-absl::Hours(1)); }), "end_time"},
      {"completed with a bad evaluation",
       complete_run([](auto& r) { r.mutable_evaluation()->mutable_findings(0)->clear_kind(); }),
       "evaluation.findings[0].kind"},
      {"valid evaluation", evaluate([](auto&) {}), ""},
      {"objective result without id",
       evaluate([](auto& e) { e.mutable_objective_results(0)->clear_objective_id(); }),
       "evaluation.objective_results[0].objective_id"},
      {"objective rated twice",
       evaluate([](auto& e) { *e.add_objective_results() = e.objective_results(0); }),
       "evaluation.objective_results[1].objective_id"},
      {"objective not rated",
       evaluate([](auto& e) { e.mutable_objective_results(0)->clear_rating(); }),
       "evaluation.objective_results[0].rating"},
      {"finding kind unspecified", evaluate([](auto& e) { e.mutable_findings(0)->clear_kind(); }),
       "evaluation.findings[0].kind"},
      {"finding without description",
       evaluate([](auto& e) { e.mutable_findings(0)->clear_description(); }),
       "evaluation.findings[0].description"},
      {"duplicate finding ids", evaluate([](auto& e) { *e.add_findings() = e.findings(0); }),
       "evaluation.findings[1].id"},
      {"corrective action without owner",
       evaluate([](auto& e) { e.mutable_corrective_actions(0)->clear_owner(); }),
       "evaluation.corrective_actions[0].owner"},
      {"corrective action without due time",
       evaluate([](auto& e) { e.mutable_corrective_actions(0)->clear_due_time(); }),
       "evaluation.corrective_actions[0].due_time"},
      {"corrective action for an unknown finding",
       evaluate([](auto& e) { e.mutable_corrective_actions(0)->set_finding_id("nope"); }),
       "evaluation.corrective_actions[0].finding_id"},
      {"101 findings", evaluate([](auto& e) {
         for (int i = 0; i < 100; ++i) *e.add_findings() = e.findings(0);
       }),
       "evaluation.findings"},
      {"valid ListRuns", list([](auto&) {}), ""},
      {"list under no playbook", list([](auto& r) { r.set_parent("incidents/-"); }), "parent"},
      {"list with a negative page size", list([](auto& r) { r.set_page_size(-1); }), "page_size"},
      {"list by an unknown kind", list([](auto& r) { r.set_kind(static_cast<v1::RunKind>(7)); }),
       "kind"},
      {"list by a repeated state", list([](auto& r) {
         r.add_states(v1::RUN_STATE_ACTIVE);
         r.add_states(v1::RUN_STATE_ACTIVE);
       }),
       "states[1]"},
      {"list by a malformed incident", list([](auto& r) { r.set_incident("incidents/"); }),
       "incident"},
      {"abort without reason",
       [] {
         v1::AbortRunRequest r;
         r.set_name(kRun);
         return ValidateAbortRun(r);
       },
       "reason"},
      {"evaluation missing",
       [] {
         v1::UpdateRunEvaluationRequest r;
         r.set_name(kRun);
         return ValidateUpdateRunEvaluation(r);
       },
       "evaluation"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const absl::Status status = c.check();
    if (c.field.empty()) {
      EXPECT_TRUE(status.ok()) << status;
    } else {
      EXPECT_TRUE(IsInvalidField(status, c.field));
    }
  }
}

TEST(RunValidator, ReportsEveryViolationAtOnce) {
  v1::StartDrillRequest r;
  r.set_parent("playbooks/first-response");
  r.mutable_drill()->add_objectives();
  *r.mutable_start_time() = Ago(-absl::Hours(1));
  const absl::Status status = ValidateStartDrill(r, kNow);
  EXPECT_EQ(::airr::testing::ViolatedFields(status),
            (std::vector<std::string>{"drill.type", "drill.scenario",
                                      "drill.objectives[0].description", "start_time"}));
}

TEST(AssignIds, FillsTheSmallestFreeNumbers) {
  v1::Drill drill = ValidDrill();  // "" and "notify-on-time"
  drill.add_objectives()->set_id("obj-1");
  drill.add_objectives();
  AssignObjectiveIds(drill);
  EXPECT_EQ(drill.objectives(0).id(), "obj-2");
  EXPECT_EQ(drill.objectives(1).id(), "notify-on-time");
  EXPECT_EQ(drill.objectives(2).id(), "obj-1");
  EXPECT_EQ(drill.objectives(3).id(), "obj-3");

  v1::RunEvaluation e;
  e.add_findings();
  e.add_findings()->set_id("f-1");
  e.add_findings();
  e.add_corrective_actions();
  e.add_corrective_actions();
  AssignEvaluationIds(e);
  EXPECT_EQ(e.findings(0).id(), "f-2");
  EXPECT_EQ(e.findings(1).id(), "f-1");
  EXPECT_EQ(e.findings(2).id(), "f-3");
  EXPECT_EQ(e.corrective_actions(0).id(), "ca-1");
  EXPECT_EQ(e.corrective_actions(1).id(), "ca-2");
}

TEST(ResolveCallerTime, TheRequestsTimeButNeverLaterThanNow) {
  EXPECT_EQ(ResolveCallerTime(false, Ago(absl::Hours(1)), kNow), kNow);
  EXPECT_EQ(ResolveCallerTime(true, Ago(absl::Hours(1)), kNow), kNow - absl::Hours(1));
  // Within the clock skew a little in the future: taken as now.
  EXPECT_EQ(ResolveCallerTime(true, Ago(-absl::Seconds(30)), kNow), kNow);
}

}  // namespace
}  // namespace airr::playbook
