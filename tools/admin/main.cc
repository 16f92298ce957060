// airr-admin: bootstrap and operations directly on the database (AIRR_DATABASE_URL, as its owner
// or a superuser): migrate, create-tenant, issue-token, revoke-token, audit verify.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "libs/auth/token.h"
#include "libs/pg/migrator.h"
#include "tools/admin/pg_admin_store.h"
#include "tools/airr/args.h"

namespace airr::admin {
namespace {

constexpr char kUsage[] =
    "usage: airr-admin <command> [flags]\n"
    "\n"
    "Works on the database named by AIRR_DATABASE_URL (its owner or a superuser).\n"
    "\n"
    "commands:\n"
    "  migrate                                   apply pending schema migrations\n"
    "  create-tenant NAME                        create a tenant (lower-case name)\n"
    "  issue-token --tenant NAME --role ROLE [--name LABEL]\n"
    "                                            create a principal; prints its token once\n"
    "  revoke-token --tenant NAME --name LABEL   revoke a principal's token\n"
    "  audit verify [--tenant NAME]              recompute the audit hash chains; exit 1 when\n"
    "                                            a chain is broken\n"
    "\n"
    "roles: viewer, reporter, analyst, responder, admin, auditor\n";

int Fail(const absl::Status& status) {
  std::fprintf(stderr, "airr-admin: %s: %s\n", absl::StatusCodeToString(status.code()).c_str(),
               std::string(status.message()).c_str());
  return 1;
}

int Usage(const std::string& problem) {
  std::fprintf(stderr, "airr-admin: %s\n\n%s", problem.c_str(), kUsage);
  return 2;
}

int Migrate(const std::string& dsn) {
  auto applied = pg::Migrate(dsn);
  if (!applied.ok()) return Fail(applied.status());
  for (const auto& name : *applied) std::printf("applied %s\n", name.c_str());
  std::printf("schema is up to date (%zu applied now)\n", applied->size());
  return 0;
}

int Run(const std::vector<std::string>& args, const std::string& dsn) {
  const std::string& command = args[0];
  if (command == "migrate" && args.size() == 1) {
    return Migrate(dsn);
  }
  const std::vector<cli::FlagSpec> flags = {
      {"tenant", '\0', cli::FlagSpec::Kind::kValue, false, "NAME", "the tenant"},
      {"role", '\0', cli::FlagSpec::Kind::kValue, false, "ROLE", "the role of the token"},
      {"name", '\0', cli::FlagSpec::Kind::kValue, false, "LABEL", "the principal's name"},
  };
  auto parsed = cli::ParseArgs(flags, {args.begin() + 1, args.end()});
  if (!parsed.ok()) return Usage(std::string(parsed.status().message()));
  if (parsed->help()) {
    std::printf("%s", kUsage);
    return 0;
  }
  auto store = PgAdminStore::Connect(dsn);
  if (!store.ok()) return Fail(store.status());
  const std::vector<std::string>& pos = parsed->positional();
  const std::string tenant = parsed->Get("tenant").value_or("");

  if (command == "create-tenant") {
    if (pos.size() != 1) return Usage("create-tenant takes exactly one NAME");
    auto id = (*store)->CreateTenant(pos[0]);
    if (!id.ok()) return Fail(id.status());
    std::printf("created tenant %s (%s)\n", pos[0].c_str(), id->c_str());
    return 0;
  }
  if (command == "issue-token") {
    if (tenant.empty() || !parsed->Has("role"))
      return Usage("issue-token needs --tenant and --role");
    auto role = auth::ParseRole(*parsed->Get("role"), "--role");
    if (!role.ok()) return Fail(role.status());
    const std::string name = parsed->Get("name").value_or(auth::RoleName(*role));
    const std::string token = auth::GenerateToken();
    auto id = (*store)->IssueToken(tenant, *role, name, auth::HashToken(token));
    if (!id.ok()) return Fail(id.status());
    // The token goes to stdout alone so scripts can capture it; it is never shown again.
    std::fprintf(stderr, "issued %s token %s for tenant %s (principal %s); store it now\n",
                 auth::RoleName(*role).c_str(), name.c_str(), tenant.c_str(), id->c_str());
    std::printf("%s\n", token.c_str());
    return 0;
  }
  if (command == "revoke-token") {
    if (tenant.empty() || !parsed->Has("name"))
      return Usage("revoke-token needs --tenant and --name");
    absl::Status status = (*store)->RevokeToken(tenant, *parsed->Get("name"));
    if (!status.ok()) return Fail(status);
    std::printf("revoked token %s of tenant %s\n", parsed->Get("name")->c_str(), tenant.c_str());
    return 0;
  }
  if (command == "audit" && pos.size() == 1 && pos[0] == "verify") {
    auto reports = (*store)->VerifyAudit(tenant);
    if (!reports.ok()) return Fail(reports.status());
    int broken = 0;
    for (const auto& r : *reports) {
      if (r.broken_seq == 0) {
        std::printf("tenant %s: audit chain OK (%lld rows)\n", r.tenant.c_str(),
                    static_cast<long long>(r.rows));
      } else {
        ++broken;
        std::printf("tenant %s: audit chain BROKEN at seq %lld: %s\n", r.tenant.c_str(),
                    static_cast<long long>(r.broken_seq), r.problem.c_str());
      }
    }
    return broken == 0 ? 0 : 1;
  }
  return Usage("unknown command: " + command);
}

}  // namespace
}  // namespace airr::admin

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::printf("%s", airr::admin::kUsage);
    return args.empty() ? 2 : 0;
  }
  const char* dsn = std::getenv("AIRR_DATABASE_URL");
  if (dsn == nullptr || *dsn == '\0') {
    return airr::admin::Usage("AIRR_DATABASE_URL is not set (a libpq connection string)");
  }
  return airr::admin::Run(args, dsn);
}
