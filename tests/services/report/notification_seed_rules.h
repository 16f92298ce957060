// The seeded notification rules of V0008__notification_rules.sql as the engine must see them,
// written out again in proto text form. The unit tests compute every seeded deadline from this
// table, and notification_rules_pgtest.cc checks that the migrated rows equal it, so a change of
// either that is not made in both fails a test.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "absl/time/time.h"
#include "airr/report/v1/report_service.pb.h"
#include "google/protobuf/text_format.h"

namespace airr::report::testing {

// The AI Act's serious-incident conditions, shared by several rules.
inline constexpr char kAiActProviderAllOf[] = R"pb(
  all_of {
    fact: RULE_FACT_AI_SYSTEM_EU_RISK_CATEGORY
    operator: RULE_OPERATOR_ANY_OF
    values: "EU_RISK_CATEGORY_HIGH_RISK"
  }
  all_of {
    fact: RULE_FACT_AI_SYSTEM_ACTOR_ROLE
    operator: RULE_OPERATOR_ANY_OF
    values: "ACTOR_ROLE_PROVIDER"
  }
  all_of { fact: RULE_FACT_JURISDICTION operator: RULE_OPERATOR_ANY_OF values: "EU" }
)pb";
inline constexpr char kSeriousIncidentAnyOf[] = R"pb(
  any_of { fact: RULE_FACT_DEATHS operator: RULE_OPERATOR_GREATER_THAN values: "0" }
  any_of { fact: RULE_FACT_SERIOUS_INJURIES operator: RULE_OPERATOR_GREATER_THAN values: "0" }
  any_of { fact: RULE_FACT_FUNDAMENTAL_RIGHTS_INFRINGED operator: RULE_OPERATOR_IS_TRUE }
  any_of {
    fact: RULE_FACT_HARM_TYPE
    operator: RULE_OPERATOR_ANY_OF
    values: "HARM_TYPE_CRITICAL_INFRASTRUCTURE"
    values: "HARM_TYPE_PROPERTY"
    values: "HARM_TYPE_ENVIRONMENTAL"
  }
)pb";
inline constexpr char kBreachedEea[] = R"pb(
  all_of { fact: RULE_FACT_PERSONAL_DATA_BREACHED operator: RULE_OPERATOR_IS_TRUE }
  all_of { fact: RULE_FACT_JURISDICTION operator: RULE_OPERATOR_ANY_OF values: "EEA" }
)pb";
inline constexpr char kBreachedJp[] = R"pb(
  all_of { fact: RULE_FACT_PERSONAL_DATA_BREACHED operator: RULE_OPERATOR_IS_TRUE }
  all_of { fact: RULE_FACT_JURISDICTION operator: RULE_OPERATOR_ANY_OF values: "JP" }
)pb";
inline constexpr char kAppiTriggers[] = R"pb(
  any_of {
    fact: RULE_FACT_BREACH_CATEGORY
    operator: RULE_OPERATOR_ANY_OF
    values: "BREACH_CATEGORY_SENSITIVE"
    values: "BREACH_CATEGORY_FINANCIALLY_EXPLOITABLE"
    values: "BREACH_CATEGORY_WRONGFUL_PURPOSE_SUSPECTED"
  }
  any_of { fact: RULE_FACT_BREACH_PERSONS operator: RULE_OPERATOR_GREATER_THAN values: "1000" }
)pb";
inline constexpr char kNis2AllOf[] = R"pb(
  all_of { fact: RULE_FACT_JURISDICTION operator: RULE_OPERATOR_ANY_OF values: "EU" }
  all_of {
    fact: RULE_FACT_SEVERITY
    operator: RULE_OPERATOR_ANY_OF
    values: "SEVERITY_SEV1"
    values: "SEVERITY_SEV2"
  }
)pb";

// The engine-relevant fields of each seeded rule (not titles, citations or sources), with
// `enabled` = default_enabled. effective_from is in RFC 3339.
inline std::vector<v1::NotificationRule> SeededRules() {
  struct Def {
    std::string text;
    const char* effective_from;  // "" for none
  };
  const std::vector<Def> defs =
      {
          {std::string(R"pb(name: "notificationRules/eu-aiact-73-general"
                            regime: REGIME_EU_AI_ACT
                            stage: NOTIFICATION_STAGE_SINGLE
                            recipient_type: RECIPIENT_TYPE_AUTHORITY
                            clock_start: CLOCK_START_AWARE_TIME
                            deadline { amount: 15 unit: PERIOD_UNIT_DAYS }
                            statutory_deadline: true
                            precedence_group: "eu-aiact-73"
                            enabled: true)pb") +
               kAiActProviderAllOf + kSeriousIncidentAnyOf,
           ""},
          {std::string(R"pb(name: "notificationRules/eu-aiact-73-critical"
                            regime: REGIME_EU_AI_ACT
                            stage: NOTIFICATION_STAGE_SINGLE
                            recipient_type: RECIPIENT_TYPE_AUTHORITY
                            clock_start: CLOCK_START_AWARE_TIME
                            deadline { amount: 2 unit: PERIOD_UNIT_DAYS }
                            statutory_deadline: true
                            precedence_group: "eu-aiact-73"
                            enabled: true
                            any_of {
                              fact: RULE_FACT_HARM_TYPE
                              operator: RULE_OPERATOR_ANY_OF
                              values: "HARM_TYPE_CRITICAL_INFRASTRUCTURE"
                            })pb") +
               kAiActProviderAllOf,
           ""},
          {std::string(R"pb(name: "notificationRules/eu-aiact-73-death"
                            regime: REGIME_EU_AI_ACT
                            stage: NOTIFICATION_STAGE_SINGLE
                            recipient_type: RECIPIENT_TYPE_AUTHORITY
                            clock_start: CLOCK_START_AWARE_TIME
                            deadline { amount: 10 unit: PERIOD_UNIT_DAYS }
                            statutory_deadline: true
                            precedence_group: "eu-aiact-73"
                            enabled: true
                            any_of {
                              fact: RULE_FACT_DEATHS
                              operator: RULE_OPERATOR_GREATER_THAN
                              values: "0"
                            })pb") +
               kAiActProviderAllOf,
           ""},
          {std::string(
               R"pb(name: "notificationRules/eu-aiact-26-deployer-to-provider"
                    regime: REGIME_EU_AI_ACT
                    stage: NOTIFICATION_STAGE_SINGLE
                    recipient_type: RECIPIENT_TYPE_PROVIDER
                    clock_start: CLOCK_START_AWARE_TIME
                    deadline { amount: 24 unit: PERIOD_UNIT_HOURS }
                    statutory_deadline: false
                    enabled: true
                    all_of {
                      fact: RULE_FACT_AI_SYSTEM_EU_RISK_CATEGORY
                      operator: RULE_OPERATOR_ANY_OF
                      values: "EU_RISK_CATEGORY_HIGH_RISK"
                    }
                    all_of {
                      fact: RULE_FACT_AI_SYSTEM_ACTOR_ROLE
                      operator: RULE_OPERATOR_ANY_OF
                      values: "ACTOR_ROLE_BUSINESS_USER"
                    }
                    all_of {
                      fact: RULE_FACT_AI_SYSTEM_ACTOR_ROLE
                      operator: RULE_OPERATOR_NONE_OF
                      values: "ACTOR_ROLE_PROVIDER"
                    }
                    all_of {
                      fact: RULE_FACT_JURISDICTION
                      operator: RULE_OPERATOR_ANY_OF
                      values: "EU"
                    })pb") +
               kSeriousIncidentAnyOf,
           ""},
          {std::string(R"pb(name: "notificationRules/gdpr-33-authority"
                            regime: REGIME_GDPR
                            stage: NOTIFICATION_STAGE_SINGLE
                            recipient_type: RECIPIENT_TYPE_AUTHORITY
                            clock_start: CLOCK_START_BREACH_AWARE_TIME
                            deadline { amount: 72 unit: PERIOD_UNIT_HOURS }
                            statutory_deadline: true
                            enabled: true)pb") +
               kBreachedEea,
           "2018-05-25T00:00:00Z"},
          {std::string(R"pb(name: "notificationRules/gdpr-34-data-subjects"
                            regime: REGIME_GDPR
                            stage: NOTIFICATION_STAGE_SINGLE
                            recipient_type: RECIPIENT_TYPE_AFFECTED_PERSONS
                            clock_start: CLOCK_START_BREACH_AWARE_TIME
                            deadline { amount: 72 unit: PERIOD_UNIT_HOURS }
                            statutory_deadline: false
                            enabled: true
                            any_of {
                              fact: RULE_FACT_BREACH_CATEGORY
                              operator: RULE_OPERATOR_ANY_OF
                              values: "BREACH_CATEGORY_SENSITIVE"
                              values: "BREACH_CATEGORY_FINANCIALLY_EXPLOITABLE"
                            }
                            any_of {
                              fact: RULE_FACT_SEVERITY
                              operator: RULE_OPERATOR_ANY_OF
                              values: "SEVERITY_SEV1"
                              values: "SEVERITY_SEV2"
                            })pb") +
               kBreachedEea,
           "2018-05-25T00:00:00Z"},
          {std::string(R"pb(name: "notificationRules/appi-preliminary"
                            regime: REGIME_APPI
                            stage: NOTIFICATION_STAGE_INITIAL
                            recipient_type: RECIPIENT_TYPE_AUTHORITY
                            clock_start: CLOCK_START_BREACH_AWARE_TIME
                            deadline { amount: 5 unit: PERIOD_UNIT_DAYS }
                            target { amount: 3 unit: PERIOD_UNIT_DAYS }
                            statutory_deadline: false
                            enabled: true)pb") +
               kBreachedJp + kAppiTriggers,
           "2022-03-31T15:00:00Z"},
          {std::string(R"pb(name: "notificationRules/appi-final"
                            regime: REGIME_APPI
                            stage: NOTIFICATION_STAGE_FINAL
                            recipient_type: RECIPIENT_TYPE_AUTHORITY
                            clock_start: CLOCK_START_BREACH_AWARE_TIME
                            deadline { amount: 30 unit: PERIOD_UNIT_DAYS }
                            statutory_deadline: true
                            enabled: true)pb") +
               kBreachedJp + R"pb(
             all_of {
               fact: RULE_FACT_BREACH_CATEGORY
               operator: RULE_OPERATOR_NONE_OF
               values: "BREACH_CATEGORY_WRONGFUL_PURPOSE_SUSPECTED"
             }
             any_of {
               fact: RULE_FACT_BREACH_CATEGORY
               operator: RULE_OPERATOR_ANY_OF
               values: "BREACH_CATEGORY_SENSITIVE"
               values: "BREACH_CATEGORY_FINANCIALLY_EXPLOITABLE"
             }
             any_of {
               fact: RULE_FACT_BREACH_PERSONS
               operator: RULE_OPERATOR_GREATER_THAN
               values: "1000"
             })pb",
           "2022-03-31T15:00:00Z"},
          {std::string(R"pb(name: "notificationRules/appi-final-wrongful-purpose"
                            regime: REGIME_APPI
                            stage: NOTIFICATION_STAGE_FINAL
                            recipient_type: RECIPIENT_TYPE_AUTHORITY
                            clock_start: CLOCK_START_BREACH_AWARE_TIME
                            deadline { amount: 60 unit: PERIOD_UNIT_DAYS }
                            statutory_deadline: true
                            enabled: true)pb") +
               kBreachedJp + R"pb(
             all_of {
               fact: RULE_FACT_BREACH_CATEGORY
               operator: RULE_OPERATOR_ANY_OF
               values: "BREACH_CATEGORY_WRONGFUL_PURPOSE_SUSPECTED"
             })pb",
           "2022-03-31T15:00:00Z"},
          {std::string(R"pb(name: "notificationRules/appi-notice-to-persons"
                            regime: REGIME_APPI
                            stage: NOTIFICATION_STAGE_SINGLE
                            recipient_type: RECIPIENT_TYPE_AFFECTED_PERSONS
                            clock_start: CLOCK_START_BREACH_AWARE_TIME
                            deadline { amount: 5 unit: PERIOD_UNIT_DAYS }
                            statutory_deadline: false
                            enabled: true)pb") +
               kBreachedJp + kAppiTriggers,
           "2022-03-31T15:00:00Z"},
          {std::string(R"pb(name: "notificationRules/nis2-early-warning"
                            regime: REGIME_NIS2
                            stage: NOTIFICATION_STAGE_EARLY_WARNING
                            recipient_type: RECIPIENT_TYPE_AUTHORITY
                            clock_start: CLOCK_START_AWARE_TIME
                            deadline { amount: 24 unit: PERIOD_UNIT_HOURS }
                            statutory_deadline: true
                            enabled: false)pb") +
               kNis2AllOf,
           "2024-10-18T00:00:00Z"},
          {std::string(R"pb(name: "notificationRules/nis2-notification"
                            regime: REGIME_NIS2
                            stage: NOTIFICATION_STAGE_INITIAL
                            recipient_type: RECIPIENT_TYPE_AUTHORITY
                            clock_start: CLOCK_START_AWARE_TIME
                            deadline { amount: 72 unit: PERIOD_UNIT_HOURS }
                            statutory_deadline: true
                            enabled: false)pb") +
               kNis2AllOf,
           "2024-10-18T00:00:00Z"},
          {std::string(R"pb(name: "notificationRules/nis2-final"
                            regime: REGIME_NIS2
                            stage: NOTIFICATION_STAGE_FINAL
                            recipient_type: RECIPIENT_TYPE_AUTHORITY
                            clock_start: CLOCK_START_PREVIOUS_STAGE_SENT
                            previous_stage_rule: "notificationRules/nis2-notification"
                            deadline { amount: 1 unit: PERIOD_UNIT_MONTHS }
                            statutory_deadline: true
                            enabled: false)pb") +
               kNis2AllOf,
           "2024-10-18T00:00:00Z"},
          {R"pb(name: "notificationRules/internal-escalation-sev1"
                regime: REGIME_INTERNAL
                stage: NOTIFICATION_STAGE_SINGLE
                recipient_type: RECIPIENT_TYPE_INTERNAL
                clock_start: CLOCK_START_DETECT_TIME
                deadline { amount: 1 unit: PERIOD_UNIT_HOURS }
                statutory_deadline: false
                enabled: true
                all_of {
                  fact: RULE_FACT_SEVERITY
                  operator: RULE_OPERATOR_ANY_OF
                  values: "SEVERITY_SEV1"
                })pb",
           ""},
          {R"pb(name: "notificationRules/internal-escalation-sev2"
                regime: REGIME_INTERNAL
                stage: NOTIFICATION_STAGE_SINGLE
                recipient_type: RECIPIENT_TYPE_INTERNAL
                clock_start: CLOCK_START_DETECT_TIME
                deadline { amount: 4 unit: PERIOD_UNIT_HOURS }
                statutory_deadline: false
                enabled: true
                all_of {
                  fact: RULE_FACT_SEVERITY
                  operator: RULE_OPERATOR_ANY_OF
                  values: "SEVERITY_SEV2"
                })pb",
           ""},
      };
  std::vector<v1::NotificationRule> rules;
  for (const Def& def : defs) {
    v1::NotificationRule rule;
    if (!google::protobuf::TextFormat::ParseFromString(def.text, &rule)) {
      ADD_FAILURE() << "bad seed rule text: " << def.text;
      continue;
    }
    rule.set_version(1);
    if (def.effective_from[0] != '\0') {
      absl::Time t;
      std::string err;
      if (!absl::ParseTime(absl::RFC3339_full, def.effective_from, &t, &err)) {
        ADD_FAILURE() << err;
      }
      rule.mutable_effective_from()->set_seconds(absl::ToUnixSeconds(t));
    }
    rules.push_back(rule);
  }
  return rules;
}

}  // namespace airr::report::testing
