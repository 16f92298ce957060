#include "tests/testing/pg_fixture.h"

#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <pqxx/pqxx>
#include <random>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/strip.h"
#include "libs/auth/token.h"
#include "libs/pg/migrator.h"
#include "tools/admin/pg_admin_store.h"

namespace airr::testing {
namespace {

[[noreturn]] void Die(const std::string& why) {
  std::fprintf(stderr, "PgTestDatabase: %s\n", why.c_str());
  std::exit(1);
}

std::string ReadLine(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  return line;
}

// The cluster's superuser DSN: from the CTest fixture, else a private cluster (not under CI).
std::string ClusterDsn() {
  if (const char* file = std::getenv("AIRR_TEST_PG_DSN_FILE"); file != nullptr && *file) {
    std::string dsn = ReadLine(file);
    if (dsn.empty()) Die(absl::StrCat("no cluster DSN in ", file, " (did pg_start fail?)"));
    return dsn;
  }
  if (std::getenv("CI") != nullptr) {
    Die("AIRR_TEST_PG_DSN_FILE is not set under CI; run the tests through ctest");
  }
  char dir[] = "/tmp/airr-pgtest.XXXXXX";
  if (mkdtemp(dir) == nullptr) Die("mkdtemp failed");
  const std::string cluster = absl::StrCat(dir, "/pg");
  const std::string cmd = absl::StrCat(AIRR_SOURCE_DIR, "/tools/pg.sh temp-start ", cluster);
  if (std::system(cmd.c_str()) != 0) Die("tools/pg.sh temp-start failed");
  static std::string stop;
  stop = absl::StrCat(AIRR_SOURCE_DIR, "/tools/pg.sh temp-stop ", cluster);
  std::atexit([] { (void)std::system(stop.c_str()); });
  return ReadLine(cluster + "/dsn");
}

// Replaces the database (last path segment) and optionally the user of a postgresql:// URI.
std::string WithDatabase(const std::string& dsn, const std::string& db, const std::string& user) {
  std::string base = dsn.substr(0, dsn.rfind('/'));
  if (!user.empty()) {
    base = absl::StrReplaceAll(base, {{"postgres@", user + "@"}});
  }
  return absl::StrCat(base, "/", db);
}

}  // namespace

PgTestDatabase& PgTestDatabase::Get() {
  static PgTestDatabase* db = new PgTestDatabase();
  return *db;
}

PgTestDatabase::PgTestDatabase() {
  const std::string cluster = ClusterDsn();
  std::random_device rd;
  const std::string name = absl::StrCat("airr_test_", getpid(), "_", rd() % 100000);
  try {
    pqxx::connection conn(cluster);
    pqxx::nontransaction tx(conn);
    tx.exec0(absl::StrCat("CREATE DATABASE ", name, " TEMPLATE template0"));
  } catch (const std::exception& e) {
    Die(absl::StrCat("cannot create the test database: ", e.what()));
  }
  admin_dsn_ = WithDatabase(cluster, name, "");
  app_dsn_ = WithDatabase(cluster, name, "airr_app");
  auto applied = pg::Migrate(admin_dsn_);
  if (!applied.ok()) Die(absl::StrCat("migration failed: ", applied.status().ToString()));
  static std::string drop_cluster, drop_name;
  drop_cluster = cluster;
  drop_name = name;
  std::atexit([] {
    try {
      pqxx::connection conn(drop_cluster);
      pqxx::nontransaction tx(conn);
      tx.exec0(absl::StrCat("DROP DATABASE IF EXISTS ", drop_name, " WITH (FORCE)"));
    } catch (const std::exception&) {
      // The cluster may already be gone; it is throwaway.
    }
  });
}

std::string PgTestDatabase::CreateTenant(const std::string& prefix) {
  static std::atomic<int> counter{0};
  const std::string name = absl::StrCat(prefix, "-", getpid() % 10000, "-", counter++);
  auto store = admin::PgAdminStore::Connect(admin_dsn_);
  if (!store.ok()) Die(store.status().ToString());
  auto id = (*store)->CreateTenant(name);
  if (!id.ok()) Die(id.status().ToString());
  return name;
}

std::string PgTestDatabase::IssueToken(const std::string& tenant, auth::Role role) {
  static std::atomic<int> counter{0};
  auto store = admin::PgAdminStore::Connect(admin_dsn_);
  if (!store.ok()) Die(store.status().ToString());
  const std::string token = auth::GenerateToken();
  auto id = (*store)->IssueToken(tenant, role, absl::StrCat(auth::RoleName(role), "-", counter++),
                                 auth::HashToken(token));
  if (!id.ok()) Die(id.status().ToString());
  return token;
}

std::string PgTestDatabase::QueryValue(const std::string& sql) {
  pqxx::connection conn(admin_dsn_);
  pqxx::nontransaction tx(conn);
  pqxx::row row = tx.exec1(sql);
  return row[0].is_null() ? "" : row[0].c_str();
}

void PgTestDatabase::Exec(const std::string& sql) {
  pqxx::connection conn(admin_dsn_);
  pqxx::nontransaction tx(conn);
  tx.exec0(sql);
}

}  // namespace airr::testing
