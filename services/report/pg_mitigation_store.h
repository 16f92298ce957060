// MitigationStore over PostgreSQL.
#pragma once

#include "libs/pg/pool.h"
#include "services/report/mitigation_store.h"

namespace airr::report {

// Thread-safe (each call leases its own connection).
class PgMitigationStore final : public MitigationStore {
 public:
  explicit PgMitigationStore(pg::ConnectionPool& pool) : pool_(pool) {}

 private:
  [[maybe_unused]] pg::ConnectionPool& pool_;
};

}  // namespace airr::report
