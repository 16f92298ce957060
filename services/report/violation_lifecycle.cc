#include "services/report/violation_lifecycle.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "libs/api/timestamps.h"
#include "libs/common/errors.h"

namespace airr::report {
namespace {

absl::Status InvalidState(const ViolationRecord& record, absl::string_view verb,
                          absl::string_view action, std::vector<std::string> allowed) {
  return InvalidStateError("a violation", verb, action,
                           v1::ViolationState_Name(record.violation.state()), allowed,
                           "VIOLATION_STATE_");
}

}  // namespace

absl::Status ApplyConfirm(ViolationRecord& record, const std::string& confirmer,
                          const std::string& confirmer_id, const std::string& note,
                          absl::Time now) {
  if (record.violation.state() != v1::VIOLATION_STATE_PROPOSED) {
    return InvalidState(record, "confirm", "confirm", {"VIOLATION_STATE_PROPOSED"});
  }
  if (confirmer_id == record.assessor_id) {
    return ErrorWithReason(absl::StatusCode::kFailedPrecondition,
                           absl::StrCat("violation ", record.violation.name(),
                                        " must be confirmed by someone other than its assessor"),
                           "SAME_PERSON", {{"assessor", record.violation.assessor()}});
  }
  record.violation.set_state(v1::VIOLATION_STATE_CONFIRMED);
  record.violation.set_confirmer(confirmer);
  record.confirmer_id = confirmer_id;
  *record.violation.mutable_confirm_time() = api::TimestampFromTime(now);
  record.violation.set_confirm_note(note);
  return absl::OkStatus();
}

absl::Status ApplyUnlink(ViolationRecord& record, const std::string& by, const std::string& reason,
                         absl::Time now) {
  if (record.violation.state() == v1::VIOLATION_STATE_UNLINKED) {
    return InvalidState(record, "unlink", "unlink",
                        {"VIOLATION_STATE_PROPOSED", "VIOLATION_STATE_CONFIRMED"});
  }
  record.violation.set_state(v1::VIOLATION_STATE_UNLINKED);
  record.violation.set_unlinked_by(by);
  *record.violation.mutable_unlink_time() = api::TimestampFromTime(now);
  record.violation.set_unlink_reason(reason);
  return absl::OkStatus();
}

}  // namespace airr::report
