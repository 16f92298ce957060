#include "tools/admin/pg_admin_store.h"

#include <pqxx/pqxx>

#include "absl/strings/str_cat.h"
#include "airr/sql/queries.h"
#include "google/protobuf/struct.pb.h"
#include "libs/common/errors.h"
#include "libs/pg/mutation_log.h"
#include "libs/pg/rows.h"
#include "libs/pg/tx.h"

namespace airr::admin {
namespace {

constexpr char kActor[] = "airr-admin";

pg::Mutation PrincipalMutation(const std::string& rpc, const std::string& principal_id,
                               const std::string& after_json, const std::string& before_json) {
  pg::Mutation m;
  m.actor = kActor;
  m.rpc = rpc;
  m.resource_name = absl::StrCat("principals/", principal_id);
  m.after_json = after_json;
  m.before_json = before_json;
  return m;
}

// The audit view of a principal, printed by the same JSON printer as every other audit row.
std::string PrincipalJson(const std::string& name, const std::string& role, bool revoked) {
  google::protobuf::Struct principal;
  auto& fields = *principal.mutable_fields();
  fields["name"].set_string_value(name);
  fields["role"].set_string_value(role);
  fields["revoked"].set_bool_value(revoked);
  return pg::MessageToJson(principal);
}

}  // namespace

absl::StatusOr<std::unique_ptr<PgAdminStore>> PgAdminStore::Connect(const std::string& dsn) {
  auto pool = pg::ConnectionPool::Create({dsn, 1, /*act_as_service_role=*/false});
  if (!pool.ok()) {
    return pool.status();
  }
  return std::unique_ptr<PgAdminStore>(new PgAdminStore(*std::move(pool)));
}

absl::StatusOr<std::string> PgAdminStore::CreateTenant(const std::string& name) {
  std::string id;
  absl::Status status = pg::RunInTx(*pool_, pg::TxScope{}, [&](pg::Tx& tx) {
    id = tx.exec_prepared1(sql::kCreateTenant, name)[0].c_str();
    return absl::OkStatus();
  });
  if (absl::IsAlreadyExists(status)) {
    return absl::AlreadyExistsError(absl::StrCat("tenant ", name, " already exists"));
  }
  if (absl::IsInvalidArgument(status)) {
    return InvalidField("NAME",
                        "must be 1 to 63 lower-case letters, digits or '-', starting "
                        "with a letter");
  }
  if (!status.ok()) {
    return status;
  }
  return id;
}

absl::StatusOr<std::string> PgAdminStore::TenantId(const std::string& name) {
  std::string id;
  absl::Status status = pg::RunInTx(*pool_, pg::TxScope{}, [&](pg::Tx& tx) -> absl::Status {
    pqxx::result rows = tx.exec_prepared(sql::kFindTenant, name);
    if (rows.empty()) {
      return absl::NotFoundError(absl::StrCat("no tenant named ", name));
    }
    id = rows[0][0].c_str();
    return absl::OkStatus();
  });
  if (!status.ok()) {
    return status;
  }
  return id;
}

absl::StatusOr<std::string> PgAdminStore::IssueToken(const std::string& tenant, auth::Role role,
                                                     const std::string& name,
                                                     const std::string& token_hash) {
  auto tenant_id = TenantId(tenant);
  if (!tenant_id.ok()) {
    return tenant_id.status();
  }
  std::string principal_id;
  absl::Status status = pg::RunInTx(*pool_, pg::TxScope{*tenant_id}, [&](pg::Tx& tx) {
    principal_id = tx.exec_prepared1(sql::kInsertPrincipal, *tenant_id, name, auth::RoleName(role),
                                     token_hash)[0]
                       .c_str();
    pg::RecordMutation(tx, PrincipalMutation("airr-admin/issue-token", principal_id,
                                             PrincipalJson(name, auth::RoleName(role), false), ""));
    return absl::OkStatus();
  });
  if (absl::IsAlreadyExists(status)) {
    return absl::AlreadyExistsError(absl::StrCat("tenant ", tenant,
                                                 " already has an active token named ", name,
                                                 "; revoke it first or choose another --name"));
  }
  if (!status.ok()) {
    return status;
  }
  return principal_id;
}

absl::Status PgAdminStore::RevokeToken(const std::string& tenant, const std::string& name) {
  auto tenant_id = TenantId(tenant);
  if (!tenant_id.ok()) {
    return tenant_id.status();
  }
  return pg::RunInTx(*pool_, pg::TxScope{*tenant_id}, [&](pg::Tx& tx) -> absl::Status {
    pqxx::result rows = tx.exec_prepared(sql::kRevokePrincipal, *tenant_id, name);
    if (rows.empty()) {
      return absl::NotFoundError(
          absl::StrCat("tenant ", tenant, " has no active token named ", name));
    }
    const std::string role = rows[0][1].c_str();
    pg::RecordMutation(
        tx, PrincipalMutation("airr-admin/revoke-token", rows[0][0].c_str(),
                              PrincipalJson(name, role, true), PrincipalJson(name, role, false)));
    return absl::OkStatus();
  });
}

absl::StatusOr<std::vector<ChainReport>> PgAdminStore::VerifyAudit(const std::string& tenant) {
  std::vector<ChainReport> reports;
  absl::Status status = pg::RunInTx(*pool_, pg::TxScope{}, [&](pg::Tx& tx) -> absl::Status {
    for (const pqxx::row& row : tx.exec_prepared(sql::kVerifyAuditChain, tenant)) {
      ChainReport r;
      r.tenant = row["name"].c_str();
      r.rows = row["rows"].as<int64_t>();
      if (!row["broken_seq"].is_null()) {
        r.broken_seq = row["broken_seq"].as<int64_t>();
        if (!row["hash_ok"].as<bool>()) {
          r.problem = "the row's content does not match its hash (the row was altered)";
        } else if (!row["link_ok"].as<bool>()) {
          r.problem =
              "prev_hash does not match the previous row's hash (a row before it was "
              "altered, removed or inserted)";
        } else {
          r.problem = "seq does not follow the previous row (a row was removed)";
        }
      } else if (!row["head_ok"].as<bool>()) {
        r.broken_seq = row["head_seq"].as<int64_t>();
        r.problem = "the chain head does not match the last row (rows were removed at the end)";
      }
      reports.push_back(std::move(r));
    }
    if (!tenant.empty() && reports.empty()) {
      return absl::NotFoundError(absl::StrCat("no tenant named ", tenant));
    }
    return absl::OkStatus();
  });
  if (!status.ok()) {
    return status;
  }
  return reports;
}

}  // namespace airr::admin
