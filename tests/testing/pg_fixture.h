// A migrated throwaway database for PostgreSQL-backed tests. The cluster comes from the CTest
// fixture (AIRR_TEST_PG_DSN_FILE); run by hand, the fixture starts its own cluster with
// tools/pg.sh. Under CI a missing cluster fails the test binary: PG tests never skip.
#pragma once

#include <memory>
#include <string>

#include "libs/auth/roles.h"

namespace airr::testing {

// One database per test binary, created and migrated on first use, dropped at exit.
class PgTestDatabase {
 public:
  // The process-wide instance. Aborts the test binary with a message when no cluster is there.
  static PgTestDatabase& Get();

  // DSN of the test database as the cluster superuser (migrations, admin, direct checks).
  const std::string& admin_dsn() const { return admin_dsn_; }
  // DSN of the test database as the unprivileged service role airr_app.
  const std::string& app_dsn() const { return app_dsn_; }

  // Creates a tenant with a unique name derived from `prefix`; returns its name.
  std::string CreateTenant(const std::string& prefix);
  // Issues a token of `role` in tenant `tenant` (by name) and returns it.
  std::string IssueToken(const std::string& tenant, auth::Role role);

  // Runs a single-value query as the superuser and returns the value as text.
  std::string QueryValue(const std::string& sql);
  // Runs a statement as the superuser.
  void Exec(const std::string& sql);

 private:
  PgTestDatabase();
  std::string admin_dsn_;
  std::string app_dsn_;
};

}  // namespace airr::testing
