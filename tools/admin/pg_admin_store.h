// The database operations of airr-admin: tenants, API principals (tokens) and audit-chain
// verification. Runs as the database owner (no service role), but every change to a tenant's
// principals is still recorded in that tenant's audit trail.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "libs/auth/roles.h"
#include "libs/pg/pool.h"

namespace airr::admin {

// The verdict on one tenant's audit chain.
struct ChainReport {
  std::string tenant;
  int64_t rows = 0;
  // 0 when every row verifies; else the seq of the first broken row and why.
  int64_t broken_seq = 0;
  std::string problem;
};

// Not thread-safe (one connection).
class PgAdminStore {
 public:
  // UNAVAILABLE when the database cannot be reached.
  static absl::StatusOr<std::unique_ptr<PgAdminStore>> Connect(const std::string& dsn);

  // ALREADY_EXISTS when the name is taken; INVALID_ARGUMENT for a malformed name.
  absl::StatusOr<std::string> CreateTenant(const std::string& name);

  // Stores a principal holding the token with `token_hash`. NOT_FOUND for an unknown tenant,
  // ALREADY_EXISTS when an active principal has the same name. Returns the principal id.
  absl::StatusOr<std::string> IssueToken(const std::string& tenant, auth::Role role,
                                         const std::string& name, const std::string& token_hash);

  // Revokes the active principal `name` of the tenant. NOT_FOUND when there is none.
  absl::Status RevokeToken(const std::string& tenant, const std::string& name);

  // Verifies the audit chain of one tenant ("" = every tenant). NOT_FOUND for an unknown tenant.
  absl::StatusOr<std::vector<ChainReport>> VerifyAudit(const std::string& tenant);

 private:
  explicit PgAdminStore(std::unique_ptr<pg::ConnectionPool> pool) : pool_(std::move(pool)) {}
  absl::StatusOr<std::string> TenantId(const std::string& name);
  std::unique_ptr<pg::ConnectionPool> pool_;
};

}  // namespace airr::admin
