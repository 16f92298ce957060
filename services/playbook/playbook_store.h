// Playbooks and their versions. The gRPC adapter talks only to this interface; PgPlaybookStore
// implements it over PostgreSQL. Every mutation writes a chained audit row and an outbox event in
// the same transaction. A playbook's etag is its current version number: every write but the
// archive adds a version, and an archived playbook takes no more writes.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "airr/playbook/v1/playbooks.pb.h"
#include "libs/api/page_cursor.h"
#include "libs/common/request_scope.h"

namespace airr::playbook {

// One page of playbooks to read, by id.
struct PlaybookPageQuery {
  bool show_archived = false;
  // The page starts after this id (the previous page's last).
  std::string after_id;
  int page_size = 100;
};

struct PlaybookPage {
  std::vector<v1::Playbook> playbooks;
  // The last id of the page when more playbooks follow.
  std::optional<std::string> next_after_id;
};

// One page of a playbook's versions, newest first.
struct VersionPageQuery {
  // The page starts below this version; 0 for the first page.
  int32_t before_version = 0;
  int page_size = 100;
};

struct VersionPage {
  // Each as the playbook read at that version (without etag and last_drill_time).
  std::vector<v1::Playbook> versions;
  // The last version of the page when older versions follow.
  std::optional<int32_t> next_before_version;
};

// One page of the drills due at `now`, ordered by due time and playbook id.
struct DrillsDueQuery {
  absl::Time now;
  // The page starts after this (due time as pg::TimestampText, playbook id).
  std::optional<api::PageCursor> after;
  int page_size = 100;
};

struct DrillsDuePage {
  std::vector<v1::DrillDue> drills;
  std::optional<api::PageCursor> next;  // set when more entries follow
};

// Thread-safe.
class PlaybookStore {
 public:
  virtual ~PlaybookStore() = default;

  // Stores `definition` (validated, defaults resolved; only its definition fields and change_note
  // are read) as playbook `id` at version 1, written by `scope.actor` at `now`, with its audit row
  // and a "playbook.created" event. Returns the playbook as Get does. ALREADY_EXISTS
  // (RESOURCE_EXISTS) when the tenant has a playbook with that id.
  virtual absl::StatusOr<v1::Playbook> Create(const RequestScope& scope, const std::string& id,
                                              const v1::Playbook& definition, absl::Time now) = 0;

  // Returns the playbook at its current version. NOT_FOUND when the tenant has no such playbook.
  virtual absl::StatusOr<v1::Playbook> Get(const RequestScope& scope, const std::string& id) = 0;

  // Returns one page of the tenant's playbooks by id, each at its current version; archived ones
  // only with `show_archived`.
  virtual absl::StatusOr<PlaybookPage> List(const RequestScope& scope,
                                            const PlaybookPageQuery& query) = 0;

  // Returns one page of the playbook's versions, newest first. NOT_FOUND when the tenant has no
  // such playbook.
  virtual absl::StatusOr<VersionPage> ListVersions(const RequestScope& scope, const std::string& id,
                                                   const VersionPageQuery& query) = 0;

  // Locks the playbook, lets `change` edit a copy of its current version (as Get returns it) and
  // stores the result's definition as the next version, with `change_note`, written by
  // `scope.actor` at `now`, an audit row and a "playbook.updated" event. `change` must leave a
  // valid definition with defaults resolved, or return a non-OK status to refuse (then nothing is
  // written and that status is returned). Returns the playbook at its new version. NOT_FOUND;
  // ABORTED (ETAG_MISMATCH) when `expected_version` is set and not the current version;
  // FAILED_PRECONDITION (ARCHIVED) when the playbook is archived.
  virtual absl::StatusOr<v1::Playbook> Update(
      const RequestScope& scope, const std::string& id, std::optional<int64_t> expected_version,
      const std::string& change_note, absl::Time now,
      const std::function<absl::Status(v1::Playbook&)>& change) = 0;

  // Archives the playbook at `now` (no new version) with an audit row and a "playbook.archived"
  // event. Returns it. NOT_FOUND; ABORTED (ETAG_MISMATCH); FAILED_PRECONDITION (ARCHIVED) when it
  // is archived already.
  virtual absl::StatusOr<v1::Playbook> Archive(const RequestScope& scope, const std::string& id,
                                               std::optional<int64_t> expected_version,
                                               absl::Time now) = 0;

  // Returns one page of the tenant's playbooks that are not archived and due for a drill at
  // `query.now`: never drilled (due since their creation) or whose last completed drill plus
  // their drill interval is not after `now`; most overdue first (due time, then id).
  virtual absl::StatusOr<DrillsDuePage> ListDrillsDue(const RequestScope& scope,
                                                      const DrillsDueQuery& query) = 0;
};

}  // namespace airr::playbook
