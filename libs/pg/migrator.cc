#include "libs/pg/migrator.h"

#include <pqxx/pqxx>

#include "absl/strings/str_cat.h"
#include "airr/sql/queries.h"
#include "libs/pg/errors.h"

namespace airr::pg {
namespace {

// Any constant shared by all migrators of this schema.
constexpr int64_t kMigrationLockKey = 0x61697272;  // "airr"

// The bookkeeping SQL lives here rather than in sql/queries: it runs before the schema (and so
// before any prepared query) exists.
constexpr char kCreateTable[] = R"(
  CREATE TABLE IF NOT EXISTS schema_migrations (
    name text PRIMARY KEY,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()))";

}  // namespace

absl::StatusOr<std::vector<std::string>> Migrate(const std::string& dsn) {
  std::vector<std::string> applied;
  try {
    pqxx::connection conn(dsn);
    for (const sql::NamedSql* m = sql::kMigrations; m->name != nullptr; ++m) {
      pqxx::work tx(conn);
      tx.exec_params("SELECT pg_advisory_xact_lock($1)", kMigrationLockKey);
      tx.exec0(kCreateTable);
      pqxx::result prior = tx.exec_params(
          "SELECT checksum = md5($2) FROM schema_migrations WHERE name = $1", m->name, m->text);
      if (!prior.empty()) {
        if (!prior[0][0].as<bool>()) {
          return absl::FailedPreconditionError(
              absl::StrCat("migration ", m->name,
                           " was applied with different text; migrations must never "
                           "change once released (add a new one instead)"));
        }
        continue;
      }
      tx.exec0(m->text);
      tx.exec_params("INSERT INTO schema_migrations (name, checksum) VALUES ($1, md5($2))", m->name,
                     m->text);
      tx.commit();
      applied.push_back(m->name);
    }
  } catch (const std::exception& e) {
    const auto* sql = dynamic_cast<const pqxx::sql_error*>(&e);
    if (sql != nullptr) {
      return absl::InternalError(absl::StrCat("migration failed: ", e.what()));
    }
    return TranslateException(e);
  }
  return applied;
}

}  // namespace airr::pg
