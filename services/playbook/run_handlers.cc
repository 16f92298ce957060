// The run RPCs of PlaybookService (runs, drills, steps, injects, evaluations and reports): parse
// and validate (run_validator.h), then let the run store and the pure lifecycle
// (run_lifecycle.h) do the work. Every Run answered carries its derived fields (run_view.h),
// computed against the service's clock.
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "libs/api/etag.h"
#include "libs/api/page_size.h"
#include "libs/api/query_fingerprint.h"
#include "libs/api/resource_name.h"
#include "libs/common/errors.h"
#include "libs/common/status_macros.h"
#include "libs/common/uuid.h"
#include "services/playbook/playbook_grpc_service.h"
#include "services/playbook/resource_names.h"
#include "services/playbook/run_lifecycle.h"
#include "services/playbook/run_report.h"
#include "services/playbook/run_validator.h"
#include "services/playbook/run_view.h"

namespace airr::playbook {
namespace {

constexpr int kDefaultPageSize = 100;
constexpr int kMaxPageSize = 1000;

using auth::Permission;
using grpcutil::Call;

absl::StatusOr<api::ChildName> RunIds(const std::string& name, absl::string_view field) {
  return api::ParseChildResourceName(name, kPlaybookCollection, kRunCollection, field);
}

// One RPC that changes a run: `validate` checks the request (given the time of the call), then
// `apply` changes the locked run; the stored result, with its derived fields, is the answer.
using Validate = std::function<absl::Status(absl::Time now)>;
using Apply = std::function<absl::StatusOr<RunChange>(RunRecord&, const RunActor&)>;
grpc::Status ChangeRun(const PlaybookServiceDeps& d, grpc::ServerContext* context,
                       absl::string_view rpc, const std::string& name, absl::string_view name_field,
                       const std::string& etag,
                       const std::function<absl::Status(const Call&)>& authorize,
                       const Validate& validate, const Apply& apply, v1::Run* response) {
  return d.edge.Run(
      context, PlaybookMethod(rpc), Permission::kRespond, [&](const Call& call) -> absl::Status {
        if (authorize) {
          AIRR_RETURN_IF_ERROR(authorize(call));
        }
        const absl::Time now = d.clock.Now();
        AIRR_RETURN_IF_ERROR(validate(now));
        AIRR_ASSIGN_OR_RETURN(api::ChildName ids, RunIds(name, name_field));
        AIRR_ASSIGN_OR_RETURN(auto expected, api::ParseOptionalEtag(etag, "etag"));
        const RunActor actor{call.scope.actor, now};
        AIRR_ASSIGN_OR_RETURN(
            *response, d.runs.Mutate(call.scope, ids.parent_id, ids.id, expected,
                                     [&](RunRecord& record) { return apply(record, actor); }));
        DeriveRunFields(*response, d.clock.Now());
        return absl::OkStatus();
      });
}

// Starts a run or drill of `parent` as `start` describes (the rest filled in here).
absl::Status StartAndAnswer(const PlaybookServiceDeps& d, const Call& call,
                            const std::string& parent, absl::Time now, RunStart start,
                            v1::Run* response) {
  AIRR_ASSIGN_OR_RETURN(start.playbook_id,
                        api::ParseResourceName(parent, kPlaybookCollection, "parent"));
  start.run_id = NewRandomUuid();
  start.start_mode = v1::START_MODE_MANUAL;
  start.now = now;
  AIRR_ASSIGN_OR_RETURN(*response, d.runs.Start(call.scope, start));
  DeriveRunFields(*response, d.clock.Now());
  return absl::OkStatus();
}

}  // namespace

grpc::Status PlaybookGrpcService::StartRun(grpc::ServerContext* context,
                                           const v1::StartRunRequest* request, v1::Run* response) {
  return d_.edge.Run(
      context, PlaybookMethod("StartRun"), Permission::kRespond,
      [&](const Call& call) -> absl::Status {
        const absl::Time now = d_.clock.Now();
        AIRR_RETURN_IF_ERROR(ValidateStartRun(*request, now));
        RunStart start;
        start.kind = v1::RUN_KIND_INCIDENT;
        AIRR_ASSIGN_OR_RETURN(
            start.incident_id,
            api::ParseResourceName(request->incident(), kIncidentCollection, "incident"));
        start.start_time = ResolveCallerTime(request->has_start_time(), request->start_time(), now);
        start.request_id = request->request_id();
        return StartAndAnswer(d_, call, request->parent(), now, std::move(start), response);
      });
}

grpc::Status PlaybookGrpcService::StartDrill(grpc::ServerContext* context,
                                             const v1::StartDrillRequest* request,
                                             v1::Run* response) {
  return d_.edge.Run(
      context, PlaybookMethod("StartDrill"), Permission::kRespond,
      [&](const Call& call) -> absl::Status {
        const absl::Time now = d_.clock.Now();
        AIRR_RETURN_IF_ERROR(ValidateStartDrill(*request, now));
        RunStart start;
        start.kind = v1::RUN_KIND_DRILL;
        start.drill = request->drill();
        AssignObjectiveIds(start.drill);
        start.start_time = ResolveCallerTime(request->has_start_time(), request->start_time(), now);
        start.request_id = request->request_id();
        return StartAndAnswer(d_, call, request->parent(), now, std::move(start), response);
      });
}

grpc::Status PlaybookGrpcService::GetRun(grpc::ServerContext* context,
                                         const v1::GetRunRequest* request, v1::Run* response) {
  return d_.edge.Run(
      context, PlaybookMethod("GetRun"), Permission::kRead, [&](const Call& call) -> absl::Status {
        AIRR_ASSIGN_OR_RETURN(api::ChildName ids, RunIds(request->name(), "name"));
        AIRR_ASSIGN_OR_RETURN(*response, d_.runs.Get(call.scope, ids.parent_id, ids.id));
        DeriveRunFields(*response, d_.clock.Now());
        return absl::OkStatus();
      });
}

grpc::Status PlaybookGrpcService::ListRuns(grpc::ServerContext* context,
                                           const v1::ListRunsRequest* request,
                                           v1::ListRunsResponse* response) {
  return d_.edge.Run(
      context, PlaybookMethod("ListRuns"), Permission::kRead,
      [&](const Call& call) -> absl::Status {
        AIRR_RETURN_IF_ERROR(ValidateListRuns(*request));
        RunPageQuery query;
        AIRR_ASSIGN_OR_RETURN(
            std::string parent,
            api::ParseParentOrAny(request->parent(), kPlaybookCollection, "parent"));
        query.playbook_id = parent == api::kAnyParent ? "" : parent;
        AIRR_ASSIGN_OR_RETURN(
            query.page_size,
            api::ResolvePageSize(request->page_size(), kDefaultPageSize, kMaxPageSize));
        query.kind = request->kind();
        std::vector<std::string> state_names;
        for (int state : request->states()) {
          query.states.push_back(static_cast<v1::RunState>(state));
          state_names.push_back(v1::RunState_Name(state));
        }
        if (!request->incident().empty()) {
          AIRR_ASSIGN_OR_RETURN(
              query.incident_id,
              api::ParseResourceName(request->incident(), kIncidentCollection, "incident"));
        }
        // A token is valid only for the tenant and query it was issued for.
        const std::string fingerprint = api::QueryFingerprint(
            {call.scope.tenant_id, "ListRuns", request->parent(), v1::RunKind_Name(query.kind),
             absl::StrJoin(state_names, ","), request->incident()});
        if (!request->page_token().empty()) {
          AIRR_ASSIGN_OR_RETURN(query.after,
                                d_.page_tokens.Decode(request->page_token(), fingerprint));
        }
        AIRR_ASSIGN_OR_RETURN(RunPage page, d_.runs.List(call.scope, query));
        const absl::Time now = d_.clock.Now();
        for (v1::Run& run : page.runs) {
          DeriveRunFields(run, now);
          *response->add_runs() = std::move(run);
        }
        if (page.next) {
          response->set_next_page_token(d_.page_tokens.Encode(*page.next, fingerprint));
        }
        return absl::OkStatus();
      });
}

grpc::Status PlaybookGrpcService::StartStep(grpc::ServerContext* context,
                                            const v1::StartStepRequest* request,
                                            v1::Run* response) {
  return ChangeRun(
      d_, context, "StartStep", request->run(), "run", request->etag(), nullptr,
      [&](absl::Time now) { return ValidateStartStep(*request, now); },
      [&](RunRecord& record, const RunActor& actor) {
        return playbook::StartStep(
            record, request->step_id(),
            ResolveCallerTime(request->has_start_time(), request->start_time(), actor.now), actor);
      },
      response);
}

grpc::Status PlaybookGrpcService::CompleteStep(grpc::ServerContext* context,
                                               const v1::CompleteStepRequest* request,
                                               v1::Run* response) {
  return ChangeRun(
      d_, context, "CompleteStep", request->run(), "run", request->etag(), nullptr,
      [&](absl::Time now) { return ValidateCompleteStep(*request, now); },
      [&](RunRecord& record, const RunActor& actor) {
        return playbook::CompleteStep(
            record, request->step_id(), request->notes(),
            ResolveCallerTime(request->has_complete_time(), request->complete_time(), actor.now),
            actor);
      },
      response);
}

grpc::Status PlaybookGrpcService::SkipStep(grpc::ServerContext* context,
                                           const v1::SkipStepRequest* request, v1::Run* response) {
  return ChangeRun(
      d_, context, "SkipStep", request->run(), "run", request->etag(),
      [&](const Call& call) -> absl::Status {
        if (request->admin_override() && call.principal.role != auth::Role::kAdmin) {
          return ErrorWithReason(
              absl::StatusCode::kPermissionDenied,
              absl::StrCat("admin_override needs the admin role; role ",
                           auth::RoleName(call.principal.role), " may not override"),
              "PERMISSION_DENIED",
              {{"role", auth::RoleName(call.principal.role)}, {"required_role", "admin"}});
        }
        return absl::OkStatus();
      },
      [&](absl::Time) { return ValidateSkipStep(*request); },
      [&](RunRecord& record, const RunActor& actor) {
        return playbook::SkipStep(record, request->step_id(), request->reason(),
                                  request->admin_override(), actor);
      },
      response);
}

grpc::Status PlaybookGrpcService::AddInject(grpc::ServerContext* context,
                                            const v1::AddInjectRequest* request,
                                            v1::Run* response) {
  return ChangeRun(
      d_, context, "AddInject", request->run(), "run", "", nullptr,
      [&](absl::Time) { return ValidateAddInject(*request); },
      [&](RunRecord& record, const RunActor& actor) {
        return playbook::AddInject(record, request->inject(), actor);
      },
      response);
}

grpc::Status PlaybookGrpcService::AbortRun(grpc::ServerContext* context,
                                           const v1::AbortRunRequest* request, v1::Run* response) {
  return ChangeRun(
      d_, context, "AbortRun", request->name(), "name", request->etag(), nullptr,
      [&](absl::Time) { return ValidateAbortRun(*request); },
      [&](RunRecord& record, const RunActor& actor) {
        return playbook::AbortRun(record, request->reason(), actor);
      },
      response);
}

grpc::Status PlaybookGrpcService::CompleteRun(grpc::ServerContext* context,
                                              const v1::CompleteRunRequest* request,
                                              v1::Run* response) {
  return ChangeRun(
      d_, context, "CompleteRun", request->name(), "name", request->etag(), nullptr,
      [&](absl::Time now) { return ValidateCompleteRun(*request, now); },
      [&](RunRecord& record, const RunActor& actor) {
        return playbook::CompleteRun(
            record, request->summary(),
            request->has_evaluation() ? &request->evaluation() : nullptr,
            ResolveCallerTime(request->has_end_time(), request->end_time(), actor.now), actor);
      },
      response);
}

grpc::Status PlaybookGrpcService::UpdateRunEvaluation(grpc::ServerContext* context,
                                                      const v1::UpdateRunEvaluationRequest* request,
                                                      v1::Run* response) {
  return ChangeRun(
      d_, context, "UpdateRunEvaluation", request->name(), "name", request->etag(), nullptr,
      [&](absl::Time) { return ValidateUpdateRunEvaluation(*request); },
      [&](RunRecord& record, const RunActor& actor) {
        return playbook::UpdateEvaluation(record, request->evaluation(), actor);
      },
      response);
}

grpc::Status PlaybookGrpcService::GetRunReport(grpc::ServerContext* context,
                                               const v1::GetRunReportRequest* request,
                                               v1::RunReport* response) {
  return d_.edge.Run(
      context, PlaybookMethod("GetRunReport"), Permission::kRead,
      [&](const Call& call) -> absl::Status {
        AIRR_ASSIGN_OR_RETURN(api::ChildName ids, RunIds(request->name(), "name"));
        AIRR_ASSIGN_OR_RETURN(RunReportSource source,
                              d_.runs.GetReportSource(call.scope, ids.parent_id, ids.id));
        const absl::Time now = d_.clock.Now();
        DeriveRunFields(source.run, now);
        *response = BuildRunReport(source.run, std::move(source.timeline), source.version, now);
        return absl::OkStatus();
      });
}

}  // namespace airr::playbook
