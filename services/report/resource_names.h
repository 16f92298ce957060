// The collection ids of the resource names the report service reads and writes, in one place for
// every layer: `principles/{principle}`, `policyPrinciples/{policy_principle}`,
// `suggestionRules/{rule}`, `notificationRules/{rule}`, and the children of
// `incidents/{incident}`: `violations`, `mitigations`, `notifications`.
#pragma once

namespace airr::report {

inline constexpr char kIncidentCollection[] = "incidents";
inline constexpr char kAiSystemCollection[] = "aiSystems";
inline constexpr char kPrincipleCollection[] = "principles";
inline constexpr char kPolicyPrincipleCollection[] = "policyPrinciples";
inline constexpr char kSuggestionRuleCollection[] = "suggestionRules";
inline constexpr char kNotificationRuleCollection[] = "notificationRules";
inline constexpr char kViolationCollection[] = "violations";
inline constexpr char kMitigationCollection[] = "mitigations";
inline constexpr char kNotificationCollection[] = "notifications";

}  // namespace airr::report
