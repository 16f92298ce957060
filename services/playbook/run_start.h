// What starting a run needs to know: the playbook, the kind of run (an incident response or a
// drill), how and when it started. Shared by the run store's callers and InsertRun.
#pragma once

#include <string>

#include "absl/time/time.h"
#include "airr/playbook/v1/runs.pb.h"

namespace airr::playbook {

// What to start.
struct RunStart {
  std::string playbook_id;
  // The new run's id (a UUID the caller picked).
  std::string run_id;
  v1::RunKind kind = v1::RUN_KIND_UNSPECIFIED;
  // RUN_KIND_INCIDENT only: the incident's id.
  std::string incident_id;
  // RUN_KIND_DRILL only: the validated drill, objective ids filled in.
  v1::Drill drill;
  v1::StartMode start_mode = v1::START_MODE_MANUAL;
  // When the run started (steps' due times count from here) and when it is recorded.
  absl::Time start_time;
  absl::Time now;
  // The caller's idempotency key: empty, or a UUID (the adapter validates it).
  std::string request_id;
};

}  // namespace airr::playbook
