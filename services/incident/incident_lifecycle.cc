#include "services/incident/incident_lifecycle.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "libs/api/timestamps.h"
#include "libs/common/errors.h"
#include "libs/common/status_macros.h"

namespace airr::incident {
namespace {

namespace v1 = ::airr::incident::v1;
using State = v1::State;

// Stands for "TRIAGED when triaged before, else REPORTED" in the table below.
constexpr State kReopenTarget = v1::STATE_UNSPECIFIED;

struct Edge {
  Action action;
  State from;
  State to;
};

// Every allowed (action, state) pair; anything not listed is refused.
constexpr Edge kEdges[] = {
    {Action::kUpdate, v1::STATE_REPORTED, v1::STATE_REPORTED},
    {Action::kUpdate, v1::STATE_TRIAGED, v1::STATE_TRIAGED},
    {Action::kUpdate, v1::STATE_MITIGATING, v1::STATE_MITIGATING},
    {Action::kUpdate, v1::STATE_RESOLVED, v1::STATE_RESOLVED},
    {Action::kTriage, v1::STATE_REPORTED, v1::STATE_TRIAGED},
    {Action::kTriage, v1::STATE_TRIAGED, v1::STATE_TRIAGED},
    {Action::kTriage, v1::STATE_MITIGATING, v1::STATE_MITIGATING},
    {Action::kStartMitigation, v1::STATE_TRIAGED, v1::STATE_MITIGATING},
    {Action::kResolve, v1::STATE_TRIAGED, v1::STATE_RESOLVED},
    {Action::kResolve, v1::STATE_MITIGATING, v1::STATE_RESOLVED},
    {Action::kClose, v1::STATE_RESOLVED, v1::STATE_CLOSED},
    {Action::kReopen, v1::STATE_RESOLVED, kReopenTarget},
    {Action::kReopen, v1::STATE_CLOSED, kReopenTarget},
    {Action::kReopen, v1::STATE_REJECTED, kReopenTarget},
    {Action::kReject, v1::STATE_REPORTED, v1::STATE_REJECTED},
    {Action::kReject, v1::STATE_TRIAGED, v1::STATE_REJECTED},
    {Action::kMerge, v1::STATE_REPORTED, v1::STATE_MERGED},
    {Action::kMerge, v1::STATE_TRIAGED, v1::STATE_MERGED},
    {Action::kMerge, v1::STATE_MITIGATING, v1::STATE_MERGED},
    {Action::kMergeTarget, v1::STATE_REPORTED, v1::STATE_REPORTED},
    {Action::kMergeTarget, v1::STATE_TRIAGED, v1::STATE_TRIAGED},
    {Action::kMergeTarget, v1::STATE_MITIGATING, v1::STATE_MITIGATING},
    {Action::kMergeTarget, v1::STATE_RESOLVED, v1::STATE_RESOLVED},
    {Action::kAttachSignals, v1::STATE_REPORTED, v1::STATE_REPORTED},
    {Action::kAttachSignals, v1::STATE_TRIAGED, v1::STATE_TRIAGED},
    {Action::kAttachSignals, v1::STATE_MITIGATING, v1::STATE_MITIGATING},
};

// How the error message says the action: "cannot <verb> an incident in state ...".
absl::string_view ActionVerb(Action action) {
  switch (action) {
    case Action::kUpdate:
      return "update";
    case Action::kTriage:
      return "triage";
    case Action::kStartMitigation:
      return "start mitigation of";
    case Action::kResolve:
      return "resolve";
    case Action::kClose:
      return "close";
    case Action::kReopen:
      return "reopen";
    case Action::kReject:
      return "reject";
    case Action::kMerge:
      return "merge";
    case Action::kMergeTarget:
      return "merge into";
    case Action::kAttachSignals:
      return "attach signals to";
  }
  return "change";
}

// "STATE_RESOLVED"; the number for a value this server does not know.
std::string FullStateName(State state) {
  const std::string& name = v1::State_Name(state);
  return name.empty() ? absl::StrCat(static_cast<int>(state)) : name;
}

absl::Status InvalidState(State current, Action action) {
  std::vector<std::string> allowed;
  for (const Edge& edge : kEdges) {
    if (edge.action == action) {
      allowed.push_back(FullStateName(edge.from));
    }
  }
  return InvalidStateError("an incident", ActionVerb(action), ActionName(action),
                           FullStateName(current), allowed, "STATE_");
}

// Moves `incident` to the state `action` leads to and starts the record of the change: an event
// of `type` at `now` with `text` and the two states. Leaves `incident` unchanged on error.
absl::StatusOr<IncidentChange> Transit(v1::Incident& incident, Action action,
                                       v1::TimelineEventType type, absl::string_view topic,
                                       absl::string_view text, absl::Time now) {
  AIRR_ASSIGN_OR_RETURN(State next,
                        NextState(incident.state(), action, incident.has_triage_time()));
  IncidentChange change;
  change.topic = std::string(topic);
  v1::TimelineEvent& event = change.event;
  event.set_type(type);
  *event.mutable_occur_time() = api::TimestampFromTime(now);
  event.set_text(std::string(text));
  event.set_from_state(incident.state());
  event.set_to_state(next);
  incident.set_state(next);
  return change;
}

void SetAttribute(IncidentChange& change, const std::string& key, const std::string& value) {
  (*change.event.mutable_attributes())[key] = value;
}

}  // namespace

absl::string_view ActionName(Action action) {
  switch (action) {
    case Action::kUpdate:
      return "Update";
    case Action::kTriage:
      return "Triage";
    case Action::kStartMitigation:
      return "StartMitigation";
    case Action::kResolve:
      return "Resolve";
    case Action::kClose:
      return "Close";
    case Action::kReopen:
      return "Reopen";
    case Action::kReject:
      return "Reject";
    case Action::kMerge:
      return "Merge";
    case Action::kMergeTarget:
      return "MergeTarget";
    case Action::kAttachSignals:
      return "AttachSignals";
  }
  return "Unknown";
}

absl::StatusOr<State> NextState(State current, Action action, bool was_triaged) {
  for (const Edge& edge : kEdges) {
    if (edge.action == action && edge.from == current) {
      if (edge.to == kReopenTarget) {
        return was_triaged ? v1::STATE_TRIAGED : v1::STATE_REPORTED;
      }
      return edge.to;
    }
  }
  return InvalidState(current, action);
}

bool IsOpen(State state) {
  return state == v1::STATE_REPORTED || state == v1::STATE_TRIAGED || state == v1::STATE_MITIGATING;
}

absl::StatusOr<IncidentChange> ApplyUpdate(v1::Incident& incident,
                                           const std::vector<std::string>& paths, absl::Time now) {
  const std::string fields = absl::StrJoin(paths, ", ");
  AIRR_ASSIGN_OR_RETURN(IncidentChange change,
                        Transit(incident, Action::kUpdate, v1::TIMELINE_EVENT_TYPE_UPDATED,
                                "incident.updated", absl::StrCat("Updated ", fields), now));
  SetAttribute(change, "fields", fields);
  return change;
}

absl::StatusOr<IncidentChange> ApplyTriage(v1::Incident& incident,
                                           const v1::TriageIncidentRequest& request,
                                           absl::Time now) {
  const bool first = !incident.has_triage_time();
  AIRR_ASSIGN_OR_RETURN(IncidentChange change,
                        Transit(incident, Action::kTriage, v1::TIMELINE_EVENT_TYPE_TRIAGED,
                                "incident.triaged", request.comment(), now));
  // triage_time is "when it was first triaged": a re-triage keeps it.
  if (first) {
    *incident.mutable_triage_time() = api::TimestampFromTime(now);
  }
  incident.set_severity(request.severity());
  incident.set_owner(request.owner());
  SetAttribute(change, "severity", v1::Severity_Name(request.severity()));
  SetAttribute(change, "owner", request.owner());
  if (request.kind() != v1::KIND_UNSPECIFIED) {
    incident.set_kind(request.kind());
    SetAttribute(change, "kind", v1::Kind_Name(request.kind()));
  }
  return change;
}

absl::StatusOr<IncidentChange> ApplyStartMitigation(v1::Incident& incident,
                                                    const v1::StartMitigationRequest& request,
                                                    absl::Time now) {
  AIRR_ASSIGN_OR_RETURN(
      IncidentChange change,
      Transit(incident, Action::kStartMitigation, v1::TIMELINE_EVENT_TYPE_MITIGATION_STARTED,
              "incident.mitigation_started", request.comment(), now));
  // A reopened incident mitigated again keeps the time mitigation first started.
  if (!incident.has_mitigation_start_time()) {
    *incident.mutable_mitigation_start_time() = api::TimestampFromTime(now);
  }
  return change;
}

absl::StatusOr<IncidentChange> ApplyResolve(v1::Incident& incident,
                                            const v1::ResolveIncidentRequest& request,
                                            absl::Time now) {
  AIRR_ASSIGN_OR_RETURN(IncidentChange change,
                        Transit(incident, Action::kResolve, v1::TIMELINE_EVENT_TYPE_RESOLVED,
                                "incident.resolved", request.resolution_summary(), now));
  *incident.mutable_resolve_time() = api::TimestampFromTime(now);
  incident.set_resolution_summary(request.resolution_summary());
  return change;
}

absl::StatusOr<IncidentChange> ApplyClose(v1::Incident& incident,
                                          const v1::CloseIncidentRequest& request, absl::Time now) {
  AIRR_ASSIGN_OR_RETURN(IncidentChange change,
                        Transit(incident, Action::kClose, v1::TIMELINE_EVENT_TYPE_CLOSED,
                                "incident.closed", request.post_incident_review(), now));
  *incident.mutable_close_time() = api::TimestampFromTime(now);
  incident.set_post_incident_review(request.post_incident_review());
  incident.set_bcp_invoked(request.bcp_invoked());
  SetAttribute(change, "bcp_invoked", request.bcp_invoked() ? "true" : "false");
  return change;
}

absl::StatusOr<IncidentChange> ApplyReopen(v1::Incident& incident,
                                           const v1::ReopenIncidentRequest& request,
                                           absl::Time now) {
  AIRR_ASSIGN_OR_RETURN(IncidentChange change,
                        Transit(incident, Action::kReopen, v1::TIMELINE_EVENT_TYPE_REOPENED,
                                "incident.reopened", request.reason(), now));
  // An open incident with a reject reason would read as rejected in reports and filters.
  incident.clear_reject_reason();
  return change;
}

absl::StatusOr<IncidentChange> ApplyReject(v1::Incident& incident,
                                           const v1::RejectIncidentRequest& request,
                                           absl::Time now) {
  AIRR_ASSIGN_OR_RETURN(IncidentChange change,
                        Transit(incident, Action::kReject, v1::TIMELINE_EVENT_TYPE_REJECTED,
                                "incident.rejected", request.comment(), now));
  incident.set_reject_reason(request.reason());
  SetAttribute(change, "reason", v1::RejectReason_Name(request.reason()));
  return change;
}

absl::StatusOr<std::pair<IncidentChange, IncidentChange>> ApplyMerge(v1::Incident& merged,
                                                                     v1::Incident& survivor,
                                                                     absl::string_view comment,
                                                                     absl::Time now) {
  if (merged.name() == survivor.name()) {
    return InvalidField("into", "must differ from name: an incident cannot be merged into itself");
  }
  // Both checks before either incident changes.
  AIRR_RETURN_IF_ERROR(
      NextState(merged.state(), Action::kMerge, merged.has_triage_time()).status());
  AIRR_RETURN_IF_ERROR(
      NextState(survivor.state(), Action::kMergeTarget, survivor.has_triage_time()).status());
  AIRR_ASSIGN_OR_RETURN(IncidentChange merged_change,
                        Transit(merged, Action::kMerge, v1::TIMELINE_EVENT_TYPE_MERGED_INTO,
                                "incident.merged", comment, now));
  merged.set_merged_into(survivor.name());
  SetAttribute(merged_change, "merged_into", survivor.name());
  AIRR_ASSIGN_OR_RETURN(IncidentChange survivor_change,
                        Transit(survivor, Action::kMergeTarget, v1::TIMELINE_EVENT_TYPE_MERGED_FROM,
                                "incident.updated", comment, now));
  SetAttribute(survivor_change, "merged_from", merged.name());
  return std::make_pair(std::move(merged_change), std::move(survivor_change));
}

}  // namespace airr::incident
