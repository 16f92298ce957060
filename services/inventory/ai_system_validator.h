// The rules an AI system must satisfy, checked on create and on the merged result of an update.
// Pure functions; every violation is reported at once, each naming its field.
#pragma once

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "airr/inventory/v1/inventory_service.pb.h"

namespace airr::inventory {

// OK, or INVALID_ARGUMENT with one BadRequest violation per broken rule. Field paths start with
// `prefix` (e.g. "ai_system"). Output-only fields are not checked. Thread-safe.
absl::Status ValidateAiSystem(const v1::AiSystem& system, absl::string_view prefix);

// Checks the other fields of CreateAiSystemRequest (ai_system_id, request_id) together with the
// system itself.
absl::Status ValidateCreateRequest(const v1::CreateAiSystemRequest& request);

// Whether the jurisdiction code is the EU or one of its member states.
bool IsEuJurisdiction(absl::string_view code);

}  // namespace airr::inventory
