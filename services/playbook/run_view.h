// What a run shows besides what is stored: each step's due time, whether it is late, and what it
// points at elsewhere in airr. Computed on every response against the server's clock. Pure.
#pragma once

#include "absl/time/time.h"
#include "airr/playbook/v1/runs.pb.h"

namespace airr::playbook {

// Sets the derived fields of every step of `run`:
//   due_time         the run's start plus the step's target offset;
//   late             done after its due time, or still pending or in progress after it at
//                    `now`, or at the run's end when it ended (a skipped step is never late);
//   linked_resource  on incident runs, `incidents/{id}/notifications` for NOTIFY_STAKEHOLDERS
//                    steps and `incidents/{id}` for CONTAIN steps; empty otherwise.
// Thread-compatible.
void DeriveRunFields(v1::Run& run, absl::Time now);

// True when `step` of `run` is late at `now` (see DeriveRunFields). Thread-safe.
bool IsStepLate(const v1::Run& run, const v1::RunStep& step, absl::Time now);

}  // namespace airr::playbook
