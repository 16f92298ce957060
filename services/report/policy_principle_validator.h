// The rules a policy principle and its create request must satisfy, as pure functions. Every
// violation is reported at once, each naming its field path and the rule it breaks. Whether the
// mapped principles exist in the catalog is checked by the store, which can see the catalog.
#pragma once

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "airr/report/v1/report_service.pb.h"

namespace airr::report {

// The fields UpdatePolicyPrinciple may change, in the order "*" expands to.
const std::vector<std::string>& PolicyPrincipleUpdatableFields();

// Checks the caller-settable fields of `principle`; output-only fields are ignored. Paths start
// with `prefix` ("policy_principle" gives "policy_principle.code").
//   code               1 to 20 characters, single line. Required.
//   title              1 to 200 characters, single line. Required.
//   description        up to 4,000 characters; may span lines.
//   mapped_principles  1 to 20 well-formed `principles/{id}` names, none repeated.
// Returns OK or INVALID_ARGUMENT listing every violation. Thread-safe.
absl::Status ValidatePolicyPrinciple(const v1::PolicyPrinciple& principle,
                                     absl::string_view prefix);

// Checks a create request: `policy_principle_id` (required, ^[a-z0-9][a-z0-9-]{0,62}$) and the
// principle as ValidatePolicyPrinciple with prefix "policy_principle". Thread-safe.
absl::Status ValidateCreatePolicyPrincipleRequest(const v1::CreatePolicyPrincipleRequest& request);

}  // namespace airr::report
