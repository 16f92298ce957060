#include "services/report/violation_validator.h"

#include "libs/api/validation.h"
#include "libs/api/violations.h"
#include "services/report/principle_names.h"

namespace airr::report {
namespace {

constexpr size_t kMaxRationaleChars = 4000;
constexpr size_t kMaxEvidenceRefs = 20;
constexpr size_t kMaxEvidenceRefChars = 500;
constexpr size_t kMaxNoteChars = 2000;

}  // namespace

absl::Status ValidateLinkViolation(const v1::LinkViolationRequest& request) {
  const v1::Violation& link = request.violation();
  api::Violations v("violation");
  v.Merge(ParsePrincipleName(link.principle(), v.Path("principle")).status());
  v.Merge(api::CheckText(v.Path("rationale"), link.rationale(), 1, kMaxRationaleChars, true));
  api::CheckTextList(v, "evidence_refs", link.evidence_refs(), kMaxEvidenceRefs,
                     kMaxEvidenceRefChars);
  api::RequireEnum(v, "confidence", link.confidence(), v1::Confidence_IsValid);
  if (!link.suggestion_rule().empty()) {
    v.Merge(ParseSuggestionRuleName(link.suggestion_rule(), v.Path("suggestion_rule")).status());
  }
  return std::move(v).ToStatus();
}

absl::Status ValidateConfirmViolation(const v1::ConfirmViolationRequest& request) {
  return api::CheckText("note", request.note(), 0, kMaxNoteChars, true);
}

absl::Status ValidateUnlinkViolation(const v1::UnlinkViolationRequest& request) {
  return api::CheckText("reason", request.reason(), 1, kMaxNoteChars, true);
}

}  // namespace airr::report
