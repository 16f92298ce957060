#include "libs/auth/pg_principal_store.h"

#include <pqxx/pqxx>

#include "airr/sql/queries.h"
#include "libs/pg/tx.h"

namespace airr::auth {

absl::StatusOr<std::optional<Principal>> PgPrincipalStore::FindByTokenHash(
    const std::string& token_hash) {
  std::optional<Principal> found;
  absl::Status status = pg::RunInTx(pool_, pg::TxScope{}, [&](pg::Tx& tx) -> absl::Status {
    pqxx::result rows = tx.exec_prepared(sql::kFindPrincipalByTokenHash, token_hash);
    if (rows.empty()) {
      return absl::OkStatus();
    }
    auto role = ParseRole(rows[0][3].c_str());
    if (!role.ok()) {
      return absl::InternalError("a principal has an unknown role");
    }
    found = Principal{rows[0][0].c_str(), rows[0][1].c_str(), rows[0][2].c_str(), *role};
    return absl::OkStatus();
  });
  if (!status.ok()) {
    return status;
  }
  return found;
}

}  // namespace airr::auth
