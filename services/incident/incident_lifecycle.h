// The incident state machine as pure functions: which action is allowed in which state and where
// it leads, and how each lifecycle method changes an incident and what it records (the timeline
// event and the outbox topic). The store only locks, calls these and writes the result.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "airr/incident/v1/incident_service.pb.h"

namespace airr::incident {

// What can be done to an incident.
enum class Action {
  kUpdate,           // UpdateIncident: descriptive fields; the state stays.
  kTriage,           // TriageIncident.
  kStartMitigation,  // StartMitigation.
  kResolve,          // ResolveIncident.
  kClose,            // CloseIncident.
  kReopen,           // ReopenIncident.
  kReject,           // RejectIncident.
  kMerge,            // MergeIncident, on the incident that is merged away.
  kMergeTarget,      // MergeIncident, on the surviving incident; its state stays.
  kAttachSignals,    // IngestSignals attaching signals to the incident; the state stays.
};

// Every action, in declaration order (for tables and tests).
inline constexpr Action kAllActions[] = {
    Action::kUpdate,      Action::kTriage,       Action::kStartMitigation, Action::kResolve,
    Action::kClose,       Action::kReopen,       Action::kReject,          Action::kMerge,
    Action::kMergeTarget, Action::kAttachSignals};

// The action's name in error metadata, e.g. "StartMitigation". Thread-safe.
absl::string_view ActionName(Action action);

// What a change to an incident records besides the new row: the timeline event (type, occur
// time, text, from/to state, attributes; the store numbers it and sets name, actor and
// create_time) and the outbox topic, e.g. "incident.triaged".
struct IncidentChange {
  v1::TimelineEvent event;
  std::string topic;
};

// The state `action` leads to from `current`. The transitions:
//   REPORTED    Triage -> TRIAGED, Reject -> REJECTED, Merge -> MERGED
//   TRIAGED     Triage -> TRIAGED, StartMitigation -> MITIGATING, Resolve -> RESOLVED,
//               Reject -> REJECTED, Merge -> MERGED
//   MITIGATING  Triage -> MITIGATING, Resolve -> RESOLVED, Merge -> MERGED
//   RESOLVED    Close -> CLOSED, Reopen
//   CLOSED      Reopen
//   REJECTED    Reopen
//   MERGED      nothing
// Reopen leads to TRIAGED when `was_triaged`, else to REPORTED. Update and MergeTarget are allowed
// in REPORTED, TRIAGED, MITIGATING and RESOLVED, AttachSignals in REPORTED, TRIAGED and
// MITIGATING; they keep the state.
// Returns FAILED_PRECONDITION with ErrorInfo reason INVALID_STATE and metadata current_state,
// action and allowed_states (full state names, comma-separated) for any other combination,
// including an unknown `current`. Thread-safe.
absl::StatusOr<v1::State> NextState(v1::State current, Action action, bool was_triaged);

// Whether an incident in `state` is still being worked on (REPORTED, TRIAGED or MITIGATING):
// the states that accept signals. Thread-safe.
bool IsOpen(v1::State state);

// UpdateIncident's change, after the mask was applied: FAILED_PRECONDITION unless the state
// allows updates (NextState with kUpdate); the UPDATED event names the changed `paths` in its
// text and in attribute "fields"; topic incident.updated.
absl::StatusOr<IncidentChange> ApplyUpdate(v1::Incident& incident,
                                           const std::vector<std::string>& paths, absl::Time now);

// The lifecycle methods. Each checks NextState for the incident's state (an incident counts as
// triaged before when it has a triage_time) and on success sets the new state and the lifecycle
// fields, and returns what to record: an event with occur_time `now`, the request's text, the
// from/to states and attributes. On error `incident` is left unchanged. The requests must have
// passed their validator (incident_validator.h). Thread-compatible.
//
// Sets severity, owner and (when given) kind; triage_time the first time only. Event TRIAGED with
// attributes severity, owner (and kind when given), text = comment; topic "incident.triaged".
absl::StatusOr<IncidentChange> ApplyTriage(v1::Incident& incident,
                                           const v1::TriageIncidentRequest& request,
                                           absl::Time now);
// Sets mitigation_start_time the first time only. Event MITIGATION_STARTED, text = comment;
// topic "incident.mitigation_started".
absl::StatusOr<IncidentChange> ApplyStartMitigation(v1::Incident& incident,
                                                    const v1::StartMitigationRequest& request,
                                                    absl::Time now);
// Sets resolve_time and resolution_summary (each time). Event RESOLVED, text = the summary;
// topic "incident.resolved".
absl::StatusOr<IncidentChange> ApplyResolve(v1::Incident& incident,
                                            const v1::ResolveIncidentRequest& request,
                                            absl::Time now);
// Sets close_time, post_incident_review and bcp_invoked (each time). Event CLOSED with attribute
// bcp_invoked ("true"/"false"), text = the review; topic "incident.closed".
absl::StatusOr<IncidentChange> ApplyClose(v1::Incident& incident,
                                          const v1::CloseIncidentRequest& request, absl::Time now);
// Clears reject_reason (the REJECTED event keeps it); resolve_time, close_time, the summary and
// the review stay as the last ones. Event REOPENED, text = reason; topic "incident.reopened".
absl::StatusOr<IncidentChange> ApplyReopen(v1::Incident& incident,
                                           const v1::ReopenIncidentRequest& request,
                                           absl::Time now);
// Sets reject_reason. Event REJECTED with attribute reason (e.g. "REJECT_REASON_DUPLICATE"),
// text = comment; topic "incident.rejected".
absl::StatusOr<IncidentChange> ApplyReject(v1::Incident& incident,
                                           const v1::RejectIncidentRequest& request,
                                           absl::Time now);

// Merges `merged` into `survivor` (both with their names set). Checks both first (Merge for
// `merged`, MergeTarget for `survivor`), so either both change or neither. `merged` becomes
// MERGED with merged_into = the survivor's name; the survivor's state stays. Returns the changes
// of {merged, survivor}: event MERGED_INTO with attribute merged_into, topic "incident.merged";
// event MERGED_FROM with attribute merged_from (from/to = the survivor's state), topic
// "incident.updated"; both with text = `comment`. INVALID_ARGUMENT on "into" when both are the
// same incident; FAILED_PRECONDITION (INVALID_STATE, see NextState) when either state forbids it.
absl::StatusOr<std::pair<IncidentChange, IncidentChange>> ApplyMerge(v1::Incident& merged,
                                                                     v1::Incident& survivor,
                                                                     absl::string_view comment,
                                                                     absl::Time now);

}  // namespace airr::incident
