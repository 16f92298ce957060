#include "services/report/notification_validator.h"

#include "absl/strings/str_cat.h"
#include "libs/api/timestamps.h"
#include "libs/api/validation.h"
#include "libs/api/violations.h"
#include "libs/common/errors.h"

namespace airr::report {
namespace {

using api::Violations;

constexpr size_t kMaxRefChars = 500;
constexpr size_t kMaxEvidenceRefs = 20;
constexpr size_t kMaxReasonChars = 2000;
constexpr size_t kMaxReferenceChars = 200;

absl::Status InvalidState(const v1::Notification& n, absl::string_view verb,
                          absl::string_view action, const std::string& allowed) {
  return InvalidStateError("a notification", verb, action, v1::NotificationState_Name(n.state()),
                           {allowed}, "NOTIFICATION_STATE_");
}

}  // namespace

absl::Status ValidateMarkSent(const v1::MarkNotificationSentRequest& request, absl::Time now) {
  Violations v("");
  if (request.has_sent_time()) {
    api::CheckPastTimestamp(v, "sent_time", request.sent_time(), now, kNotificationClockSkew);
  }
  v.Merge(api::CheckText("content_ref", request.content_ref(), 1, kMaxRefChars, false));
  api::CheckTextList(v, "evidence_refs", request.evidence_refs(), kMaxEvidenceRefs, kMaxRefChars);
  v.Merge(api::CheckText("late_reason", request.late_reason(), 0, kMaxReasonChars, true));
  return std::move(v).ToStatus();
}

absl::Status ApplySent(const v1::MarkNotificationSentRequest& request, absl::Time now,
                       const std::string& sent_by, v1::Notification* n) {
  if (n->state() != v1::NOTIFICATION_STATE_PENDING) {
    return InvalidState(*n, "mark sent", "mark_sent", "NOTIFICATION_STATE_PENDING");
  }
  const absl::Time sent =
      request.has_sent_time() ? api::TimeFromTimestamp(request.sent_time()) : now;
  if (sent > api::TimeFromTimestamp(n->due_time()) && request.late_reason().empty()) {
    return InvalidField("late_reason",
                        "is required when the notification is sent after its due time");
  }
  n->set_state(v1::NOTIFICATION_STATE_SENT);
  *n->mutable_sent_time() = api::TimestampFromTime(sent);
  n->set_sent_by(sent_by);
  n->set_content_ref(request.content_ref());
  *n->mutable_evidence_refs() = request.evidence_refs();
  n->set_late_reason(request.late_reason());
  return absl::OkStatus();
}

absl::Status ValidateAcknowledge(const v1::AcknowledgeNotificationRequest& request,
                                 absl::Time now) {
  Violations v("");
  if (request.has_ack_time()) {
    api::CheckPastTimestamp(v, "ack_time", request.ack_time(), now, kNotificationClockSkew);
  }
  v.Merge(api::CheckText("recipient_reference", request.recipient_reference(), 0,
                         kMaxReferenceChars, false));
  return std::move(v).ToStatus();
}

absl::Status ApplyAcknowledged(const v1::AcknowledgeNotificationRequest& request, absl::Time now,
                               v1::Notification* n) {
  if (n->state() != v1::NOTIFICATION_STATE_SENT) {
    return InvalidState(*n, "acknowledge", "acknowledge", "NOTIFICATION_STATE_SENT");
  }
  const absl::Time ack = request.has_ack_time() ? api::TimeFromTimestamp(request.ack_time()) : now;
  if (ack < api::TimeFromTimestamp(n->sent_time())) {
    return InvalidField("ack_time", "must not be before the sent time");
  }
  n->set_state(v1::NOTIFICATION_STATE_ACKNOWLEDGED);
  *n->mutable_ack_time() = api::TimestampFromTime(ack);
  n->set_recipient_reference(request.recipient_reference());
  return absl::OkStatus();
}

absl::Status ValidateMarkNotRequired(const v1::MarkNotificationNotRequiredRequest& request) {
  return api::CheckText("justification", request.justification(), 1, kMaxReasonChars, true);
}

absl::Status ApplyNotRequired(const v1::MarkNotificationNotRequiredRequest& request,
                              v1::Notification* n) {
  if (n->state() != v1::NOTIFICATION_STATE_PENDING) {
    return InvalidState(*n, "mark not required", "mark_not_required", "NOTIFICATION_STATE_PENDING");
  }
  n->set_state(v1::NOTIFICATION_STATE_NOT_REQUIRED);
  n->set_not_required_reason(request.justification());
  n->set_waived(true);
  return absl::OkStatus();
}

}  // namespace airr::report
