// The rules of the violation requests (LinkViolation, ConfirmViolation, UnlinkViolation) as pure
// functions of the request. Every violation is reported at once, each naming its field path and
// the rule it breaks. Catalog membership, the principle's kind and the incident are checked by
// the store.
#pragma once

#include "absl/status/status.h"
#include "airr/report/v1/report_service.pb.h"

namespace airr::report {

// Checks the caller-settable fields of `request.violation()` (paths "violation.<field>");
// output-only fields are ignored. The parent is parsed by the caller.
//   principle        required; a well-formed `principles/{id}` name.
//   rationale        1 to 4,000 characters; may span lines.
//   evidence_refs    at most 20, each 1 to 500 characters, single line.
//   confidence       required; a known value.
//   suggestion_rule  optional; a well-formed `suggestionRules/{id}` name when set.
// Returns OK or INVALID_ARGUMENT listing every violation. Thread-safe.
absl::Status ValidateLinkViolation(const v1::LinkViolationRequest& request);

// Checks `note`: up to 2,000 characters, may span lines. Thread-safe.
absl::Status ValidateConfirmViolation(const v1::ConfirmViolationRequest& request);

// Checks `reason`: 1 to 2,000 characters, may span lines. Thread-safe.
absl::Status ValidateUnlinkViolation(const v1::UnlinkViolationRequest& request);

}  // namespace airr::report
