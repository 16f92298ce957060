// NotificationStore over PostgreSQL (notifications; reads notification_rules and
// notification_rule_settings for evaluations).
#pragma once

#include "libs/pg/pool.h"
#include "services/report/notification_store.h"

namespace airr::report {

// Thread-safe (each call leases its own connection).
class PgNotificationStore final : public NotificationStore {
 public:
  explicit PgNotificationStore(pg::ConnectionPool& pool) : pool_(pool) {}

  absl::StatusOr<EvaluationOutcome> Evaluate(const RequestScope& scope,
                                             const std::string& incident_id,
                                             const NotificationPlanner& plan) override;
  absl::StatusOr<v1::Notification> Get(const RequestScope& scope, const std::string& incident_id,
                                       const std::string& id) override;
  absl::StatusOr<NotificationPage> List(const RequestScope& scope,
                                        const NotificationListQuery& query) override;
  absl::StatusOr<v1::Notification> Mutate(
      const RequestScope& scope, const std::string& incident_id, const std::string& id,
      std::optional<int64_t> expected_version,
      const std::function<absl::StatusOr<std::string>(v1::Notification&)>& change) override;

 private:
  pg::ConnectionPool& pool_;
};

}  // namespace airr::report
