// The resource names of the principle catalog (`principles/C03.1`), the tenant's policy
// principles (`policyPrinciples/{id}`) and the suggestion rules (`suggestionRules/{id}`). Their ids
// are not ordinary resource ids (catalog ids are upper-case, policy ids may start with a digit),
// so they are parsed here rather than by api::ParseResourceName.
#pragma once

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace airr::report {

// True for a catalog id: a common principle `C01`..`C99`, a sub-item `C03.1` or an advanced-AI
// principle `ADV02`. Thread-safe.
bool IsPrincipleId(absl::string_view id);

// True for the id of a common principle (`C03`, no sub-item number). Thread-safe.
bool IsCommonPrincipleId(absl::string_view id);

// Returns the id of `principles/{id}`, or INVALID_ARGUMENT naming `field` when `name` is empty
// ("is required") or does not match ^principles/(C\d\d(\.\d)?|ADV\d\d)$. Thread-safe.
absl::StatusOr<std::string> ParsePrincipleName(absl::string_view name, absl::string_view field);

// Returns `principles/{id}`. Does not validate. Thread-safe.
std::string PrincipleName(absl::string_view id);

// True for an id of a policy principle or suggestion rule: ^[a-z0-9][a-z0-9-]{0,62}$.
bool IsReferenceId(absl::string_view id);

// Returns the id of `policyPrinciples/{id}`, or INVALID_ARGUMENT naming `field` (see
// IsReferenceId). Thread-safe.
absl::StatusOr<std::string> ParsePolicyPrincipleName(absl::string_view name,
                                                     absl::string_view field);

// Returns the id of `suggestionRules/{id}`, or INVALID_ARGUMENT naming `field` (see
// IsReferenceId). Thread-safe.
absl::StatusOr<std::string> ParseSuggestionRuleName(absl::string_view name,
                                                    absl::string_view field);

}  // namespace airr::report
