// NotificationStore over PostgreSQL.
#pragma once

#include "libs/pg/pool.h"
#include "services/report/notification_store.h"

namespace airr::report {

// Thread-safe (each call leases its own connection).
class PgNotificationStore final : public NotificationStore {
 public:
  explicit PgNotificationStore(pg::ConnectionPool& pool) : pool_(pool) {}

 private:
  [[maybe_unused]] pg::ConnectionPool& pool_;
};

}  // namespace airr::report
