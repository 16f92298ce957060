// Evaluation of notification rule conditions (RuleFact x RuleOperator, notifications.proto) over
// an incident's facts and its AI system's facts, and the words that say why a condition fails.
#pragma once

#include <string>

#include "absl/strings/string_view.h"
#include "airr/report/v1/report_service.pb.h"

namespace airr::report {

// True when jurisdiction code `code` (e.g. "FR") is covered by rule value `value`: equal codes,
// "EU" for the EU and its 27 member states, "EEA" for those plus IS, LI and NO. Thread-safe.
bool JurisdictionMatches(absl::string_view value, absl::string_view code);

// True when `condition` holds for the facts. Enum facts compare full value names; list facts
// (harm types, breach categories, jurisdictions, actor roles) hold for ANY_OF when one element
// equals one value and for NONE_OF when none does. GREATER_THAN compares a count with its single
// whole-number value; IS_TRUE/IS_FALSE test a flag. The jurisdictions are the incident's, or the
// AI system's when the incident lists none. An operator that does not fit the fact (or a
// malformed value, which the validator rejects on input) never holds. Thread-safe.
bool ConditionHolds(const v1::RuleCondition& condition, const v1::IncidentFacts& incident,
                    const v1::AiSystemFacts& ai_system);

// True when every `all_of` condition of `rule` holds and, when `any_of` is not empty, one of
// those does. When false and `why` is not null, it receives the first failing condition in words
// (see DescribeCondition). Thread-safe.
bool RuleConditionsHold(const v1::NotificationRule& rule, const v1::IncidentFacts& incident,
                        const v1::AiSystemFacts& ai_system, std::string* why);

// A condition in words, e.g. "RULE_FACT_SEVERITY ANY_OF [SEVERITY_SEV1, SEVERITY_SEV2]".
std::string DescribeCondition(const v1::RuleCondition& condition);

// Which operators fit a fact: list and enum facts take ANY_OF/NONE_OF, counts GREATER_THAN,
// flags IS_TRUE/IS_FALSE. Thread-safe.
bool OperatorFitsFact(v1::RuleFact fact, v1::RuleOperator op);

// The prefix every value of an enum fact starts with ("SEVERITY_" for RULE_FACT_SEVERITY), or
// "" for facts whose values are not enum names (jurisdictions, counts, flags). Thread-safe.
absl::string_view FactValuePrefix(v1::RuleFact fact);

}  // namespace airr::report
