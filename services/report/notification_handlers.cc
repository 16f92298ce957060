// The notification obligation RPCs of ReportService: evaluate an incident's obligations, read
// them (with OVERDUE and timeliness derived at read time) and record sending, acknowledgement and
// waivers.
#include <utility>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "libs/api/etag.h"
#include "libs/api/page_size.h"
#include "libs/api/query_fingerprint.h"
#include "libs/api/resource_name.h"
#include "libs/api/timestamps.h"
#include "libs/api/violations.h"
#include "libs/common/errors.h"
#include "libs/common/status_macros.h"
#include "services/report/notification_planner.h"
#include "services/report/notification_validator.h"
#include "services/report/report_grpc_service.h"
#include "services/report/resource_names.h"

namespace airr::report {
namespace {

constexpr int kDefaultPageSize = 100;
constexpr int kMaxPageSize = 1000;

using auth::Permission;
using grpcutil::Call;

absl::StatusOr<api::ChildName> NotificationName(const std::string& name) {
  return api::ParseChildResourceName(name, kIncidentCollection, kNotificationCollection, "name");
}

// Runs a state change of one obligation and answers with it as of now.
absl::Status Change(ReportServiceDeps& d, const Call& call, const std::string& name,
                    const std::string& etag,
                    const std::function<absl::StatusOr<std::string>(v1::Notification&)>& change,
                    v1::Notification* response) {
  AIRR_ASSIGN_OR_RETURN(api::ChildName ids, NotificationName(name));
  AIRR_ASSIGN_OR_RETURN(auto expected, api::ParseOptionalEtag(etag, "etag"));
  AIRR_ASSIGN_OR_RETURN(
      *response, d.notifications.Mutate(call.scope, ids.parent_id, ids.id, expected, change));
  DeriveNotificationStatus(d.clock.Now(), response);
  return absl::OkStatus();
}

}  // namespace

grpc::Status ReportGrpcService::EvaluateNotifications(
    grpc::ServerContext* context, const v1::EvaluateNotificationsRequest* request,
    v1::EvaluateNotificationsResponse* response) {
  return d_.edge.Run(
      context, ReportMethod("EvaluateNotifications"), Permission::kFollowUp,
      [&](const Call& call) -> absl::Status {
        AIRR_ASSIGN_OR_RETURN(
            std::string incident_id,
            api::ParseResourceName(request->parent(), kIncidentCollection, "parent"));
        AIRR_ASSIGN_OR_RETURN(IncidentWithSystem facts,
                              d_.facts.ReadIncident(call.scope, incident_id));
        const absl::Time now = d_.clock.Now();
        AIRR_ASSIGN_OR_RETURN(
            EvaluationOutcome outcome,
            d_.notifications.Evaluate(call.scope, incident_id,
                                      [&](const std::vector<v1::NotificationRule>& rules,
                                          const std::vector<v1::Notification>& existing) {
                                        return PlanNotifications(facts.incident, facts.ai_system,
                                                                 rules, existing, now);
                                      }));
        for (auto& n : outcome.notifications) {
          DeriveNotificationStatus(now, &n);
          *response->add_notifications() = std::move(n);
        }
        for (const auto& change : outcome.changes) {
          switch (change.kind) {
            case ObligationChange::Kind::kAdded:
              response->add_added(change.after.name());
              break;
            case ObligationChange::Kind::kChanged:
              response->add_changed(change.after.name());
              break;
            case ObligationChange::Kind::kNotRequired:
              response->add_no_longer_required(change.after.name());
              break;
            case ObligationChange::Kind::kRevived:
              response->add_revived(change.after.name());
              break;
          }
        }
        return absl::OkStatus();
      });
}

grpc::Status ReportGrpcService::GetNotification(grpc::ServerContext* context,
                                                const v1::GetNotificationRequest* request,
                                                v1::Notification* response) {
  return d_.edge.Run(context, ReportMethod("GetNotification"), Permission::kRead,
                     [&](const Call& call) -> absl::Status {
                       AIRR_ASSIGN_OR_RETURN(api::ChildName ids, NotificationName(request->name()));
                       AIRR_ASSIGN_OR_RETURN(
                           *response, d_.notifications.Get(call.scope, ids.parent_id, ids.id));
                       DeriveNotificationStatus(d_.clock.Now(), response);
                       return absl::OkStatus();
                     });
}

grpc::Status ReportGrpcService::ListNotifications(grpc::ServerContext* context,
                                                  const v1::ListNotificationsRequest* request,
                                                  v1::ListNotificationsResponse* response) {
  return d_.edge.Run(
      context, ReportMethod("ListNotifications"), Permission::kRead,
      [&](const Call& call) -> absl::Status {
        NotificationListQuery query;
        api::Violations v("");
        auto parent = api::ParseParentOrAny(request->parent(), kIncidentCollection, "parent");
        v.Merge(parent.status());
        auto page_size = api::ResolvePageSize(request->page_size(), kDefaultPageSize, kMaxPageSize);
        v.Merge(page_size.status());
        if (request->has_due_before() && !api::IsValidTimestamp(request->due_before())) {
          v.Add("due_before", "must be a valid timestamp");
        }
        api::CheckEnumList(v, "states", request->states(), 0, 5, v1::NotificationState_IsValid);
        AIRR_RETURN_IF_ERROR(std::move(v).ToStatus());
        query.incident_id = *parent == api::kAnyParent ? "" : *parent;
        query.page_size = *page_size;
        if (request->has_due_before()) {
          query.due_before = api::TimeFromTimestamp(request->due_before());
        }
        std::vector<std::string> state_names;
        for (int state : request->states()) {
          query.states.push_back(static_cast<v1::NotificationState>(state));
          state_names.push_back(v1::NotificationState_Name(state));
        }
        query.now = d_.clock.Now();
        const std::string fingerprint = api::QueryFingerprint(
            {call.scope.tenant_id, "ListNotifications", query.incident_id,
             request->has_due_before() ? absl::FormatTime(*query.due_before) : "",
             absl::StrJoin(state_names, ",")});
        if (!request->page_token().empty()) {
          AIRR_ASSIGN_OR_RETURN(api::PageCursor cursor,
                                d_.page_tokens.Decode(request->page_token(), fingerprint));
          std::pair<std::string, std::string> ids =
              absl::StrSplit(cursor.tie_value, absl::MaxSplits('/', 1));
          NotificationCursor after{0, ids.first, ids.second};
          if (!absl::SimpleAtoi(cursor.sort_value, &after.due_time_us) || ids.second.empty()) {
            return InvalidField("page_token", "is malformed");
          }
          query.after = after;
        }
        AIRR_ASSIGN_OR_RETURN(NotificationPage page, d_.notifications.List(call.scope, query));
        for (auto& n : page.notifications) {
          DeriveNotificationStatus(query.now, &n);
          *response->add_notifications() = std::move(n);
        }
        if (page.next) {
          response->set_next_page_token(d_.page_tokens.Encode(
              api::PageCursor{absl::StrCat(page.next->due_time_us),
                              absl::StrCat(page.next->incident_id, "/", page.next->id)},
              fingerprint));
        }
        return absl::OkStatus();
      });
}

grpc::Status ReportGrpcService::MarkNotificationSent(grpc::ServerContext* context,
                                                     const v1::MarkNotificationSentRequest* request,
                                                     v1::Notification* response) {
  return d_.edge.Run(
      context, ReportMethod("MarkNotificationSent"), Permission::kFollowUp,
      [&](const Call& call) -> absl::Status {
        const absl::Time now = d_.clock.Now();
        AIRR_RETURN_IF_ERROR(NotificationName(request->name()).status());
        AIRR_RETURN_IF_ERROR(ValidateMarkSent(*request, now));
        return Change(
            d_, call, request->name(), request->etag(),
            [&](v1::Notification& n) -> absl::StatusOr<std::string> {
              AIRR_RETURN_IF_ERROR(ApplySent(*request, now, call.principal.AuditName(), &n));
              return std::string("report.notification.sent");
            },
            response);
      });
}

grpc::Status ReportGrpcService::AcknowledgeNotification(
    grpc::ServerContext* context, const v1::AcknowledgeNotificationRequest* request,
    v1::Notification* response) {
  return d_.edge.Run(context, ReportMethod("AcknowledgeNotification"), Permission::kFollowUp,
                     [&](const Call& call) -> absl::Status {
                       const absl::Time now = d_.clock.Now();
                       AIRR_RETURN_IF_ERROR(NotificationName(request->name()).status());
                       AIRR_RETURN_IF_ERROR(ValidateAcknowledge(*request, now));
                       return Change(
                           d_, call, request->name(), request->etag(),
                           [&](v1::Notification& n) -> absl::StatusOr<std::string> {
                             AIRR_RETURN_IF_ERROR(ApplyAcknowledged(*request, now, &n));
                             return std::string("report.notification.acknowledged");
                           },
                           response);
                     });
}

grpc::Status ReportGrpcService::MarkNotificationNotRequired(
    grpc::ServerContext* context, const v1::MarkNotificationNotRequiredRequest* request,
    v1::Notification* response) {
  return d_.edge.Run(context, ReportMethod("MarkNotificationNotRequired"), Permission::kFollowUp,
                     [&](const Call& call) -> absl::Status {
                       AIRR_RETURN_IF_ERROR(NotificationName(request->name()).status());
                       AIRR_RETURN_IF_ERROR(ValidateMarkNotRequired(*request));
                       return Change(
                           d_, call, request->name(), request->etag(),
                           [&](v1::Notification& n) -> absl::StatusOr<std::string> {
                             AIRR_RETURN_IF_ERROR(ApplyNotRequired(*request, &n));
                             return std::string("report.notification.waived");
                           },
                           response);
                     });
}

}  // namespace airr::report
