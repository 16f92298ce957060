// PrincipalStore over PostgreSQL: looks tokens up through airr_authenticate(), the one
// cross-tenant read the service role may make.
#pragma once

#include "libs/auth/principal.h"
#include "libs/pg/pool.h"

namespace airr::auth {

class PgPrincipalStore final : public PrincipalStore {
 public:
  explicit PgPrincipalStore(pg::ConnectionPool& pool) : pool_(pool) {}
  absl::StatusOr<std::optional<Principal>> FindByTokenHash(const std::string& token_hash) override;

 private:
  pg::ConnectionPool& pool_;
};

}  // namespace airr::auth
