#include "libs/pg/secrets.h"

#include <pqxx/pqxx>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "airr/sql/queries.h"
#include "libs/pg/tx.h"

namespace airr::pg {

absl::StatusOr<std::string> LoadServerSecret(ConnectionPool& pool, const std::string& name) {
  std::string secret;
  absl::Status status = RunInTx(pool, TxScope{}, [&](Tx& tx) {
    pqxx::row row = tx.exec_prepared1(sql::kGetServerSecret, name);
    if (row[0].is_null()) {
      return absl::NotFoundError(
          absl::StrCat("server secret ", name, " is missing; run airr-admin migrate"));
    }
    secret = absl::HexStringToBytes(row[0].c_str());
    return absl::OkStatus();
  });
  if (!status.ok()) {
    return status;
  }
  return secret;
}

}  // namespace airr::pg
