#include "libs/pg/tx.h"

#include <pqxx/pqxx>

#include "absl/strings/str_cat.h"
#include "airr/sql/queries.h"
#include "libs/pg/errors.h"

namespace airr::pg {

absl::Status RunInTx(ConnectionPool& pool, const TxScope& scope,
                     const std::function<absl::Status(Tx&)>& work) {
  absl::Duration budget = kDefaultStatementTimeout;
  if (scope.deadline != absl::InfiniteFuture()) {
    budget = scope.deadline - absl::Now();
    if (budget <= absl::ZeroDuration()) {
      return absl::DeadlineExceededError("the request deadline passed before the database work");
    }
  }
  auto lease =
      pool.Acquire(scope.deadline == absl::InfiniteFuture() ? absl::Now() + kDefaultStatementTimeout
                                                            : scope.deadline);
  if (!lease.ok()) {
    return lease.status();
  }
  try {
    Tx tx(**lease);
    // At least 1 ms: 0 would mean "no timeout" to PostgreSQL.
    const int64_t timeout_ms = std::max<int64_t>(1, absl::ToInt64Milliseconds(budget));
    tx.exec_prepared(sql::kBeginTenantTx, scope.tenant_id, absl::StrCat(timeout_ms));
    absl::Status status = work(tx);
    if (!status.ok()) {
      tx.abort();
      return status;
    }
    tx.commit();
    return absl::OkStatus();
  } catch (const std::exception& e) {
    absl::Status status = TranslateException(e);
    if (absl::IsUnavailable(status) || absl::IsInternal(status)) {
      lease->Discard();
    }
    return status;
  }
}

}  // namespace airr::pg
