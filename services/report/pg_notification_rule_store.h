// NotificationRuleStore over PostgreSQL (notification_rules, notification_rule_settings).
#pragma once

#include "libs/pg/pool.h"
#include "services/report/notification_rule_store.h"

namespace airr::report {

// Thread-safe (each call leases its own connection).
class PgNotificationRuleStore final : public NotificationRuleStore {
 public:
  explicit PgNotificationRuleStore(pg::ConnectionPool& pool) : pool_(pool) {}

  absl::StatusOr<RulePage> List(const RequestScope& scope, const RuleListQuery& query) override;
  absl::StatusOr<v1::NotificationRule> Get(const RequestScope& scope, const std::string& id,
                                           int32_t version) override;
  absl::StatusOr<v1::NotificationRule> Create(const RequestScope& scope, const std::string& id,
                                              const v1::NotificationRule& rule) override;
  absl::StatusOr<v1::NotificationRule> Update(
      const RequestScope& scope, const std::string& id, std::optional<int64_t> expected_version,
      absl::Time now, const std::function<absl::Status(v1::NotificationRule&)>& change) override;
  absl::StatusOr<v1::NotificationRule> SetEnabled(const RequestScope& scope, const std::string& id,
                                                  bool enabled, const std::string& reason) override;

 private:
  pg::ConnectionPool& pool_;
};

}  // namespace airr::report
