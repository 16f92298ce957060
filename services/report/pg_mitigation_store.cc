#include "services/report/pg_mitigation_store.h"

#include <algorithm>
#include <pqxx/pqxx>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "airr/sql/queries.h"
#include "libs/api/etag.h"
#include "libs/common/errors.h"
#include "libs/common/status_macros.h"
#include "libs/pg/mutation_log.h"
#include "libs/pg/rows.h"
#include "libs/pg/tx.h"
#include "services/report/incident_facts_store.h"
#include "services/report/mitigation_fields.h"
#include "services/report/mitigation_validator.h"

namespace airr::report {
namespace {

constexpr char kResourceType[] = "airr.report.v1.Mitigation";

absl::Status NotFound(const std::string& incident_id, const std::string& id) {
  return ResourceNotFound("Mitigation", MitigationName(incident_id, id), kResourceType);
}

// A stored mitigation as the API shows it (without `overdue`), with its row version.
MitigationRecord RecordFromRow(const pqxx::row& row, int64_t* version) {
  const std::string incident_id = row["incident_id"].c_str();
  MitigationRecord record;
  v1::Mitigation& m = record.mitigation;
  m.set_name(MitigationName(incident_id, row["id"].c_str()));
  m.set_violation(MitigationViolationName(incident_id, row["violation_id"].c_str()));
  m.set_kind(pg::EnumColumn<v1::MitigationKind>(row["kind"]));
  m.set_title(row["title"].c_str());
  m.set_description(row["description"].c_str());
  m.set_owner(row["owner"].c_str());
  *m.mutable_due_time() = pg::TimestampFromMicros(row["due_time_us"]);
  m.set_state(pg::EnumColumn<v1::MitigationState>(row["state"]));
  if (!row["begin_time_us"].is_null()) {
    *m.mutable_begin_time() = pg::TimestampFromMicros(row["begin_time_us"]);
  }
  if (!row["complete_time_us"].is_null()) {
    *m.mutable_complete_time() = pg::TimestampFromMicros(row["complete_time_us"]);
  }
  m.set_completed_by(row["completed_by"].c_str());
  m.set_completion_note(row["completion_note"].c_str());
  m.set_verifier(row["verifier"].c_str());
  if (!row["verify_time_us"].is_null()) {
    *m.mutable_verify_time() = pg::TimestampFromMicros(row["verify_time_us"]);
  }
  m.set_verification_method(row["verification_method"].c_str());
  if (!row["cancel_time_us"].is_null()) {
    *m.mutable_cancel_time() = pg::TimestampFromMicros(row["cancel_time_us"]);
  }
  m.set_cancel_reason(row["cancel_reason"].c_str());
  *m.mutable_create_time() = pg::TimestampFromMicros(row["create_time_us"]);
  *m.mutable_update_time() = pg::TimestampFromMicros(row["update_time_us"]);
  *version = row["version"].as<int64_t>();
  m.set_etag(api::FormatEtag(*version));
  record.completed_by_id = row["completed_by_id"].c_str();
  record.verifier_id = row["verifier_id"].c_str();
  return record;
}

// Reads the mitigation `query` finds by `params`; NOT_FOUND (for `incident_id`/`id`) when there
// is none.
template <typename... Params>
absl::Status ReadOne(pg::Tx& tx, const char* query, const std::string& incident_id,
                     const std::string& id, MitigationRecord* out, int64_t* version,
                     Params&&... params) {
  pqxx::result rows = tx.exec_prepared(query, std::forward<Params>(params)...);
  if (rows.empty()) {
    return NotFound(incident_id, id);
  }
  *out = RecordFromRow(rows[0], version);
  return absl::OkStatus();
}

absl::Status CheckIncident(pg::Tx& tx, const std::string& incident_id) {
  if (tx.exec_prepared(sql::kMitigationIncidentExists, incident_id).empty()) {
    return IncidentNotFound(incident_id);
  }
  return absl::OkStatus();
}

// INVALID_ARGUMENT on "mitigation.violation" unless the incident has the named violation (or none
// is named).
absl::Status CheckViolation(pg::Tx& tx, const std::string& incident_id,
                            const v1::Mitigation& mitigation) {
  if (mitigation.violation().empty()) {
    return absl::OkStatus();
  }
  if (tx.exec_prepared(sql::kMitigationViolationExists, incident_id,
                       ViolationIdOf(mitigation.violation()))
          .empty()) {
    return InvalidField("mitigation.violation",
                        absl::StrCat("must name a violation of incidents/", incident_id, "; ",
                                     mitigation.violation(), " does not exist"));
  }
  return absl::OkStatus();
}

std::string OptionalTime(bool has, const google::protobuf::Timestamp& ts) {
  return has ? pg::TimestampText(&ts) : "";
}

// Writes `record` over mitigation (`incident_id`, `id`).
void WriteRecord(pg::Tx& tx, const std::string& incident_id, const std::string& id,
                 const MitigationRecord& record) {
  const v1::Mitigation& m = record.mitigation;
  tx.exec_prepared0(sql::kUpdateMitigation, incident_id, id, ViolationIdOf(m.violation()),
                    pg::EnumParam(m.kind()), m.title(), m.description(), m.owner(),
                    pg::TimestampText(&m.due_time()), pg::EnumParam(m.state()),
                    OptionalTime(m.has_begin_time(), m.begin_time()),
                    OptionalTime(m.has_complete_time(), m.complete_time()), m.completed_by(),
                    record.completed_by_id, m.completion_note(), m.verifier(), record.verifier_id,
                    OptionalTime(m.has_verify_time(), m.verify_time()), m.verification_method(),
                    OptionalTime(m.has_cancel_time(), m.cancel_time()), m.cancel_reason());
}

// "<incident id>/<id>": the tie-breaker of the list order in one cursor value (ids never contain
// '/').
std::string TieValue(const std::string& incident_id, const std::string& id) {
  return absl::StrCat(incident_id, "/", id);
}

}  // namespace

absl::StatusOr<v1::Mitigation> PgMitigationStore::Create(const RequestScope& scope,
                                                         const std::string& incident_id,
                                                         const v1::Mitigation& mitigation,
                                                         const std::string& id,
                                                         const std::string& request_id) {
  MitigationRecord created;
  auto create = [&](pg::Tx& tx) -> absl::Status {
    int64_t version = 0;
    AIRR_RETURN_IF_ERROR(CheckIncident(tx, incident_id));
    if (!request_id.empty()) {
      // The same request ran before: answer with what it created, write nothing.
      absl::Status found = ReadOne(tx, sql::kFindMitigationByRequest, incident_id, id, &created,
                                   &version, request_id);
      if (found.ok() || !absl::IsNotFound(found)) {
        return found;
      }
    }
    AIRR_RETURN_IF_ERROR(CheckViolation(tx, incident_id, mitigation));
    pqxx::result inserted = tx.exec_prepared(
        sql::kInsertMitigation, incident_id, id, ViolationIdOf(mitigation.violation()),
        pg::EnumParam(mitigation.kind()), mitigation.title(), mitigation.description(),
        mitigation.owner(), pg::TimestampText(&mitigation.due_time()),
        pg::EnumParam(v1::MITIGATION_STATE_PLANNED), request_id);
    if (inserted.empty()) {
      // A concurrent request with the same id committed between the lookup and the insert.
      return ReadOne(tx, sql::kFindMitigationByRequest, incident_id, id, &created, &version,
                     request_id);
    }
    AIRR_RETURN_IF_ERROR(
        ReadOne(tx, sql::kGetMitigation, incident_id, id, &created, &version, incident_id, id));
    pg::RecordChange(tx, scope, created.mitigation.name(), "report.mitigation.created", nullptr,
                     created.mitigation, request_id);
    return absl::OkStatus();
  };
  absl::Status status = pg::RunInTx(pool_, pg::TxScopeOf(scope), create);
  if (absl::IsAlreadyExists(status) && !request_id.empty()) {
    // A concurrent retry of the same request may have committed first: its result is the answer.
    status = pg::RunInTx(pool_, pg::TxScopeOf(scope), [&](pg::Tx& tx) -> absl::Status {
      int64_t version = 0;
      absl::Status found = ReadOne(tx, sql::kFindMitigationByRequest, incident_id, id, &created,
                                   &version, request_id);
      return found.ok() ? found : absl::AlreadyExistsError("taken by another request");
    });
  }
  if (absl::IsAlreadyExists(status)) {
    return ErrorWithReason(
        absl::StatusCode::kAlreadyExists,
        absl::StrCat("Mitigation ", MitigationName(incident_id, id), " already exists"),
        "RESOURCE_EXISTS", {{"resource_type", kResourceType}});
  }
  if (!status.ok()) {
    return status;
  }
  return created.mitigation;
}

absl::StatusOr<v1::Mitigation> PgMitigationStore::Get(const RequestScope& scope,
                                                      const std::string& incident_id,
                                                      const std::string& id) {
  MitigationRecord found;
  AIRR_RETURN_IF_ERROR(pg::RunInTx(pool_, pg::TxScopeOf(scope), [&](pg::Tx& tx) {
    int64_t version = 0;
    return ReadOne(tx, sql::kGetMitigation, incident_id, id, &found, &version, incident_id, id);
  }));
  return found.mitigation;
}

absl::StatusOr<MitigationPage> PgMitigationStore::List(const RequestScope& scope,
                                                       const MitigationPageQuery& query) {
  std::vector<std::string> states;
  for (v1::MitigationState state : query.states) {
    states.push_back(pg::EnumParam(state));
  }
  std::string after_due, after_incident, after_id;
  if (query.after) {
    after_due = query.after->sort_value;
    std::pair<std::string, std::string> tie =
        absl::StrSplit(query.after->tie_value, absl::MaxSplits('/', 1));
    after_incident = tie.first;
    after_id = tie.second;
  }
  MitigationPage page;
  AIRR_RETURN_IF_ERROR(pg::RunInTx(pool_, pg::TxScopeOf(scope), [&](pg::Tx& tx) -> absl::Status {
    if (!query.incident_id.empty()) {
      AIRR_RETURN_IF_ERROR(CheckIncident(tx, query.incident_id));
    }
    pqxx::result rows = tx.exec_prepared(
        sql::kListMitigations, query.incident_id, pg::ToTextArray(states), query.owner,
        query.overdue_only ? "true" : "false", pg::TimeText(query.now), after_due, after_incident,
        after_id, static_cast<int64_t>(query.page_size) + 1);
    const size_t keep = std::min<size_t>(rows.size(), static_cast<size_t>(query.page_size));
    for (size_t i = 0; i < keep; ++i) {
      int64_t version = 0;
      page.mitigations.push_back(RecordFromRow(rows[i], &version).mitigation);
    }
    if (rows.size() > keep && keep > 0) {
      const pqxx::row& last = rows[keep - 1];
      page.next = api::PageCursor{pg::TimestampText(&page.mitigations.back().due_time()),
                                  TieValue(last["incident_id"].c_str(), last["id"].c_str())};
    }
    return absl::OkStatus();
  }));
  return page;
}

absl::StatusOr<v1::Mitigation> PgMitigationStore::Mutate(
    const RequestScope& scope, const std::string& incident_id, const std::string& id,
    std::optional<int64_t> expected_version,
    const std::function<absl::StatusOr<std::string>(MitigationRecord&)>& change) {
  MitigationRecord result;
  AIRR_RETURN_IF_ERROR(pg::RunInTx(pool_, pg::TxScopeOf(scope), [&](pg::Tx& tx) -> absl::Status {
    MitigationRecord current;
    int64_t version = 0;
    tx.exec_prepared(sql::kLockMitigation, incident_id, id);
    AIRR_RETURN_IF_ERROR(
        ReadOne(tx, sql::kGetMitigation, incident_id, id, &current, &version, incident_id, id));
    AIRR_RETURN_IF_ERROR(api::CheckEtagVersion(
        expected_version, version, absl::StrCat("Mitigation ", MitigationName(incident_id, id))));
    MitigationRecord next = current;
    AIRR_ASSIGN_OR_RETURN(std::string topic, change(next));
    if (next.mitigation.violation() != current.mitigation.violation()) {
      AIRR_RETURN_IF_ERROR(CheckViolation(tx, incident_id, next.mitigation));
    }
    WriteRecord(tx, incident_id, id, next);
    AIRR_RETURN_IF_ERROR(
        ReadOne(tx, sql::kGetMitigation, incident_id, id, &result, &version, incident_id, id));
    pg::RecordChange(tx, scope, result.mitigation.name(), topic, &current.mitigation,
                     result.mitigation);
    return absl::OkStatus();
  }));
  return result.mitigation;
}

}  // namespace airr::report
