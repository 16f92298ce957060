#include "services/report/mitigation_lifecycle.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "libs/api/timestamps.h"
#include "libs/common/errors.h"
#include "libs/common/status_macros.h"

namespace airr::report {
namespace {

using State = v1::MitigationState;

struct Edge {
  MitigationAction action;
  State from;
  State to;
};

// Every allowed (action, state) pair; anything not listed is refused.
constexpr Edge kEdges[] = {
    {MitigationAction::kUpdate, v1::MITIGATION_STATE_PLANNED, v1::MITIGATION_STATE_PLANNED},
    {MitigationAction::kUpdate, v1::MITIGATION_STATE_IN_PROGRESS, v1::MITIGATION_STATE_IN_PROGRESS},
    {MitigationAction::kBegin, v1::MITIGATION_STATE_PLANNED, v1::MITIGATION_STATE_IN_PROGRESS},
    {MitigationAction::kComplete, v1::MITIGATION_STATE_PLANNED, v1::MITIGATION_STATE_DONE},
    {MitigationAction::kComplete, v1::MITIGATION_STATE_IN_PROGRESS, v1::MITIGATION_STATE_DONE},
    {MitigationAction::kVerify, v1::MITIGATION_STATE_DONE, v1::MITIGATION_STATE_VERIFIED},
    {MitigationAction::kCancel, v1::MITIGATION_STATE_PLANNED, v1::MITIGATION_STATE_CANCELLED},
    {MitigationAction::kCancel, v1::MITIGATION_STATE_IN_PROGRESS, v1::MITIGATION_STATE_CANCELLED},
};

// How the error message says the action: "cannot <verb> a mitigation in state ...".
absl::string_view ActionVerb(MitigationAction action) {
  switch (action) {
    case MitigationAction::kUpdate:
      return "update";
    case MitigationAction::kBegin:
      return "begin";
    case MitigationAction::kComplete:
      return "complete";
    case MitigationAction::kVerify:
      return "verify";
    case MitigationAction::kCancel:
      return "cancel";
  }
  return "change";
}

// "MITIGATION_STATE_DONE"; the number for a value this server does not know.
std::string FullStateName(State state) {
  const std::string& name = v1::MitigationState_Name(state);
  return name.empty() ? absl::StrCat(static_cast<int>(state)) : name;
}

absl::Status InvalidState(State current, MitigationAction action) {
  std::vector<std::string> allowed;
  for (const Edge& edge : kEdges) {
    if (edge.action == action) {
      allowed.push_back(FullStateName(edge.from));
    }
  }
  return InvalidStateError("a mitigation", ActionVerb(action), MitigationActionName(action),
                           FullStateName(current), allowed, "MITIGATION_STATE_");
}

// Moves the mitigation to the state `action` leads to; unchanged on error.
absl::Status Transit(v1::Mitigation& mitigation, MitigationAction action) {
  AIRR_ASSIGN_OR_RETURN(State next, NextMitigationState(mitigation.state(), action));
  mitigation.set_state(next);
  return absl::OkStatus();
}

}  // namespace

absl::string_view MitigationActionName(MitigationAction action) {
  switch (action) {
    case MitigationAction::kUpdate:
      return "Update";
    case MitigationAction::kBegin:
      return "Begin";
    case MitigationAction::kComplete:
      return "Complete";
    case MitigationAction::kVerify:
      return "Verify";
    case MitigationAction::kCancel:
      return "Cancel";
  }
  return "Unknown";
}

absl::StatusOr<State> NextMitigationState(State current, MitigationAction action) {
  for (const Edge& edge : kEdges) {
    if (edge.action == action && edge.from == current) {
      return edge.to;
    }
  }
  return InvalidState(current, action);
}

bool IsOverdue(const v1::Mitigation& mitigation, absl::Time now) {
  const bool open = mitigation.state() == v1::MITIGATION_STATE_PLANNED ||
                    mitigation.state() == v1::MITIGATION_STATE_IN_PROGRESS;
  return open && mitigation.has_due_time() && api::TimeFromTimestamp(mitigation.due_time()) < now;
}

absl::StatusOr<std::string> ApplyMitigationUpdate(MitigationRecord& record) {
  AIRR_RETURN_IF_ERROR(Transit(record.mitigation, MitigationAction::kUpdate));
  return std::string("report.mitigation.updated");
}

absl::StatusOr<std::string> ApplyBegin(MitigationRecord& record, absl::Time now) {
  AIRR_RETURN_IF_ERROR(Transit(record.mitigation, MitigationAction::kBegin));
  *record.mitigation.mutable_begin_time() = api::TimestampFromTime(now);
  return std::string("report.mitigation.begun");
}

absl::StatusOr<std::string> ApplyComplete(MitigationRecord& record, absl::string_view note,
                                          const MitigationActor& actor, absl::Time now) {
  AIRR_RETURN_IF_ERROR(Transit(record.mitigation, MitigationAction::kComplete));
  v1::Mitigation& m = record.mitigation;
  *m.mutable_complete_time() = api::TimestampFromTime(now);
  m.set_completed_by(actor.name);
  m.set_completion_note(std::string(note));
  record.completed_by_id = actor.principal_id;
  return std::string("report.mitigation.completed");
}

absl::StatusOr<std::string> ApplyVerify(MitigationRecord& record, absl::string_view method,
                                        const MitigationActor& actor, absl::Time now) {
  AIRR_ASSIGN_OR_RETURN(State next,
                        NextMitigationState(record.mitigation.state(), MitigationAction::kVerify));
  if (actor.principal_id == record.completed_by_id) {
    return ErrorWithReason(
        absl::StatusCode::kFailedPrecondition,
        absl::StrCat("a mitigation must be verified by someone other than ",
                     "the person who completed it (", record.mitigation.completed_by(), ")"),
        "SAME_PERSON", {{"completed_by", record.mitigation.completed_by()}});
  }
  v1::Mitigation& m = record.mitigation;
  m.set_state(next);
  *m.mutable_verify_time() = api::TimestampFromTime(now);
  m.set_verifier(actor.name);
  m.set_verification_method(std::string(method));
  record.verifier_id = actor.principal_id;
  return std::string("report.mitigation.verified");
}

absl::StatusOr<std::string> ApplyCancel(MitigationRecord& record, absl::string_view reason,
                                        absl::Time now) {
  AIRR_RETURN_IF_ERROR(Transit(record.mitigation, MitigationAction::kCancel));
  *record.mitigation.mutable_cancel_time() = api::TimestampFromTime(now);
  record.mitigation.set_cancel_reason(std::string(reason));
  return std::string("report.mitigation.cancelled");
}

}  // namespace airr::report
