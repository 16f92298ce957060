// Runs of playbooks: incident responses and drills, with their steps and timelines. The gRPC
// adapter talks only to this interface; PgRunStore implements it over PostgreSQL. Every mutation
// writes a chained audit row and an outbox event in the same transaction.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "airr/playbook/v1/playbooks.pb.h"
#include "airr/playbook/v1/runs.pb.h"
#include "libs/api/page_cursor.h"
#include "libs/common/request_scope.h"
#include "services/playbook/run_lifecycle.h"
#include "services/playbook/run_start.h"

namespace airr::playbook {

// One page of runs to read, newest first (start time, playbook id, run id, all descending).
struct RunPageQuery {
  // The playbook whose runs are listed; "" for every playbook of the tenant.
  std::string playbook_id;
  // Only runs of this kind; all when unspecified.
  v1::RunKind kind = v1::RUN_KIND_UNSPECIFIED;
  // Only runs in these states; all when empty.
  std::vector<v1::RunState> states;
  // Only runs on this incident (its id); all when empty.
  std::string incident_id;
  // The page starts after this cursor, as the store returned it in RunPage::next.
  std::optional<api::PageCursor> after;
  int page_size = 100;
};

struct RunPage {
  // As stored: without the derived fields, which the adapter computes against its clock.
  std::vector<v1::Run> runs;
  std::optional<api::PageCursor> next;  // set when more runs follow
};

// What the run report is computed from.
struct RunReportSource {
  // The run as stored.
  v1::Run run;
  // Its timeline in recording order (seq).
  std::vector<v1::RunEvent> timeline;
  // The playbook's definition at the run's version (display name, targets, steps).
  v1::Playbook version;
};

// The change a Mutate caller makes to a locked run: it may refuse with a status (nothing is
// written) or return the timeline entries to append and the outbox topic.
using RunMutation = std::function<absl::StatusOr<RunChange>(RunRecord&)>;

// Thread-safe.
class RunStore {
 public:
  virtual ~RunStore() = default;

  // Starts a run as InsertRun (pg_run_insert.h) does, in a transaction of its own, and returns
  // it. Errors as InsertRun's.
  virtual absl::StatusOr<v1::Run> Start(const RequestScope& scope, const RunStart& start) = 0;

  // NOT_FOUND when the tenant has no such run.
  virtual absl::StatusOr<v1::Run> Get(const RequestScope& scope, const std::string& playbook_id,
                                      const std::string& run_id) = 0;

  // NOT_FOUND when `query.playbook_id` is set and the tenant has no such playbook.
  virtual absl::StatusOr<RunPage> List(const RequestScope& scope, const RunPageQuery& query) = 0;

  // Locks the run, reads (for incident runs) the incident's state, lets `change` modify the
  // record and name the timeline entries and topic, and stores the result: the run row, the
  // steps that changed, the timeline entries, the audit row (the run before and after) and the
  // outbox event. NOT_FOUND; ABORTED (ETAG_MISMATCH) when `expected_version` is set and stale;
  // whatever `change` returns.
  virtual absl::StatusOr<v1::Run> Mutate(const RequestScope& scope, const std::string& playbook_id,
                                         const std::string& run_id,
                                         std::optional<int64_t> expected_version,
                                         const RunMutation& change) = 0;

  // The run, its timeline and its playbook version, read in one transaction. NOT_FOUND when the
  // tenant has no such run.
  virtual absl::StatusOr<RunReportSource> GetReportSource(const RequestScope& scope,
                                                          const std::string& playbook_id,
                                                          const std::string& run_id) = 0;
};

}  // namespace airr::playbook
