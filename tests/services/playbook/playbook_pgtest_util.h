// Shared helpers of the playbook service's PostgreSQL tests: one in-process server per suite
// (PlaybookEnv), tenants with a token per role (the report tests' ReportTenant), a snapshot of
// every row a tenant's playbook calls can write, and a valid sample playbook.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "absl/time/time.h"
#include "airr/playbook/v1/playbook_service.grpc.pb.h"
#include "google/protobuf/util/time_util.h"
#include "tests/services/report/report_pgtest_util.h"
#include "tests/testing/playbook_env.h"

namespace airr::playbook::testing {

namespace v1 = ::airr::playbook::v1;
namespace iv1 = ::airr::incident::v1;
using ::airr::report::testing::AuditRows;
using ::airr::report::testing::ErrorMetadata;
using ::airr::report::testing::MakeIncident;
using ::airr::report::testing::MakeReportTenant;
using ::airr::report::testing::OutboxTopics;
using ::airr::report::testing::ReportTenant;
using ::airr::testing::HasCodeAndReason;
using ::airr::testing::IsInvalidField;
using ::airr::testing::PgTestDatabase;
using ::airr::testing::PlaybookEnv;
using ::airr::testing::ViolatedFields;
using PlaybookStub = PlaybookEnv::PlaybookStub;

// The tables a PlaybookService call can write, each with a tenant_id column.
inline const std::vector<std::string>& PlaybookTables() {
  static const auto* tables = new std::vector<std::string>{
      "playbooks",  "playbook_versions", "playbook_runs", "run_steps",
      "run_events", "outbox_cursors",    "audit_log",     "outbox_events",
  };
  return *tables;
}

// What one tenant has in every table of PlaybookTables(), with the runs' version sum (an
// in-place update of a run shows even when no row is added).
class TenantRows : public ::airr::testing::TenantRows {
 public:
  explicit TenantRows(const std::string& tenant)
      : ::airr::testing::TenantRows(tenant, PlaybookTables(), {"playbook_runs"}) {}
};

inline google::protobuf::Duration Minutes(int64_t minutes) {
  return google::protobuf::util::TimeUtil::MinutesToDuration(minutes);
}

// A valid playbook: a first-response plan of five steps (intake, decide on the kill switch,
// contain, notify, recover) with mixed roles, offsets, dependencies and mandatory flags, target
// times and a BCP trigger on SEV1 incidents.
inline v1::Playbook SamplePlaybook(const std::string& display_name = "AI incident first response") {
  v1::Playbook p;
  p.set_display_name(display_name);
  p.set_purpose("First response to an AI incident, from intake to recovery.");
  p.set_owner("Risk management office");
  p.mutable_triggers()->add_severities(iv1::SEVERITY_SEV1);
  p.mutable_triggers()->set_bcp(true);
  p.mutable_targets()->mutable_first_action()->CopyFrom(Minutes(15));
  p.mutable_targets()->mutable_containment()->CopyFrom(Minutes(120));
  p.mutable_targets()->mutable_recovery()->CopyFrom(Minutes(480));
  auto add = [&](const std::string& id, v1::ResponsibleRole role, int64_t offset_minutes,
                 bool mandatory, std::vector<std::string> depends_on) -> v1::PlaybookStep& {
    v1::PlaybookStep* step = p.add_steps();
    step->set_id(id);
    step->set_title("Step " + id);
    step->set_instructions("What to do in step " + id + ".");
    step->set_role(role);
    *step->mutable_target_offset() = Minutes(offset_minutes);
    step->set_mandatory(mandatory);
    for (const auto& dependency : depends_on) {
      step->add_depends_on(dependency);
    }
    return *step;
  };
  add("intake", v1::RESPONSIBLE_ROLE_INTAKE_DESK, 15, true, {});
  add("kill-switch", v1::RESPONSIBLE_ROLE_INCIDENT_EXECUTIVE, 60, false, {"intake"})
      .set_kind(v1::STEP_KIND_DECIDE_KILL_SWITCH);
  v1::PlaybookStep& contain =
      add("contain", v1::RESPONSIBLE_ROLE_ENGINEERING, 120, true, {"intake"});
  contain.set_kind(v1::STEP_KIND_CONTAIN);
  contain.set_milestone(v1::MILESTONE_CONTAINMENT);
  add("notify", v1::RESPONSIBLE_ROLE_LEGAL, 240, true, {"intake"})
      .set_kind(v1::STEP_KIND_NOTIFY_STAKEHOLDERS);
  add("recover", v1::RESPONSIBLE_ROLE_SYSTEM_OWNER, 480, true, {"contain"})
      .set_milestone(v1::MILESTONE_RECOVERY);
  return p;
}

// Creates `playbooks/{id}` from `playbook` as the holder of `token` and returns its name; fails
// the test (returning "") when that fails.
inline std::string MakePlaybook(PlaybookEnv& env, const std::string& token, const std::string& id,
                                const v1::Playbook& playbook = SamplePlaybook()) {
  v1::CreatePlaybookRequest r;
  r.set_playbook_id(id);
  *r.mutable_playbook() = playbook;
  auto created = env.Call(&PlaybookStub::CreatePlaybook, r, token);
  EXPECT_TRUE(created.ok()) << created.status();
  return created.ok() ? created->name() : "";
}

// Triages `incident` at `severity`, as `token`.
inline absl::Status TriageIncident(PlaybookEnv& env, const std::string& token,
                                   const std::string& incident,
                                   iv1::Severity severity = iv1::SEVERITY_SEV2) {
  iv1::TriageIncidentRequest r;
  r.set_name(incident);
  r.set_severity(severity);
  r.set_owner("ai-governance");
  return ::airr::testing::CallUnary(env.base().incidents(),
                                    &::airr::testing::IncidentEnv::IncidentStub::TriageIncident, r,
                                    token)
      .status();
}
// Starts one in-process server for all tests of a suite.
class PlaybookServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { env_ = new PlaybookEnv(); }
  static void TearDownTestSuite() {
    delete env_;
    env_ = nullptr;
  }
  static PlaybookEnv& env() { return *env_; }

 private:
  static inline PlaybookEnv* env_ = nullptr;
};

}  // namespace airr::playbook::testing
