#include "services/incident/pg_incident_store.h"

#include <pqxx/pqxx>

#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "airr/sql/queries.h"
#include "libs/api/etag.h"
#include "libs/api/resource_name.h"
#include "libs/common/errors.h"
#include "libs/common/status_macros.h"
#include "libs/pg/mutation_log.h"
#include "libs/pg/page_query.h"
#include "libs/pg/rows.h"
#include "libs/pg/tx.h"
#include "services/incident/incident_rows.h"

namespace airr::incident {
namespace {

constexpr char kResourceType[] = "airr.incident.v1.Incident";

std::string NameOf(const std::string& id) {
  return api::FormatResourceName(kIncidentCollection, id);
}

absl::Status NotFound(const std::string& id) {
  return ResourceNotFound("Incident", NameOf(id), kResourceType);
}

// Reads the one incident `query` finds by `key`; NOT_FOUND (for `id`) when there is none.
absl::Status ReadOne(pg::Tx& tx, const char* query, const std::string& key, const std::string& id,
                     v1::Incident* out, int64_t* version) {
  pqxx::result rows = tx.exec_prepared(query, key);
  if (rows.empty()) {
    return NotFound(id);
  }
  *out = IncidentFromRow(rows[0], version);
  return absl::OkStatus();
}

// INVALID_ARGUMENT on "incident.ai_system" unless the tenant has the incident's AI system.
absl::Status CheckAiSystem(pg::Tx& tx, const v1::Incident& incident) {
  const std::string id(absl::StripPrefix(incident.ai_system(), "aiSystems/"));
  if (tx.exec_prepared(sql::kFindAiSystems, pg::ToTextArray(std::vector<std::string>{id}))
          .empty()) {
    return InvalidField("incident.ai_system",
                        absl::StrCat("must name an AI system of this tenant; ",
                                     incident.ai_system(), " does not exist"));
  }
  return absl::OkStatus();
}

pqxx::result ExecWithFields(pg::Tx& tx, const char* query, const std::string& id,
                            const v1::Incident& incident, std::vector<std::string> extra = {}) {
  std::vector<std::string> params = {id};
  std::vector<std::string> fields = IncidentFieldParams(incident);
  params.insert(params.end(), fields.begin(), fields.end());
  params.insert(params.end(), extra.begin(), extra.end());
  return tx.exec_prepared(query, pqxx::prepare::make_dynamic_params(params));
}

// Appends `event` to incident `id`'s timeline as `actor`; returns it as stored.
v1::TimelineEvent AppendEvent(pg::Tx& tx, const std::string& id, const v1::TimelineEvent& event,
                              const std::string& actor) {
  pqxx::result r =
      tx.exec_prepared(sql::kAppendTimelineEvent, id, pg::EnumParam(event.type()),
                       pg::TimestampText(event.has_occur_time() ? &event.occur_time() : nullptr),
                       actor, event.text(), pg::EnumParam(event.from_state()),
                       pg::EnumParam(event.to_state()), pg::LabelsToJson(event.attributes()));
  v1::TimelineEvent stored = event;
  stored.set_name(TimelineEventName(id, r[0]["seq"].as<int64_t>()));
  stored.set_actor(actor);
  *stored.mutable_occur_time() = pg::TimestampFromMicros(r[0]["occur_time_us"]);
  *stored.mutable_create_time() = pg::TimestampFromMicros(r[0]["create_time_us"]);
  return stored;
}

// Writes `next` over incident `id` (locked, read as `before`), appends the change's event and
// records the audit row and outbox event; returns the stored incident.
absl::StatusOr<v1::Incident> WriteChange(pg::Tx& tx, const RequestScope& scope,
                                         const std::string& id, const v1::Incident& before,
                                         const v1::Incident& next, const IncidentChange& change) {
  if (next.ai_system() != before.ai_system()) {
    AIRR_RETURN_IF_ERROR(CheckAiSystem(tx, next));
  }
  ExecWithFields(tx, sql::kUpdateIncident, id, next);
  v1::Incident stored;
  int64_t version = 0;
  AIRR_RETURN_IF_ERROR(ReadOne(tx, sql::kGetIncident, id, id, &stored, &version));
  AppendEvent(tx, id, change.event, scope.actor);
  pg::RecordChange(tx, scope, stored.name(), change.topic, &before, stored);
  return stored;
}

// Locks incident `id` and checks the caller's expected version.
absl::Status LockForChange(pg::Tx& tx, const std::string& id, std::optional<int64_t> expected,
                           v1::Incident* current) {
  int64_t version = 0;
  tx.exec_prepared(sql::kLockIncident, id);
  AIRR_RETURN_IF_ERROR(ReadOne(tx, sql::kGetIncident, id, id, current, &version));
  return api::CheckEtagVersion(expected, version, absl::StrCat("Incident ", NameOf(id)));
}

}  // namespace

absl::StatusOr<v1::Incident> PgIncidentStore::Create(const RequestScope& scope,
                                                     const v1::Incident& incident,
                                                     const std::string& id,
                                                     const std::string& request_id) {
  v1::Incident created;
  auto create = [&](pg::Tx& tx) -> absl::Status {
    int64_t version = 0;
    AIRR_RETURN_IF_ERROR(CheckAiSystem(tx, incident));
    pqxx::result inserted = ExecWithFields(tx, sql::kInsertIncident, id, incident, {request_id});
    if (inserted.empty()) {
      // The same request ran before: answer with what it created, write nothing.
      return ReadOne(tx, sql::kFindIncidentByRequest, request_id, id, &created, &version);
    }
    const std::string new_id = inserted[0][0].c_str();
    AIRR_RETURN_IF_ERROR(ReadOne(tx, sql::kGetIncident, new_id, new_id, &created, &version));
    v1::TimelineEvent event;
    event.set_type(v1::TIMELINE_EVENT_TYPE_CREATED);
    event.set_to_state(created.state());
    event.set_text(created.title());
    AppendEvent(tx, new_id, event, scope.actor);
    pg::RecordChange(tx, scope, created.name(), "incident.created", nullptr, created, request_id);
    return absl::OkStatus();
  };
  absl::Status status = pg::RunInTx(pool_, pg::TxScopeOf(scope), create);
  if (absl::IsAlreadyExists(status) && !request_id.empty()) {
    // A concurrent retry of the same request may have committed first: its result is the answer.
    status = pg::RunInTx(pool_, pg::TxScopeOf(scope), [&](pg::Tx& tx) -> absl::Status {
      int64_t version = 0;
      absl::Status found =
          ReadOne(tx, sql::kFindIncidentByRequest, request_id, id, &created, &version);
      return found.ok() ? found : absl::AlreadyExistsError("taken by another request");
    });
  }
  if (absl::IsAlreadyExists(status)) {
    return ErrorWithReason(absl::StatusCode::kAlreadyExists,
                           absl::StrCat("Incident ", NameOf(id), " already exists"),
                           "RESOURCE_EXISTS", {{"resource_type", kResourceType}});
  }
  if (!status.ok()) {
    return status;
  }
  return created;
}

absl::StatusOr<v1::Incident> PgIncidentStore::Get(const RequestScope& scope,
                                                  const std::string& id) {
  v1::Incident found;
  AIRR_RETURN_IF_ERROR(pg::RunInTx(pool_, pg::TxScopeOf(scope), [&](pg::Tx& tx) {
    int64_t version = 0;
    return ReadOne(tx, sql::kGetIncident, id, id, &found, &version);
  }));
  return found;
}

absl::StatusOr<IncidentPage> PgIncidentStore::List(const RequestScope& scope,
                                                   const IncidentPageQuery& query) {
  const pg::PageStatement statement =
      pg::BuildPageStatement(sql::kListIncidentsTemplate, {pg::LimitParam(query.page_size)},
                             query.filter, query.order, query.after, query.page_size, "id");
  IncidentPage page;
  AIRR_RETURN_IF_ERROR(pg::RunInTx(pool_, pg::TxScopeOf(scope), [&](pg::Tx& tx) {
    page.next = pg::RunPage(tx, statement, [&](const pqxx::row& row) {
      int64_t version = 0;
      page.incidents.push_back(IncidentFromRow(row, &version));
    });
    return absl::OkStatus();
  }));
  return page;
}

absl::StatusOr<v1::Incident> PgIncidentStore::Mutate(
    const RequestScope& scope, const std::string& id, std::optional<int64_t> expected_version,
    const std::function<absl::StatusOr<IncidentChange>(v1::Incident&)>& change) {
  v1::Incident result;
  AIRR_RETURN_IF_ERROR(pg::RunInTx(pool_, pg::TxScopeOf(scope), [&](pg::Tx& tx) -> absl::Status {
    v1::Incident current;
    AIRR_RETURN_IF_ERROR(LockForChange(tx, id, expected_version, &current));
    v1::Incident next = current;
    AIRR_ASSIGN_OR_RETURN(IncidentChange what, change(next));
    AIRR_ASSIGN_OR_RETURN(result, WriteChange(tx, scope, id, current, next, what));
    return absl::OkStatus();
  }));
  return result;
}

absl::StatusOr<v1::Incident> PgIncidentStore::Merge(
    const RequestScope& scope, const std::string& id, const std::string& into_id,
    std::optional<int64_t> expected_version,
    const std::function<absl::StatusOr<std::pair<IncidentChange, IncidentChange>>(
        v1::Incident& merged, v1::Incident& survivor)>& change) {
  v1::Incident result;
  AIRR_RETURN_IF_ERROR(pg::RunInTx(pool_, pg::TxScopeOf(scope), [&](pg::Tx& tx) -> absl::Status {
    // Lock in id order, so two merges of the same pair in opposite directions cannot deadlock.
    v1::Incident merged;
    v1::Incident survivor;
    const bool merged_first = id < into_id;
    AIRR_RETURN_IF_ERROR(LockForChange(tx, merged_first ? id : into_id,
                                       merged_first ? expected_version : std::nullopt,
                                       merged_first ? &merged : &survivor));
    AIRR_RETURN_IF_ERROR(LockForChange(tx, merged_first ? into_id : id,
                                       merged_first ? std::nullopt : expected_version,
                                       merged_first ? &survivor : &merged));
    v1::Incident next_merged = merged;
    v1::Incident next_survivor = survivor;
    AIRR_ASSIGN_OR_RETURN(auto changes, change(next_merged, next_survivor));
    AIRR_ASSIGN_OR_RETURN(result, WriteChange(tx, scope, id, merged, next_merged, changes.first));
    AIRR_RETURN_IF_ERROR(
        WriteChange(tx, scope, into_id, survivor, next_survivor, changes.second).status());
    return absl::OkStatus();
  }));
  return result;
}

absl::StatusOr<v1::TimelineEvent> PgIncidentStore::AddTimelineEvent(
    const RequestScope& scope, const std::string& id, const v1::TimelineEvent& event) {
  v1::TimelineEvent stored;
  AIRR_RETURN_IF_ERROR(pg::RunInTx(pool_, pg::TxScopeOf(scope), [&](pg::Tx& tx) -> absl::Status {
    if (tx.exec_prepared(sql::kIncidentExists, id).empty()) {
      return NotFound(id);
    }
    stored = AppendEvent(tx, id, event, scope.actor);
    pg::RecordChange(tx, scope, stored.name(), "incident.timeline_event_added", nullptr, stored);
    return absl::OkStatus();
  }));
  return stored;
}

absl::StatusOr<TimelinePage> PgIncidentStore::ListTimelineEvents(const RequestScope& scope,
                                                                 const std::string& id,
                                                                 int64_t after, int page_size) {
  TimelinePage page;
  AIRR_RETURN_IF_ERROR(pg::RunInTx(pool_, pg::TxScopeOf(scope), [&](pg::Tx& tx) -> absl::Status {
    if (tx.exec_prepared(sql::kIncidentExists, id).empty()) {
      return NotFound(id);
    }
    pqxx::result rows = tx.exec_prepared(sql::kListTimelineEvents, id, after, page_size + 1);
    const size_t keep = std::min<size_t>(rows.size(), static_cast<size_t>(page_size));
    for (size_t i = 0; i < keep; ++i) {
      page.events.push_back(TimelineEventFromRow(rows[i], id));
    }
    if (rows.size() > keep && keep > 0) {
      page.next_after = rows[keep - 1]["seq"].as<int64_t>();
    }
    return absl::OkStatus();
  }));
  return page;
}

}  // namespace airr::incident
