// Shared helpers of the report service's PostgreSQL tests: one in-process server per suite
// (ReportEnv), a tenant with an AI system and a token per role, a snapshot of every row a tenant's
// report calls can write (to prove a call wrote nothing), and small call shortcuts.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "google/rpc/error_details.pb.h"
#include "libs/auth/roles.h"
#include "libs/common/errors.h"
#include "tests/testing/db_queries.h"
#include "tests/testing/incident_env.h"
#include "tests/testing/pg_fixture.h"
#include "tests/testing/report_env.h"
#include "tests/testing/status_assertions.h"
#include "tests/testing/tenant_rows.h"

namespace airr::report::testing {

namespace v1 = ::airr::report::v1;
namespace iv1 = ::airr::incident::v1;
using ::airr::testing::HasCodeAndReason;
using ::airr::testing::IncidentEnv;
using ::airr::testing::IsInvalidField;
using ::airr::testing::PgTestDatabase;
using ::airr::testing::ReportEnv;
using ::airr::testing::ViolatedFields;
using ReportStub = ReportEnv::ReportStub;

// The tables a ReportService call can write, each with a tenant_id column.
inline const std::vector<std::string>& ReportTables() {
  static const auto* tables = new std::vector<std::string>{
      "violations",        "mitigations",        "notifications",
      "policy_principles", "notification_rules", "notification_rule_settings",
      "audit_log",         "outbox_events",
  };
  return *tables;
}

// The tables of ReportTables() with a version column: the snapshot also sums their versions, so an
// in-place update shows even when no row is added.
inline const std::vector<std::string>& VersionedReportTables() {
  static const auto* tables = new std::vector<std::string>{"violations", "mitigations",
                                                           "notifications", "policy_principles"};
  return *tables;
}

// What one tenant has in every table of ReportTables(): row counts and the version sums of
// VersionedReportTables() (keys "<table>", "<table>.version_sum").
class TenantRows : public ::airr::testing::TenantRows {
 public:
  explicit TenantRows(const std::string& tenant)
      : ::airr::testing::TenantRows(tenant, ReportTables(), VersionedReportTables()) {}
};

// A tenant with one AI system and a token for each role (two analysts, for four-eyes rules).
struct ReportTenant {
  std::string name;
  std::string admin;
  std::string analyst;
  std::string analyst2;
  std::string responder;
  std::string reporter;
  std::string viewer;
  std::string auditor;
  std::string ai_system;  // `aiSystems/{id}`

  // The token of `role` (the first analyst for kAnalyst).
  const std::string& token(auth::Role role) const {
    switch (role) {
      case auth::Role::kViewer:
        return viewer;
      case auth::Role::kReporter:
        return reporter;
      case auth::Role::kAnalyst:
        return analyst;
      case auth::Role::kResponder:
        return responder;
      case auth::Role::kAdmin:
        return admin;
      case auth::Role::kAuditor:
        return auditor;
    }
    return viewer;
  }
};

// Creates a tenant named after `prefix` with its tokens and the AI system `aiSystems/{system_id}`.
inline ReportTenant MakeReportTenant(ReportEnv& env, const std::string& prefix,
                                     const std::string& system_id = "hr-screening") {
  PgTestDatabase& db = PgTestDatabase::Get();
  ReportTenant t;
  t.name = db.CreateTenant(prefix);
  t.admin = db.IssueToken(t.name, auth::Role::kAdmin);
  t.analyst = db.IssueToken(t.name, auth::Role::kAnalyst);
  t.analyst2 = db.IssueToken(t.name, auth::Role::kAnalyst);
  t.responder = db.IssueToken(t.name, auth::Role::kResponder);
  t.reporter = db.IssueToken(t.name, auth::Role::kReporter);
  t.viewer = db.IssueToken(t.name, auth::Role::kViewer);
  t.auditor = db.IssueToken(t.name, auth::Role::kAuditor);
  t.ai_system = env.CreateAiSystem(t.admin, system_id);
  return t;
}

// Creates a valid incident (IncidentEnv::ValidIncident) of the tenant's AI system, changed by
// `edit`, and returns its name.
template <typename Edit>
std::string MakeIncident(ReportEnv& env, const ReportTenant& t, const std::string& title,
                         Edit edit) {
  iv1::Incident incident = IncidentEnv::ValidIncident(t.ai_system, title);
  edit(incident);
  return env.CreateIncident(t.reporter, incident);
}
inline std::string MakeIncident(ReportEnv& env, const ReportTenant& t, const std::string& title) {
  return MakeIncident(env, t, title, [](iv1::Incident&) {});
}

// Rows of the tenant's audit log for `resource_name`, and its outbox events (topics, in order).
inline int64_t AuditRows(const ReportTenant& t, const std::string& resource_name) {
  return std::stoll(PgTestDatabase::Get().QueryValue(absl::StrCat(
      "SELECT count(*) FROM audit_log a JOIN tenants t ON t.id = a.tenant_id WHERE t.name = '",
      t.name, "' AND a.resource_name = '", resource_name, "'")));
}
inline std::vector<std::string> OutboxTopics(const ReportTenant& t,
                                             const std::string& resource_name) {
  std::vector<std::string> topics;
  for (const auto& row : ::airr::testing::QueryRows(
           absl::StrCat("SELECT o.topic FROM outbox_events o JOIN tenants t ON t.id = o.tenant_id "
                        "WHERE t.name = '",
                        t.name, "' AND o.resource_name = '", resource_name, "' ORDER BY o.id"))) {
    topics.push_back(row.at(0));
  }
  return topics;
}

// The ErrorInfo metadata of `status` (empty when it has none).
inline std::map<std::string, std::string> ErrorMetadata(const absl::Status& status) {
  google::rpc::ErrorInfo info;
  const auto payload = status.GetPayload(kErrorInfoTypeUrl);
  if (!payload || !info.ParseFromString(std::string(*payload))) {
    return {};
  }
  return {info.metadata().begin(), info.metadata().end()};
}

// Starts one in-process server for all tests of a suite.
class ReportServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { env_ = new ReportEnv(); }
  static void TearDownTestSuite() {
    delete env_;
    env_ = nullptr;
  }
  static ReportEnv& env() { return *env_; }

 private:
  static inline ReportEnv* env_ = nullptr;
};

}  // namespace airr::report::testing
