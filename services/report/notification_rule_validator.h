// Input checks of the notification rule RPCs (CreateNotificationRule, UpdateNotificationRule,
// SetNotificationRuleEnabled): every field of a rule, its conditions and its clock. Pure: no
// database; whether a previous stage rule exists is the store's check.
#pragma once

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "airr/report/v1/report_service.pb.h"
#include "libs/api/violations.h"

namespace airr::report {

// The fields UpdateNotificationRule may change (top-level NotificationRule fields).
const std::vector<std::string>& NotificationRuleUpdatableFields();

// Checks a whole rule, reporting on paths under `v`'s prefix (e.g. "rule.title"): regime, stage,
// recipient_type and clock_start set and known; title and recipient 1 to 200 characters,
// citation and channel up to 200, source up to 2,000; deadline set with amount 0 to 10,000 and a
// unit; target (optional) the same and not after the deadline; previous_stage_rule a rule name
// when and only when clock_start is PREVIOUS_STAGE_SENT; at most 20 conditions in each of all_of
// and any_of, each with a fact and an operator that fits it (lists and enums ANY_OF/NONE_OF with
// 1 to 50 values of the fact's enum or jurisdiction codes, counts GREATER_THAN with exactly one
// whole number >= 0, flags IS_TRUE/IS_FALSE with no values); precedence_group empty or an id;
// effective_from and effective_to valid and effective_to after effective_from. Thread-safe.
void CheckNotificationRule(api::Violations& v, const v1::NotificationRule& rule);

// Checks a CreateNotificationRule request: rule_id (a resource id) and the rule. OK or
// INVALID_ARGUMENT naming every offending field. Thread-safe.
absl::Status ValidateCreateNotificationRule(const v1::CreateNotificationRuleRequest& request);

// Checks a SetNotificationRuleEnabled request's reason (1 to 2,000 characters). OK or
// INVALID_ARGUMENT on "reason". The name is parsed by the caller. Thread-safe.
absl::Status ValidateSetNotificationRuleEnabled(const v1::SetNotificationRuleEnabledRequest& req);

}  // namespace airr::report
