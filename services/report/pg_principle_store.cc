#include "services/report/pg_principle_store.h"

#include <pqxx/pqxx>
#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "airr/sql/queries.h"
#include "libs/api/etag.h"
#include "libs/api/resource_name.h"
#include "libs/common/errors.h"
#include "libs/common/status_macros.h"
#include "libs/pg/mutation_log.h"
#include "libs/pg/rows.h"
#include "libs/pg/tx.h"
#include "services/report/principle_names.h"
#include "services/report/resource_names.h"

namespace airr::report {
namespace {

constexpr char kPolicyResourceType[] = "airr.report.v1.PolicyPrinciple";
constexpr char kPrincipleResourceType[] = "airr.report.v1.Principle";

std::string PolicyName(const std::string& id) {
  return api::FormatResourceName(kPolicyPrincipleCollection, id);
}

absl::Status PolicyNotFound(const std::string& id) {
  return ResourceNotFound("Policy principle", PolicyName(id), kPolicyResourceType);
}

// The catalog stores kinds and obligation levels without the proto enum prefix.
v1::PrincipleKind KindFromColumn(const std::string& kind) {
  v1::PrincipleKind out = v1::PRINCIPLE_KIND_UNSPECIFIED;
  v1::PrincipleKind_Parse(absl::StrCat("PRINCIPLE_KIND_", kind), &out);
  return out;
}

v1::ObligationLevel LevelFromColumn(const std::string& level) {
  v1::ObligationLevel out = v1::OBLIGATION_LEVEL_UNSPECIFIED;
  v1::ObligationLevel_Parse(absl::StrCat("OBLIGATION_LEVEL_", level), &out);
  return out;
}

v1::Principle PrincipleFromRow(const pqxx::row& row) {
  v1::Principle p;
  p.set_name(PrincipleName(row["id"].c_str()));
  p.set_edition(row["edition_id"].c_str());
  p.set_kind(KindFromColumn(row["kind"].c_str()));
  if (!row["parent_id"].is_null()) {
    p.set_parent(PrincipleName(row["parent_id"].c_str()));
  }
  if (!row["code"].is_null()) {
    p.set_code(row["code"].c_str());
  }
  p.set_title_ja(row["title_ja"].c_str());
  p.set_title_en(row["title_en"].c_str());
  p.set_summary_en(row["summary_en"].c_str());
  p.set_obligation_level(LevelFromColumn(row["obligation_level"].c_str()));
  p.set_applicability(row["applicability"].c_str());
  for (const std::string& id : pg::FromTextArray(row["related_principles"])) {
    p.add_related_principles(PrincipleName(id));
  }
  p.set_source_lines(row["source_lines"].c_str());
  p.set_sort_order(row["sort_order"].as<int>());
  return p;
}

v1::PolicyPrinciple PolicyFromRow(const pqxx::row& row, int64_t* version) {
  v1::PolicyPrinciple p;
  p.set_name(PolicyName(row["id"].c_str()));
  p.set_code(row["code"].c_str());
  p.set_title(row["title"].c_str());
  p.set_description(row["description"].c_str());
  for (const std::string& id : pg::FromTextArray(row["mapped_principles"])) {
    p.add_mapped_principles(PrincipleName(id));
  }
  *version = row["version"].as<int64_t>();
  p.set_etag(api::FormatEtag(*version));
  *p.mutable_create_time() = pg::TimestampFromMicros(row["create_time_us"]);
  *p.mutable_update_time() = pg::TimestampFromMicros(row["update_time_us"]);
  if (!row["delete_time_us"].is_null()) {
    *p.mutable_delete_time() = pg::TimestampFromMicros(row["delete_time_us"]);
  }
  return p;
}

absl::Status ReadPolicy(pg::Tx& tx, const char* query, const std::string& id,
                        v1::PolicyPrinciple* out, int64_t* version) {
  const pqxx::result rows = tx.exec_prepared(query, id);
  if (rows.empty()) {
    return PolicyNotFound(id);
  }
  *out = PolicyFromRow(rows[0], version);
  return absl::OkStatus();
}

// The catalog ids of the mapped principle names (validated: each is a well-formed name).
std::vector<std::string> MappedIds(const v1::PolicyPrinciple& p) {
  std::vector<std::string> ids;
  for (const std::string& name : p.mapped_principles()) {
    ids.emplace_back(absl::StripPrefix(name, absl::StrCat(kPrincipleCollection, "/")));
  }
  return ids;
}

// INVALID_ARGUMENT on every mapped principle that is not in the catalog, and ALREADY_EXISTS when
// another non-deleted principle of the tenant (not `id`) has the same code.
absl::Status CheckReferences(pg::Tx& tx, const v1::PolicyPrinciple& p, const std::string& id) {
  const std::vector<std::string> ids = MappedIds(p);
  std::set<std::string> found;
  for (const auto& row : tx.exec_prepared(sql::kFindCatalogPrinciples, pg::ToTextArray(ids))) {
    found.insert(row["id"].c_str());
  }
  std::vector<FieldViolation> missing;
  for (size_t i = 0; i < ids.size(); ++i) {
    if (found.count(ids[i]) == 0) {
      missing.push_back(
          {absl::StrCat("policy_principle.mapped_principles[", i, "]"),
           absl::StrCat("must name a principle of the catalog; ",
                        p.mapped_principles(static_cast<int>(i)), " does not exist")});
    }
  }
  if (!missing.empty()) {
    return InvalidFields(std::move(missing));
  }
  const pqxx::result taken = tx.exec_prepared(sql::kFindPolicyPrincipleByCode, p.code(), id);
  if (!taken.empty()) {
    const std::string other = PolicyName(taken[0]["id"].c_str());
    return ErrorWithReason(absl::StatusCode::kAlreadyExists,
                           absl::StrCat("code ", p.code(), " is already used by ", other),
                           "CODE_TAKEN", {{"policy_principle", other}});
  }
  return absl::OkStatus();
}

void WritePolicy(pg::Tx& tx, const std::string& id, const v1::PolicyPrinciple& p, bool deleting) {
  tx.exec_prepared0(sql::kUpdatePolicyPrinciple, id, p.code(), p.title(), p.description(),
                    pg::ToTextArray(MappedIds(p)), deleting ? "true" : "false");
}

// Locks policy principle `id` for a change: NOT_FOUND when missing or deleted, ABORTED when
// `expected` is stale.
absl::Status LockPolicy(pg::Tx& tx, const std::string& id, std::optional<int64_t> expected,
                        v1::PolicyPrinciple* current) {
  int64_t version = 0;
  tx.exec_prepared(sql::kLockPolicyPrinciple, id);
  AIRR_RETURN_IF_ERROR(ReadPolicy(tx, sql::kGetPolicyPrinciple, id, current, &version));
  if (current->has_delete_time()) {
    return PolicyNotFound(id);
  }
  return api::CheckEtagVersion(expected, version,
                               absl::StrCat("Policy principle ", PolicyName(id)));
}

}  // namespace

absl::StatusOr<PrinciplePage> PgPrincipleStore::ListPrinciples(const RequestScope& scope,
                                                               const PrinciplePageQuery& query) {
  std::string kind;
  if (query.kind != v1::PRINCIPLE_KIND_UNSPECIFIED) {
    kind = std::string(absl::StripPrefix(v1::PrincipleKind_Name(query.kind), "PRINCIPLE_KIND_"));
  }
  PrinciplePage page;
  AIRR_RETURN_IF_ERROR(pg::RunInTx(pool_, pg::TxScopeOf(scope), [&](pg::Tx& tx) {
    const pqxx::result rows =
        tx.exec_prepared(sql::kListPrinciples, kind, query.parent_id,
                         query.after_sort_order.value_or(-1), query.page_size + 1);
    for (const auto& row : rows) {
      if (static_cast<int>(page.principles.size()) == query.page_size) {
        page.next_after = page.principles.back().sort_order();
        break;
      }
      page.principles.push_back(PrincipleFromRow(row));
    }
    return absl::OkStatus();
  }));
  return page;
}

absl::StatusOr<v1::Principle> PgPrincipleStore::GetPrinciple(const RequestScope& scope,
                                                             const std::string& id) {
  v1::Principle found;
  AIRR_RETURN_IF_ERROR(pg::RunInTx(pool_, pg::TxScopeOf(scope), [&](pg::Tx& tx) -> absl::Status {
    const pqxx::result rows = tx.exec_prepared(sql::kGetPrinciple, id);
    if (rows.empty()) {
      return ResourceNotFound("Principle", PrincipleName(id), kPrincipleResourceType);
    }
    found = PrincipleFromRow(rows[0]);
    return absl::OkStatus();
  }));
  return found;
}

absl::StatusOr<v1::PolicyPrinciple> PgPrincipleStore::CreatePolicyPrinciple(
    const RequestScope& scope, const v1::PolicyPrinciple& principle, const std::string& id) {
  v1::PolicyPrinciple created;
  absl::Status status = pg::RunInTx(pool_, pg::TxScopeOf(scope), [&](pg::Tx& tx) -> absl::Status {
    if (!tx.exec_prepared(sql::kGetPolicyPrinciple, id).empty()) {
      return absl::AlreadyExistsError("id taken");
    }
    AIRR_RETURN_IF_ERROR(CheckReferences(tx, principle, id));
    tx.exec_prepared0(sql::kInsertPolicyPrinciple, id, principle.code(), principle.title(),
                      principle.description(), pg::ToTextArray(MappedIds(principle)));
    int64_t version = 0;
    AIRR_RETURN_IF_ERROR(ReadPolicy(tx, sql::kGetPolicyPrinciple, id, &created, &version));
    pg::RecordChange(tx, scope, created.name(), "report.policy_principle.created", nullptr,
                     created);
    return absl::OkStatus();
  });
  // CODE_TAKEN carries its own reason; a bare ALREADY_EXISTS is the id (checked above, or a
  // concurrent create that won the race on the primary key or the code index).
  if (absl::IsAlreadyExists(status) && ErrorReason(status).empty()) {
    return ErrorWithReason(absl::StatusCode::kAlreadyExists,
                           absl::StrCat("Policy principle ", PolicyName(id),
                                        " already exists (or its code was taken concurrently)"),
                           "RESOURCE_EXISTS", {{"resource_type", kPolicyResourceType}});
  }
  if (!status.ok()) {
    return status;
  }
  return created;
}

absl::StatusOr<v1::PolicyPrinciple> PgPrincipleStore::GetPolicyPrinciple(const RequestScope& scope,
                                                                         const std::string& id) {
  v1::PolicyPrinciple found;
  AIRR_RETURN_IF_ERROR(pg::RunInTx(pool_, pg::TxScopeOf(scope), [&](pg::Tx& tx) {
    int64_t version = 0;
    return ReadPolicy(tx, sql::kGetPolicyPrinciple, id, &found, &version);
  }));
  return found;
}

absl::StatusOr<PolicyPrinciplePage> PgPrincipleStore::ListPolicyPrinciples(
    const RequestScope& scope, const PolicyPrinciplePageQuery& query) {
  PolicyPrinciplePage page;
  AIRR_RETURN_IF_ERROR(pg::RunInTx(pool_, pg::TxScopeOf(scope), [&](pg::Tx& tx) {
    const pqxx::result rows = tx.exec_prepared(
        sql::kListPolicyPrinciples, query.show_deleted ? "true" : "false",
        query.after ? query.after->sort_value : "", query.after ? query.after->tie_value : "",
        query.after ? "true" : "false", query.page_size + 1);
    std::string last_code, last_id;
    for (const auto& row : rows) {
      if (static_cast<int>(page.policy_principles.size()) == query.page_size) {
        page.next = api::PageCursor{last_code, last_id};
        break;
      }
      int64_t version = 0;
      page.policy_principles.push_back(PolicyFromRow(row, &version));
      last_code = row["code"].c_str();
      last_id = row["id"].c_str();
    }
    return absl::OkStatus();
  }));
  return page;
}

absl::StatusOr<v1::PolicyPrinciple> PgPrincipleStore::UpdatePolicyPrinciple(
    const RequestScope& scope, const std::string& id, std::optional<int64_t> expected_version,
    const std::function<absl::Status(v1::PolicyPrinciple&)>& change) {
  v1::PolicyPrinciple result;
  AIRR_RETURN_IF_ERROR(pg::RunInTx(pool_, pg::TxScopeOf(scope), [&](pg::Tx& tx) -> absl::Status {
    v1::PolicyPrinciple current;
    AIRR_RETURN_IF_ERROR(LockPolicy(tx, id, expected_version, &current));
    v1::PolicyPrinciple next = current;
    AIRR_RETURN_IF_ERROR(change(next));
    AIRR_RETURN_IF_ERROR(CheckReferences(tx, next, id));
    WritePolicy(tx, id, next, false);
    int64_t version = 0;
    AIRR_RETURN_IF_ERROR(ReadPolicy(tx, sql::kGetPolicyPrinciple, id, &result, &version));
    pg::RecordChange(tx, scope, result.name(), "report.policy_principle.updated", &current, result);
    return absl::OkStatus();
  }));
  return result;
}

absl::StatusOr<v1::PolicyPrinciple> PgPrincipleStore::DeletePolicyPrinciple(
    const RequestScope& scope, const std::string& id, std::optional<int64_t> expected_version) {
  v1::PolicyPrinciple result;
  AIRR_RETURN_IF_ERROR(pg::RunInTx(pool_, pg::TxScopeOf(scope), [&](pg::Tx& tx) -> absl::Status {
    v1::PolicyPrinciple current;
    AIRR_RETURN_IF_ERROR(LockPolicy(tx, id, expected_version, &current));
    WritePolicy(tx, id, current, true);
    int64_t version = 0;
    AIRR_RETURN_IF_ERROR(ReadPolicy(tx, sql::kGetPolicyPrinciple, id, &result, &version));
    pg::RecordChange(tx, scope, result.name(), "report.policy_principle.deleted", &current, result);
    return absl::OkStatus();
  }));
  return result;
}

}  // namespace airr::report
