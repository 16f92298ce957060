#include "services/report/pg_notification_store.h"

#include <algorithm>
#include <pqxx/pqxx>

#include "absl/strings/str_cat.h"
#include "airr/sql/queries.h"
#include "libs/api/etag.h"
#include "libs/api/resource_name.h"
#include "libs/api/timestamps.h"
#include "libs/common/errors.h"
#include "libs/common/status_macros.h"
#include "libs/pg/mutation_log.h"
#include "libs/pg/rows.h"
#include "libs/pg/tx.h"
#include "services/report/incident_facts_store.h"
#include "services/report/notification_rows.h"
#include "services/report/resource_names.h"

namespace airr::report {
namespace {

constexpr char kResourceType[] = "airr.report.v1.Notification";

std::string NameOf(const std::string& incident_id, const std::string& id) {
  return api::FormatChildResourceName(kIncidentCollection, incident_id, kNotificationCollection,
                                      id);
}

absl::StatusOr<v1::Notification> ReadOne(pg::Tx& tx, const char* query,
                                         const std::string& incident_id, const std::string& id,
                                         int64_t* version) {
  pqxx::result rows = tx.exec_prepared(query, incident_id, id);
  if (rows.empty()) {
    return ResourceNotFound("Notification", NameOf(incident_id, id), kResourceType);
  }
  return NotificationFromRow(rows[0], version);
}

std::vector<v1::Notification> ReadAll(pg::Tx& tx, const std::string& incident_id) {
  std::vector<v1::Notification> out;
  for (const auto& row : tx.exec_prepared(sql::kListIncidentNotifications, incident_id)) {
    int64_t version = 0;
    out.push_back(NotificationFromRow(row, &version));
  }
  return out;
}

void Update(pg::Tx& tx, const std::string& incident_id, const std::string& id,
            const v1::Notification& n) {
  std::vector<std::string> params = {incident_id, id};
  std::vector<std::string> fields = NotificationUpdateParams(n);
  params.insert(params.end(), fields.begin(), fields.end());
  tx.exec_prepared(sql::kUpdateNotification, pqxx::prepare::make_dynamic_params(params));
}

void Insert(pg::Tx& tx, const std::string& incident_id, const std::string& id,
            const v1::Notification& n) {
  tx.exec_prepared(sql::kInsertNotification, incident_id, id, RuleIdOf(n.rule()), n.rule_version(),
                   pg::EnumParam(n.regime()), n.title(), n.citation(), pg::EnumParam(n.stage()),
                   pg::EnumParam(n.recipient_type()), n.recipient(), n.channel(),
                   pg::EnumParam(n.clock_start()), pg::TimestampText(&n.clock_start_time()),
                   n.provisional(), pg::TimestampText(&n.due_time()),
                   pg::TimestampText(n.has_target_time() ? &n.target_time() : nullptr),
                   n.statutory_deadline(), pg::TimestampText(&n.evaluate_time()));
}

const char* Topic(ObligationChange::Kind kind) {
  switch (kind) {
    case ObligationChange::Kind::kAdded:
      return "report.notification.added";
    case ObligationChange::Kind::kChanged:
      return "report.notification.changed";
    case ObligationChange::Kind::kNotRequired:
      return "report.notification.not_required";
    case ObligationChange::Kind::kRevived:
      return "report.notification.revived";
  }
  return "report.notification.changed";
}

}  // namespace

absl::StatusOr<EvaluationOutcome> PgNotificationStore::Evaluate(const RequestScope& scope,
                                                                const std::string& incident_id,
                                                                const NotificationPlanner& plan) {
  EvaluationOutcome outcome;
  AIRR_RETURN_IF_ERROR(pg::RunInTx(pool_, pg::TxScopeOf(scope), [&](pg::Tx& tx) -> absl::Status {
    outcome = EvaluationOutcome();
    // Concurrent evaluations of one incident queue here, so each plans from what the previous
    // one wrote (and the unique (incident, rule) key backs this up).
    tx.exec_prepared(sql::kLockNotificationKey,
                     absl::StrCat(kNotificationCollection, "/",
                                  api::FormatResourceName(kIncidentCollection, incident_id)));
    if (tx.exec_prepared(sql::kNotificationIncidentExists, incident_id).empty()) {
      return IncidentNotFound(incident_id);
    }
    std::vector<v1::NotificationRule> rules;
    for (const auto& row : tx.exec_prepared(sql::kListNotificationRulesForEvaluation)) {
      rules.push_back(NotificationRuleFromRow(row));
    }
    const std::vector<v1::Notification> existing = ReadAll(tx, incident_id);
    NotificationPlan planned = plan(rules, existing);
    for (const ObligationChange& change : planned.changes) {
      auto name = api::ParseChildResourceName(change.after.name(), kIncidentCollection,
                                              kNotificationCollection, "name");
      if (!name.ok() || name->parent_id != incident_id) {
        return absl::InternalError("planned obligation of another incident");
      }
      if (change.kind == ObligationChange::Kind::kAdded) {
        Insert(tx, incident_id, name->id, change.after);
      } else {
        Update(tx, incident_id, name->id, change.after);
      }
      int64_t version = 0;
      AIRR_ASSIGN_OR_RETURN(v1::Notification stored,
                            ReadOne(tx, sql::kGetNotification, incident_id, name->id, &version));
      pg::RecordChange(tx, scope, stored.name(), Topic(change.kind),
                       change.kind == ObligationChange::Kind::kAdded ? nullptr : &change.before,
                       stored);
    }
    outcome.changes = std::move(planned.changes);
    outcome.notifications = ReadAll(tx, incident_id);
    return absl::OkStatus();
  }));
  return outcome;
}

absl::StatusOr<v1::Notification> PgNotificationStore::Get(const RequestScope& scope,
                                                          const std::string& incident_id,
                                                          const std::string& id) {
  v1::Notification found;
  AIRR_RETURN_IF_ERROR(pg::RunInTx(pool_, pg::TxScopeOf(scope), [&](pg::Tx& tx) -> absl::Status {
    int64_t version = 0;
    AIRR_ASSIGN_OR_RETURN(found, ReadOne(tx, sql::kGetNotification, incident_id, id, &version));
    return absl::OkStatus();
  }));
  return found;
}

absl::StatusOr<NotificationPage> PgNotificationStore::List(const RequestScope& scope,
                                                           const NotificationListQuery& query) {
  std::vector<std::string> stored_states;
  bool pending = false;
  bool overdue = false;
  for (v1::NotificationState state : query.states) {
    if (state == v1::NOTIFICATION_STATE_PENDING) {
      pending = true;
    } else if (state == v1::NOTIFICATION_STATE_OVERDUE) {
      overdue = true;
    } else {
      stored_states.push_back(pg::EnumParam(state));
    }
  }
  const bool all = query.states.empty();
  NotificationPage page;
  AIRR_RETURN_IF_ERROR(pg::RunInTx(pool_, pg::TxScopeOf(scope), [&](pg::Tx& tx) -> absl::Status {
    page = NotificationPage();
    if (!query.incident_id.empty() &&
        tx.exec_prepared(sql::kNotificationIncidentExists, query.incident_id).empty()) {
      return IncidentNotFound(query.incident_id);
    }
    pqxx::result rows =
        tx.exec_prepared(sql::kListNotifications, query.incident_id,
                         query.due_before ? pg::TimeText(*query.due_before) : std::string(),
                         pg::ToTextArray(stored_states), pending, overdue, pg::TimeText(query.now),
                         all, query.after ? absl::StrCat(query.after->due_time_us) : std::string(),
                         query.after ? query.after->incident_id : std::string(),
                         query.after ? query.after->id : std::string(), query.page_size + 1);
    const size_t keep = std::min<size_t>(rows.size(), static_cast<size_t>(query.page_size));
    for (size_t i = 0; i < keep; ++i) {
      int64_t version = 0;
      page.notifications.push_back(NotificationFromRow(rows[i], &version));
    }
    if (rows.size() > keep && keep > 0) {
      const pqxx::row& last = rows[keep - 1];
      page.next = NotificationCursor{last["due_time_us"].as<int64_t>(), last["incident_id"].c_str(),
                                     last["id"].c_str()};
    }
    return absl::OkStatus();
  }));
  return page;
}

absl::StatusOr<v1::Notification> PgNotificationStore::Mutate(
    const RequestScope& scope, const std::string& incident_id, const std::string& id,
    std::optional<int64_t> expected_version,
    const std::function<absl::StatusOr<std::string>(v1::Notification&)>& change) {
  v1::Notification result;
  AIRR_RETURN_IF_ERROR(pg::RunInTx(pool_, pg::TxScopeOf(scope), [&](pg::Tx& tx) -> absl::Status {
    int64_t version = 0;
    tx.exec_prepared(sql::kLockNotification, incident_id, id);
    AIRR_ASSIGN_OR_RETURN(v1::Notification current,
                          ReadOne(tx, sql::kGetNotification, incident_id, id, &version));
    AIRR_RETURN_IF_ERROR(api::CheckEtagVersion(expected_version, version, NameOf(incident_id, id)));
    v1::Notification next = current;
    AIRR_ASSIGN_OR_RETURN(std::string topic, change(next));
    Update(tx, incident_id, id, next);
    AIRR_ASSIGN_OR_RETURN(result, ReadOne(tx, sql::kGetNotification, incident_id, id, &version));
    pg::RecordChange(tx, scope, result.name(), topic, &current, result);
    return absl::OkStatus();
  }));
  return result;
}

}  // namespace airr::report
