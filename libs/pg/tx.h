// Runs a unit of work in one database transaction on behalf of one tenant: sets
// `airr.tenant_id` (row-level security) and `statement_timeout` (from the caller's deadline) with
// SET LOCAL semantics, commits when the work succeeds and rolls back otherwise.
#pragma once

#include <functional>
#include <pqxx/pqxx>
#include <string>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "libs/common/request_scope.h"
#include "libs/pg/pool.h"

namespace airr::pg {

// What a transaction runs for.
struct TxScope {
  // The tenant whose rows the transaction may see and write; empty for none (then RLS hides every
  // tenant row).
  std::string tenant_id;
  // When the caller stops waiting. Statements are cancelled at the remaining time; an expired
  // deadline fails with DEADLINE_EXCEEDED before anything runs. InfiniteFuture() means
  // `kDefaultStatementTimeout`.
  absl::Time deadline = absl::InfiniteFuture();
};

// The transaction scope of a request: its tenant and deadline.
inline TxScope TxScopeOf(const RequestScope& request) {
  return TxScope{request.tenant_id, request.deadline};
}

// Used when a scope has no deadline.
inline constexpr absl::Duration kDefaultStatementTimeout = absl::Seconds(30);

// The transaction handed to the work.
using Tx = pqxx::work;

// Runs `work` in a read-committed transaction. The work returns a status: OK commits, anything
// else rolls back and is returned unchanged. Exceptions thrown by the work (pqxx or otherwise)
// are translated by TranslateException and roll back. Thread-safe (one lease per call).
absl::Status RunInTx(ConnectionPool& pool, const TxScope& scope,
                     const std::function<absl::Status(Tx&)>& work);

}  // namespace airr::pg
