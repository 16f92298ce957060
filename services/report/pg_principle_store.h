// PrincipleStore over PostgreSQL.
#pragma once

#include "libs/pg/pool.h"
#include "services/report/principle_store.h"

namespace airr::report {

// Thread-safe (each call leases its own connection).
class PgPrincipleStore final : public PrincipleStore {
 public:
  explicit PgPrincipleStore(pg::ConnectionPool& pool) : pool_(pool) {}

 private:
  [[maybe_unused]] pg::ConnectionPool& pool_;
};

}  // namespace airr::report
