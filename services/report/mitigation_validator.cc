#include "services/report/mitigation_validator.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "libs/api/resource_name.h"
#include "libs/api/timestamps.h"
#include "libs/api/validation.h"
#include "libs/api/violations.h"
#include "services/report/mitigation_fields.h"
#include "services/report/resource_names.h"

namespace airr::report {
namespace {

using api::Violations;

// The most states a list request may filter on: each known state once.
constexpr size_t kMaxStateFilters = 5;

void CheckText(Violations& v, absl::string_view field, absl::string_view value, size_t min_chars,
               size_t max_chars, bool multiline) {
  v.Merge(api::CheckText(v.Path(field), value, min_chars, max_chars, multiline));
}

}  // namespace

absl::Status ValidateMitigation(const v1::Mitigation& mitigation, absl::string_view prefix,
                                absl::string_view incident_id) {
  Violations v(prefix);
  if (!mitigation.violation().empty()) {
    absl::StatusOr<api::ChildName> violation = api::ParseChildResourceName(
        mitigation.violation(), kIncidentCollection, kViolationCollection, v.Path("violation"));
    if (!violation.ok()) {
      v.Merge(violation.status());
    } else if (!incident_id.empty() && violation->parent_id != incident_id) {
      v.Add("violation", absl::StrCat("must be a violation of the same incident (",
                                      kIncidentCollection, "/", incident_id, ")"));
    }
  }
  api::RequireEnum(v, "kind", mitigation.kind(), v1::MitigationKind_IsValid);
  CheckText(v, "title", mitigation.title(), 1, kMaxMitigationTitleChars, false);
  CheckText(v, "description", mitigation.description(), 0, kMaxMitigationDescriptionChars, true);
  CheckText(v, "owner", mitigation.owner(), 1, kMaxMitigationOwnerChars, false);
  if (!mitigation.has_due_time()) {
    v.Add("due_time", "is required");
  } else if (!api::IsValidTimestamp(mitigation.due_time())) {
    v.Add("due_time",
          "must be a valid timestamp (0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z, nanos 0 to "
          "999999999)");
  }
  return std::move(v).ToStatus();
}

absl::Status ValidateCreateMitigation(const v1::CreateMitigationRequest& request) {
  Violations v("");
  std::string incident_id;
  absl::StatusOr<std::string> parent =
      api::ParseResourceName(request.parent(), kIncidentCollection, "parent");
  if (parent.ok()) {
    incident_id = *parent;
  } else {
    v.Merge(parent.status());
  }
  if (!request.mitigation_id().empty()) {
    v.Merge(api::CheckResourceId("mitigation_id", request.mitigation_id()));
  }
  if (!request.request_id().empty()) {
    v.Merge(api::CheckUuid("request_id", request.request_id()));
  }
  v.Merge(ValidateMitigation(request.mitigation(), "mitigation", incident_id));
  return std::move(v).ToStatus();
}

absl::Status ValidateListMitigations(const v1::ListMitigationsRequest& request) {
  Violations v("");
  v.Merge(api::ParseParentOrAny(request.parent(), kIncidentCollection, "parent").status());
  if (request.page_size() < 0) {
    v.Add("page_size", "must not be negative");
  }
  api::CheckEnumList(v, "states", request.states(), 0, kMaxStateFilters,
                     v1::MitigationState_IsValid);
  CheckText(v, "owner", request.owner(), 0, kMaxMitigationOwnerChars, false);
  return std::move(v).ToStatus();
}

absl::Status ValidateCompleteMitigation(const v1::CompleteMitigationRequest& request) {
  return api::CheckText("note", request.note(), 1, kMaxCompletionNoteChars, true);
}

absl::Status ValidateVerifyMitigation(const v1::VerifyMitigationRequest& request) {
  return api::CheckText("method", request.method(), 1, kMaxVerificationMethodChars, true);
}

absl::Status ValidateCancelMitigation(const v1::CancelMitigationRequest& request) {
  return api::CheckText("reason", request.reason(), 1, kMaxCancelReasonChars, true);
}

std::string ViolationIdOf(absl::string_view violation_name) {
  const size_t slash = violation_name.rfind('/');
  if (slash == absl::string_view::npos) {
    return "";
  }
  return std::string(violation_name.substr(slash + 1));
}

}  // namespace airr::report
