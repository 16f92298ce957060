// The mitigation RPCs of ReportService: parse and validate, then let the mitigation store and the
// pure lifecycle (mitigation_lifecycle.h) do the work; `overdue` is computed on every response
// against the server's clock.
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "libs/api/etag.h"
#include "libs/api/field_mask.h"
#include "libs/api/page_size.h"
#include "libs/api/query_fingerprint.h"
#include "libs/api/resource_name.h"
#include "libs/common/status_macros.h"
#include "libs/common/uuid.h"
#include "services/report/mitigation_fields.h"
#include "services/report/mitigation_lifecycle.h"
#include "services/report/mitigation_validator.h"
#include "services/report/report_grpc_service.h"
#include "services/report/resource_names.h"

namespace airr::report {
namespace {

constexpr int kDefaultPageSize = 100;
constexpr int kMaxPageSize = 1000;

using auth::Permission;
using grpcutil::Call;

absl::StatusOr<api::ChildName> MitigationIds(const std::string& name, absl::string_view field) {
  return api::ParseChildResourceName(name, kIncidentCollection, kMitigationCollection, field);
}

MitigationActor ActorOf(const Call& call) {
  return MitigationActor{call.principal.AuditName(), call.principal.principal_id};
}

// One lifecycle RPC: parses `name` and `etag`, runs `validate`, then `apply` on the locked
// mitigation, and answers with the stored result.
using Apply =
    std::function<absl::StatusOr<std::string>(MitigationRecord&, const Call&, absl::Time)>;
grpc::Status Transition(const ReportServiceDeps& d, grpc::ServerContext* context,
                        absl::string_view rpc, const std::string& name, const std::string& etag,
                        const std::function<absl::Status()>& validate, const Apply& apply,
                        v1::Mitigation* response) {
  return d.edge.Run(
      context, ReportMethod(rpc), Permission::kFollowUp, [&](const Call& call) -> absl::Status {
        AIRR_ASSIGN_OR_RETURN(api::ChildName ids, MitigationIds(name, "name"));
        AIRR_ASSIGN_OR_RETURN(auto expected, api::ParseOptionalEtag(etag, "etag"));
        AIRR_RETURN_IF_ERROR(validate());
        const absl::Time now = d.clock.Now();
        AIRR_ASSIGN_OR_RETURN(
            *response, d.mitigations.Mutate(
                           call.scope, ids.parent_id, ids.id, expected,
                           [&](MitigationRecord& record) { return apply(record, call, now); }));
        response->set_overdue(IsOverdue(*response, d.clock.Now()));
        return absl::OkStatus();
      });
}

}  // namespace

grpc::Status ReportGrpcService::CreateMitigation(grpc::ServerContext* context,
                                                 const v1::CreateMitigationRequest* request,
                                                 v1::Mitigation* response) {
  return d_.edge.Run(
      context, ReportMethod("CreateMitigation"), Permission::kFollowUp,
      [&](const Call& call) -> absl::Status {
        AIRR_RETURN_IF_ERROR(ValidateCreateMitigation(*request));
        AIRR_ASSIGN_OR_RETURN(
            std::string incident_id,
            api::ParseResourceName(request->parent(), kIncidentCollection, "parent"));
        const std::string id =
            request->mitigation_id().empty() ? NewRandomUuid() : request->mitigation_id();
        AIRR_ASSIGN_OR_RETURN(
            *response, d_.mitigations.Create(call.scope, incident_id, request->mitigation(), id,
                                             request->request_id()));
        response->set_overdue(IsOverdue(*response, d_.clock.Now()));
        return absl::OkStatus();
      });
}

grpc::Status ReportGrpcService::GetMitigation(grpc::ServerContext* context,
                                              const v1::GetMitigationRequest* request,
                                              v1::Mitigation* response) {
  return d_.edge.Run(
      context, ReportMethod("GetMitigation"), Permission::kRead,
      [&](const Call& call) -> absl::Status {
        AIRR_ASSIGN_OR_RETURN(api::ChildName ids, MitigationIds(request->name(), "name"));
        AIRR_ASSIGN_OR_RETURN(*response, d_.mitigations.Get(call.scope, ids.parent_id, ids.id));
        response->set_overdue(IsOverdue(*response, d_.clock.Now()));
        return absl::OkStatus();
      });
}

grpc::Status ReportGrpcService::ListMitigations(grpc::ServerContext* context,
                                                const v1::ListMitigationsRequest* request,
                                                v1::ListMitigationsResponse* response) {
  return d_.edge.Run(
      context, ReportMethod("ListMitigations"), Permission::kRead,
      [&](const Call& call) -> absl::Status {
        AIRR_RETURN_IF_ERROR(ValidateListMitigations(*request));
        MitigationPageQuery query;
        AIRR_ASSIGN_OR_RETURN(
            std::string parent,
            api::ParseParentOrAny(request->parent(), kIncidentCollection, "parent"));
        query.incident_id = parent == api::kAnyParent ? "" : parent;
        AIRR_ASSIGN_OR_RETURN(
            query.page_size,
            api::ResolvePageSize(request->page_size(), kDefaultPageSize, kMaxPageSize));
        std::vector<std::string> state_names;
        for (int state : request->states()) {
          query.states.push_back(static_cast<v1::MitigationState>(state));
          state_names.push_back(v1::MitigationState_Name(state));
        }
        query.owner = request->owner();
        query.overdue_only = request->overdue_only();
        const absl::Time now = d_.clock.Now();
        query.now = now;
        // A token is valid only for the tenant and query it was issued for.
        const std::string fingerprint =
            api::QueryFingerprint({call.scope.tenant_id, "ListMitigations", request->parent(),
                                   absl::StrJoin(state_names, ","), request->owner(),
                                   request->overdue_only() ? "overdue" : "all"});
        if (!request->page_token().empty()) {
          AIRR_ASSIGN_OR_RETURN(query.after,
                                d_.page_tokens.Decode(request->page_token(), fingerprint));
        }
        AIRR_ASSIGN_OR_RETURN(MitigationPage page, d_.mitigations.List(call.scope, query));
        for (auto& mitigation : page.mitigations) {
          mitigation.set_overdue(IsOverdue(mitigation, now));
          *response->add_mitigations() = std::move(mitigation);
        }
        if (page.next) {
          response->set_next_page_token(d_.page_tokens.Encode(*page.next, fingerprint));
        }
        return absl::OkStatus();
      });
}

grpc::Status ReportGrpcService::UpdateMitigation(grpc::ServerContext* context,
                                                 const v1::UpdateMitigationRequest* request,
                                                 v1::Mitigation* response) {
  return d_.edge.Run(
      context, ReportMethod("UpdateMitigation"), Permission::kFollowUp,
      [&](const Call& call) -> absl::Status {
        const v1::Mitigation& patch = request->mitigation();
        AIRR_ASSIGN_OR_RETURN(api::ChildName ids, MitigationIds(patch.name(), "mitigation.name"));
        AIRR_ASSIGN_OR_RETURN(auto expected,
                              api::ParseOptionalEtag(patch.etag(), "mitigation.etag"));
        AIRR_ASSIGN_OR_RETURN(
            std::vector<std::string> paths,
            api::ResolveUpdateMask(request->update_mask(), MitigationUpdatableFields(), patch));
        AIRR_ASSIGN_OR_RETURN(
            *response,
            d_.mitigations.Mutate(call.scope, ids.parent_id, ids.id, expected,
                                  [&](MitigationRecord& record) -> absl::StatusOr<std::string> {
                                    // The state decides first: a closed mitigation is refused
                                    // whatever the input.
                                    AIRR_ASSIGN_OR_RETURN(std::string topic,
                                                          ApplyMitigationUpdate(record));
                                    api::ApplyFieldMask(patch, paths, &record.mitigation);
                                    AIRR_RETURN_IF_ERROR(ValidateMitigation(
                                        record.mitigation, "mitigation", ids.parent_id));
                                    return topic;
                                  }));
        response->set_overdue(IsOverdue(*response, d_.clock.Now()));
        return absl::OkStatus();
      });
}

grpc::Status ReportGrpcService::BeginMitigation(grpc::ServerContext* context,
                                                const v1::BeginMitigationRequest* request,
                                                v1::Mitigation* response) {
  return Transition(
      d_, context, "BeginMitigation", request->name(), request->etag(),
      [] { return absl::OkStatus(); },
      [](MitigationRecord& record, const Call&, absl::Time now) { return ApplyBegin(record, now); },
      response);
}

grpc::Status ReportGrpcService::CompleteMitigation(grpc::ServerContext* context,
                                                   const v1::CompleteMitigationRequest* request,
                                                   v1::Mitigation* response) {
  return Transition(
      d_, context, "CompleteMitigation", request->name(), request->etag(),
      [&] { return ValidateCompleteMitigation(*request); },
      [&](MitigationRecord& record, const Call& call, absl::Time now) {
        return ApplyComplete(record, request->note(), ActorOf(call), now);
      },
      response);
}

grpc::Status ReportGrpcService::VerifyMitigation(grpc::ServerContext* context,
                                                 const v1::VerifyMitigationRequest* request,
                                                 v1::Mitigation* response) {
  return Transition(
      d_, context, "VerifyMitigation", request->name(), request->etag(),
      [&] { return ValidateVerifyMitigation(*request); },
      [&](MitigationRecord& record, const Call& call, absl::Time now) {
        return ApplyVerify(record, request->method(), ActorOf(call), now);
      },
      response);
}

grpc::Status ReportGrpcService::CancelMitigation(grpc::ServerContext* context,
                                                 const v1::CancelMitigationRequest* request,
                                                 v1::Mitigation* response) {
  return Transition(
      d_, context, "CancelMitigation", request->name(), request->etag(),
      [&] { return ValidateCancelMitigation(*request); },
      [&](MitigationRecord& record, const Call&, absl::Time now) {
        return ApplyCancel(record, request->reason(), now);
      },
      response);
}

}  // namespace airr::report
