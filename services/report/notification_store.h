// Notification obligations of incidents, derived from the rules and the incident's facts. The gRPC
// adapter talks only to this interface; PgNotificationStore implements it over PostgreSQL. Every
// mutation writes a chained audit row and an outbox event in the same transaction.
#pragma once

namespace airr::report {

// Thread-safe.
class NotificationStore {
 public:
  virtual ~NotificationStore() = default;
};

}  // namespace airr::report
