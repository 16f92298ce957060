#include "services/inventory/pg_ai_system_store.h"

#include <pqxx/pqxx>

#include "absl/strings/str_cat.h"
#include "airr/sql/queries.h"
#include "libs/api/etag.h"
#include "libs/api/resource_name.h"
#include "libs/common/errors.h"
#include "libs/common/status_macros.h"
#include "libs/pg/mutation_log.h"
#include "libs/pg/page_query.h"
#include "libs/pg/rows.h"
#include "libs/pg/tx.h"

namespace airr::inventory {
namespace {

constexpr char kCollection[] = "aiSystems";
constexpr char kResourceType[] = "airr.inventory.v1.AiSystem";

// A row of ai_system_rows as the API message, with its version.
v1::AiSystem FromRow(const pqxx::row& row, int64_t* version) {
  v1::AiSystem s;
  s.set_name(api::FormatResourceName(kCollection, row["id"].c_str()));
  s.set_display_name(row["display_name"].c_str());
  s.set_description(row["description"].c_str());
  s.set_business_purpose(row["business_purpose"].c_str());
  s.set_owner(row["owner"].c_str());
  s.set_accountable_officer(row["accountable_officer"].c_str());
  pg::EnumArrayColumn<v1::ActorRole>(row["actor_roles"], s.mutable_actor_roles());
  s.set_lifecycle_stage(pg::EnumColumn<v1::LifecycleStage>(row["lifecycle_stage"]));
  s.set_model_type(pg::EnumColumn<v1::ModelType>(row["model_type"]));
  s.set_advanced_ai(row["advanced_ai"].as<bool>());
  s.set_generative_ai(row["generative_ai"].as<bool>());
  for (auto& m : pg::FromTextArray(row["upstream_models"])) s.add_upstream_models(std::move(m));
  for (auto& m : pg::FromTextArray(row["vendors"])) s.add_vendors(std::move(m));
  pg::EnumArrayColumn<v1::DataCategory>(row["data_categories"], s.mutable_data_categories());
  for (auto& j : pg::FromTextArray(row["jurisdictions"])) s.add_jurisdictions(std::move(j));
  auto* eu = s.mutable_eu_ai_act();
  eu->set_category(pg::EnumColumn<v1::EuRiskCategory>(row["eu_risk_category"]));
  eu->set_high_risk_area(pg::EnumColumn<v1::EuHighRiskArea>(row["eu_high_risk_area"]));
  eu->set_gpai(pg::EnumColumn<v1::EuGpaiClass>(row["eu_gpai_class"]));
  if (eu->category() == 0 && eu->high_risk_area() == 0 && eu->gpai() == 0) {
    s.clear_eu_ai_act();
  }
  s.set_human_oversight(pg::EnumColumn<v1::HumanOversight>(row["human_oversight"]));
  s.set_risk_tier(pg::EnumColumn<v1::RiskTier>(row["risk_tier"]));
  pg::LabelsFromJson(row["labels"], s.mutable_labels());
  *s.mutable_create_time() = pg::TimestampFromMicros(row["create_time_us"]);
  *s.mutable_update_time() = pg::TimestampFromMicros(row["update_time_us"]);
  if (!row["delete_time_us"].is_null()) {
    *s.mutable_delete_time() = pg::TimestampFromMicros(row["delete_time_us"]);
  }
  *version = row["version"].as<int64_t>();
  s.set_etag(api::FormatEtag(*version));
  return s;
}

// Runs an insert or update whose $1 is the id and $2..$21 the system's stored fields.
template <typename... Extra>
pqxx::result ExecWithFields(pg::Tx& tx, const char* query, const std::string& id,
                            const v1::AiSystem& s, Extra&&... extra) {
  const auto& eu = s.eu_ai_act();
  return tx.exec_prepared(
      query, id, s.display_name(), s.description(), s.business_purpose(), s.owner(),
      s.accountable_officer(), pg::EnumArrayParam<v1::ActorRole>(s.actor_roles()),
      pg::EnumParam(s.lifecycle_stage()), pg::EnumParam(s.model_type()), s.advanced_ai(),
      s.generative_ai(), pg::ToTextArray(s.upstream_models()), pg::ToTextArray(s.vendors()),
      pg::EnumArrayParam<v1::DataCategory>(s.data_categories()), pg::ToTextArray(s.jurisdictions()),
      pg::EnumParam(eu.category()), pg::EnumParam(eu.high_risk_area()), pg::EnumParam(eu.gpai()),
      pg::EnumParam(s.human_oversight()), pg::EnumParam(s.risk_tier()),
      pg::LabelsToJson(s.labels()), std::forward<Extra>(extra)...);
}

absl::Status NotFound(const std::string& id) {
  return ResourceNotFound("AI system", api::FormatResourceName(kCollection, id), kResourceType);
}

absl::Status CheckVersion(std::optional<int64_t> expected, int64_t actual, const std::string& id) {
  return api::CheckEtagVersion(
      expected, actual, absl::StrCat("AI system ", api::FormatResourceName(kCollection, id)));
}

// Reads the one system `query` finds by `key` into `out`; NOT_FOUND when there is none.
absl::Status ReadOne(pg::Tx& tx, const char* query, const std::string& key, v1::AiSystem* out,
                     int64_t* version) {
  pqxx::result rows = tx.exec_prepared(query, key);
  if (rows.empty()) {
    return NotFound(key);
  }
  *out = FromRow(rows[0], version);
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<v1::AiSystem> PgAiSystemStore::Create(const RequestScope& scope,
                                                     const v1::AiSystem& system,
                                                     const std::string& id,
                                                     const std::string& request_id) {
  v1::AiSystem created;
  absl::Status status = pg::RunInTx(pool_, pg::TxScopeOf(scope), [&](pg::Tx& tx) -> absl::Status {
    int64_t version = 0;
    pqxx::result inserted = ExecWithFields(tx, sql::kInsertAiSystem, id, system, request_id);
    if (inserted.empty()) {
      // The same request ran before: answer with what it created, write nothing.
      AIRR_RETURN_IF_ERROR(
          ReadOne(tx, sql::kFindAiSystemByRequest, request_id, &created, &version));
      return absl::OkStatus();
    }
    AIRR_RETURN_IF_ERROR(
        ReadOne(tx, sql::kGetAiSystem, inserted[0][0].c_str(), &created, &version));
    pg::RecordChange(tx, scope, created.name(), "ai_system.created", nullptr, created, request_id);
    return absl::OkStatus();
  });
  if (absl::IsAlreadyExists(status) && !request_id.empty()) {
    // A concurrent retry of the same request may have taken the id first: then its result is the
    // answer, as for any retry.
    status = pg::RunInTx(pool_, pg::TxScopeOf(scope), [&](pg::Tx& tx) -> absl::Status {
      int64_t version = 0;
      absl::Status found = ReadOne(tx, sql::kFindAiSystemByRequest, request_id, &created, &version);
      return found.ok() ? found : absl::AlreadyExistsError("taken by another request");
    });
  }
  if (absl::IsAlreadyExists(status)) {
    return ErrorWithReason(
        absl::StatusCode::kAlreadyExists,
        absl::StrCat("AI system ", api::FormatResourceName(kCollection, id), " already exists"),
        "RESOURCE_EXISTS", {{"resource_type", kResourceType}});
  }
  if (!status.ok()) {
    return status;
  }
  return created;
}

absl::StatusOr<v1::AiSystem> PgAiSystemStore::Get(const RequestScope& scope,
                                                  const std::string& id) {
  v1::AiSystem found;
  absl::Status status = pg::RunInTx(pool_, pg::TxScopeOf(scope), [&](pg::Tx& tx) -> absl::Status {
    int64_t version = 0;
    AIRR_RETURN_IF_ERROR(ReadOne(tx, sql::kGetAiSystem, id, &found, &version));
    return absl::OkStatus();
  });
  if (!status.ok()) {
    return status;
  }
  return found;
}

absl::StatusOr<AiSystemPage> PgAiSystemStore::List(const RequestScope& scope,
                                                   const AiSystemPageQuery& query) {
  const pg::PageStatement statement = pg::BuildPageStatement(
      sql::kListAiSystemsTemplate,
      {query.show_deleted ? "true" : "false", pg::LimitParam(query.page_size)}, query.filter,
      query.order, query.after, query.page_size, "id");
  AiSystemPage page;
  absl::Status status = pg::RunInTx(pool_, pg::TxScopeOf(scope), [&](pg::Tx& tx) -> absl::Status {
    page.next = pg::RunPage(tx, statement, [&](const pqxx::row& row) {
      int64_t version = 0;
      page.systems.push_back(FromRow(row, &version));
    });
    return absl::OkStatus();
  });
  if (!status.ok()) {
    return status;
  }
  return page;
}

absl::StatusOr<v1::AiSystem> PgAiSystemStore::Update(
    const RequestScope& scope, const std::string& id, std::optional<int64_t> expected_version,
    const std::function<absl::Status(v1::AiSystem&)>& change) {
  v1::AiSystem updated;
  absl::Status status = pg::RunInTx(pool_, pg::TxScopeOf(scope), [&](pg::Tx& tx) -> absl::Status {
    int64_t version = 0;
    v1::AiSystem current;
    tx.exec_prepared(sql::kLockAiSystem, id);
    AIRR_RETURN_IF_ERROR(ReadOne(tx, sql::kGetAiSystem, id, &current, &version));
    AIRR_RETURN_IF_ERROR(CheckVersion(expected_version, version, id));
    if (current.has_delete_time()) {
      return ErrorWithReason(
          absl::StatusCode::kFailedPrecondition,
          absl::StrCat("AI system ", current.name(), " is deleted; undelete it before updating"),
          "RESOURCE_DELETED");
    }
    v1::AiSystem next = current;
    AIRR_RETURN_IF_ERROR(change(next));
    ExecWithFields(tx, sql::kUpdateAiSystem, id, next);
    AIRR_RETURN_IF_ERROR(ReadOne(tx, sql::kGetAiSystem, id, &updated, &version));
    pg::RecordChange(tx, scope, updated.name(), "ai_system.updated", &current, updated);
    return absl::OkStatus();
  });
  if (!status.ok()) {
    return status;
  }
  return updated;
}

absl::StatusOr<v1::AiSystem> PgAiSystemStore::SetDeleted(const RequestScope& scope,
                                                         const std::string& id, bool deleted,
                                                         std::optional<int64_t> expected_version) {
  v1::AiSystem result;
  absl::Status status = pg::RunInTx(pool_, pg::TxScopeOf(scope), [&](pg::Tx& tx) -> absl::Status {
    int64_t version = 0;
    v1::AiSystem current;
    tx.exec_prepared(sql::kLockAiSystem, id);
    AIRR_RETURN_IF_ERROR(ReadOne(tx, sql::kGetAiSystem, id, &current, &version));
    if (deleted && current.has_delete_time()) {
      return NotFound(id);
    }
    if (!deleted && !current.has_delete_time()) {
      return ErrorWithReason(absl::StatusCode::kFailedPrecondition,
                             absl::StrCat("AI system ", current.name(), " is not deleted"),
                             "RESOURCE_NOT_DELETED");
    }
    AIRR_RETURN_IF_ERROR(CheckVersion(expected_version, version, id));
    tx.exec_prepared0(sql::kSetAiSystemDeleted, id, deleted);
    AIRR_RETURN_IF_ERROR(ReadOne(tx, sql::kGetAiSystem, id, &result, &version));
    pg::RecordChange(tx, scope, result.name(),
                     deleted ? "ai_system.deleted" : "ai_system.undeleted", &current, result);
    return absl::OkStatus();
  });
  if (!status.ok()) {
    return status;
  }
  return result;
}

}  // namespace airr::inventory
