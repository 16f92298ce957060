#include "services/inventory/pg_ai_system_store.h"

#include <pqxx/pqxx>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "airr/sql/queries.h"
#include "libs/api/etag.h"
#include "libs/api/keyset.h"
#include "libs/api/resource_name.h"
#include "libs/common/errors.h"
#include "libs/common/status_macros.h"
#include "libs/pg/mutation_log.h"
#include "libs/pg/query_text.h"
#include "libs/pg/rows.h"
#include "libs/pg/tx.h"

namespace airr::inventory {
namespace {

constexpr char kCollection[] = "aiSystems";
constexpr char kResourceType[] = "airr.inventory.v1.AiSystem";

// Enum values are stored as their full names (see V0003).
std::string EnumText(int value, const google::protobuf::EnumDescriptor* type) {
  const auto* v = type->FindValueByNumber(value);
  return v != nullptr ? v->name() : type->value(0)->name();
}

int EnumValue(const pqxx::field& field, const google::protobuf::EnumDescriptor* type) {
  const auto* v = type->FindValueByName(field.c_str());
  return v != nullptr ? v->number() : 0;
}

std::string EnumArray(const google::protobuf::RepeatedField<int>& values,
                      const google::protobuf::EnumDescriptor* type) {
  std::vector<std::string> names;
  for (int value : values) {
    names.push_back(EnumText(value, type));
  }
  return pg::ToTextArray(names);
}

template <typename AddFn>
void ReadEnumArray(const pqxx::field& field, const google::protobuf::EnumDescriptor* type,
                   AddFn add) {
  for (const auto& name : pg::FromTextArray(field)) {
    const auto* v = type->FindValueByName(name);
    add(v != nullptr ? v->number() : 0);
  }
}

// A row of ai_system_rows as the API message, with its version.
v1::AiSystem FromRow(const pqxx::row& row, int64_t* version) {
  v1::AiSystem s;
  s.set_name(api::FormatResourceName(kCollection, row["id"].c_str()));
  s.set_display_name(row["display_name"].c_str());
  s.set_description(row["description"].c_str());
  s.set_business_purpose(row["business_purpose"].c_str());
  s.set_owner(row["owner"].c_str());
  s.set_accountable_officer(row["accountable_officer"].c_str());
  ReadEnumArray(row["actor_roles"], v1::ActorRole_descriptor(),
                [&](int v) { s.add_actor_roles(static_cast<v1::ActorRole>(v)); });
  s.set_lifecycle_stage(static_cast<v1::LifecycleStage>(
      EnumValue(row["lifecycle_stage"], v1::LifecycleStage_descriptor())));
  s.set_model_type(
      static_cast<v1::ModelType>(EnumValue(row["model_type"], v1::ModelType_descriptor())));
  s.set_advanced_ai(row["advanced_ai"].as<bool>());
  s.set_generative_ai(row["generative_ai"].as<bool>());
  for (auto& m : pg::FromTextArray(row["upstream_models"])) s.add_upstream_models(std::move(m));
  for (auto& m : pg::FromTextArray(row["vendors"])) s.add_vendors(std::move(m));
  ReadEnumArray(row["data_categories"], v1::DataCategory_descriptor(),
                [&](int v) { s.add_data_categories(static_cast<v1::DataCategory>(v)); });
  for (auto& j : pg::FromTextArray(row["jurisdictions"])) s.add_jurisdictions(std::move(j));
  auto* eu = s.mutable_eu_ai_act();
  eu->set_category(static_cast<v1::EuRiskCategory>(
      EnumValue(row["eu_risk_category"], v1::EuRiskCategory_descriptor())));
  eu->set_high_risk_area(static_cast<v1::EuHighRiskArea>(
      EnumValue(row["eu_high_risk_area"], v1::EuHighRiskArea_descriptor())));
  eu->set_gpai(
      static_cast<v1::EuGpaiClass>(EnumValue(row["eu_gpai_class"], v1::EuGpaiClass_descriptor())));
  if (eu->category() == 0 && eu->high_risk_area() == 0 && eu->gpai() == 0) {
    s.clear_eu_ai_act();
  }
  s.set_human_oversight(static_cast<v1::HumanOversight>(
      EnumValue(row["human_oversight"], v1::HumanOversight_descriptor())));
  s.set_risk_tier(
      static_cast<v1::RiskTier>(EnumValue(row["risk_tier"], v1::RiskTier_descriptor())));
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
      s.accountable_officer(), EnumArray(s.actor_roles(), v1::ActorRole_descriptor()),
      EnumText(s.lifecycle_stage(), v1::LifecycleStage_descriptor()),
      EnumText(s.model_type(), v1::ModelType_descriptor()), s.advanced_ai(), s.generative_ai(),
      pg::ToTextArray(s.upstream_models()), pg::ToTextArray(s.vendors()),
      EnumArray(s.data_categories(), v1::DataCategory_descriptor()),
      pg::ToTextArray(s.jurisdictions()), EnumText(eu.category(), v1::EuRiskCategory_descriptor()),
      EnumText(eu.high_risk_area(), v1::EuHighRiskArea_descriptor()),
      EnumText(eu.gpai(), v1::EuGpaiClass_descriptor()),
      EnumText(s.human_oversight(), v1::HumanOversight_descriptor()),
      EnumText(s.risk_tier(), v1::RiskTier_descriptor()), pg::LabelsToJson(s.labels()),
      std::forward<Extra>(extra)...);
}

absl::Status NotFound(const std::string& id) {
  return ErrorWithReason(
      absl::StatusCode::kNotFound,
      absl::StrCat("AI system ", api::FormatResourceName(kCollection, id), " does not exist"),
      "RESOURCE_NOT_FOUND", {{"resource_type", kResourceType}});
}

absl::Status CheckVersion(std::optional<int64_t> expected, int64_t actual, const std::string& id) {
  if (expected.has_value() && *expected != actual) {
    return ErrorWithReason(absl::StatusCode::kAborted,
                           absl::StrCat("AI system ", api::FormatResourceName(kCollection, id),
                                        " changed since the etag was read; read it again"),
                           "ETAG_MISMATCH", {{"current_etag", api::FormatEtag(actual)}});
  }
  return absl::OkStatus();
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

pg::TxScope Scope(const RequestScope& scope) {
  return pg::TxScope{scope.tenant_id, scope.deadline};
}

pg::Mutation MutationOf(const RequestScope& scope, const std::string& name, const char* topic) {
  pg::Mutation m;
  m.actor = scope.actor;
  m.rpc = scope.method;
  m.resource_name = name;
  m.request_id = scope.request_id;
  m.event_topic = topic;
  return m;
}

}  // namespace

absl::StatusOr<v1::AiSystem> PgAiSystemStore::Create(const RequestScope& scope,
                                                     const v1::AiSystem& system,
                                                     const std::string& id,
                                                     const std::string& request_id) {
  v1::AiSystem created;
  absl::Status status = pg::RunInTx(pool_, Scope(scope), [&](pg::Tx& tx) -> absl::Status {
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
    pg::Mutation m = MutationOf(scope, created.name(), "ai_system.created");
    m.after_json = pg::MessageToJson(created);
    if (!request_id.empty()) {
      m.request_id = request_id;
    }
    pg::RecordMutation(tx, m);
    return absl::OkStatus();
  });
  if (absl::IsAlreadyExists(status) && !request_id.empty()) {
    // A concurrent retry of the same request may have taken the id first: then its result is the
    // answer, as for any retry.
    status = pg::RunInTx(pool_, Scope(scope), [&](pg::Tx& tx) -> absl::Status {
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
  absl::Status status = pg::RunInTx(pool_, Scope(scope), [&](pg::Tx& tx) -> absl::Status {
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
  const int first_keyset_param =
      AiSystemPageQuery::kFirstFilterParam + static_cast<int>(query.filter.params.size());
  const api::KeysetSql keyset = api::BuildKeyset(
      query.order, "id", query.after ? &*query.after : nullptr, first_keyset_param);
  const std::string sql = absl::StrReplaceAll(pg::QueryText(sql::kListAiSystemsTemplate),
                                              {{"{filter}", query.filter.sql},
                                               {"{keyset}", keyset.where},
                                               {"{order_by}", keyset.order_by}});
  std::vector<std::string> params = {query.show_deleted ? "true" : "false",
                                     absl::StrCat(query.page_size + 1)};
  params.insert(params.end(), query.filter.params.begin(), query.filter.params.end());
  params.insert(params.end(), keyset.params.begin(), keyset.params.end());

  AiSystemPage page;
  absl::Status status = pg::RunInTx(pool_, Scope(scope), [&](pg::Tx& tx) -> absl::Status {
    pqxx::result rows = tx.exec_params(sql, pqxx::prepare::make_dynamic_params(params));
    const size_t keep = std::min<size_t>(rows.size(), static_cast<size_t>(query.page_size));
    for (size_t i = 0; i < keep; ++i) {
      int64_t version = 0;
      page.systems.push_back(FromRow(rows[i], &version));
    }
    if (rows.size() > keep && keep > 0) {
      const pqxx::row& last = rows[keep - 1];
      page.next = api::PageCursor{last[query.order.field->column].c_str(), last["id"].c_str()};
    }
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
  absl::Status status = pg::RunInTx(pool_, Scope(scope), [&](pg::Tx& tx) -> absl::Status {
    int64_t version = 0;
    v1::AiSystem current;
    AIRR_RETURN_IF_ERROR(ReadOne(tx, sql::kGetAiSystemForUpdate, id, &current, &version));
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
    pg::Mutation m = MutationOf(scope, updated.name(), "ai_system.updated");
    m.before_json = pg::MessageToJson(current);
    m.after_json = pg::MessageToJson(updated);
    pg::RecordMutation(tx, m);
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
  absl::Status status = pg::RunInTx(pool_, Scope(scope), [&](pg::Tx& tx) -> absl::Status {
    int64_t version = 0;
    v1::AiSystem current;
    AIRR_RETURN_IF_ERROR(ReadOne(tx, sql::kGetAiSystemForUpdate, id, &current, &version));
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
    pg::Mutation m =
        MutationOf(scope, result.name(), deleted ? "ai_system.deleted" : "ai_system.undeleted");
    m.before_json = pg::MessageToJson(current);
    m.after_json = pg::MessageToJson(result);
    pg::RecordMutation(tx, m);
    return absl::OkStatus();
  });
  if (!status.ok()) {
    return status;
  }
  return result;
}

}  // namespace airr::inventory
