// Notification obligations of incidents, derived from the rules and the incident's facts. The gRPC
// adapter talks only to this interface; PgNotificationStore implements it over PostgreSQL. Every
// mutation writes a chained audit row and an outbox event in the same transaction.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "airr/report/v1/report_service.pb.h"
#include "libs/common/request_scope.h"
#include "services/report/notification_planner.h"

namespace airr::report {

// Where a page of obligations starts: after this due time, incident id and id.
struct NotificationCursor {
  int64_t due_time_us = 0;
  std::string incident_id;
  std::string id;
};

// A ListNotifications query.
struct NotificationListQuery {
  // The incident; "" for every incident of the tenant.
  std::string incident_id;
  // Only obligations due before this time, when set.
  std::optional<absl::Time> due_before;
  // The states asked for (empty = all); OVERDUE and PENDING are derived with `now`.
  std::vector<v1::NotificationState> states;
  absl::Time now;
  int page_size = 100;
  std::optional<NotificationCursor> after;
};

struct NotificationPage {
  // As stored (state PENDING for overdue ones; see DeriveNotificationStatus).
  std::vector<v1::Notification> notifications;
  std::optional<NotificationCursor> next;
};

// What an evaluation did: the incident's obligations afterwards (as stored, by due time and id)
// and the changes it wrote.
struct EvaluationOutcome {
  std::vector<v1::Notification> notifications;
  std::vector<ObligationChange> changes;
};

// Plans an evaluation from every version of the rules the tenant sees and the incident's
// stored obligations (see PlanNotifications).
using NotificationPlanner = std::function<NotificationPlan(
    const std::vector<v1::NotificationRule>& rules, const std::vector<v1::Notification>& existing)>;

// Thread-safe.
class NotificationStore {
 public:
  virtual ~NotificationStore() = default;

  // In one transaction with the incident's obligations locked against concurrent evaluations:
  // reads the rules and obligations, asks `plan` for the changes and writes them, each with an
  // audit row and an outbox event (report.notification.added, .changed, .not_required,
  // .revived). NOT_FOUND (IncidentNotFound) when the tenant has no such incident.
  virtual absl::StatusOr<EvaluationOutcome> Evaluate(const RequestScope& scope,
                                                     const std::string& incident_id,
                                                     const NotificationPlanner& plan) = 0;

  // One obligation as stored. NOT_FOUND.
  virtual absl::StatusOr<v1::Notification> Get(const RequestScope& scope,
                                               const std::string& incident_id,
                                               const std::string& id) = 0;

  // One page of obligations as stored. NOT_FOUND when `incident_id` names an incident the tenant
  // does not have.
  virtual absl::StatusOr<NotificationPage> List(const RequestScope& scope,
                                                const NotificationListQuery& query) = 0;

  // Locks the obligation, checks `expected_version` (ABORTED, reason ETAG_MISMATCH), lets
  // `change` edit it and return the outbox topic (its errors are returned unchanged and nothing is
  // written), then writes it with the audit row and event. NOT_FOUND.
  virtual absl::StatusOr<v1::Notification> Mutate(
      const RequestScope& scope, const std::string& incident_id, const std::string& id,
      std::optional<int64_t> expected_version,
      const std::function<absl::StatusOr<std::string>(v1::Notification&)>& change) = 0;
};

}  // namespace airr::report
