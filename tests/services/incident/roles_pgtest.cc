// Authorization of every IncidentService RPC, role by role, through the real server: every role
// may read; reporters may also log incidents (create, update, timeline, signals); only responders
// and admins may run the lifecycle. A denied call is PERMISSION_DENIED before its input is checked
// or its incident looked up, and writes nothing; a call without a token is UNAUTHENTICATED.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "google/protobuf/descriptor.h"
#include "tests/services/incident/incident_pgtest_util.h"

namespace airr::incident::testing {
namespace {

using auth::Role;

// What an RPC needs, as incident_service.proto documents it.
enum class Need { kRead, kReport, kRespond };

// The expected matrix, written out rather than derived from auth::Allows, so that a change of the
// role table that breaks the documented contract fails here.
bool Allowed(Role role, Need need) {
  switch (need) {
    case Need::kRead:
      return true;
    case Need::kReport:
      return role == Role::kReporter || role == Role::kResponder || role == Role::kAdmin;
    case Need::kRespond:
      return role == Role::kResponder || role == Role::kAdmin;
  }
  return false;
}

// The tenant the calls work in, with an admin to prepare their targets.
struct Tenant {
  IncidentEnv* env = nullptr;
  std::string name;
  std::string admin;
  std::string ai_system;
  std::string read_target;  // an incident opened by signals, with a note on its timeline
};

constexpr char kMissing[] = "incidents/no-such-incident";

// One call, made as the holder of `token`.
using Call = std::function<absl::Status(const std::string& token)>;
using MakeCall = std::function<Call(Tenant&)>;

struct Rpc {
  std::string name;
  Need need;
  // Prepares what a valid call needs (as the admin) and returns the call.
  std::function<absl::StatusOr<Call>(Tenant&)> valid;
  // A call that fails for another reason when the role is allowed: it names a nonexistent
  // incident or AI system (failing with `missing_code`). Unset when the RPC names neither.
  MakeCall missing;
  absl::StatusCode missing_code;
  // A call with bad input (INVALID_ARGUMENT when the role is allowed).
  MakeCall bad;
};

template <typename Request, typename Response>
Call Unary(IncidentEnv* env,
           grpc::Status (IncidentStub::*method)(grpc::ClientContext*, const Request&, Response*),
           Request request) {
  return [=](const std::string& token) { return env->Call(method, request, token).status(); };
}

// A valid call that needs nothing prepared.
std::function<absl::StatusOr<Call>(Tenant&)> Ready(MakeCall make) {
  return [make](Tenant& t) -> absl::StatusOr<Call> { return make(t); };
}

// A valid call on a fresh incident in `state`, named to `make`.
std::function<absl::StatusOr<Call>(Tenant&)> OnFresh(
    v1::State state, std::function<Call(Tenant&, const std::string&)> make) {
  return [state, make](Tenant& t) -> absl::StatusOr<Call> {
    auto created = CreateIncident(*t.env, t.admin, t.ai_system, "Target of a role check");
    if (!created.ok()) {
      return created.status();
    }
    auto target = MoveTo(*t.env, t.admin, *created, state);
    if (!target.ok()) {
      return target.status();
    }
    return make(t, target->name());
  };
}

// Requests of the lifecycle methods, valid apart from `name`.
v1::TriageIncidentRequest TriageOf(const std::string& name) {
  v1::TriageIncidentRequest r;
  r.set_name(name);
  r.set_severity(v1::SEVERITY_SEV2);
  r.set_owner("cs-oncall");
  return r;
}
v1::StartMitigationRequest StartOf(const std::string& name) {
  v1::StartMitigationRequest r;
  r.set_name(name);
  r.set_comment("Rolling back.");
  return r;
}
v1::ResolveIncidentRequest ResolveOf(const std::string& name) {
  v1::ResolveIncidentRequest r;
  r.set_name(name);
  r.set_resolution_summary("Rolled back.");
  return r;
}
v1::CloseIncidentRequest CloseOf(const std::string& name) {
  v1::CloseIncidentRequest r;
  r.set_name(name);
  r.set_post_incident_review("Reviewed.");
  return r;
}
v1::ReopenIncidentRequest ReopenOf(const std::string& name) {
  v1::ReopenIncidentRequest r;
  r.set_name(name);
  r.set_reason("It came back.");
  return r;
}
v1::RejectIncidentRequest RejectOf(const std::string& name) {
  v1::RejectIncidentRequest r;
  r.set_name(name);
  r.set_reason(v1::REJECT_REASON_NOT_AN_AI_INCIDENT);
  return r;
}
v1::MergeIncidentRequest MergeOf(const std::string& name, const std::string& into) {
  v1::MergeIncidentRequest r;
  r.set_name(name);
  r.set_into(into);
  return r;
}
v1::UpdateIncidentRequest UpdateOf(const std::string& name) {
  v1::UpdateIncidentRequest r;
  r.mutable_incident()->set_name(name);
  r.mutable_incident()->set_title("Retitled by role");
  r.mutable_update_mask()->add_paths("title");
  return r;
}
v1::AddTimelineEventRequest NoteOf(const std::string& parent) {
  v1::AddTimelineEventRequest r;
  r.set_parent(parent);
  r.mutable_timeline_event()->set_type(v1::TIMELINE_EVENT_TYPE_NOTE);
  r.mutable_timeline_event()->set_text("A note by role");
  return r;
}
v1::GetIncidentRequest GetOf(const std::string& name) {
  v1::GetIncidentRequest r;
  r.set_name(name);
  return r;
}
v1::ListTimelineEventsRequest EventsOf(const std::string& parent) {
  v1::ListTimelineEventsRequest r;
  r.set_parent(parent);
  return r;
}
v1::ListSignalsRequest SignalsOf(const std::string& parent) {
  v1::ListSignalsRequest r;
  r.set_parent(parent);
  return r;
}
v1::IngestSignalBatchRequest BatchOf(v1::SignalBatch batch) {
  v1::IngestSignalBatchRequest r;
  *r.mutable_batch() = std::move(batch);
  return r;
}

std::vector<Rpc> EveryRpc() {
  using S = IncidentStub;
  using St = absl::StatusCode;
  return {
      {"CreateIncident", Need::kReport, Ready([](Tenant& t) {
         v1::CreateIncidentRequest r;
         *r.mutable_incident() = IncidentEnv::ValidIncident(t.ai_system, "Created by role");
         return Unary(t.env, &S::CreateIncident, r);
       }),
       [](Tenant& t) {
         v1::CreateIncidentRequest r;
         *r.mutable_incident() = IncidentEnv::ValidIncident("aiSystems/no-such-system", "x");
         return Unary(t.env, &S::CreateIncident, r);
       },
       St::kInvalidArgument,
       [](Tenant& t) {
         v1::CreateIncidentRequest r;
         r.set_incident_id("Bad ID");
         return Unary(t.env, &S::CreateIncident, r);
       }},
      {"GetIncident", Need::kRead,
       Ready([](Tenant& t) { return Unary(t.env, &S::GetIncident, GetOf(t.read_target)); }),
       [](Tenant& t) { return Unary(t.env, &S::GetIncident, GetOf(kMissing)); }, St::kNotFound,
       [](Tenant& t) { return Unary(t.env, &S::GetIncident, GetOf("x")); }},
      {"ListIncidents", Need::kRead,
       Ready([](Tenant& t) { return Unary(t.env, &S::ListIncidents, v1::ListIncidentsRequest()); }),
       nullptr, St::kOk,
       [](Tenant& t) {
         v1::ListIncidentsRequest r;
         r.set_filter("(((");
         return Unary(t.env, &S::ListIncidents, r);
       }},
      {"UpdateIncident", Need::kReport,
       OnFresh(v1::STATE_REPORTED,
               [](Tenant& t, const std::string& name) {
                 return Unary(t.env, &S::UpdateIncident, UpdateOf(name));
               }),
       [](Tenant& t) { return Unary(t.env, &S::UpdateIncident, UpdateOf(kMissing)); },
       St::kNotFound,
       [](Tenant& t) {
         v1::UpdateIncidentRequest r = UpdateOf(kMissing);
         r.mutable_update_mask()->add_paths("state");
         return Unary(t.env, &S::UpdateIncident, r);
       }},
      {"TriageIncident", Need::kRespond,
       OnFresh(v1::STATE_REPORTED,
               [](Tenant& t, const std::string& name) {
                 return Unary(t.env, &S::TriageIncident, TriageOf(name));
               }),
       [](Tenant& t) { return Unary(t.env, &S::TriageIncident, TriageOf(kMissing)); },
       St::kNotFound,
       [](Tenant& t) {
         v1::TriageIncidentRequest r = TriageOf(kMissing);
         r.clear_severity();
         return Unary(t.env, &S::TriageIncident, r);
       }},
      {"StartMitigation", Need::kRespond,
       OnFresh(v1::STATE_TRIAGED,
               [](Tenant& t, const std::string& name) {
                 return Unary(t.env, &S::StartMitigation, StartOf(name));
               }),
       [](Tenant& t) { return Unary(t.env, &S::StartMitigation, StartOf(kMissing)); },
       St::kNotFound,
       [](Tenant& t) {
         v1::StartMitigationRequest r = StartOf(kMissing);
         r.set_comment(std::string(2001, 'c'));
         return Unary(t.env, &S::StartMitigation, r);
       }},
      {"ResolveIncident", Need::kRespond,
       OnFresh(v1::STATE_MITIGATING,
               [](Tenant& t, const std::string& name) {
                 return Unary(t.env, &S::ResolveIncident, ResolveOf(name));
               }),
       [](Tenant& t) { return Unary(t.env, &S::ResolveIncident, ResolveOf(kMissing)); },
       St::kNotFound,
       [](Tenant& t) {
         v1::ResolveIncidentRequest r = ResolveOf(kMissing);
         r.clear_resolution_summary();
         return Unary(t.env, &S::ResolveIncident, r);
       }},
      {"CloseIncident", Need::kRespond,
       OnFresh(v1::STATE_RESOLVED,
               [](Tenant& t, const std::string& name) {
                 return Unary(t.env, &S::CloseIncident, CloseOf(name));
               }),
       [](Tenant& t) { return Unary(t.env, &S::CloseIncident, CloseOf(kMissing)); }, St::kNotFound,
       [](Tenant& t) {
         v1::CloseIncidentRequest r = CloseOf(kMissing);
         r.clear_post_incident_review();
         return Unary(t.env, &S::CloseIncident, r);
       }},
      {"ReopenIncident", Need::kRespond,
       OnFresh(v1::STATE_CLOSED,
               [](Tenant& t, const std::string& name) {
                 return Unary(t.env, &S::ReopenIncident, ReopenOf(name));
               }),
       [](Tenant& t) { return Unary(t.env, &S::ReopenIncident, ReopenOf(kMissing)); },
       St::kNotFound,
       [](Tenant& t) {
         v1::ReopenIncidentRequest r = ReopenOf(kMissing);
         r.clear_reason();
         return Unary(t.env, &S::ReopenIncident, r);
       }},
      {"RejectIncident", Need::kRespond,
       OnFresh(v1::STATE_REPORTED,
               [](Tenant& t, const std::string& name) {
                 return Unary(t.env, &S::RejectIncident, RejectOf(name));
               }),
       [](Tenant& t) { return Unary(t.env, &S::RejectIncident, RejectOf(kMissing)); },
       St::kNotFound,
       [](Tenant& t) {
         v1::RejectIncidentRequest r = RejectOf(kMissing);
         r.clear_reason();
         return Unary(t.env, &S::RejectIncident, r);
       }},
      {"MergeIncident", Need::kRespond,
       [](Tenant& t) -> absl::StatusOr<Call> {
         auto merged = CreateIncident(*t.env, t.admin, t.ai_system, "Merged by role");
         auto survivor = CreateIncident(*t.env, t.admin, t.ai_system, "Survivor");
         if (!merged.ok() || !survivor.ok()) {
           return merged.ok() ? survivor.status() : merged.status();
         }
         return Unary(t.env, &S::MergeIncident, MergeOf(merged->name(), survivor->name()));
       },
       [](Tenant& t) { return Unary(t.env, &S::MergeIncident, MergeOf(kMissing, t.read_target)); },
       St::kNotFound,
       [](Tenant& t) { return Unary(t.env, &S::MergeIncident, MergeOf(kMissing, kMissing)); }},
      {"AddTimelineEvent", Need::kReport,
       Ready([](Tenant& t) { return Unary(t.env, &S::AddTimelineEvent, NoteOf(t.read_target)); }),
       [](Tenant& t) { return Unary(t.env, &S::AddTimelineEvent, NoteOf(kMissing)); },
       St::kNotFound,
       [](Tenant& t) {
         v1::AddTimelineEventRequest r = NoteOf(kMissing);
         r.mutable_timeline_event()->set_type(v1::TIMELINE_EVENT_TYPE_TRIAGED);
         return Unary(t.env, &S::AddTimelineEvent, r);
       }},
      {"ListTimelineEvents", Need::kRead, Ready([](Tenant& t) {
         return Unary(t.env, &S::ListTimelineEvents, EventsOf(t.read_target));
       }),
       [](Tenant& t) { return Unary(t.env, &S::ListTimelineEvents, EventsOf(kMissing)); },
       St::kNotFound,
       [](Tenant& t) {
         v1::ListTimelineEventsRequest r = EventsOf(kMissing);
         r.set_page_size(-1);
         return Unary(t.env, &S::ListTimelineEvents, r);
       }},
      {"IngestSignalBatch", Need::kReport, Ready([](Tenant& t) {
         return Unary(t.env, &S::IngestSignalBatch,
                      BatchOf(Batch({ValidSignal(t.ai_system, UniqueFingerprint("roles"))})));
       }),
       [](Tenant& t) {
         return Unary(t.env, &S::IngestSignalBatch,
                      BatchOf(Batch({ValidSignal("aiSystems/no-such-system", "fp")})));
       },
       St::kInvalidArgument,
       [](Tenant& t) { return Unary(t.env, &S::IngestSignalBatch, BatchOf(Batch({}))); }},
      {"IngestSignals", Need::kReport, Ready([](Tenant& t) -> Call {
         IncidentEnv* env = t.env;
         const v1::SignalBatch batch =
             Batch({ValidSignal(t.ai_system, UniqueFingerprint("roles-stream"))});
         return
             [=](const std::string& token) { return IngestStream(*env, token, {batch}).status(); };
       }),
       [](Tenant& t) -> Call {
         IncidentEnv* env = t.env;
         const v1::SignalBatch batch = Batch({ValidSignal("aiSystems/no-such-system", "fp")});
         return
             [=](const std::string& token) { return IngestStream(*env, token, {batch}).status(); };
       },
       St::kInvalidArgument,
       [](Tenant& t) -> Call {
         IncidentEnv* env = t.env;
         return [=](const std::string& token) {
           return IngestStream(*env, token, {Batch({})}).status();
         };
       }},
      {"ListSignals", Need::kRead,
       Ready([](Tenant& t) { return Unary(t.env, &S::ListSignals, SignalsOf(t.read_target)); }),
       [](Tenant& t) { return Unary(t.env, &S::ListSignals, SignalsOf(kMissing)); }, St::kNotFound,
       [](Tenant& t) { return Unary(t.env, &S::ListSignals, SignalsOf("x")); }},
      {"WatchIncidents", Need::kRead, Ready([](Tenant& t) -> Call {
         IncidentEnv* env = t.env;
         return [=](const std::string& token) { return WatchFirstMessage(*env, token, ""); };
       }),
       nullptr, St::kOk,
       [](Tenant& t) -> Call {
         IncidentEnv* env = t.env;
         return [=](const std::string& token) { return WatchFirstMessage(*env, token, "abc"); };
       }},
  };
}

class RolesTest : public IncidentServerTest {
 protected:
  void SetUp() override {
    PgTestDatabase& db = PgTestDatabase::Get();
    tenant_.env = &env();
    tenant_.name = db.CreateTenant("inc-roles");
    tenant_.admin = db.IssueToken(tenant_.name, Role::kAdmin);
    tenant_.ai_system = env().CreateAiSystem(tenant_.admin, "roles-chatbot");
    auto ingested =
        IngestBatch(env(), tenant_.admin,
                    Batch({ValidSignal(tenant_.ai_system, UniqueFingerprint("roles-read")),
                           ValidSignal(tenant_.ai_system, UniqueFingerprint("roles-read"))}));
    ASSERT_TRUE(ingested.ok()) << ingested.status();
    ASSERT_EQ(ingested->acks(0).created_incidents_size(), 2);
    tenant_.read_target = ingested->acks(0).created_incidents(0);
    ASSERT_TRUE(
        env()
            .Call(&IncidentStub::AddTimelineEvent, NoteOf(tenant_.read_target), tenant_.admin)
            .ok());
  }

  Tenant tenant_;
};

TEST_F(RolesTest, MissingTokenIsUnauthenticatedOnEveryRpc) {
  for (const Rpc& rpc : EveryRpc()) {
    SCOPED_TRACE(rpc.name);
    auto call = rpc.valid(tenant_);
    ASSERT_TRUE(call.ok()) << call.status();
    TenantRows rows(tenant_.name);
    for (const std::string& token : {std::string(), std::string("not-a-token")}) {
      EXPECT_TRUE(
          HasCodeAndReason((*call)(token), absl::StatusCode::kUnauthenticated, "UNAUTHENTICATED"))
          << "token \"" << token << "\"";
      if (rpc.missing) {
        EXPECT_EQ(rpc.missing(tenant_)(token).code(), absl::StatusCode::kUnauthenticated);
      }
      EXPECT_EQ(rpc.bad(tenant_)(token).code(), absl::StatusCode::kUnauthenticated);
    }
    EXPECT_TRUE(rows.Unchanged());
  }
}

class RoleMatrixTest : public RolesTest, public ::testing::WithParamInterface<Role> {};

TEST_P(RoleMatrixTest, EveryRpcIsAllowedOrDeniedAsDocumented) {
  const Role role = GetParam();
  // Issuing a token writes an audit row: do it before any snapshot.
  const std::string token = PgTestDatabase::Get().IssueToken(tenant_.name, role);
  for (const Rpc& rpc : EveryRpc()) {
    SCOPED_TRACE(absl::StrCat(auth::RoleName(role), " calls ", rpc.name));
    const bool allowed = Allowed(role, rpc.need);
    auto call = rpc.valid(tenant_);
    ASSERT_TRUE(call.ok()) << "preparing the call: " << call.status();

    TenantRows rows(tenant_.name);
    const absl::Status status = (*call)(token);
    if (allowed) {
      EXPECT_TRUE(status.ok()) << status;
      if (rpc.need == Need::kRead) {
        EXPECT_TRUE(rows.Unchanged());
      } else {
        // Every write is audited.
        EXPECT_GT(rows.now("audit_log"), rows.at_snapshot("audit_log"));
      }
    } else {
      EXPECT_TRUE(
          HasCodeAndReason(status, absl::StatusCode::kPermissionDenied, "PERMISSION_DENIED"));
      EXPECT_TRUE(rows.Unchanged());
    }

    // The answer to a call that would fail anyway: a denied role learns nothing about what exists
    // or what is wrong with its input.
    rows.Retake();
    if (rpc.missing) {
      const absl::Status missing = rpc.missing(tenant_)(token);
      if (allowed) {
        EXPECT_EQ(missing.code(), rpc.missing_code) << "missing target: " << missing;
      } else {
        EXPECT_TRUE(
            HasCodeAndReason(missing, absl::StatusCode::kPermissionDenied, "PERMISSION_DENIED"))
            << "missing target";
      }
    }
    const absl::Status bad = rpc.bad(tenant_)(token);
    if (allowed) {
      EXPECT_EQ(bad.code(), absl::StatusCode::kInvalidArgument) << "bad input: " << bad;
    } else {
      EXPECT_TRUE(HasCodeAndReason(bad, absl::StatusCode::kPermissionDenied, "PERMISSION_DENIED"))
          << "bad input";
    }
    EXPECT_TRUE(rows.Unchanged());
  }
}

INSTANTIATE_TEST_SUITE_P(Roles, RoleMatrixTest,
                         ::testing::Values(Role::kViewer, Role::kReporter, Role::kAnalyst,
                                           Role::kResponder, Role::kAuditor, Role::kAdmin),
                         [](const auto& test_info) { return auth::RoleName(test_info.param); });

// The matrix covers every RPC of the service, so a new RPC cannot slip in unchecked.
TEST(RolesCoverageTest, EveryRpcOfTheServiceIsInTheMatrix) {
  const google::protobuf::ServiceDescriptor* service =
      v1::Incident::descriptor()->file()->FindServiceByName("IncidentService");
  ASSERT_NE(service, nullptr);
  std::vector<std::string> in_matrix;
  for (const Rpc& rpc : EveryRpc()) {
    in_matrix.push_back(rpc.name);
  }
  std::vector<std::string> in_service;
  for (int i = 0; i < service->method_count(); ++i) {
    in_service.push_back(service->method(i)->name());
  }
  EXPECT_THAT(in_matrix, ::testing::UnorderedElementsAreArray(in_service));
}

}  // namespace
}  // namespace airr::incident::testing
