// The one place where database exceptions become statuses. Every pqxx or libpq failure that
// reaches a store is translated here, so the mapping from SQLSTATE to status code is uniform.
#pragma once

#include <exception>

#include "absl/status/status.h"

namespace airr::pg {

// Maps an exception thrown by libpqxx (or anything else) to a status:
//   23505 unique violation        -> ALREADY_EXISTS
//   23503 foreign key violation   -> FAILED_PRECONDITION
//   23514/23502/22xxx check, not-null, data exception -> INVALID_ARGUMENT
//   40001/40P01 serialization failure, deadlock       -> ABORTED (safe to retry)
//   57014 query cancelled (statement_timeout)         -> DEADLINE_EXCEEDED
//   broken connection, 08xxx, 57P0x shutdown          -> UNAVAILABLE
//   commit outcome unknown (in_doubt)                 -> UNAVAILABLE, reason COMMIT_OUTCOME_UNKNOWN
//   anything else                                     -> INTERNAL with a generic message; the
//                                                        SQLSTATE and message go to stderr.
// Thread-safe.
absl::Status TranslateException(const std::exception& e);

}  // namespace airr::pg
