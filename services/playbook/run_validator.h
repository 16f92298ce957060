// The rules the run, drill, step, inject and evaluation requests must satisfy on their own (what
// needs the stored run is run_lifecycle.h's), as pure functions of the request and the server's
// time, and the ids generated for drill objectives, findings and corrective actions. Every
// violation is reported at once in one INVALID_ARGUMENT, each naming its field path and rule.
#pragma once

#include <cstddef>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "airr/playbook/v1/playbook_service.pb.h"
#include "google/protobuf/timestamp.pb.h"

namespace airr::playbook {

// How far ahead of the server a caller's clock may run: a time up to this far in the future is
// taken as now.
inline constexpr absl::Duration kRunClockSkew = absl::Minutes(1);
// How far back a run or drill may be started.
inline constexpr absl::Duration kMaxRunBackdate = absl::Hours(24 * 30);
// The latest offset of an inject.
inline constexpr absl::Duration kMaxInjectOffset = absl::Hours(24 * 90);

// Limits (characters and entries), as runs.proto and playbook_service.proto state them.
inline constexpr size_t kMaxScenarioChars = 8000;
inline constexpr int kMaxObjectives = 30;
inline constexpr size_t kMaxObjectiveChars = 1000;
inline constexpr int kMaxParticipants = 100;
inline constexpr size_t kMaxParticipantChars = 200;
inline constexpr size_t kMaxStepNotesChars = 8000;
inline constexpr size_t kMaxReasonChars = 2000;
inline constexpr size_t kMaxSummaryChars = 8000;
inline constexpr size_t kMaxObjectiveNoteChars = 2000;
inline constexpr int kMaxFindings = 100;
inline constexpr size_t kMaxFindingChars = 4000;
inline constexpr size_t kMaxLinkTargetChars = 500;
inline constexpr int kMaxCorrectiveActions = 100;
inline constexpr size_t kMaxActionChars = 4000;
inline constexpr size_t kMaxActionOwnerChars = 200;
inline constexpr size_t kMaxInjectTitleChars = 200;
inline constexpr size_t kMaxInjectDescriptionChars = 4000;

// Checks a drill's set-up; paths start with `prefix` ("drill"):
//   type         required, known.
//   scenario     1 to 8,000 characters, multi-line.
//   objectives   1 to 30; each id empty or an id (see api::IsValidResourceId), unique; each
//                description 1 to 1,000 characters, multi-line.
//   participants up to 100, each 1 to 200 characters, single line.
// Returns OK or INVALID_ARGUMENT with every violation. Thread-safe.
absl::Status ValidateDrill(const v1::Drill& drill, absl::string_view prefix);

// Checks an evaluation; paths start with `prefix` ("evaluation"):
//   objective_results   up to 30; objective_id required, an id, not repeated; rating required,
//                       known; note up to 2,000 characters, multi-line.
//   findings            up to 100; id empty or an id, unique; kind required, known;
//                       description 1 to 4,000 characters, multi-line; link_target up to 500,
//                       single line.
//   corrective_actions  up to 100; id empty or an id, unique; description 1 to 4,000
//                       characters, multi-line; owner 1 to 200, single line; due_time required,
//                       valid; finding_id empty or the id of one of `findings`.
// Whether the objectives exist is the lifecycle's check (it needs the drill). Returns OK or
// INVALID_ARGUMENT with every violation. Thread-safe.
absl::Status ValidateEvaluation(const v1::RunEvaluation& evaluation, absl::string_view prefix);

// Gives every objective with an empty id `obj-N`, N the smallest number from 1 that no objective
// has. Thread-safe.
void AssignObjectiveIds(v1::Drill& drill);

// Gives every empty finding id `f-N` and every empty corrective action id `ca-N`, N as in
// AssignObjectiveIds within its list. Thread-safe.
void AssignEvaluationIds(v1::RunEvaluation& evaluation);

// The requests. Names must parse (`parent` a playbook, `run`/`name` a run, `incident` an
// incident); request_id empty or a UUID; caller-set times valid and not after `now` plus
// kRunClockSkew; start times of runs and drills not more than kMaxRunBackdate before `now`.
// Each returns OK or INVALID_ARGUMENT with every violation. Thread-safe.
//
// StartRun: parent, incident (required), start_time, request_id.
absl::Status ValidateStartRun(const v1::StartRunRequest& request, absl::Time now);
// StartDrill: parent, drill (required, ValidateDrill), start_time, request_id.
absl::Status ValidateStartDrill(const v1::StartDrillRequest& request, absl::Time now);
// ListRuns: parent a playbook or `playbooks/-`; page_size not negative; kind known; states
// known, set and not repeated; incident empty or an incident.
absl::Status ValidateListRuns(const v1::ListRunsRequest& request);
// StartStep: run, step_id (a step id), start_time.
absl::Status ValidateStartStep(const v1::StartStepRequest& request, absl::Time now);
// CompleteStep: run, step_id, notes up to 8,000 characters, complete_time.
absl::Status ValidateCompleteStep(const v1::CompleteStepRequest& request, absl::Time now);
// SkipStep: run, step_id, reason 1 to 2,000 characters.
absl::Status ValidateSkipStep(const v1::SkipStepRequest& request);
// AddInject: run; inject required: offset 0 to 90 days (unset is 0), title 1 to 200 characters
// single line, description up to 4,000.
absl::Status ValidateAddInject(const v1::AddInjectRequest& request);
// AbortRun: name, reason 1 to 2,000 characters.
absl::Status ValidateAbortRun(const v1::AbortRunRequest& request);
// CompleteRun: name, summary up to 8,000 characters, evaluation (when set) as
// ValidateEvaluation, end_time.
absl::Status ValidateCompleteRun(const v1::CompleteRunRequest& request, absl::Time now);
// UpdateRunEvaluation: name, evaluation required (ValidateEvaluation).
absl::Status ValidateUpdateRunEvaluation(const v1::UpdateRunEvaluationRequest& request);

// The time a validated optional caller-set time stands for: `ts` when set (but no later than
// `now`), else `now`. Thread-safe.
absl::Time ResolveCallerTime(bool has, const google::protobuf::Timestamp& ts, absl::Time now);

}  // namespace airr::playbook
