// ViolationStore over PostgreSQL.
#pragma once

#include "libs/pg/pool.h"
#include "services/report/violation_store.h"

namespace airr::report {

// Thread-safe (each call leases its own connection).
class PgViolationStore final : public ViolationStore {
 public:
  explicit PgViolationStore(pg::ConnectionPool& pool) : pool_(pool) {}

 private:
  [[maybe_unused]] pg::ConnectionPool& pool_;
};

}  // namespace airr::report
