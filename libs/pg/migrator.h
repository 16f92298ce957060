// Applies the embedded migrations (sql/migrations/V*.sql) in version order and records each in
// schema_migrations with a checksum. Safe to run concurrently: an advisory lock serializes
// migrators, and applied migrations are skipped.
#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace airr::pg {

// Migrates the database named by `dsn` (which must be able to create tables and roles, e.g. the
// database owner or a superuser). Returns the names of the migrations applied by this call.
// FAILED_PRECONDITION when an applied migration's text has changed since (checksum drift),
// UNAVAILABLE when the database cannot be reached, INTERNAL when a migration fails (nothing of
// that migration is kept).
absl::StatusOr<std::vector<std::string>> Migrate(const std::string& dsn);

}  // namespace airr::pg
