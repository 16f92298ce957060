// The rules a mitigation and the mitigation requests must satisfy, as pure functions of the
// request. Every violation is reported at once in one INVALID_ARGUMENT, each naming its field
// path and the rule it breaks.
#pragma once

#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "airr/report/v1/report_service.pb.h"

namespace airr::report {

// Checks every caller-settable field of `mitigation` of incident `incident_id`; output-only
// fields (name, state, overdue, the lifecycle fields, create/update_time, etag) are ignored.
// Field paths start with `prefix` ("mitigation" gives "mitigation.title").
//   violation    optional; `incidents/{incident_id}/violations/{id}`: a violation of the same
//                incident (not checked against `incident_id` when it is empty).
//   kind         required; a known value.
//   title        1 to 200 characters, single line.
//   description  up to 4,000 characters; may span lines.
//   owner        1 to 200 characters, single line.
//   due_time     required; a valid Timestamp (the past is allowed: mitigations are backfilled).
// Returns OK or INVALID_ARGUMENT with every violation. Thread-safe.
absl::Status ValidateMitigation(const v1::Mitigation& mitigation, absl::string_view prefix,
                                absl::string_view incident_id);

// Checks a CreateMitigationRequest: parent `incidents/{incident}`; mitigation_id empty or a
// resource id (see api::IsValidResourceId); request_id empty or a UUID; the mitigation as
// ValidateMitigation with prefix "mitigation". Returns OK or INVALID_ARGUMENT. Thread-safe.
absl::Status ValidateCreateMitigation(const v1::CreateMitigationRequest& request);

// Checks a ListMitigationsRequest: parent `incidents/{incident}` or `incidents/-`; page_size not
// negative; states known, non-zero and not repeated; owner up to 200 characters, single line.
// Returns OK or INVALID_ARGUMENT. Thread-safe.
absl::Status ValidateListMitigations(const v1::ListMitigationsRequest& request);

// The lifecycle requests besides the name and etag (checked by the adapter): note 1 to 4,000
// characters (multi-line), method 1 to 2,000 characters (multi-line), reason 1 to 2,000
// characters (multi-line). Each returns OK or INVALID_ARGUMENT naming "note", "method" or
// "reason". Thread-safe.
absl::Status ValidateCompleteMitigation(const v1::CompleteMitigationRequest& request);
absl::Status ValidateVerifyMitigation(const v1::VerifyMitigationRequest& request);
absl::Status ValidateCancelMitigation(const v1::CancelMitigationRequest& request);

// The violation id of a validated `incidents/{incident}/violations/{id}` name; "" for "".
// Thread-safe.
std::string ViolationIdOf(absl::string_view violation_name);

}  // namespace airr::report
