#include "services/playbook/pg_playbook_store.h"

#include <algorithm>
#include <pqxx/pqxx>
#include <utility>

#include "absl/strings/str_cat.h"
#include "airr/sql/queries.h"
#include "google/protobuf/util/time_util.h"
#include "libs/api/etag.h"
#include "libs/common/errors.h"
#include "libs/common/status_macros.h"
#include "libs/pg/mutation_log.h"
#include "libs/pg/rows.h"
#include "libs/pg/tx.h"
#include "services/playbook/playbook_fields.h"
#include "services/playbook/playbook_json.h"
#include "services/playbook/resource_names.h"

namespace airr::playbook {
namespace {

using google::protobuf::util::TimeUtil;

constexpr char kResourceType[] = "airr.playbook.v1.Playbook";

absl::Status NotFound(const std::string& id) {
  return ResourceNotFound("Playbook", PlaybookName(id), kResourceType);
}

absl::Status Archived(const std::string& id) {
  return ErrorWithReason(absl::StatusCode::kFailedPrecondition,
                         absl::StrCat("Playbook ", PlaybookName(id), " is archived"), "ARCHIVED",
                         {{"playbook", PlaybookName(id)}});
}

// The definition of a stored version with the version's own fields; `id_column` names the
// playbook id column of the row.
absl::StatusOr<v1::Playbook> VersionFromRow(const pqxx::row& row, const char* id_column,
                                            const char* version_column) {
  AIRR_ASSIGN_OR_RETURN(v1::Playbook playbook,
                        PlaybookFromDefinitionJson(row["definition"].c_str()));
  playbook.set_name(PlaybookName(row[id_column].c_str()));
  playbook.set_version(row[version_column].as<int32_t>());
  playbook.set_change_note(row["change_note"].c_str());
  playbook.set_version_author(row["author"].c_str());
  *playbook.mutable_version_create_time() = pg::TimestampFromMicros(row["version_create_time_us"]);
  if (!row["archive_time_us"].is_null()) {
    *playbook.mutable_archive_time() = pg::TimestampFromMicros(row["archive_time_us"]);
  }
  *playbook.mutable_create_time() = pg::TimestampFromMicros(row["create_time_us"]);
  *playbook.mutable_update_time() = pg::TimestampFromMicros(row["update_time_us"]);
  return playbook;
}

// A playbook_rows row: the playbook at its current version, with its last drill and etag.
absl::StatusOr<v1::Playbook> PlaybookFromRow(const pqxx::row& row) {
  AIRR_ASSIGN_OR_RETURN(v1::Playbook playbook, VersionFromRow(row, "id", "current_version"));
  if (!row["last_drill_time_us"].is_null()) {
    *playbook.mutable_last_drill_time() = pg::TimestampFromMicros(row["last_drill_time_us"]);
  }
  playbook.set_etag(api::FormatEtag(playbook.version()));
  return playbook;
}

// Reads the playbook `query` finds by `id`; NOT_FOUND when there is none.
absl::StatusOr<v1::Playbook> ReadOne(pg::Tx& tx, const char* query, const std::string& id) {
  pqxx::result rows = tx.exec_prepared(query, id);
  if (rows.empty()) {
    return NotFound(id);
  }
  return PlaybookFromRow(rows[0]);
}

int64_t DrillIntervalSeconds(const v1::Playbook& definition) {
  return absl::ToInt64Seconds(DrillIntervalOf(definition));
}

void InsertVersion(pg::Tx& tx, const RequestScope& scope, const std::string& id, int32_t version,
                   const v1::Playbook& definition, const std::string& change_note, absl::Time now) {
  tx.exec_prepared0(sql::kInsertPlaybookVersion, id, version, PlaybookDefinitionJson(definition),
                    scope.actor, change_note, pg::TimeText(now));
}

// Locks the playbook and checks that it may be written: NOT_FOUND, ABORTED, FAILED_PRECONDITION
// (ARCHIVED).
absl::StatusOr<v1::Playbook> LockWritable(pg::Tx& tx, const std::string& id,
                                          std::optional<int64_t> expected_version) {
  tx.exec_prepared(sql::kLockPlaybook, id);
  AIRR_ASSIGN_OR_RETURN(v1::Playbook current, ReadOne(tx, sql::kGetPlaybook, id));
  AIRR_RETURN_IF_ERROR(api::CheckEtagVersion(expected_version, current.version(),
                                             absl::StrCat("Playbook ", current.name())));
  if (current.has_archive_time()) {
    return Archived(id);
  }
  return current;
}

}  // namespace

absl::StatusOr<v1::Playbook> PgPlaybookStore::Create(const RequestScope& scope,
                                                     const std::string& id,
                                                     const v1::Playbook& definition,
                                                     absl::Time now) {
  const v1::Playbook stored = DefinitionOf(definition);
  v1::Playbook created;
  AIRR_RETURN_IF_ERROR(pg::RunInTx(pool_, pg::TxScopeOf(scope), [&](pg::Tx& tx) -> absl::Status {
    pqxx::result inserted = tx.exec_prepared(sql::kInsertPlaybook, id, stored.display_name(),
                                             stored.triggers().auto_start() ? "true" : "false",
                                             DrillIntervalSeconds(stored), pg::TimeText(now));
    if (inserted.empty()) {
      return ErrorWithReason(absl::StatusCode::kAlreadyExists,
                             absl::StrCat("Playbook ", PlaybookName(id), " already exists"),
                             "RESOURCE_EXISTS", {{"resource_type", kResourceType}});
    }
    InsertVersion(tx, scope, id, 1, stored, definition.change_note(), now);
    AIRR_ASSIGN_OR_RETURN(created, ReadOne(tx, sql::kGetPlaybook, id));
    pg::RecordChange(tx, scope, created.name(), "playbook.created", nullptr, created);
    return absl::OkStatus();
  }));
  return created;
}

absl::StatusOr<v1::Playbook> PgPlaybookStore::Get(const RequestScope& scope,
                                                  const std::string& id) {
  v1::Playbook found;
  AIRR_RETURN_IF_ERROR(pg::RunInTx(pool_, pg::TxScopeOf(scope), [&](pg::Tx& tx) -> absl::Status {
    AIRR_ASSIGN_OR_RETURN(found, ReadOne(tx, sql::kGetPlaybook, id));
    return absl::OkStatus();
  }));
  return found;
}

absl::StatusOr<PlaybookPage> PgPlaybookStore::List(const RequestScope& scope,
                                                   const PlaybookPageQuery& query) {
  PlaybookPage page;
  AIRR_RETURN_IF_ERROR(pg::RunInTx(pool_, pg::TxScopeOf(scope), [&](pg::Tx& tx) -> absl::Status {
    pqxx::result rows =
        tx.exec_prepared(sql::kListPlaybooks, query.show_archived ? "true" : "false",
                         query.after_id, static_cast<int64_t>(query.page_size) + 1);
    const size_t keep = std::min<size_t>(rows.size(), static_cast<size_t>(query.page_size));
    for (size_t i = 0; i < keep; ++i) {
      AIRR_ASSIGN_OR_RETURN(v1::Playbook playbook, PlaybookFromRow(rows[i]));
      page.playbooks.push_back(std::move(playbook));
    }
    if (rows.size() > keep && keep > 0) {
      page.next_after_id = rows[keep - 1]["id"].c_str();
    }
    return absl::OkStatus();
  }));
  return page;
}

absl::StatusOr<VersionPage> PgPlaybookStore::ListVersions(const RequestScope& scope,
                                                          const std::string& id,
                                                          const VersionPageQuery& query) {
  VersionPage page;
  AIRR_RETURN_IF_ERROR(pg::RunInTx(pool_, pg::TxScopeOf(scope), [&](pg::Tx& tx) -> absl::Status {
    if (tx.exec_prepared(sql::kGetPlaybook, id).empty()) {
      return NotFound(id);
    }
    pqxx::result rows = tx.exec_prepared(sql::kListPlaybookVersions, id, query.before_version,
                                         static_cast<int64_t>(query.page_size) + 1);
    const size_t keep = std::min<size_t>(rows.size(), static_cast<size_t>(query.page_size));
    for (size_t i = 0; i < keep; ++i) {
      AIRR_ASSIGN_OR_RETURN(v1::Playbook version,
                            VersionFromRow(rows[i], "playbook_id", "version"));
      page.versions.push_back(std::move(version));
    }
    if (rows.size() > keep && keep > 0) {
      page.next_before_version = page.versions.back().version();
    }
    return absl::OkStatus();
  }));
  return page;
}

absl::StatusOr<v1::Playbook> PgPlaybookStore::Update(
    const RequestScope& scope, const std::string& id, std::optional<int64_t> expected_version,
    const std::string& change_note, absl::Time now,
    const std::function<absl::Status(v1::Playbook&)>& change) {
  v1::Playbook updated;
  AIRR_RETURN_IF_ERROR(pg::RunInTx(pool_, pg::TxScopeOf(scope), [&](pg::Tx& tx) -> absl::Status {
    AIRR_ASSIGN_OR_RETURN(v1::Playbook current, LockWritable(tx, id, expected_version));
    v1::Playbook next = current;
    AIRR_RETURN_IF_ERROR(change(next));
    const v1::Playbook definition = DefinitionOf(next);
    const int32_t version = current.version() + 1;
    InsertVersion(tx, scope, id, version, definition, change_note, now);
    tx.exec_prepared0(sql::kUpdatePlaybook, id, version, definition.display_name(),
                      definition.triggers().auto_start() ? "true" : "false",
                      DrillIntervalSeconds(definition), pg::TimeText(now));
    AIRR_ASSIGN_OR_RETURN(updated, ReadOne(tx, sql::kGetPlaybook, id));
    pg::RecordChange(tx, scope, updated.name(), "playbook.updated", &current, updated);
    return absl::OkStatus();
  }));
  return updated;
}

absl::StatusOr<v1::Playbook> PgPlaybookStore::Archive(const RequestScope& scope,
                                                      const std::string& id,
                                                      std::optional<int64_t> expected_version,
                                                      absl::Time now) {
  v1::Playbook archived;
  AIRR_RETURN_IF_ERROR(pg::RunInTx(pool_, pg::TxScopeOf(scope), [&](pg::Tx& tx) -> absl::Status {
    AIRR_ASSIGN_OR_RETURN(v1::Playbook current, LockWritable(tx, id, expected_version));
    tx.exec_prepared0(sql::kArchivePlaybook, id, pg::TimeText(now));
    AIRR_ASSIGN_OR_RETURN(archived, ReadOne(tx, sql::kGetPlaybook, id));
    pg::RecordChange(tx, scope, archived.name(), "playbook.archived", &current, archived);
    return absl::OkStatus();
  }));
  return archived;
}

absl::StatusOr<DrillsDuePage> PgPlaybookStore::ListDrillsDue(const RequestScope& scope,
                                                             const DrillsDueQuery& query) {
  std::string after_due, after_id;
  if (query.after) {
    after_due = query.after->sort_value;
    after_id = query.after->tie_value;
  }
  DrillsDuePage page;
  AIRR_RETURN_IF_ERROR(pg::RunInTx(pool_, pg::TxScopeOf(scope), [&](pg::Tx& tx) -> absl::Status {
    pqxx::result rows = tx.exec_prepared(sql::kListDrillsDue, pg::TimeText(query.now), after_due,
                                         after_id, static_cast<int64_t>(query.page_size) + 1);
    const size_t keep = std::min<size_t>(rows.size(), static_cast<size_t>(query.page_size));
    for (size_t i = 0; i < keep; ++i) {
      const pqxx::row& row = rows[i];
      v1::DrillDue due;
      due.set_playbook(PlaybookName(row["id"].c_str()));
      due.set_display_name(row["display_name"].c_str());
      *due.mutable_drill_interval() =
          TimeUtil::SecondsToDuration(row["drill_interval_seconds"].as<int64_t>());
      if (!row["last_drill_time_us"].is_null()) {
        *due.mutable_last_drill_time() = pg::TimestampFromMicros(row["last_drill_time_us"]);
      }
      due.set_never_drilled(row["last_drill_time_us"].is_null());
      *due.mutable_due_time() = pg::TimestampFromMicros(row["due_time_us"]);
      page.drills.push_back(std::move(due));
    }
    if (rows.size() > keep && keep > 0) {
      page.next = api::PageCursor{pg::TimestampText(&page.drills.back().due_time()),
                                  rows[keep - 1]["id"].c_str()};
    }
    return absl::OkStatus();
  }));
  return page;
}

}  // namespace airr::playbook
