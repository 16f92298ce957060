#include "services/report/rule_conditions.h"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "google/protobuf/repeated_ptr_field.h"

namespace airr::report {
namespace {

using Strings = google::protobuf::RepeatedPtrField<std::string>;

constexpr absl::string_view kEuMembers[] = {"AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI",
                                            "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU",
                                            "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"};
constexpr absl::string_view kEeaOnly[] = {"IS", "LI", "NO"};

bool IsEuMember(absl::string_view code) {
  return std::find(std::begin(kEuMembers), std::end(kEuMembers), code) != std::end(kEuMembers);
}

enum class FactKind { kEnum, kEnumList, kJurisdictions, kCount, kFlag, kNone };

FactKind KindOf(v1::RuleFact fact) {
  switch (fact) {
    case v1::RULE_FACT_SEVERITY:
    case v1::RULE_FACT_KIND:
    case v1::RULE_FACT_AI_SYSTEM_EU_RISK_CATEGORY:
    case v1::RULE_FACT_AI_SYSTEM_EU_HIGH_RISK_AREA:
      return FactKind::kEnum;
    case v1::RULE_FACT_HARM_TYPE:
    case v1::RULE_FACT_BREACH_CATEGORY:
    case v1::RULE_FACT_AI_SYSTEM_ACTOR_ROLE:
      return FactKind::kEnumList;
    case v1::RULE_FACT_JURISDICTION:
      return FactKind::kJurisdictions;
    case v1::RULE_FACT_BREACH_PERSONS:
    case v1::RULE_FACT_AFFECTED_PEOPLE:
    case v1::RULE_FACT_DEATHS:
    case v1::RULE_FACT_SERIOUS_INJURIES:
      return FactKind::kCount;
    case v1::RULE_FACT_PERSONAL_DATA_BREACHED:
    case v1::RULE_FACT_FUNDAMENTAL_RIGHTS_INFRINGED:
      return FactKind::kFlag;
    default:
      return FactKind::kNone;
  }
}

// The values of a scalar or list fact, as strings.
std::vector<std::string> ListFact(v1::RuleFact fact, const v1::IncidentFacts& i,
                                  const v1::AiSystemFacts& s) {
  auto all = [](const Strings& values) {
    return std::vector<std::string>(values.begin(), values.end());
  };
  switch (fact) {
    case v1::RULE_FACT_SEVERITY:
      return {i.severity()};
    case v1::RULE_FACT_KIND:
      return {i.kind()};
    case v1::RULE_FACT_AI_SYSTEM_EU_RISK_CATEGORY:
      return {s.eu_risk_category()};
    case v1::RULE_FACT_AI_SYSTEM_EU_HIGH_RISK_AREA:
      return {s.eu_high_risk_area()};
    case v1::RULE_FACT_HARM_TYPE:
      return all(i.harm_types());
    case v1::RULE_FACT_BREACH_CATEGORY:
      return all(i.breach_categories());
    case v1::RULE_FACT_AI_SYSTEM_ACTOR_ROLE:
      return all(s.actor_roles());
    case v1::RULE_FACT_JURISDICTION:
      return i.jurisdictions().empty() ? all(s.jurisdictions()) : all(i.jurisdictions());
    default:
      return {};
  }
}

int64_t CountFact(v1::RuleFact fact, const v1::IncidentFacts& i) {
  switch (fact) {
    case v1::RULE_FACT_BREACH_PERSONS:
      return i.breach_persons();
    case v1::RULE_FACT_AFFECTED_PEOPLE:
      return i.affected_people();
    case v1::RULE_FACT_DEATHS:
      return i.deaths();
    case v1::RULE_FACT_SERIOUS_INJURIES:
      return i.serious_injuries();
    default:
      return 0;
  }
}

bool FlagFact(v1::RuleFact fact, const v1::IncidentFacts& i) {
  switch (fact) {
    case v1::RULE_FACT_PERSONAL_DATA_BREACHED:
      return i.personal_data_breached();
    case v1::RULE_FACT_FUNDAMENTAL_RIGHTS_INFRINGED:
      return i.fundamental_rights_infringed();
    default:
      return false;
  }
}

bool AnyMatches(const std::vector<std::string>& facts, const Strings& values, bool jurisdictions) {
  for (const auto& fact : facts) {
    for (const auto& value : values) {
      if (jurisdictions ? JurisdictionMatches(value, fact) : fact == value) {
        return true;
      }
    }
  }
  return false;
}

}  // namespace

bool JurisdictionMatches(absl::string_view value, absl::string_view code) {
  if (value == code) {
    return true;
  }
  if (value == "EU") {
    return IsEuMember(code);
  }
  if (value == "EEA") {
    return code == "EU" || IsEuMember(code) ||
           std::find(std::begin(kEeaOnly), std::end(kEeaOnly), code) != std::end(kEeaOnly);
  }
  return false;
}

bool OperatorFitsFact(v1::RuleFact fact, v1::RuleOperator op) {
  switch (KindOf(fact)) {
    case FactKind::kEnum:
    case FactKind::kEnumList:
    case FactKind::kJurisdictions:
      return op == v1::RULE_OPERATOR_ANY_OF || op == v1::RULE_OPERATOR_NONE_OF;
    case FactKind::kCount:
      return op == v1::RULE_OPERATOR_GREATER_THAN;
    case FactKind::kFlag:
      return op == v1::RULE_OPERATOR_IS_TRUE || op == v1::RULE_OPERATOR_IS_FALSE;
    case FactKind::kNone:
      return false;
  }
  return false;
}

absl::string_view FactValuePrefix(v1::RuleFact fact) {
  switch (fact) {
    case v1::RULE_FACT_SEVERITY:
      return "SEVERITY_";
    case v1::RULE_FACT_KIND:
      return "KIND_";
    case v1::RULE_FACT_HARM_TYPE:
      return "HARM_TYPE_";
    case v1::RULE_FACT_BREACH_CATEGORY:
      return "BREACH_CATEGORY_";
    case v1::RULE_FACT_AI_SYSTEM_EU_RISK_CATEGORY:
      return "EU_RISK_CATEGORY_";
    case v1::RULE_FACT_AI_SYSTEM_EU_HIGH_RISK_AREA:
      return "EU_HIGH_RISK_AREA_";
    case v1::RULE_FACT_AI_SYSTEM_ACTOR_ROLE:
      return "ACTOR_ROLE_";
    default:
      return "";
  }
}

bool ConditionHolds(const v1::RuleCondition& c, const v1::IncidentFacts& incident,
                    const v1::AiSystemFacts& ai_system) {
  if (!OperatorFitsFact(c.fact(), c.operator_())) {
    return false;
  }
  switch (c.operator_()) {
    case v1::RULE_OPERATOR_ANY_OF:
    case v1::RULE_OPERATOR_NONE_OF: {
      const bool any = AnyMatches(ListFact(c.fact(), incident, ai_system), c.values(),
                                  c.fact() == v1::RULE_FACT_JURISDICTION);
      return c.operator_() == v1::RULE_OPERATOR_ANY_OF ? any : !any;
    }
    case v1::RULE_OPERATOR_GREATER_THAN: {
      int64_t bound = 0;
      if (c.values_size() != 1 || !absl::SimpleAtoi(c.values(0), &bound)) {
        return false;
      }
      return CountFact(c.fact(), incident) > bound;
    }
    case v1::RULE_OPERATOR_IS_TRUE:
      return FlagFact(c.fact(), incident);
    case v1::RULE_OPERATOR_IS_FALSE:
      return !FlagFact(c.fact(), incident);
    default:
      return false;
  }
}

std::string DescribeCondition(const v1::RuleCondition& c) {
  std::string out =
      absl::StrCat(v1::RuleFact_Name(c.fact()), " ", v1::RuleOperator_Name(c.operator_()));
  if (!c.values().empty()) {
    absl::StrAppend(&out, " [", absl::StrJoin(c.values(), ", "), "]");
  }
  return out;
}

bool RuleConditionsHold(const v1::NotificationRule& rule, const v1::IncidentFacts& incident,
                        const v1::AiSystemFacts& ai_system, std::string* why) {
  for (int i = 0; i < rule.all_of_size(); ++i) {
    if (!ConditionHolds(rule.all_of(i), incident, ai_system)) {
      if (why != nullptr) {
        *why =
            absl::StrCat("all_of[", i, "] ", DescribeCondition(rule.all_of(i)), " does not hold");
      }
      return false;
    }
  }
  if (rule.any_of().empty()) {
    return true;
  }
  for (const auto& c : rule.any_of()) {
    if (ConditionHolds(c, incident, ai_system)) {
      return true;
    }
  }
  if (why != nullptr) {
    *why = "none of the any_of conditions holds";
  }
  return false;
}

}  // namespace airr::report
