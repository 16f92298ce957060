// Notification rules (seeded and the tenant's own, versioned) and the tenant's rule settings. The
// gRPC adapter talks only to this interface; PgNotificationRuleStore implements it over PostgreSQL.
// Every mutation writes a chained audit row and an outbox event in the same transaction.
#pragma once

namespace airr::report {

// Thread-safe.
class NotificationRuleStore {
 public:
  virtual ~NotificationRuleStore() = default;
};

}  // namespace airr::report
