#include "services/report/notification_rule_validator.h"

#include <cstdint>
#include <tuple>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "libs/api/resource_name.h"
#include "libs/api/timestamps.h"
#include "libs/api/validation.h"
#include "libs/api/violations.h"
#include "services/report/notification_clock.h"
#include "services/report/resource_names.h"
#include "services/report/rule_conditions.h"

namespace airr::report {
namespace {

using api::Violations;

constexpr size_t kMaxShortText = 200;
constexpr size_t kMaxSourceChars = 2000;
constexpr size_t kMaxReasonChars = 2000;
constexpr int kMaxConditions = 20;
constexpr int kMaxValues = 50;
constexpr int32_t kMaxPeriodAmount = 10000;

void Text(Violations& v, absl::string_view field, absl::string_view value, size_t min, size_t max) {
  v.Merge(api::CheckText(v.Path(field), value, min, max, /*multiline=*/false));
}

void CheckPeriod(Violations& v, const std::string& field, const v1::Period& period) {
  if (period.amount() < 0 || period.amount() > kMaxPeriodAmount) {
    v.Add(field + ".amount", "must be 0 to 10000");
  }
  api::RequireEnum(v, field + ".unit", period.unit(), v1::PeriodUnit_IsValid);
}

bool IsUpperSnake(absl::string_view value) {
  if (value.empty()) {
    return false;
  }
  for (char c : value) {
    if (!absl::ascii_isupper(c) && !absl::ascii_isdigit(c) && c != '_') {
      return false;
    }
  }
  return true;
}

bool IsJurisdictionValue(absl::string_view value) {
  return value == "EU" || value == "EEA" ||
         (value.size() == 2 && absl::ascii_isupper(value[0]) && absl::ascii_isupper(value[1]));
}

void CheckCondition(Violations& v, const std::string& field, const v1::RuleCondition& c) {
  api::RequireEnum(v, field + ".fact", c.fact(), v1::RuleFact_IsValid);
  api::RequireEnum(v, field + ".operator", c.operator_(), v1::RuleOperator_IsValid);
  if (c.fact() == v1::RULE_FACT_UNSPECIFIED || c.operator_() == v1::RULE_OPERATOR_UNSPECIFIED ||
      !v1::RuleFact_IsValid(c.fact()) || !v1::RuleOperator_IsValid(c.operator_())) {
    return;
  }
  if (!OperatorFitsFact(c.fact(), c.operator_())) {
    v.Add(field + ".operator", absl::StrCat(v1::RuleOperator_Name(c.operator_()), " does not fit ",
                                            v1::RuleFact_Name(c.fact())));
    return;
  }
  const std::string values = field + ".values";
  switch (c.operator_()) {
    case v1::RULE_OPERATOR_GREATER_THAN: {
      int64_t bound = 0;
      if (c.values_size() != 1 || !absl::SimpleAtoi(c.values(0), &bound) || bound < 0) {
        v.Add(values, "must be exactly one whole number >= 0 for GREATER_THAN");
      }
      return;
    }
    case v1::RULE_OPERATOR_IS_TRUE:
    case v1::RULE_OPERATOR_IS_FALSE:
      if (!c.values().empty()) {
        v.Add(values, "must be empty for IS_TRUE and IS_FALSE");
      }
      return;
    default:
      break;
  }
  if (c.values().empty() || c.values_size() > kMaxValues) {
    v.Add(values, "must have 1 to 50 values for ANY_OF and NONE_OF");
    return;
  }
  const absl::string_view prefix = FactValuePrefix(c.fact());
  for (int i = 0; i < c.values_size(); ++i) {
    const std::string& value = c.values(i);
    const std::string path = api::IndexPath(values, i);
    if (c.fact() == v1::RULE_FACT_JURISDICTION) {
      if (!IsJurisdictionValue(value)) {
        v.Add(path, "must be an ISO 3166-1 alpha-2 code, EU or EEA");
      }
    } else if (!IsUpperSnake(value) || !absl::StartsWith(value, prefix) ||
               value.size() == prefix.size() || absl::EndsWith(value, "_UNSPECIFIED")) {
      v.Add(path, absl::StrCat("must be an enum value name starting with ", prefix));
    }
  }
}

void CheckConditions(Violations& v, const std::string& field,
                     const google::protobuf::RepeatedPtrField<v1::RuleCondition>& list) {
  if (list.size() > kMaxConditions) {
    v.Add(field, "must have at most 20 conditions");
    return;
  }
  for (int i = 0; i < list.size(); ++i) {
    CheckCondition(v, api::IndexPath(field, i), list[i]);
  }
}

}  // namespace

const std::vector<std::string>& NotificationRuleUpdatableFields() {
  static const auto* fields =
      new std::vector<std::string>{"regime",         "title",          "citation",
                                   "stage",          "recipient_type", "recipient",
                                   "channel",        "clock_start",    "previous_stage_rule",
                                   "deadline",       "target",         "statutory_deadline",
                                   "all_of",         "any_of",         "precedence_group",
                                   "effective_from", "effective_to",   "source"};
  return *fields;
}

void CheckNotificationRule(Violations& v, const v1::NotificationRule& rule) {
  api::RequireEnum(v, "regime", rule.regime(), v1::Regime_IsValid);
  Text(v, "title", rule.title(), 1, kMaxShortText);
  Text(v, "citation", rule.citation(), 0, kMaxShortText);
  api::RequireEnum(v, "stage", rule.stage(), v1::NotificationStage_IsValid);
  api::RequireEnum(v, "recipient_type", rule.recipient_type(), v1::RecipientType_IsValid);
  Text(v, "recipient", rule.recipient(), 1, kMaxShortText);
  Text(v, "channel", rule.channel(), 0, kMaxShortText);
  v.Merge(api::CheckText(v.Path("source"), rule.source(), 0, kMaxSourceChars, true));
  api::RequireEnum(v, "clock_start", rule.clock_start(), v1::ClockStart_IsValid);
  const bool chained = rule.clock_start() == v1::CLOCK_START_PREVIOUS_STAGE_SENT;
  if (chained) {
    if (rule.previous_stage_rule().empty()) {
      v.Add("previous_stage_rule", "is required when clock_start is PREVIOUS_STAGE_SENT");
    } else {
      auto id = api::ParseResourceName(rule.previous_stage_rule(), kNotificationRuleCollection,
                                       v.Path("previous_stage_rule"));
      v.Merge(id.status());
    }
  } else if (!rule.previous_stage_rule().empty()) {
    v.Add("previous_stage_rule", "must be empty unless clock_start is PREVIOUS_STAGE_SENT");
  }
  if (!rule.has_deadline()) {
    v.Add("deadline", "is required");
  } else {
    CheckPeriod(v, "deadline", rule.deadline());
  }
  if (rule.has_target()) {
    CheckPeriod(v, "target", rule.target());
    // Compared from a month end, where months are shortest relative to days.
    const absl::Time base = absl::FromCivil(absl::CivilSecond(2001, 1, 31), absl::UTCTimeZone());
    if (rule.has_deadline() && AddPeriod(base, rule.target()) > AddPeriod(base, rule.deadline())) {
      v.Add("target", "must not be after the deadline");
    }
  }
  CheckConditions(v, "all_of", rule.all_of());
  CheckConditions(v, "any_of", rule.any_of());
  if (!rule.precedence_group().empty() && !api::IsValidResourceId(rule.precedence_group())) {
    v.Add("precedence_group", "must be empty or 1 to 63 lower-case letters, digits and hyphens");
  }
  bool times_ok = true;
  for (const auto& [field, has, ts] :
       {std::tuple<const char*, bool, const google::protobuf::Timestamp*>{
            "effective_from", rule.has_effective_from(), &rule.effective_from()},
        {"effective_to", rule.has_effective_to(), &rule.effective_to()}}) {
    if (has && !api::IsValidTimestamp(*ts)) {
      v.Add(field, "must be a valid timestamp");
      times_ok = false;
    }
  }
  if (times_ok && rule.has_effective_from() && rule.has_effective_to() &&
      api::TimeFromTimestamp(rule.effective_to()) <=
          api::TimeFromTimestamp(rule.effective_from())) {
    v.Add("effective_to", "must be after effective_from");
  }
}

absl::Status ValidateCreateNotificationRule(const v1::CreateNotificationRuleRequest& request) {
  Violations top("");
  top.Merge(api::CheckResourceId("rule_id", request.rule_id()));
  Violations v("rule");
  CheckNotificationRule(v, request.rule());
  absl::Status rule_status = std::move(v).ToStatus();
  top.Merge(rule_status);
  return std::move(top).ToStatus();
}

absl::Status ValidateSetNotificationRuleEnabled(const v1::SetNotificationRuleEnabledRequest& req) {
  return api::CheckText("reason", req.reason(), 1, kMaxReasonChars, /*multiline=*/true);
}

}  // namespace airr::report
