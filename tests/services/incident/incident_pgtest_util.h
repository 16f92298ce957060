// Shared helpers of the incident service's PostgreSQL tests: one in-process server per suite, a
// snapshot of every row a tenant's incident calls can write (to prove a call wrote nothing),
// builders of valid signals and batches, lifecycle shortcuts, and clients of the streaming RPCs.
#pragma once

#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "airr/incident/v1/incident_service.grpc.pb.h"
#include "libs/api/timestamps.h"
#include "libs/common/uuid.h"
#include "libs/grpcutil/status.h"
#include "tests/testing/db_queries.h"
#include "tests/testing/incident_env.h"
#include "tests/testing/pg_fixture.h"
#include "tests/testing/server_env.h"
#include "tests/testing/status_assertions.h"
#include "tests/testing/tenant_rows.h"

namespace airr::incident::testing {

namespace v1 = ::airr::incident::v1;
using ::airr::testing::HasCodeAndReason;
using ::airr::testing::IncidentEnv;
using ::airr::testing::IsInvalidField;
using ::airr::testing::PgTestDatabase;
using ::airr::testing::ServerEnv;
using ::airr::testing::ViolatedFields;
using IncidentStub = IncidentEnv::IncidentStub;

// The tables an IncidentService call can write, each with a tenant_id column.
inline const std::vector<std::string>& IncidentTables() {
  static const auto* tables = new std::vector<std::string>{
      "incidents",     "incident_timeline_events",
      "signals",       "signal_batches",
      "signal_groups", "audit_log",
      "outbox_events",
  };
  return *tables;
}

// What one tenant has in every table of IncidentTables(): row counts and the sum of the
// incidents' versions (keys "<table>", "incidents.version_sum").
class TenantRows : public ::airr::testing::TenantRows {
 public:
  explicit TenantRows(const std::string& tenant)
      : ::airr::testing::TenantRows(tenant, IncidentTables(), {"incidents"}) {}
};

// A valid signal of `ai_system`, observed a minute ago.
inline v1::Signal ValidSignal(const std::string& ai_system, const std::string& fingerprint,
                              const std::string& summary = "Guardrail blocked a leaked address") {
  v1::Signal signal;
  signal.set_source("guardrail/chat-prod");
  signal.set_ai_system(ai_system);
  signal.set_kind(v1::SIGNAL_KIND_GUARDRAIL);
  signal.set_fingerprint(fingerprint);
  signal.set_severity_hint(v1::SEVERITY_SEV3);
  (*signal.mutable_attributes())["rule"] = "pii-address";
  *signal.mutable_observe_time() = api::TimestampFromTime(absl::Now() - absl::Minutes(1));
  signal.set_summary(summary);
  return signal;
}

// A batch of `signals` under a fresh batch id.
inline v1::SignalBatch Batch(std::vector<v1::Signal> signals) {
  v1::SignalBatch batch;
  batch.set_batch_id(NewRandomUuid());
  for (auto& signal : signals) {
    *batch.add_signals() = std::move(signal);
  }
  return batch;
}

// A fingerprint no other call of the test binary uses.
inline std::string UniqueFingerprint(const std::string& prefix) {
  static int next = 0;
  return absl::StrCat(prefix, "-", ++next, "-", NewRandomUuid().substr(0, 8));
}

// Sends `batches` on one IngestSignals stream, half-closes and returns the server's answer.
inline absl::StatusOr<v1::IngestSignalsResponse> IngestStream(
    IncidentEnv& env, const std::string& token, const std::vector<v1::SignalBatch>& batches) {
  auto context = ServerEnv::Context(token);
  v1::IngestSignalsResponse response;
  std::unique_ptr<grpc::ClientWriter<v1::IngestSignalsRequest>> writer =
      env.incidents().IngestSignals(context.get(), &response);
  for (const v1::SignalBatch& batch : batches) {
    v1::IngestSignalsRequest request;
    *request.mutable_batch() = batch;
    // A write fails once the server has answered (e.g. refused a batch): Finish says why.
    if (!writer->Write(request)) {
      break;
    }
  }
  writer->WritesDone();
  const grpc::Status status = writer->Finish();
  if (!status.ok()) {
    return grpcutil::FromGrpcStatus(status);
  }
  return response;
}

// Calls IngestSignalBatch with `batch`.
inline absl::StatusOr<v1::IngestSignalsResponse> IngestBatch(IncidentEnv& env,
                                                             const std::string& token,
                                                             const v1::SignalBatch& batch) {
  v1::IngestSignalBatchRequest request;
  *request.mutable_batch() = batch;
  return env.Call(&IncidentStub::IngestSignalBatch, request, token);
}

// One WatchIncidents stream. Every read is bounded by the stream's deadline, so a test that waits
// for a change that never comes fails instead of hanging.
class WatchStream {
 public:
  WatchStream(IncidentEnv& env, const std::string& token, const std::string& cursor,
              absl::Duration deadline = absl::Seconds(30)) {
    if (!token.empty()) {
      context_.AddMetadata("authorization", "Bearer " + token);
    }
    context_.set_deadline(std::chrono::system_clock::now() + absl::ToChronoMilliseconds(deadline));
    v1::WatchIncidentsRequest request;
    request.set_cursor(cursor);
    reader_ = env.incidents().WatchIncidents(&context_, request);
  }
  WatchStream(const WatchStream&) = delete;
  WatchStream& operator=(const WatchStream&) = delete;

  ~WatchStream() {
    if (!finished_) {
      context_.TryCancel();
      v1::WatchIncidentsResponse ignored;
      while (reader_->Read(&ignored)) {
      }
      reader_->Finish();
    }
  }

  // The next message; nullopt when the stream ended, after which status() says why.
  std::optional<v1::WatchIncidentsResponse> Next() {
    if (finished_) {
      return std::nullopt;
    }
    v1::WatchIncidentsResponse message;
    if (reader_->Read(&message)) {
      return message;
    }
    finished_ = true;
    status_ = grpcutil::FromGrpcStatus(reader_->Finish());
    return std::nullopt;
  }

  // How the stream ended (OK while it is open).
  const absl::Status& status() const { return status_; }

 private:
  grpc::ClientContext context_;
  std::unique_ptr<grpc::ClientReader<v1::WatchIncidentsResponse>> reader_;
  bool finished_ = false;
  absl::Status status_;
};

// Opens a watch and returns the status it ended with, or OK when its first message (the
// starting HEARTBEAT) arrived.
inline absl::Status WatchFirstMessage(IncidentEnv& env, const std::string& token,
                                      const std::string& cursor) {
  WatchStream watch(env, token, cursor);
  std::optional<v1::WatchIncidentsResponse> first = watch.Next();
  if (!first.has_value()) {
    return watch.status().ok() ? absl::UnknownError("the watch ended without a message")
                               : watch.status();
  }
  if (first->change_type() != v1::CHANGE_TYPE_HEARTBEAT) {
    return absl::UnknownError(
        absl::StrCat("the first message is ", v1::ChangeType_Name(first->change_type())));
  }
  return absl::OkStatus();
}

// Creates an incident as `token`.
inline absl::StatusOr<v1::Incident> CreateIncident(IncidentEnv& env, const std::string& token,
                                                   const std::string& ai_system,
                                                   const std::string& title,
                                                   const std::string& incident_id = "") {
  v1::CreateIncidentRequest request;
  *request.mutable_incident() = IncidentEnv::ValidIncident(ai_system, title);
  request.set_incident_id(incident_id);
  return env.Call(&IncidentStub::CreateIncident, request, token);
}

// Moves a REPORTED incident to `state` (REPORTED, TRIAGED, MITIGATING, RESOLVED, CLOSED or
// REJECTED) through the lifecycle methods, as `token` (a responder or admin).
inline absl::StatusOr<v1::Incident> MoveTo(IncidentEnv& env, const std::string& token,
                                           v1::Incident incident, v1::State state) {
  auto step = [&](absl::StatusOr<v1::Incident> next) -> absl::Status {
    if (next.ok()) {
      incident = *std::move(next);
    }
    return next.status();
  };
  if (state == v1::STATE_REPORTED) {
    return incident;
  }
  if (state == v1::STATE_REJECTED) {
    v1::RejectIncidentRequest reject;
    reject.set_name(incident.name());
    reject.set_reason(v1::REJECT_REASON_INVALID_REPORT);
    if (absl::Status s = step(env.Call(&IncidentStub::RejectIncident, reject, token)); !s.ok()) {
      return s;
    }
    return incident;
  }
  v1::TriageIncidentRequest triage;
  triage.set_name(incident.name());
  triage.set_severity(v1::SEVERITY_SEV2);
  triage.set_owner("cs-oncall");
  if (absl::Status s = step(env.Call(&IncidentStub::TriageIncident, triage, token)); !s.ok()) {
    return s;
  }
  if (state == v1::STATE_TRIAGED) {
    return incident;
  }
  if (state == v1::STATE_MITIGATING) {
    v1::StartMitigationRequest start;
    start.set_name(incident.name());
    if (absl::Status s = step(env.Call(&IncidentStub::StartMitigation, start, token)); !s.ok()) {
      return s;
    }
    return incident;
  }
  v1::ResolveIncidentRequest resolve;
  resolve.set_name(incident.name());
  resolve.set_resolution_summary("Filtered addresses from answers.");
  if (absl::Status s = step(env.Call(&IncidentStub::ResolveIncident, resolve, token)); !s.ok()) {
    return s;
  }
  if (state == v1::STATE_RESOLVED) {
    return incident;
  }
  v1::CloseIncidentRequest close;
  close.set_name(incident.name());
  close.set_post_incident_review("Missing output filter; added one and a regression test.");
  if (absl::Status s = step(env.Call(&IncidentStub::CloseIncident, close, token)); !s.ok()) {
    return s;
  }
  return incident;
}

// Starts one in-process server for all tests of a suite.
class IncidentServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { env_ = new IncidentEnv(); }
  static void TearDownTestSuite() {
    delete env_;
    env_ = nullptr;
  }
  static IncidentEnv& env() { return *env_; }

 private:
  static inline IncidentEnv* env_ = nullptr;
};

}  // namespace airr::incident::testing
