// Reads the secrets that every replica of a deployment shares (generated once per database by
// migration V0001), such as the key that signs page tokens.
#pragma once

#include <string>

#include "absl/status/statusor.h"
#include "libs/pg/pool.h"

namespace airr::pg {

// The raw bytes of the named secret. NOT_FOUND when the database has none (not migrated).
absl::StatusOr<std::string> LoadServerSecret(ConnectionPool& pool, const std::string& name);

}  // namespace airr::pg
