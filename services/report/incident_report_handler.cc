// GetIncidentReport: one document with the incident, its AI system, the violated principles with
// their texts and the company's mapped policy principles, the mitigations, the notification
// obligations with their timeliness, and the timeline. It reads through the same stores as the
// other handlers; nothing here writes.
#include <algorithm>
#include <iterator>

#include "absl/container/flat_hash_map.h"
#include "libs/api/resource_name.h"
#include "libs/api/timestamps.h"
#include "libs/common/status_macros.h"
#include "services/report/mitigation_lifecycle.h"
#include "services/report/notification_planner.h"
#include "services/report/report_grpc_service.h"

namespace airr::report {
namespace {

using auth::Permission;
using grpcutil::Call;

// The report reads whole collections of one incident; pages of this size keep each read bounded.
constexpr int kPageSize = 1000;

// The whole catalog by resource name (about fifty entries).
absl::StatusOr<absl::flat_hash_map<std::string, v1::Principle>> ReadCatalog(
    PrincipleStore& store, const RequestScope& scope) {
  absl::flat_hash_map<std::string, v1::Principle> catalog;
  PrinciplePageQuery query;
  query.page_size = kPageSize;
  while (true) {
    AIRR_ASSIGN_OR_RETURN(PrinciplePage page, store.ListPrinciples(scope, query));
    for (auto& principle : page.principles) {
      std::string name = principle.name();
      catalog.emplace(std::move(name), std::move(principle));
    }
    if (!page.next_after.has_value()) {
      return catalog;
    }
    query.after_sort_order = page.next_after;
  }
}

absl::StatusOr<std::vector<v1::PolicyPrinciple>> ReadPolicyPrinciples(PrincipleStore& store,
                                                                      const RequestScope& scope) {
  std::vector<v1::PolicyPrinciple> all;
  PolicyPrinciplePageQuery query;
  query.page_size = kPageSize;
  while (true) {
    AIRR_ASSIGN_OR_RETURN(PolicyPrinciplePage page, store.ListPolicyPrinciples(scope, query));
    std::move(page.policy_principles.begin(), page.policy_principles.end(),
              std::back_inserter(all));
    if (!page.next.has_value()) {
      return all;
    }
    query.after = page.next;
  }
}

absl::Status AddViolations(const ReportServiceDeps& d, const RequestScope& scope,
                           const std::string& incident_id, v1::IncidentReport& report) {
  AIRR_ASSIGN_OR_RETURN(auto catalog, ReadCatalog(d.principles, scope));
  AIRR_ASSIGN_OR_RETURN(auto policy, ReadPolicyPrinciples(d.principles, scope));
  ViolationPageQuery query;
  query.incident_id = incident_id;
  query.page_size = kPageSize;
  while (true) {
    AIRR_ASSIGN_OR_RETURN(ViolationPage page, d.violations.List(scope, query));
    for (auto& violation : page.violations) {
      v1::ReportedViolation& reported = *report.add_violations();
      if (auto it = catalog.find(violation.principle()); it != catalog.end()) {
        *reported.mutable_principle() = it->second;
        if (auto parent = catalog.find(it->second.parent()); parent != catalog.end()) {
          *reported.mutable_parent_principle() = parent->second;
        }
      }
      for (const auto& p : policy) {
        const auto& mapped = p.mapped_principles();
        const bool maps = std::any_of(mapped.begin(), mapped.end(), [&](const std::string& name) {
          return name == reported.principle().name() ||
                 (!reported.principle().parent().empty() && name == reported.principle().parent());
        });
        if (maps) {
          *reported.add_policy_principles() = p;
        }
      }
      *reported.mutable_violation() = std::move(violation);
    }
    if (!page.next.has_value()) {
      break;
    }
    query.after = page.next;
  }
  // Catalog order reads like the guideline.
  std::stable_sort(report.mutable_violations()->begin(), report.mutable_violations()->end(),
                   [](const v1::ReportedViolation& a, const v1::ReportedViolation& b) {
                     return a.principle().sort_order() < b.principle().sort_order();
                   });
  return absl::OkStatus();
}

absl::Status AddMitigations(const ReportServiceDeps& d, const RequestScope& scope,
                            const std::string& incident_id, absl::Time now,
                            v1::IncidentReport& report) {
  MitigationPageQuery query;
  query.incident_id = incident_id;
  query.now = now;
  query.page_size = kPageSize;
  while (true) {
    AIRR_ASSIGN_OR_RETURN(MitigationPage page, d.mitigations.List(scope, query));
    for (auto& mitigation : page.mitigations) {
      mitigation.set_overdue(IsOverdue(mitigation, now));
      *report.add_mitigations() = std::move(mitigation);
    }
    if (!page.next.has_value()) {
      return absl::OkStatus();
    }
    query.after = page.next;
  }
}

absl::Status AddNotifications(const ReportServiceDeps& d, const RequestScope& scope,
                              const std::string& incident_id, absl::Time now,
                              v1::IncidentReport& report) {
  NotificationListQuery query;
  query.incident_id = incident_id;
  query.now = now;
  query.page_size = kPageSize;
  while (true) {
    AIRR_ASSIGN_OR_RETURN(NotificationPage page, d.notifications.List(scope, query));
    for (auto& notification : page.notifications) {
      DeriveNotificationStatus(now, &notification);
      *report.add_notifications() = std::move(notification);
    }
    if (!page.next.has_value()) {
      return absl::OkStatus();
    }
    query.after = page.next;
  }
}

}  // namespace

grpc::Status ReportGrpcService::GetIncidentReport(grpc::ServerContext* context,
                                                  const v1::GetIncidentReportRequest* request,
                                                  v1::IncidentReport* response) {
  return d_.edge.Run(
      context, ReportMethod("GetIncidentReport"), Permission::kRead,
      [&](const Call& call) -> absl::Status {
        AIRR_ASSIGN_OR_RETURN(std::string incident_id,
                              api::ParseResourceName(request->name(), kIncidentCollection, "name"));
        const absl::Time now = d_.clock.Now();
        AIRR_ASSIGN_OR_RETURN(IncidentWithSystem facts,
                              d_.facts.ReadIncident(call.scope, incident_id));
        *response->mutable_incident() = std::move(facts.incident);
        *response->mutable_ai_system() = std::move(facts.ai_system);
        AIRR_RETURN_IF_ERROR(AddViolations(d_, call.scope, incident_id, *response));
        AIRR_RETURN_IF_ERROR(AddMitigations(d_, call.scope, incident_id, now, *response));
        AIRR_RETURN_IF_ERROR(AddNotifications(d_, call.scope, incident_id, now, *response));
        AIRR_ASSIGN_OR_RETURN(auto timeline, d_.facts.ReadTimeline(call.scope, incident_id));
        for (auto& event : timeline) {
          *response->add_timeline() = std::move(event);
        }
        *response->mutable_generate_time() = api::TimestampFromTime(now);
        return absl::OkStatus();
      });
}

}  // namespace airr::report
