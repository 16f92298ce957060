// Who may do what with runs, through the real server: the viewer, reporter, analyst and auditor
// may read runs and reports but not start, step, inject, evaluate, abort or complete them
// (PERMISSION_DENIED, nothing written); the responder and admin may. Another tenant's runs,
// playbooks and incidents are invisible: NOT_FOUND for its runs, INVALID_ARGUMENT on `incident`
// for its incident, and lists never show them. Each write leaves its audit row (RPC, actor) and
// outbox event.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "libs/auth/roles.h"
#include "services/playbook/playbook_grpc_service.h"
#include "tests/services/playbook/run_pgtest_util.h"

namespace airr::playbook::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

class RunAccessTest : public RunServerTest {};

TEST_F(RunAccessTest, OnlyRespondersAndAdminsRunPlaybooks) {
  const ReportTenant t = MakeReportTenant(env().base(), "run-roles");
  const std::string playbook = MakePlaybook(env(), t.analyst, "first-response");
  const std::string incident = MakeIncident(env().base(), t, "Chatbot insulted a customer");
  auto drill = StartDrill(env(), t.responder, playbook);
  ASSERT_TRUE(drill.ok()) << drill.status();
  const std::string run = drill->name();

  v1::RunEvaluation evaluation;
  v1::Finding* finding = evaluation.add_findings();
  finding->set_kind(v1::FINDING_KIND_STRENGTH);
  finding->set_description("Quick intake.");
  // Every write RPC, as the holder of a token.
  const std::vector<std::pair<std::string, std::function<absl::Status(const std::string&)>>>
      writes = {
          {"StartRun",
           [&](const std::string& token) {
             return StartRun(env(), token, playbook, incident).status();
           }},
          {"StartDrill",
           [&](const std::string& token) { return StartDrill(env(), token, playbook).status(); }},
          {"StartStep",
           [&](const std::string& token) {
             return StartStep(env(), token, run, "intake").status();
           }},
          {"CompleteStep",
           [&](const std::string& token) {
             return CompleteStep(env(), token, run, "intake").status();
           }},
          {"SkipStep",
           [&](const std::string& token) {
             return SkipStep(env(), token, run, "kill-switch", "Not needed").status();
           }},
          {"AddInject",
           [&](const std::string& token) {
             return AddInject(env(), token, run, 5, "Press calls").status();
           }},
          {"UpdateRunEvaluation",
           [&](const std::string& token) {
             return Evaluate(env(), token, run, evaluation).status();
           }},
          {"AbortRun",
           [&](const std::string& token) {
             return AbortRun(env(), token, run, "Cancelled").status();
           }},
          {"CompleteRun",
           [&](const std::string& token) { return CompleteRun(env(), token, run).status(); }},
      };
  TenantRows rows(t.name);
  for (auth::Role role :
       {auth::Role::kViewer, auth::Role::kReporter, auth::Role::kAnalyst, auth::Role::kAuditor}) {
    for (const auto& [rpc, call] : writes) {
      SCOPED_TRACE(auth::RoleName(role) + " " + rpc);
      const absl::Status status = call(t.token(role));
      EXPECT_TRUE(
          HasCodeAndReason(status, absl::StatusCode::kPermissionDenied, "PERMISSION_DENIED"));
      EXPECT_TRUE(rows.Unchanged());
    }
    // Reading is open to every role.
    SCOPED_TRACE(auth::RoleName(role));
    EXPECT_TRUE(GetRun(env(), t.token(role), run).ok());
    EXPECT_TRUE(Report(env(), t.token(role), run).ok());
    v1::ListRunsRequest list;
    list.set_parent(playbook);
    auto listed = ListRuns(env(), t.token(role), list);
    ASSERT_TRUE(listed.ok()) << listed.status();
    EXPECT_EQ(listed->runs_size(), 1);
  }

  // The responder and the admin may do each of it, in a sensible order.
  for (const std::string& token : {t.responder, t.admin}) {
    auto own = StartDrill(env(), token, playbook);
    ASSERT_TRUE(own.ok()) << own.status();
    ASSERT_TRUE(StartStep(env(), token, own->name(), "intake").ok());
    ASSERT_TRUE(CompleteStep(env(), token, own->name(), "intake").ok());
    ASSERT_TRUE(SkipStep(env(), token, own->name(), "kill-switch", "Not needed").ok());
    ASSERT_TRUE(AddInject(env(), token, own->name(), 5, "Press calls").ok());
    ASSERT_TRUE(Evaluate(env(), token, own->name(), evaluation).ok());
    ASSERT_TRUE(AbortRun(env(), token, own->name(), "Cancelled").ok());
  }
  auto incident_run = StartRun(env(), t.admin, playbook, incident);
  ASSERT_TRUE(incident_run.ok()) << incident_run.status();
}

TEST_F(RunAccessTest, EachWriteIsAuditedWithItsRpcAndActor) {
  const ReportTenant t = MakeReportTenant(env().base(), "run-audit");
  const std::string playbook = MakePlaybook(env(), t.analyst, "first-response");
  auto drill = StartDrill(env(), t.responder, playbook);
  ASSERT_TRUE(drill.ok()) << drill.status();
  const std::string run = drill->name();
  ASSERT_TRUE(StartStep(env(), t.admin, run, "intake").ok());
  ASSERT_TRUE(AbortRun(env(), t.responder, run, "Cancelled").ok());

  std::vector<std::string> trail;
  for (const auto& row : ::airr::testing::QueryRows(absl::StrCat(
           "SELECT a.rpc, split_part(a.actor, '-', 1), a.before IS NOT NULL, a.after->>'state' "
           "FROM audit_log a JOIN tenants t ON t.id = a.tenant_id WHERE t.name = '",
           t.name, "' AND a.resource_name = '", run, "' ORDER BY a.seq"))) {
    trail.push_back(absl::StrCat(row.at(0), "|", row.at(1), "|", row.at(2), "|", row.at(3)));
  }
  EXPECT_THAT(trail, ElementsAre(PlaybookMethod("StartDrill") + "|responder|f|RUN_STATE_ACTIVE",
                                 PlaybookMethod("StartStep") + "|admin|t|RUN_STATE_ACTIVE",
                                 PlaybookMethod("AbortRun") + "|responder|t|RUN_STATE_ABORTED"));
  EXPECT_THAT(OutboxTopics(t, run), ElementsAre("run.started", "run.step_started", "run.aborted"));
}

TEST_F(RunAccessTest, TenantsNeverSeeEachOthersRuns) {
  const ReportTenant a = MakeReportTenant(env().base(), "run-tenant-a");
  const ReportTenant b = MakeReportTenant(env().base(), "run-tenant-b");
  const std::string playbook_a = MakePlaybook(env(), a.analyst, "first-response");
  const std::string playbook_b = MakePlaybook(env(), b.analyst, "first-response");
  ASSERT_EQ(playbook_a, playbook_b);  // the same name in two tenants
  const std::string incident_a = MakeIncident(env().base(), a, "Tenant A's incident");
  auto run_a = StartRun(env(), a.responder, playbook_a, incident_a);
  ASSERT_TRUE(run_a.ok()) << run_a.status();
  auto drill_a = StartDrill(env(), a.responder, playbook_a);
  ASSERT_TRUE(drill_a.ok()) << drill_a.status();

  TenantRows rows_a(a.name);
  TenantRows rows_b(b.name);
  for (const std::string& name : {run_a->name(), drill_a->name()}) {
    SCOPED_TRACE(name);
    EXPECT_EQ(GetRun(env(), b.admin, name).status().code(), absl::StatusCode::kNotFound);
    EXPECT_EQ(Report(env(), b.admin, name).status().code(), absl::StatusCode::kNotFound);
    EXPECT_EQ(StartStep(env(), b.admin, name, "intake").status().code(),
              absl::StatusCode::kNotFound);
    EXPECT_EQ(AddInject(env(), b.admin, name, 1, "Inject").status().code(),
              absl::StatusCode::kNotFound);
    EXPECT_EQ(AbortRun(env(), b.admin, name, "Not yours").status().code(),
              absl::StatusCode::kNotFound);
  }
  // B's own playbook on A's incident: the incident does not exist for B.
  EXPECT_TRUE(
      IsInvalidField(StartRun(env(), b.responder, playbook_b, incident_a).status(), "incident"));
  EXPECT_TRUE(rows_a.Unchanged());
  EXPECT_TRUE(rows_b.Unchanged());

  // Lists never leak: B sees none of A's runs, also when filtering by A's incident.
  v1::ListRunsRequest all;
  all.set_parent("playbooks/-");
  auto listed = ListRuns(env(), b.viewer, all);
  ASSERT_TRUE(listed.ok()) << listed.status();
  EXPECT_THAT(listed->runs(), IsEmpty());
  v1::ListRunsRequest by_incident = all;
  by_incident.set_incident(incident_a);
  auto filtered = ListRuns(env(), b.viewer, by_incident);
  ASSERT_TRUE(filtered.ok()) << filtered.status();
  EXPECT_THAT(filtered->runs(), IsEmpty());
  auto of_a = ListRuns(env(), a.viewer, all);
  ASSERT_TRUE(of_a.ok());
  EXPECT_EQ(of_a->runs_size(), 2);

  // A page token of A's list is no good to B.
  v1::ListRunsRequest page = all;
  page.set_page_size(1);
  auto first = ListRuns(env(), a.viewer, page);
  ASSERT_TRUE(first.ok());
  ASSERT_FALSE(first->next_page_token().empty());
  page.set_page_token(first->next_page_token());
  EXPECT_TRUE(IsInvalidField(ListRuns(env(), b.viewer, page).status(), "page_token"));
}

}  // namespace
}  // namespace airr::playbook::testing
