#include "services/report/pg_notification_rule_store.h"

#include <pqxx/pqxx>

#include "absl/strings/str_cat.h"
#include "airr/sql/queries.h"
#include "libs/api/etag.h"
#include "libs/api/resource_name.h"
#include "libs/common/errors.h"
#include "libs/common/status_macros.h"
#include "libs/pg/mutation_log.h"
#include "libs/pg/rows.h"
#include "libs/pg/tx.h"
#include "services/report/notification_planner.h"
#include "services/report/notification_rows.h"
#include "services/report/resource_names.h"

namespace airr::report {
namespace {

constexpr char kResourceType[] = "airr.report.v1.NotificationRule";

std::string NameOf(const std::string& id) {
  return api::FormatResourceName(kNotificationRuleCollection, id);
}

absl::Status NotFound(const std::string& id) {
  return ResourceNotFound("NotificationRule", NameOf(id), kResourceType);
}

absl::StatusOr<v1::NotificationRule> ReadRule(pg::Tx& tx, const std::string& id, int32_t version) {
  pqxx::result rows = tx.exec_prepared(sql::kGetNotificationRule, id, version);
  if (rows.empty()) {
    if (version != 0) {
      return ResourceNotFound("NotificationRule", absl::StrCat(NameOf(id), " version ", version),
                              kResourceType);
    }
    return NotFound(id);
  }
  return NotificationRuleFromRow(rows[0]);
}

// INVALID_ARGUMENT on "rule.previous_stage_rule" unless it names a rule the tenant sees.
absl::Status CheckPreviousStage(pg::Tx& tx, const v1::NotificationRule& rule,
                                const std::string& own_id) {
  if (rule.clock_start() != v1::CLOCK_START_PREVIOUS_STAGE_SENT) {
    return absl::OkStatus();
  }
  const std::string prev = RuleIdOf(rule.previous_stage_rule());
  if (prev == own_id) {
    return InvalidField("rule.previous_stage_rule", "must name another rule, not the rule itself");
  }
  if (tx.exec_prepared(sql::kNotificationRuleIdExists, prev).empty()) {
    return InvalidField("rule.previous_stage_rule",
                        absl::StrCat("must name an existing rule; ", rule.previous_stage_rule(),
                                     " does not exist"));
  }
  return absl::OkStatus();
}

void Lock(pg::Tx& tx, const std::string& id) {
  tx.exec_prepared(sql::kLockNotificationKey, NameOf(id));
}

void Insert(pg::Tx& tx, const std::string& id, int32_t version, const v1::NotificationRule& rule) {
  std::vector<std::string> params = {id, absl::StrCat(version)};
  std::vector<std::string> fields = NotificationRuleParams(rule);
  params.insert(params.end(), fields.begin(), fields.end());
  tx.exec_prepared(sql::kInsertNotificationRule, pqxx::prepare::make_dynamic_params(params));
}

}  // namespace

absl::StatusOr<RulePage> PgNotificationRuleStore::List(const RequestScope& scope,
                                                       const RuleListQuery& query) {
  RulePage page;
  AIRR_RETURN_IF_ERROR(pg::RunInTx(pool_, pg::TxScopeOf(scope), [&](pg::Tx& tx) {
    const std::string regime =
        query.regime == v1::REGIME_UNSPECIFIED ? "" : pg::EnumParam(query.regime);
    pqxx::result rows =
        tx.exec_prepared(sql::kListNotificationRules, regime, query.all_versions,
                         query.after ? query.after->id : std::string(),
                         query.after ? query.after->version : 0, query.page_size + 1);
    const size_t keep = std::min<size_t>(rows.size(), static_cast<size_t>(query.page_size));
    for (size_t i = 0; i < keep; ++i) {
      page.rules.push_back(NotificationRuleFromRow(rows[i]));
    }
    if (rows.size() > keep && keep > 0) {
      page.next = RuleCursor{RuleIdOf(page.rules.back().name()), page.rules.back().version()};
    }
    return absl::OkStatus();
  }));
  return page;
}

absl::StatusOr<v1::NotificationRule> PgNotificationRuleStore::Get(const RequestScope& scope,
                                                                  const std::string& id,
                                                                  int32_t version) {
  v1::NotificationRule rule;
  AIRR_RETURN_IF_ERROR(pg::RunInTx(pool_, pg::TxScopeOf(scope), [&](pg::Tx& tx) -> absl::Status {
    AIRR_ASSIGN_OR_RETURN(rule, ReadRule(tx, id, version));
    return absl::OkStatus();
  }));
  return rule;
}

absl::StatusOr<v1::NotificationRule> PgNotificationRuleStore::Create(
    const RequestScope& scope, const std::string& id, const v1::NotificationRule& rule) {
  v1::NotificationRule created;
  absl::Status status = pg::RunInTx(pool_, pg::TxScopeOf(scope), [&](pg::Tx& tx) -> absl::Status {
    Lock(tx, id);
    if (!tx.exec_prepared(sql::kNotificationRuleIdExists, id).empty()) {
      return absl::AlreadyExistsError("taken");
    }
    AIRR_RETURN_IF_ERROR(CheckPreviousStage(tx, rule, id));
    Insert(tx, id, 1, rule);
    AIRR_ASSIGN_OR_RETURN(created, ReadRule(tx, id, 1));
    pg::RecordChange(tx, scope, created.name(), "report.notification_rule.created", nullptr,
                     created);
    return absl::OkStatus();
  });
  if (absl::IsAlreadyExists(status)) {
    // Seeded ids are taken for every tenant; a concurrent create of the same id lands here too.
    return ErrorWithReason(absl::StatusCode::kAlreadyExists,
                           absl::StrCat("NotificationRule ", NameOf(id), " already exists"),
                           "RESOURCE_EXISTS", {{"resource_type", kResourceType}});
  }
  AIRR_RETURN_IF_ERROR(status);
  return created;
}

absl::StatusOr<v1::NotificationRule> PgNotificationRuleStore::Update(
    const RequestScope& scope, const std::string& id, std::optional<int64_t> expected_version,
    absl::Time now, const std::function<absl::Status(v1::NotificationRule&)>& change) {
  v1::NotificationRule updated;
  AIRR_RETURN_IF_ERROR(pg::RunInTx(pool_, pg::TxScopeOf(scope), [&](pg::Tx& tx) -> absl::Status {
    Lock(tx, id);
    AIRR_ASSIGN_OR_RETURN(v1::NotificationRule latest, ReadRule(tx, id, 0));
    if (!latest.tenant_defined()) {
      return ErrorWithReason(absl::StatusCode::kFailedPrecondition,
                             absl::StrCat("NotificationRule ", NameOf(id),
                                          " is seeded and cannot be changed; disable it with "
                                          "SetNotificationRuleEnabled and add a rule of your own"),
                             "SEEDED_RULE", {{"rule", NameOf(id)}});
    }
    AIRR_RETURN_IF_ERROR(api::CheckEtagVersion(expected_version, latest.version(), NameOf(id)));
    v1::NotificationRule next = latest;
    AIRR_RETURN_IF_ERROR(change(next));
    AIRR_RETURN_IF_ERROR(CheckPreviousStage(tx, next, id));
    tx.exec_prepared(sql::kCloseNotificationRuleVersion, id, latest.version(), pg::TimeText(now));
    const int32_t version = latest.version() + 1;
    Insert(tx, id, version, next);
    AIRR_ASSIGN_OR_RETURN(updated, ReadRule(tx, id, version));
    pg::RecordChange(tx, scope, updated.name(), "report.notification_rule.updated", &latest,
                     updated);
    return absl::OkStatus();
  }));
  return updated;
}

absl::StatusOr<v1::NotificationRule> PgNotificationRuleStore::SetEnabled(
    const RequestScope& scope, const std::string& id, bool enabled, const std::string& reason) {
  v1::NotificationRule result;
  AIRR_RETURN_IF_ERROR(pg::RunInTx(pool_, pg::TxScopeOf(scope), [&](pg::Tx& tx) -> absl::Status {
    Lock(tx, id);
    AIRR_ASSIGN_OR_RETURN(v1::NotificationRule before, ReadRule(tx, id, 0));
    tx.exec_prepared(sql::kUpsertNotificationRuleSetting, id, enabled, reason, scope.actor);
    AIRR_ASSIGN_OR_RETURN(result, ReadRule(tx, id, 0));
    pg::RecordChange(
        tx, scope, result.name(),
        enabled ? "report.notification_rule.enabled" : "report.notification_rule.disabled", &before,
        result);
    return absl::OkStatus();
  }));
  return result;
}

}  // namespace airr::report
