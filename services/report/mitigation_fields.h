// The fields of a mitigation as the API exposes them: which ones UpdateMitigation may change, how
// its resource name and the name of the violation it addresses are formed, and the text limits
// the validator enforces.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace airr::report {

// Longest title, owner, description, completion note, verification method and cancel reason.
inline constexpr size_t kMaxMitigationTitleChars = 200;
inline constexpr size_t kMaxMitigationOwnerChars = 200;
inline constexpr size_t kMaxMitigationDescriptionChars = 4000;
inline constexpr size_t kMaxCompletionNoteChars = 4000;
inline constexpr size_t kMaxVerificationMethodChars = 2000;
inline constexpr size_t kMaxCancelReasonChars = 2000;

// The top-level Mitigation fields UpdateMitigation may change, in message order: violation, kind,
// title, description, owner, due_time. Thread-safe.
const std::vector<std::string>& MitigationUpdatableFields();

// `incidents/{incident_id}/mitigations/{id}`. Does not validate. Thread-safe.
std::string MitigationName(absl::string_view incident_id, absl::string_view id);

// `incidents/{incident_id}/violations/{violation_id}`, or "" when `violation_id` is empty. Does
// not validate. Thread-safe.
std::string MitigationViolationName(absl::string_view incident_id, absl::string_view violation_id);

}  // namespace airr::report
