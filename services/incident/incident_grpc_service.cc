#include "services/incident/incident_grpc_service.h"

#include "absl/strings/str_cat.h"
#include "libs/api/etag.h"
#include "libs/api/field_mask.h"
#include "libs/api/page_size.h"
#include "libs/api/query_fingerprint.h"
#include "libs/api/resource_name.h"
#include "libs/common/errors.h"
#include "libs/common/status_macros.h"
#include "services/incident/incident_fields.h"
#include "services/incident/incident_lifecycle.h"
#include "services/incident/incident_rows.h"
#include "services/incident/incident_validator.h"

namespace airr::incident {
namespace {

constexpr int kDefaultPageSize = 50;
constexpr int kDefaultTimelinePageSize = 100;
constexpr int kMaxPageSize = 1000;

using auth::Permission;
using grpcutil::Call;

absl::StatusOr<std::string> IncidentId(const std::string& name, absl::string_view field) {
  return api::ParseResourceName(name, kIncidentCollection, field);
}

}  // namespace

std::string IncidentMethod(absl::string_view rpc) {
  return absl::StrCat(v1::IncidentService::service_full_name(), "/", rpc);
}

grpc::Status IncidentGrpcService::CreateIncident(grpc::ServerContext* context,
                                                 const v1::CreateIncidentRequest* request,
                                                 v1::Incident* response) {
  return d_.edge.Run(context, IncidentMethod("CreateIncident"), Permission::kReportIncident,
                     [&](const Call& call) -> absl::Status {
                       const absl::Time now = d_.clock.Now();
                       AIRR_RETURN_IF_ERROR(ValidateCreateRequest(*request, now));
                       v1::Incident incident = request->incident();
                       ApplyCreateDefaults(incident, now, call.principal.name);
                       AIRR_ASSIGN_OR_RETURN(*response, d_.incidents.Create(call.scope, incident,
                                                                            request->incident_id(),
                                                                            request->request_id()));
                       return absl::OkStatus();
                     });
}

grpc::Status IncidentGrpcService::GetIncident(grpc::ServerContext* context,
                                              const v1::GetIncidentRequest* request,
                                              v1::Incident* response) {
  return d_.edge.Run(context, IncidentMethod("GetIncident"), Permission::kRead,
                     [&](const Call& call) -> absl::Status {
                       AIRR_ASSIGN_OR_RETURN(std::string id, IncidentId(request->name(), "name"));
                       AIRR_ASSIGN_OR_RETURN(*response, d_.incidents.Get(call.scope, id));
                       return absl::OkStatus();
                     });
}

grpc::Status IncidentGrpcService::ListIncidents(grpc::ServerContext* context,
                                                const v1::ListIncidentsRequest* request,
                                                v1::ListIncidentsResponse* response) {
  return d_.edge.Run(
      context, IncidentMethod("ListIncidents"), Permission::kRead,
      [&](const Call& call) -> absl::Status {
        IncidentPageQuery query;
        AIRR_ASSIGN_OR_RETURN(
            query.page_size,
            api::ResolvePageSize(request->page_size(), kDefaultPageSize, kMaxPageSize));
        AIRR_ASSIGN_OR_RETURN(query.filter,
                              api::TranslateFilter(request->filter(), IncidentFilterFields(),
                                                   IncidentPageQuery::kFirstFilterParam));
        AIRR_ASSIGN_OR_RETURN(
            query.order,
            api::ParseOrderBy(request->order_by(), IncidentSortFields(), "detect_time desc"));
        // A token is valid only for the tenant and query it was issued for.
        const std::string fingerprint = api::QueryFingerprint(
            {call.scope.tenant_id, "ListIncidents", request->filter(),
             absl::StrCat(query.order.field->name, query.order.desc ? " desc" : "")});
        if (!request->page_token().empty()) {
          AIRR_ASSIGN_OR_RETURN(query.after,
                                d_.page_tokens.Decode(request->page_token(), fingerprint));
        }
        AIRR_ASSIGN_OR_RETURN(IncidentPage page, d_.incidents.List(call.scope, query));
        for (auto& incident : page.incidents) {
          *response->add_incidents() = std::move(incident);
        }
        if (page.next) {
          response->set_next_page_token(d_.page_tokens.Encode(*page.next, fingerprint));
        }
        return absl::OkStatus();
      });
}

grpc::Status IncidentGrpcService::UpdateIncident(grpc::ServerContext* context,
                                                 const v1::UpdateIncidentRequest* request,
                                                 v1::Incident* response) {
  return d_.edge.Run(
      context, IncidentMethod("UpdateIncident"), Permission::kReportIncident,
      [&](const Call& call) -> absl::Status {
        const v1::Incident& patch = request->incident();
        AIRR_ASSIGN_OR_RETURN(std::string id, IncidentId(patch.name(), "incident.name"));
        AIRR_ASSIGN_OR_RETURN(auto expected, api::ParseOptionalEtag(patch.etag(), "incident.etag"));
        AIRR_ASSIGN_OR_RETURN(
            std::vector<std::string> paths,
            api::ResolveUpdateMask(request->update_mask(), IncidentUpdatableFields(), patch));
        const absl::Time now = d_.clock.Now();
        AIRR_ASSIGN_OR_RETURN(
            *response,
            d_.incidents.Mutate(call.scope, id, expected,
                                [&](v1::Incident& current) -> absl::StatusOr<IncidentChange> {
                                  api::ApplyFieldMask(patch, paths, &current);
                                  // Create defaults the reporter; an update may change it but
                                  // not erase it.
                                  if (current.reporter().empty()) {
                                    return InvalidField("incident.reporter", "must not be empty");
                                  }
                                  AIRR_RETURN_IF_ERROR(ValidateIncident(current, "incident", now));
                                  return ApplyUpdate(current, paths, now);
                                }));
        return absl::OkStatus();
      });
}

grpc::Status IncidentGrpcService::Transition(grpc::ServerContext* context, absl::string_view rpc,
                                             const std::string& name, const std::string& etag,
                                             const std::function<absl::Status()>& validate,
                                             const Apply& apply, v1::Incident* response) {
  return d_.edge.Run(
      context, IncidentMethod(rpc), Permission::kRespond, [&](const Call& call) -> absl::Status {
        AIRR_ASSIGN_OR_RETURN(std::string id, IncidentId(name, "name"));
        AIRR_ASSIGN_OR_RETURN(auto expected, api::ParseOptionalEtag(etag, "etag"));
        AIRR_RETURN_IF_ERROR(validate());
        const absl::Time now = d_.clock.Now();
        AIRR_ASSIGN_OR_RETURN(
            *response, d_.incidents.Mutate(call.scope, id, expected, [&](v1::Incident& incident) {
              return apply(incident, now);
            }));
        return absl::OkStatus();
      });
}

grpc::Status IncidentGrpcService::TriageIncident(grpc::ServerContext* context,
                                                 const v1::TriageIncidentRequest* request,
                                                 v1::Incident* response) {
  return Transition(
      context, "TriageIncident", request->name(), request->etag(),
      [&] { return ValidateTriage(*request); },
      [&](v1::Incident& incident, absl::Time now) { return ApplyTriage(incident, *request, now); },
      response);
}

grpc::Status IncidentGrpcService::StartMitigation(grpc::ServerContext* context,
                                                  const v1::StartMitigationRequest* request,
                                                  v1::Incident* response) {
  return Transition(
      context, "StartMitigation", request->name(), request->etag(),
      [&] { return ValidateStartMitigation(*request); },
      [&](v1::Incident& incident, absl::Time now) {
        return ApplyStartMitigation(incident, *request, now);
      },
      response);
}

grpc::Status IncidentGrpcService::ResolveIncident(grpc::ServerContext* context,
                                                  const v1::ResolveIncidentRequest* request,
                                                  v1::Incident* response) {
  return Transition(
      context, "ResolveIncident", request->name(), request->etag(),
      [&] { return ValidateResolve(*request); },
      [&](v1::Incident& incident, absl::Time now) { return ApplyResolve(incident, *request, now); },
      response);
}

grpc::Status IncidentGrpcService::CloseIncident(grpc::ServerContext* context,
                                                const v1::CloseIncidentRequest* request,
                                                v1::Incident* response) {
  return Transition(
      context, "CloseIncident", request->name(), request->etag(),
      [&] { return ValidateClose(*request); },
      [&](v1::Incident& incident, absl::Time now) { return ApplyClose(incident, *request, now); },
      response);
}

grpc::Status IncidentGrpcService::ReopenIncident(grpc::ServerContext* context,
                                                 const v1::ReopenIncidentRequest* request,
                                                 v1::Incident* response) {
  return Transition(
      context, "ReopenIncident", request->name(), request->etag(),
      [&] { return ValidateReopen(*request); },
      [&](v1::Incident& incident, absl::Time now) { return ApplyReopen(incident, *request, now); },
      response);
}

grpc::Status IncidentGrpcService::RejectIncident(grpc::ServerContext* context,
                                                 const v1::RejectIncidentRequest* request,
                                                 v1::Incident* response) {
  return Transition(
      context, "RejectIncident", request->name(), request->etag(),
      [&] { return ValidateReject(*request); },
      [&](v1::Incident& incident, absl::Time now) { return ApplyReject(incident, *request, now); },
      response);
}

grpc::Status IncidentGrpcService::MergeIncident(grpc::ServerContext* context,
                                                const v1::MergeIncidentRequest* request,
                                                v1::Incident* response) {
  return d_.edge.Run(
      context, IncidentMethod("MergeIncident"), Permission::kRespond,
      [&](const Call& call) -> absl::Status {
        AIRR_ASSIGN_OR_RETURN(std::string id, IncidentId(request->name(), "name"));
        AIRR_ASSIGN_OR_RETURN(std::string into, IncidentId(request->into(), "into"));
        AIRR_ASSIGN_OR_RETURN(auto expected, api::ParseOptionalEtag(request->etag(), "etag"));
        AIRR_RETURN_IF_ERROR(ValidateMerge(*request));
        const absl::Time now = d_.clock.Now();
        AIRR_ASSIGN_OR_RETURN(*response,
                              d_.incidents.Merge(call.scope, id, into, expected,
                                                 [&](v1::Incident& merged, v1::Incident& survivor) {
                                                   return ApplyMerge(merged, survivor,
                                                                     request->comment(), now);
                                                 }));
        return absl::OkStatus();
      });
}

grpc::Status IncidentGrpcService::AddTimelineEvent(grpc::ServerContext* context,
                                                   const v1::AddTimelineEventRequest* request,
                                                   v1::TimelineEvent* response) {
  return d_.edge.Run(
      context, IncidentMethod("AddTimelineEvent"), Permission::kReportIncident,
      [&](const Call& call) -> absl::Status {
        AIRR_ASSIGN_OR_RETURN(std::string id, IncidentId(request->parent(), "parent"));
        AIRR_RETURN_IF_ERROR(
            ValidateTimelineEvent(request->timeline_event(), "timeline_event", d_.clock.Now()));
        v1::TimelineEvent event = request->timeline_event();
        event.clear_from_state();
        event.clear_to_state();
        AIRR_ASSIGN_OR_RETURN(*response, d_.incidents.AddTimelineEvent(call.scope, id, event));
        return absl::OkStatus();
      });
}

grpc::Status IncidentGrpcService::ListTimelineEvents(grpc::ServerContext* context,
                                                     const v1::ListTimelineEventsRequest* request,
                                                     v1::ListTimelineEventsResponse* response) {
  return d_.edge.Run(
      context, IncidentMethod("ListTimelineEvents"), Permission::kRead,
      [&](const Call& call) -> absl::Status {
        AIRR_ASSIGN_OR_RETURN(std::string id, IncidentId(request->parent(), "parent"));
        AIRR_ASSIGN_OR_RETURN(
            int page_size,
            api::ResolvePageSize(request->page_size(), kDefaultTimelinePageSize, kMaxPageSize));
        const std::string fingerprint =
            api::QueryFingerprint({call.scope.tenant_id, "ListTimelineEvents", id});
        AIRR_ASSIGN_OR_RETURN(
            int64_t after,
            api::DecodeNumberToken(d_.page_tokens, request->page_token(), fingerprint));
        AIRR_ASSIGN_OR_RETURN(TimelinePage page,
                              d_.incidents.ListTimelineEvents(call.scope, id, after, page_size));
        for (auto& event : page.events) {
          *response->add_timeline_events() = std::move(event);
        }
        if (page.next_after) {
          response->set_next_page_token(
              api::EncodeNumberToken(d_.page_tokens, *page.next_after, fingerprint));
        }
        return absl::OkStatus();
      });
}

}  // namespace airr::incident
