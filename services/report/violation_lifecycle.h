// The state machine of a violation link: PROPOSED -> CONFIRMED (by someone other than the
// assessor) and PROPOSED or CONFIRMED -> UNLINKED (with a reason). Pure functions over the stored
// record; the store writes what they changed.
#pragma once

#include <string>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "airr/report/v1/report_service.pb.h"

namespace airr::report {

// A stored violation with what the API does not show: the principal ids the four-eyes rule
// compares.
struct ViolationRecord {
  std::string incident_id;
  std::string id;
  v1::Violation violation;
  std::string assessor_id;
  std::string confirmer_id;
};

// Confirms a PROPOSED violation as `confirmer` (its audit name) with principal id `confirmer_id`
// at `now`, recording `note`. FAILED_PRECONDITION with ErrorInfo reason INVALID_STATE when it is
// not PROPOSED, and with reason SAME_PERSON when `confirmer_id` is the assessor's. Leaves
// `record` unchanged on error. Thread-safe.
absl::Status ApplyConfirm(ViolationRecord& record, const std::string& confirmer,
                          const std::string& confirmer_id, const std::string& note, absl::Time now);

// Unlinks a PROPOSED or CONFIRMED violation as `by` at `now` with `reason`.
// FAILED_PRECONDITION with reason INVALID_STATE when it is already UNLINKED. Thread-safe.
absl::Status ApplyUnlink(ViolationRecord& record, const std::string& by, const std::string& reason,
                         absl::Time now);

}  // namespace airr::report
