// Helpers of the mitigation PostgreSQL tests on top of report_pgtest_util.h (server per suite,
// tenants with a token per role, row snapshots): a tenant with two incidents and a second
// responder, violations inserted directly, a valid mitigation, and shortcuts for the RPCs.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "airr/report/v1/report_service.grpc.pb.h"
#include "libs/api/timestamps.h"
#include "tests/services/report/report_pgtest_util.h"

namespace airr::report::testing {

// A report tenant (report_pgtest_util.h) with a second responder (another principal) and two
// incidents to attach mitigations to.
struct Tenant : ReportTenant {
  std::string responder2;
  std::string incident;   // "incidents/{id}"
  std::string incident2;  // "incidents/{id}"
};

inline Tenant MakeTenant(ReportEnv& env, const std::string& prefix) {
  Tenant t;
  static_cast<ReportTenant&>(t) = MakeReportTenant(env, prefix, "chatbot");
  t.responder2 = PgTestDatabase::Get().IssueToken(t.name, auth::Role::kResponder);
  t.incident = MakeIncident(env, t, "Leak one");
  t.incident2 = MakeIncident(env, t, "Leak two");
  return t;
}

// The id of `incidents/{id}`.
inline std::string IdOf(const std::string& incident_name) {
  return std::string(absl::StripPrefix(incident_name, "incidents/"));
}

// Adds violation `violation_id` to the tenant's incident directly (as the superuser), so these
// tests do not depend on LinkViolation; `n` picks a distinct catalog principle per incident.
inline std::string InsertViolation(const Tenant& t, const std::string& incident_name,
                                   const std::string& violation_id, int n) {
  PgTestDatabase::Get().Exec(absl::StrCat(
      "INSERT INTO violations (tenant_id, incident_id, id, principle_id, rationale, confidence, "
      "state, assessor, assessor_id, assess_time) VALUES ((SELECT id FROM tenants WHERE name = '",
      t.name, "'), '", IdOf(incident_name), "', '", violation_id,
      "', (SELECT id FROM principles ORDER BY id OFFSET ", n,
      " LIMIT 1), 'test rationale', 'CONFIDENCE_HIGH', 'VIOLATION_STATE_PROPOSED', 'tester', "
      "'tester-id', now())"));
  return absl::StrCat(incident_name, "/violations/", violation_id);
}

// A valid mitigation due `due_from_now` from now.
inline v1::Mitigation ValidMitigation(const std::string& title,
                                      absl::Duration due_from_now = absl::Hours(72)) {
  v1::Mitigation m;
  m.set_kind(v1::MITIGATION_KIND_CORRECTION);
  m.set_title(title);
  m.set_description("Add an output filter and a regression test.");
  m.set_owner("ml-platform");
  *m.mutable_due_time() = api::TimestampFromTime(absl::Now() + due_from_now);
  return m;
}

inline absl::StatusOr<v1::Mitigation> Create(ReportEnv& env, const std::string& token,
                                             const std::string& parent,
                                             const v1::Mitigation& mitigation,
                                             const std::string& id = "",
                                             const std::string& request_id = "") {
  v1::CreateMitigationRequest request;
  request.set_parent(parent);
  *request.mutable_mitigation() = mitigation;
  request.set_mitigation_id(id);
  request.set_request_id(request_id);
  return env.Call(&ReportStub::CreateMitigation, request, token);
}

inline absl::StatusOr<v1::Mitigation> Get(ReportEnv& env, const std::string& token,
                                          const std::string& name) {
  v1::GetMitigationRequest request;
  request.set_name(name);
  return env.Call(&ReportStub::GetMitigation, request, token);
}

inline absl::StatusOr<v1::Mitigation> Begin(ReportEnv& env, const std::string& token,
                                            const std::string& name, const std::string& etag = "") {
  v1::BeginMitigationRequest request;
  request.set_name(name);
  request.set_etag(etag);
  return env.Call(&ReportStub::BeginMitigation, request, token);
}

inline absl::StatusOr<v1::Mitigation> Complete(ReportEnv& env, const std::string& token,
                                               const std::string& name,
                                               const std::string& note = "Deployed the filter.",
                                               const std::string& etag = "") {
  v1::CompleteMitigationRequest request;
  request.set_name(name);
  request.set_note(note);
  request.set_etag(etag);
  return env.Call(&ReportStub::CompleteMitigation, request, token);
}

inline absl::StatusOr<v1::Mitigation> Verify(ReportEnv& env, const std::string& token,
                                             const std::string& name,
                                             const std::string& method = "Re-ran red-team prompts",
                                             const std::string& etag = "") {
  v1::VerifyMitigationRequest request;
  request.set_name(name);
  request.set_method(method);
  request.set_etag(etag);
  return env.Call(&ReportStub::VerifyMitigation, request, token);
}

inline absl::StatusOr<v1::Mitigation> Cancel(ReportEnv& env, const std::string& token,
                                             const std::string& name,
                                             const std::string& reason = "Superseded by rollback",
                                             const std::string& etag = "") {
  v1::CancelMitigationRequest request;
  request.set_name(name);
  request.set_reason(reason);
  request.set_etag(etag);
  return env.Call(&ReportStub::CancelMitigation, request, token);
}

inline absl::StatusOr<v1::Mitigation> Update(ReportEnv& env, const std::string& token,
                                             const v1::Mitigation& patch,
                                             const std::vector<std::string>& paths) {
  v1::UpdateMitigationRequest request;
  *request.mutable_mitigation() = patch;
  for (const std::string& path : paths) {
    request.mutable_update_mask()->add_paths(path);
  }
  return env.Call(&ReportStub::UpdateMitigation, request, token);
}

// Starts one in-process server for all tests of a suite.
using MitigationServerTest = ReportServerTest;

}  // namespace airr::report::testing
