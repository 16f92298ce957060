// The run state machine as pure functions over a run and its steps: which step may start, be
// completed or be skipped when, when a run may complete, abort or take an inject or evaluation,
// and what each change adds to the run's timeline and publishes. The store only locks, calls
// these and writes the result.
#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "airr/incident/v1/incident_service.pb.h"
#include "airr/playbook/v1/runs.pb.h"

namespace airr::playbook {

// A stored run with what the rules need besides it.
struct RunRecord {
  // The run as stored: the derived fields of responses (due_time, late, linked_resource) unset.
  v1::Run run;
  // Incident runs: the incident's state now, read in the same transaction (CONTAIN steps).
  incident::v1::State incident_state = incident::v1::STATE_UNSPECIFIED;
};

// What a change adds: timeline entries (their seq is assigned by the store) and the outbox topic.
struct RunChange {
  std::string topic;
  std::vector<v1::RunEvent> events;
};

// Who acts and when the call is made.
struct RunActor {
  // The name recorded in the run, the principal's audit name ("alice (3f2a...)").
  std::string name;
  absl::Time now;
};

// The timeline entry of a run that just started (type STARTED at its start time, by its
// starter). Thread-safe.
v1::RunEvent RunStartedEvent(const v1::Run& run);

// The changes. Each checks the run and step states, changes `record.run` (steps, state, times,
// who, update_time = actor.now) and returns the timeline entries and topic; on error `record`
// is unchanged. Requests must have passed their validator (run_validator.h). Times given by the
// caller are the resolved times (the request's or now). Common errors: FAILED_PRECONDITION
// RUN_ENDED when the run is not ACTIVE; INVALID_ARGUMENT on "step_id" for a step the run's
// playbook version does not have. Thread-compatible.
//
// StartStep: the step must be PENDING (else FAILED_PRECONDITION STEP_NOT_PENDING) and each of its
// dependencies DONE or SKIPPED (else FAILED_PRECONDITION DEPENDENCY_OPEN, metadata `step` = the
// first open dependency). INVALID_ARGUMENT on "start_time" when `start_time` is before the run
// started. Sets IN_PROGRESS, start_time, started_by; "run.step_started" with a STEP_STARTED entry.
absl::StatusOr<RunChange> StartStep(RunRecord& record, absl::string_view step_id,
                                    absl::Time start_time, const RunActor& actor);

// CompleteStep: from PENDING (started at the same time, dependencies as StartStep) or
// IN_PROGRESS; DONE or SKIPPED give FAILED_PRECONDITION STEP_ENDED. A CONTAIN step of an incident
// run needs the incident MITIGATING, RESOLVED or CLOSED (else FAILED_PRECONDITION
// INCIDENT_NOT_CONTAINED, metadata `incident_state`). INVALID_ARGUMENT on "complete_time" when
// it is before the step (or, from PENDING, the run) started. Sets DONE, end_time, ended_by,
// notes; "run.step_completed" with STEP_STARTED (from PENDING) and STEP_COMPLETED entries.
absl::StatusOr<RunChange> CompleteStep(RunRecord& record, absl::string_view step_id,
                                       absl::string_view notes, absl::Time complete_time,
                                       const RunActor& actor);

// SkipStep: from PENDING or IN_PROGRESS (else STEP_ENDED). A mandatory step needs
// `admin_override` (else FAILED_PRECONDITION MANDATORY_STEP); whether the caller may override is
// the adapter's check. Sets SKIPPED, end_time = now, ended_by, skip_reason, and skip_override
// when a mandatory step is skipped under the override; "run.step_skipped" with a STEP_SKIPPED
// entry.
absl::StatusOr<RunChange> SkipStep(RunRecord& record, absl::string_view step_id,
                                   absl::string_view reason, bool admin_override,
                                   const RunActor& actor);

// AddInject: drills only (else FAILED_PRECONDITION NOT_A_DRILL). Changes only update_time;
// "run.inject_added" with an INJECT entry at the run's start plus the inject's offset.
absl::StatusOr<RunChange> AddInject(RunRecord& record, const v1::Inject& inject,
                                    const RunActor& actor);

// AbortRun: sets ABORTED, end_time = now, ended_by, abort_reason; "run.aborted" with an ABORTED
// entry.
absl::StatusOr<RunChange> AbortRun(RunRecord& record, absl::string_view reason,
                                   const RunActor& actor);

// CompleteRun: every mandatory step must be DONE or SKIPPED (else FAILED_PRECONDITION
// MANDATORY_STEP_OPEN naming the first open one in planned order, in the message and metadata
// `step`). INVALID_ARGUMENT on "end_time" when it is before the run started or before a step
// ended. With `evaluation` (not null), applies it as UpdateEvaluation does (field paths under
// "evaluation"). Sets COMPLETED, end_time, ended_by, summary; "run.completed" with a COMPLETED
// entry (and an EVALUATED one with an evaluation).
absl::StatusOr<RunChange> CompleteRun(RunRecord& record, absl::string_view summary,
                                      const v1::RunEvaluation* evaluation, absl::Time end_time,
                                      const RunActor& actor);

// UpdateEvaluation: the run must be ACTIVE or COMPLETED (ABORTED gives FAILED_PRECONDITION
// RUN_ABORTED). Each objective result must name an objective of the drill (INVALID_ARGUMENT on
// "evaluation.objective_results[i].objective_id"; an incident run has none); empty finding and
// corrective action ids are generated (AssignEvaluationIds, run_validator.h). Replaces the
// evaluation; "run.evaluated" with an EVALUATED entry.
absl::StatusOr<RunChange> UpdateEvaluation(RunRecord& record, const v1::RunEvaluation& evaluation,
                                           const RunActor& actor);

}  // namespace airr::playbook
