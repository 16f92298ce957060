// Notification rules (seeded and the tenant's own, versioned) and the tenant's rule settings. The
// gRPC adapter talks only to this interface; PgNotificationRuleStore implements it over PostgreSQL.
// Every mutation writes a chained audit row and an outbox event in the same transaction.
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

namespace airr::report {

// Where a page of rules starts: after this rule id and version.
struct RuleCursor {
  std::string id;
  int32_t version = 0;
};

// A ListNotificationRules query.
struct RuleListQuery {
  // Only this regime; REGIME_UNSPECIFIED for all.
  v1::Regime regime = v1::REGIME_UNSPECIFIED;
  bool all_versions = false;
  int page_size = 100;
  std::optional<RuleCursor> after;
};

struct RulePage {
  std::vector<v1::NotificationRule> rules;
  // The last rule of the page when more follow.
  std::optional<RuleCursor> next;
};

// Thread-safe.
class NotificationRuleStore {
 public:
  virtual ~NotificationRuleStore() = default;

  // One page of the rules the tenant sees, by id and version, each with `enabled`,
  // `enabled_reason` and `tenant_defined` for the tenant.
  virtual absl::StatusOr<RulePage> List(const RequestScope& scope, const RuleListQuery& query) = 0;

  // Version `version` of rule `id` (0 = the latest). NOT_FOUND when the tenant sees no such rule
  // or version.
  virtual absl::StatusOr<v1::NotificationRule> Get(const RequestScope& scope, const std::string& id,
                                                   int32_t version) = 0;

  // Adds the tenant's rule `id` as version 1 (the rule must be valid, see
  // notification_rule_validator.h). ALREADY_EXISTS (reason RESOURCE_EXISTS) when the tenant sees a
  // rule with that id (seeded ones included); INVALID_ARGUMENT on "rule.previous_stage_rule" when
  // it names a rule the tenant does not see.
  virtual absl::StatusOr<v1::NotificationRule> Create(const RequestScope& scope,
                                                      const std::string& id,
                                                      const v1::NotificationRule& rule) = 0;

  // Adds the next version of the tenant's rule `id`: `change` edits a copy of the latest version
  // (and validates it); the latest version then ends at `now` when it is open past it. NOT_FOUND,
  // FAILED_PRECONDITION (reason SEEDED_RULE) for a seeded rule, ABORTED when `expected_version`
  // is not the latest version, INVALID_ARGUMENT from `change` or for a previous_stage_rule that
  // does not exist.
  virtual absl::StatusOr<v1::NotificationRule> Update(
      const RequestScope& scope, const std::string& id, std::optional<int64_t> expected_version,
      absl::Time now, const std::function<absl::Status(v1::NotificationRule&)>& change) = 0;

  // Records whether the tenant applies rule `id` (seeded or its own) and why, as the scope's
  // actor; returns the latest version with the new setting. NOT_FOUND.
  virtual absl::StatusOr<v1::NotificationRule> SetEnabled(const RequestScope& scope,
                                                          const std::string& id, bool enabled,
                                                          const std::string& reason) = 0;
};

}  // namespace airr::report
