// The mitigation state machine as pure functions: which action is allowed in which state and where
// it leads, how each lifecycle method changes a mitigation, and what the change publishes. The
// store only locks, calls these and writes the result.
#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "airr/report/v1/report_service.pb.h"

namespace airr::report {

// A stored mitigation with what the API does not show: the principal ids behind completed_by and
// verifier, which the four-eyes rule compares.
struct MitigationRecord {
  v1::Mitigation mitigation;
  std::string completed_by_id;
  std::string verifier_id;
};

// Who acts: the name recorded in the mitigation (the principal's audit name, "alice (3f2a...)")
// and the principal id compared by the four-eyes rule.
struct MitigationActor {
  std::string name;
  std::string principal_id;
};

// What can be done to a mitigation.
enum class MitigationAction {
  kUpdate,    // UpdateMitigation: descriptive fields; the state stays.
  kBegin,     // BeginMitigation.
  kComplete,  // CompleteMitigation.
  kVerify,    // VerifyMitigation.
  kCancel,    // CancelMitigation.
};

// Every action, in declaration order (for tables and tests).
inline constexpr MitigationAction kAllMitigationActions[] = {
    MitigationAction::kUpdate, MitigationAction::kBegin, MitigationAction::kComplete,
    MitigationAction::kVerify, MitigationAction::kCancel};

// The action's name in error metadata, e.g. "Complete". Thread-safe.
absl::string_view MitigationActionName(MitigationAction action);

// The state `action` leads to from `current`. The transitions:
//   PLANNED      Update -> PLANNED, Begin -> IN_PROGRESS, Complete -> DONE, Cancel -> CANCELLED
//   IN_PROGRESS  Update -> IN_PROGRESS, Complete -> DONE, Cancel -> CANCELLED
//   DONE         Verify -> VERIFIED
//   VERIFIED, CANCELLED  nothing
// Returns FAILED_PRECONDITION with ErrorInfo reason INVALID_STATE and metadata current_state,
// action and allowed_states (full state names, comma-separated) for any other combination,
// including an unknown `current`. Thread-safe.
absl::StatusOr<v1::MitigationState> NextMitigationState(v1::MitigationState current,
                                                        MitigationAction action);

// True when `mitigation` is PLANNED or IN_PROGRESS and its due time is before `now`.
// Thread-safe.
bool IsOverdue(const v1::Mitigation& mitigation, absl::Time now);

// The lifecycle methods. Each checks NextMitigationState for the mitigation's state and on
// success sets the new state and the method's fields and returns the outbox topic of the change
// ("report.mitigation.<verb>"). On error `record` is left unchanged. The requests must have
// passed their validator (mitigation_validator.h). Thread-compatible.
//
// UpdateMitigation, after the mask was applied: only checks the state; "report.mitigation.updated".
absl::StatusOr<std::string> ApplyMitigationUpdate(MitigationRecord& record);
// Sets begin_time; "report.mitigation.begun".
absl::StatusOr<std::string> ApplyBegin(MitigationRecord& record, absl::Time now);
// Sets complete_time, completed_by (the actor's name), completed_by_id and completion_note;
// "report.mitigation.completed".
absl::StatusOr<std::string> ApplyComplete(MitigationRecord& record, absl::string_view note,
                                          const MitigationActor& actor, absl::Time now);
// Sets verify_time, verifier, verifier_id and verification_method;
// "report.mitigation.verified". FAILED_PRECONDITION with reason SAME_PERSON when the actor is the
// principal who completed it (checked after the state).
absl::StatusOr<std::string> ApplyVerify(MitigationRecord& record, absl::string_view method,
                                        const MitigationActor& actor, absl::Time now);
// Sets cancel_time and cancel_reason; "report.mitigation.cancelled".
absl::StatusOr<std::string> ApplyCancel(MitigationRecord& record, absl::string_view reason,
                                        absl::Time now);

}  // namespace airr::report
