// Input checks and state changes of the notification obligation RPCs (MarkNotificationSent,
// AcknowledgeNotification, MarkNotificationNotRequired): pure functions over the request and
// the stored obligation, applied by the store under the row lock.
#pragma once

#include <string>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "airr/report/v1/report_service.pb.h"

namespace airr::report {

// How far ahead of the server's clock a caller-set time may be.
inline constexpr absl::Duration kNotificationClockSkew = absl::Minutes(1);

// Checks what MarkNotificationSent needs regardless of the obligation: sent_time valid and not in
// the future (beyond kNotificationClockSkew), content_ref 1 to 500 characters, at most 20
// evidence_refs of 1 to 500 characters, late_reason up to 2,000 characters. OK or
// INVALID_ARGUMENT naming every offending field. Thread-safe.
absl::Status ValidateMarkSent(const v1::MarkNotificationSentRequest& request, absl::Time now);

// Records the sending on `n` (as stored): FAILED_PRECONDITION (reason INVALID_STATE) unless it is
// PENDING (overdue ones are PENDING when stored); INVALID_ARGUMENT on "late_reason" when the sent
// time (the request's, else `now`) is after the due time and no late_reason is given. Sets the
// state SENT, sent time, `sent_by`, content and evidence references and the late reason.
absl::Status ApplySent(const v1::MarkNotificationSentRequest& request, absl::Time now,
                       const std::string& sent_by, v1::Notification* n);

// Checks an AcknowledgeNotification request: ack_time valid and not in the future,
// recipient_reference up to 200 characters. Thread-safe.
absl::Status ValidateAcknowledge(const v1::AcknowledgeNotificationRequest& request, absl::Time now);

// Records the acknowledgement on `n`: FAILED_PRECONDITION (INVALID_STATE) unless it is SENT;
// INVALID_ARGUMENT on "ack_time" when it is before the sent time. Sets ACKNOWLEDGED, the ack time
// (the request's, else `now`) and the recipient reference.
absl::Status ApplyAcknowledged(const v1::AcknowledgeNotificationRequest& request, absl::Time now,
                               v1::Notification* n);

// Checks a MarkNotificationNotRequired request: justification 1 to 2,000 characters.
absl::Status ValidateMarkNotRequired(const v1::MarkNotificationNotRequiredRequest& request);

// Records a person's decision on `n`: FAILED_PRECONDITION (INVALID_STATE) unless it is PENDING.
// Sets NOT_REQUIRED with the justification as the reason and waived = true.
absl::Status ApplyNotRequired(const v1::MarkNotificationNotRequiredRequest& request,
                              v1::Notification* n);

}  // namespace airr::report
