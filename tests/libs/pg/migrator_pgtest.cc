// Migrations against a real cluster: concurrent runs, idempotence, drift detection, the seeded
// principle catalog and the audit chain trigger.
#include <gtest/gtest.h>

#include <pqxx/pqxx>
#include <thread>

#include "absl/strings/str_cat.h"
#include "airr/sql/queries.h"
#include "libs/pg/migrator.h"
#include "tests/testing/pg_fixture.h"

namespace airr::pg {
namespace {

using testing::PgTestDatabase;

int MigrationCount() {
  int n = 0;
  for (const sql::NamedSql* m = sql::kMigrations; m->name != nullptr; ++m) ++n;
  return n;
}

// A fresh, empty database of the fixture's cluster.
std::string FreshDatabase(const std::string& name) {
  PgTestDatabase& db = PgTestDatabase::Get();
  db.Exec(absl::StrCat("DROP DATABASE IF EXISTS ", name, " WITH (FORCE)"));
  db.Exec(absl::StrCat("CREATE DATABASE ", name, " TEMPLATE template0"));
  const std::string& dsn = db.admin_dsn();
  return absl::StrCat(dsn.substr(0, dsn.rfind('/')), "/", name);
}

TEST(MigratorTest, ConcurrentMigratorsApplyEachMigrationOnce) {
  const std::string dsn = FreshDatabase(
      absl::StrCat("airr_mig_", PgTestDatabase::Get().QueryValue("SELECT pg_backend_pid()")));
  std::vector<absl::StatusOr<std::vector<std::string>>> results(4);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < results.size(); ++i) {
    threads.emplace_back([&, i] { results[i] = Migrate(dsn); });
  }
  for (auto& t : threads) t.join();
  size_t applied = 0;
  for (const auto& r : results) {
    ASSERT_TRUE(r.ok()) << r.status();
    applied += r->size();
  }
  EXPECT_EQ(applied, static_cast<size_t>(MigrationCount()));
  auto again = Migrate(dsn);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->empty());

  // Drift: an applied migration whose recorded checksum no longer matches is refused.
  pqxx::connection conn(dsn);
  pqxx::nontransaction tx(conn);
  tx.exec0("UPDATE schema_migrations SET checksum = 'x' WHERE name LIKE 'V0001%'");
  auto drifted = Migrate(dsn);
  EXPECT_EQ(drifted.status().code(), absl::StatusCode::kFailedPrecondition);
}

TEST(MigratorTest, PrincipleCatalogIsSeeded) {
  PgTestDatabase& db = PgTestDatabase::Get();
  EXPECT_EQ(db.QueryValue("SELECT count(*) FROM principles WHERE kind = 'COMMON_PRINCIPLE'"), "10");
  // 30 numbered sub-items in the guideline plus C09.0 for fair competition.
  EXPECT_EQ(db.QueryValue("SELECT count(*) FROM principles WHERE kind = 'SUB_ITEM'"), "31");
  EXPECT_EQ(db.QueryValue("SELECT count(*) FROM principles WHERE kind = 'ADVANCED_AI_PRINCIPLE'"),
            "12");
  EXPECT_EQ(db.QueryValue("SELECT title_ja FROM principles WHERE id = 'C04'"), "プライバシー保護");
  EXPECT_EQ(db.QueryValue("SELECT obligation_level FROM principles WHERE id = 'C08.1'"),
            "EXPECTED");
}

TEST(MigratorTest, AuditTriggerChainsRowsPerTenant) {
  PgTestDatabase& db = PgTestDatabase::Get();
  const std::string tenant = db.CreateTenant("chain");
  const std::string id =
      db.QueryValue(absl::StrCat("SELECT id FROM tenants WHERE name='", tenant, "'"));
  for (int i = 0; i < 3; ++i) {
    db.Exec(absl::StrCat("BEGIN; SELECT set_config('airr.tenant_id', '", id, "', true); ",
                         "INSERT INTO audit_log (actor, rpc, resource_name) VALUES ('t', 'r', 'x/",
                         i, "'); COMMIT"));
  }
  const std::string where = absl::StrCat(" FROM audit_log WHERE tenant_id = '", id, "'");
  EXPECT_EQ(db.QueryValue("SELECT string_agg(seq::text, ',' ORDER BY seq)" + where), "1,2,3");
  EXPECT_EQ(db.QueryValue("SELECT count(*)" + where +
                          " AND hash = audit_row_hash(prev_hash, tenant_id, seq, occurred_at, "
                          "actor, rpc, resource_name, before, after, request_id)"),
            "3");
  EXPECT_EQ(db.QueryValue("SELECT bool_and(a.prev_hash = b.hash) FROM audit_log a JOIN audit_log "
                          "b ON b.tenant_id = a.tenant_id AND b.seq = a.seq - 1 WHERE a.tenant_id "
                          "= '" +
                          id + "'"),
            "t");
}

}  // namespace
}  // namespace airr::pg
