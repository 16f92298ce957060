// Unit tests of the notification engine (notification_planner.h, rule_conditions.h,
// notification_clock.h): every seeded rule's deadline from the same table the migration is
// checked against, boundaries at the deadline, precedence, thresholds, provisional clocks and the
// changes a re-evaluation makes. Fixed times, no database.
#include "services/report/notification_planner.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "libs/api/timestamps.h"
#include "services/report/notification_clock.h"
#include "services/report/rule_conditions.h"
#include "tests/services/report/notification_seed_rules.h"

namespace airr::report {
namespace {

using api::TimeFromTimestamp;
using api::TimestampFromTime;
using ::testing::HasSubstr;

absl::Time Utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0) {
  return absl::FromCivil(absl::CivilSecond(y, mo, d, h, mi, s), absl::UTCTimeZone());
}

const absl::Time kDetect = Utc(2026, 1, 31, 9, 0);
const absl::Time kAware = Utc(2026, 1, 31, 10, 0);
const absl::Time kNow = Utc(2026, 2, 1, 0, 0);

v1::Period Days(int n) {
  v1::Period p;
  p.set_amount(n);
  p.set_unit(v1::PERIOD_UNIT_DAYS);
  return p;
}
v1::Period Hours(int n) {
  v1::Period p;
  p.set_amount(n);
  p.set_unit(v1::PERIOD_UNIT_HOURS);
  return p;
}
v1::Period Months(int n) {
  v1::Period p;
  p.set_amount(n);
  p.set_unit(v1::PERIOD_UNIT_MONTHS);
  return p;
}

struct Facts {
  v1::IncidentFacts incident;
  v1::AiSystemFacts ai_system;
};

// A SEV3 incident with no special facts, aware an hour after detection.
Facts BaseFacts() {
  Facts f;
  f.incident.set_name("incidents/inc-1");
  f.incident.set_kind("KIND_INCIDENT");
  f.incident.set_severity("SEVERITY_SEV3");
  *f.incident.mutable_detect_time() = TimestampFromTime(kDetect);
  *f.incident.mutable_aware_time() = TimestampFromTime(kAware);
  *f.incident.mutable_occur_time() = TimestampFromTime(kDetect - absl::Hours(2));
  f.ai_system.set_name("aiSystems/bot");
  f.ai_system.add_actor_roles("ACTOR_ROLE_DEVELOPER");
  f.ai_system.set_eu_risk_category("EU_RISK_CATEGORY_MINIMAL");
  return f;
}

void HighRiskProviderInEu(Facts& f) {
  f.ai_system.add_actor_roles("ACTOR_ROLE_PROVIDER");
  f.ai_system.set_eu_risk_category("EU_RISK_CATEGORY_HIGH_RISK");
  f.ai_system.set_eu_high_risk_area("EU_HIGH_RISK_AREA_EMPLOYMENT");
  f.incident.add_jurisdictions("FR");
}

void Breached(Facts& f, const char* jurisdiction, absl::Time breach_aware) {
  f.incident.set_personal_data_involved(true);
  f.incident.set_personal_data_breached(true);
  f.incident.add_jurisdictions(jurisdiction);
  *f.incident.mutable_breach_aware_time() = TimestampFromTime(breach_aware);
}

std::vector<v1::NotificationRule> Seeded(bool enable_all = false) {
  std::vector<v1::NotificationRule> rules = testing::SeededRules();
  if (enable_all) {
    for (auto& r : rules) {
      r.set_enabled(true);
    }
  }
  return rules;
}

// The obligations a first evaluation adds, by rule id.
std::map<std::string, v1::Notification> Added(const Facts& f,
                                              const std::vector<v1::NotificationRule>& rules) {
  std::map<std::string, v1::Notification> out;
  for (const auto& c : PlanNotifications(f.incident, f.ai_system, rules, {}, kNow).changes) {
    EXPECT_EQ(c.kind, ObligationChange::Kind::kAdded);
    out[RuleIdOf(c.after.rule())] = c.after;
  }
  return out;
}

// ---- Every seeded rule's deadline, with the boundary second. ----

struct SeedCase {
  std::string name;
  std::function<void(Facts&)> setup;
  bool enable_all;
  std::string rule;
  absl::Time start;
  absl::Time due;
  absl::Time target;  // InfinitePast for none
  bool provisional;
  std::vector<std::string> not_added;
};

const absl::Time kBreachAware = Utc(2026, 1, 31, 15, 30);

std::vector<SeedCase> SeedCases() {
  const absl::Time none = absl::InfinitePast();
  return {
      {"AiActGeneralInjury15Days",
       [](Facts& f) {
         HighRiskProviderInEu(f);
         f.incident.set_serious_injuries(1);
       },
       false,
       "eu-aiact-73-general",
       kAware,
       kAware + absl::Hours(15 * 24),
       none,
       false,
       {"eu-aiact-73-death", "eu-aiact-73-critical", "eu-aiact-26-deployer-to-provider"}},
      {"AiActGeneralFundamentalRights",
       [](Facts& f) {
         HighRiskProviderInEu(f);
         f.incident.set_fundamental_rights_infringed(true);
       },
       false,
       "eu-aiact-73-general",
       kAware,
       kAware + absl::Hours(15 * 24),
       none,
       false,
       {}},
      {"AiActDeathTenDaysWinsOverFifteen",
       [](Facts& f) {
         HighRiskProviderInEu(f);
         f.incident.set_deaths(1);
         f.incident.set_serious_injuries(2);
       },
       false,
       "eu-aiact-73-death",
       kAware,
       kAware + absl::Hours(10 * 24),
       none,
       false,
       {"eu-aiact-73-general"}},
      {"AiActCriticalInfrastructureTwoDays",
       [](Facts& f) {
         HighRiskProviderInEu(f);
         f.incident.add_harm_types("HARM_TYPE_CRITICAL_INFRASTRUCTURE");
       },
       false,
       "eu-aiact-73-critical",
       kAware,
       kAware + absl::Hours(48),
       none,
       false,
       {"eu-aiact-73-general", "eu-aiact-73-death"}},
      {"AiActDeathInCriticalInfrastructureTwoDaysWin",
       [](Facts& f) {
         HighRiskProviderInEu(f);
         f.incident.set_deaths(3);
         f.incident.add_harm_types("HARM_TYPE_CRITICAL_INFRASTRUCTURE");
       },
       false,
       "eu-aiact-73-critical",
       kAware,
       kAware + absl::Hours(48),
       none,
       false,
       {"eu-aiact-73-general", "eu-aiact-73-death"}},
      {"AiActDeployerInformsProvider24Hours",
       [](Facts& f) {
         f.ai_system.add_actor_roles("ACTOR_ROLE_BUSINESS_USER");
         f.ai_system.set_eu_risk_category("EU_RISK_CATEGORY_HIGH_RISK");
         f.incident.add_jurisdictions("DE");
         f.incident.add_harm_types("HARM_TYPE_PROPERTY");
       },
       false,
       "eu-aiact-26-deployer-to-provider",
       kAware,
       kAware + absl::Hours(24),
       none,
       false,
       {"eu-aiact-73-general"}},
      {"Gdpr33From72HoursAfterBreachAwareness",
       [](Facts& f) { Breached(f, "DE", kBreachAware); },
       false,
       "gdpr-33-authority",
       kBreachAware,
       kBreachAware + absl::Hours(72),
       none,
       false,
       {"gdpr-34-data-subjects", "appi-preliminary"}},
      {"Gdpr33InNorwayThroughEea",
       [](Facts& f) { Breached(f, "NO", kBreachAware); },
       false,
       "gdpr-33-authority",
       kBreachAware,
       kBreachAware + absl::Hours(72),
       none,
       false,
       {}},
      {"Gdpr34SensitiveData",
       [](Facts& f) {
         Breached(f, "FR", kBreachAware);
         f.incident.add_breach_categories("BREACH_CATEGORY_SENSITIVE");
       },
       false,
       "gdpr-34-data-subjects",
       kBreachAware,
       kBreachAware + absl::Hours(72),
       none,
       false,
       {}},
      {"Gdpr34Sev2",
       [](Facts& f) {
         Breached(f, "FR", kBreachAware);
         f.incident.set_severity("SEVERITY_SEV2");
       },
       false,
       "gdpr-34-data-subjects",
       kBreachAware,
       kBreachAware + absl::Hours(72),
       none,
       false,
       {}},
      {"AppiPreliminaryFiveDaysTargetThree",
       [](Facts& f) {
         Breached(f, "JP", kBreachAware);
         f.incident.set_breach_persons(1001);
       },
       false,
       "appi-preliminary",
       kBreachAware,
       kBreachAware + absl::Hours(5 * 24),
       kBreachAware + absl::Hours(3 * 24),
       false,
       {"gdpr-33-authority"}},
      {"AppiFinalThirtyDays",
       [](Facts& f) {
         Breached(f, "JP", kBreachAware);
         f.incident.add_breach_categories("BREACH_CATEGORY_FINANCIALLY_EXPLOITABLE");
       },
       false,
       "appi-final",
       kBreachAware,
       kBreachAware + absl::Hours(30 * 24),
       none,
       false,
       {"appi-final-wrongful-purpose"}},
      {"AppiWrongfulPurposeSixtyDays",
       [](Facts& f) {
         Breached(f, "JP", kBreachAware);
         f.incident.add_breach_categories("BREACH_CATEGORY_WRONGFUL_PURPOSE_SUSPECTED");
       },
       false,
       "appi-final-wrongful-purpose",
       kBreachAware,
       kBreachAware + absl::Hours(60 * 24),
       none,
       false,
       {"appi-final"}},
      {"AppiNoticeToPersons",
       [](Facts& f) {
         Breached(f, "JP", kBreachAware);
         f.incident.add_breach_categories("BREACH_CATEGORY_SENSITIVE");
       },
       false,
       "appi-notice-to-persons",
       kBreachAware,
       kBreachAware + absl::Hours(5 * 24),
       none,
       false,
       {}},
      {"Nis2EarlyWarning24Hours",
       [](Facts& f) {
         f.incident.add_jurisdictions("IT");
         f.incident.set_severity("SEVERITY_SEV1");
       },
       true,
       "nis2-early-warning",
       kAware,
       kAware + absl::Hours(24),
       none,
       false,
       {}},
      {"Nis2Notification72Hours",
       [](Facts& f) {
         f.incident.add_jurisdictions("IT");
         f.incident.set_severity("SEVERITY_SEV2");
       },
       true,
       "nis2-notification",
       kAware,
       kAware + absl::Hours(72),
       none,
       false,
       {}},
      {"Nis2FinalOneMonthAfterNotificationProvisional",
       [](Facts& f) {
         f.incident.add_jurisdictions("IT");
         f.incident.set_severity("SEVERITY_SEV1");
       },
       true,
       "nis2-final",
       kAware + absl::Hours(72),
       Utc(2026, 3, 3, 10, 0),
       none,
       true,
       {}},
      {"InternalSev1OneHourFromDetection",
       [](Facts& f) { f.incident.set_severity("SEVERITY_SEV1"); },
       false,
       "internal-escalation-sev1",
       kDetect,
       kDetect + absl::Hours(1),
       none,
       false,
       {"internal-escalation-sev2", "nis2-early-warning"}},
      {"InternalSev2FourHours",
       [](Facts& f) { f.incident.set_severity("SEVERITY_SEV2"); },
       false,
       "internal-escalation-sev2",
       kDetect,
       kDetect + absl::Hours(4),
       none,
       false,
       {"internal-escalation-sev1"}},
  };
}

class SeededDeadlineTest : public ::testing::TestWithParam<SeedCase> {};

TEST_P(SeededDeadlineTest, DueTimeAndBoundaries) {
  const SeedCase& c = GetParam();
  Facts f = BaseFacts();
  c.setup(f);
  auto added = Added(f, Seeded(c.enable_all));
  ASSERT_EQ(added.count(c.rule), 1u) << "rule did not fire";
  const v1::Notification& n = added[c.rule];
  EXPECT_EQ(n.name(), "incidents/inc-1/notifications/" + c.rule);
  EXPECT_EQ(TimeFromTimestamp(n.clock_start_time()), c.start);
  EXPECT_EQ(TimeFromTimestamp(n.due_time()), c.due);
  EXPECT_EQ(n.has_target_time(), c.target != absl::InfinitePast());
  if (n.has_target_time()) {
    EXPECT_EQ(TimeFromTimestamp(n.target_time()), c.target);
  }
  EXPECT_EQ(n.provisional(), c.provisional);
  EXPECT_EQ(n.rule_version(), 1);
  for (const auto& other : c.not_added) {
    EXPECT_EQ(added.count(other), 0u) << other << " fired too";
  }
  // Exactly at the deadline: still open; one second later: overdue.
  v1::Notification read = n;
  DeriveNotificationStatus(c.due, &read);
  EXPECT_EQ(read.state(), v1::NOTIFICATION_STATE_PENDING);
  EXPECT_EQ(read.timeliness(), v1::TIMELINESS_OPEN);
  read = n;
  DeriveNotificationStatus(c.due + absl::Seconds(1), &read);
  EXPECT_EQ(read.state(), v1::NOTIFICATION_STATE_OVERDUE);
  EXPECT_EQ(read.timeliness(), v1::TIMELINESS_OVERDUE);
  // Sent exactly at the deadline: on time; one second later: late.
  read = n;
  read.set_state(v1::NOTIFICATION_STATE_SENT);
  *read.mutable_sent_time() = TimestampFromTime(c.due);
  DeriveNotificationStatus(c.due + absl::Hours(1000), &read);
  EXPECT_EQ(read.timeliness(), v1::TIMELINESS_ON_TIME);
  *read.mutable_sent_time() = TimestampFromTime(c.due + absl::Seconds(1));
  DeriveNotificationStatus(c.due + absl::Hours(1000), &read);
  EXPECT_EQ(read.timeliness(), v1::TIMELINESS_LATE);
}

INSTANTIATE_TEST_SUITE_P(EverySeededRule, SeededDeadlineTest, ::testing::ValuesIn(SeedCases()),
                         [](const auto& p) { return p.param.name; });

TEST(SeededRules, EverySeededRuleHasADeadlineCase) {
  std::map<std::string, int> covered;
  for (const auto& c : SeedCases()) {
    covered[c.rule]++;
  }
  for (const auto& rule : testing::SeededRules()) {
    EXPECT_GT(covered[RuleIdOf(rule.name())], 0) << rule.name() << " has no deadline case";
  }
}

TEST(SeededRules, PlainSev3IncidentTriggersNothing) {
  EXPECT_TRUE(Added(BaseFacts(), Seeded(true)).empty());
}

TEST(SeededRules, Nis2IsDisabledByDefault) {
  Facts f = BaseFacts();
  f.incident.add_jurisdictions("IT");
  f.incident.set_severity("SEVERITY_SEV1");
  auto added = Added(f, Seeded());
  EXPECT_EQ(added.count("nis2-early-warning"), 0u);
  EXPECT_EQ(added.count("nis2-final"), 0u);
  EXPECT_EQ(added.count("internal-escalation-sev1"), 1u);
}

TEST(SeededRules, AppiThousandPersonsDoesNotFireThousandAndOneDoes) {
  Facts f = BaseFacts();
  Breached(f, "JP", kBreachAware);
  f.incident.set_breach_persons(1000);
  auto added = Added(f, Seeded());
  EXPECT_EQ(added.count("appi-preliminary"), 0u);
  EXPECT_EQ(added.count("appi-final"), 0u);
  f.incident.set_breach_persons(1001);
  added = Added(f, Seeded());
  EXPECT_EQ(added.count("appi-preliminary"), 1u);
  EXPECT_EQ(added.count("appi-final"), 1u);
  EXPECT_EQ(added.count("appi-notice-to-persons"), 1u);
}

TEST(SeededRules, BreachAwareTimeUnsetFallsBackToAwareTimeProvisionally) {
  Facts f = BaseFacts();
  Breached(f, "DE", kBreachAware);
  f.incident.clear_breach_aware_time();
  auto added = Added(f, Seeded());
  ASSERT_EQ(added.count("gdpr-33-authority"), 1u);
  EXPECT_TRUE(added["gdpr-33-authority"].provisional());
  EXPECT_EQ(TimeFromTimestamp(added["gdpr-33-authority"].due_time()), kAware + absl::Hours(72));
}

TEST(SeededRules, BreachBeforeGdprAppliedIsNotCovered) {
  Facts f = BaseFacts();
  Breached(f, "DE", Utc(2018, 5, 24, 23, 59, 59));
  EXPECT_EQ(Added(f, Seeded()).count("gdpr-33-authority"), 0u);
  f.incident.clear_breach_aware_time();
  *f.incident.mutable_breach_aware_time() = TimestampFromTime(Utc(2018, 5, 25));
  EXPECT_EQ(Added(f, Seeded()).count("gdpr-33-authority"), 1u);
}

// ---- Clock arithmetic ----

TEST(AddPeriod, HoursDaysAndMonthsInUtc) {
  struct Case {
    absl::Time start;
    v1::Period period;
    absl::Time want;
  };
  const std::vector<Case> cases = {
      {Utc(2026, 1, 31, 10), Hours(72), Utc(2026, 2, 3, 10)},
      {Utc(2026, 3, 28, 23, 30), Days(2), Utc(2026, 3, 30, 23, 30)},  // across EU DST: UTC
      {Utc(2026, 1, 31, 10), Months(1), Utc(2026, 2, 28, 10)},
      {Utc(2028, 1, 31, 10), Months(1), Utc(2028, 2, 29, 10)},  // leap year
      {Utc(2026, 3, 31, 8), Months(1), Utc(2026, 4, 30, 8)},
      {Utc(2026, 12, 15, 1), Months(2), Utc(2027, 2, 15, 1)},
      {Utc(2026, 1, 31, 10), Months(13), Utc(2027, 2, 28, 10)},
      {Utc(2026, 1, 31, 10), Months(0), Utc(2026, 1, 31, 10)},
      {Utc(2026, 1, 31, 10), Hours(0), Utc(2026, 1, 31, 10)},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(AddPeriod(c.start, c.period), c.want)
        << absl::FormatTime(c.start) << " + " << DescribePeriod(c.period);
  }
  EXPECT_EQ(AddPeriod(Utc(2026, 1, 31, 10) + absl::Microseconds(7), Months(1)),
            Utc(2026, 2, 28, 10) + absl::Microseconds(7));
}

// ---- Conditions ----

TEST(Conditions, JurisdictionGroups) {
  EXPECT_TRUE(JurisdictionMatches("EU", "FR"));
  EXPECT_TRUE(JurisdictionMatches("EU", "EU"));
  EXPECT_FALSE(JurisdictionMatches("EU", "NO"));
  EXPECT_TRUE(JurisdictionMatches("EEA", "NO"));
  EXPECT_TRUE(JurisdictionMatches("EEA", "IS"));
  EXPECT_TRUE(JurisdictionMatches("EEA", "EU"));
  EXPECT_TRUE(JurisdictionMatches("EEA", "DE"));
  EXPECT_FALSE(JurisdictionMatches("EEA", "CH"));
  EXPECT_FALSE(JurisdictionMatches("EU", "JP"));
  EXPECT_TRUE(JurisdictionMatches("JP", "JP"));
}

v1::RuleCondition Cond(v1::RuleFact fact, v1::RuleOperator op, std::vector<std::string> values) {
  v1::RuleCondition c;
  c.set_fact(fact);
  c.set_operator_(op);
  for (auto& v : values) {
    c.add_values(v);
  }
  return c;
}

TEST(Conditions, OperatorsOverFacts) {
  Facts f = BaseFacts();
  f.incident.add_harm_types("HARM_TYPE_PRIVACY");
  f.incident.set_affected_people(50);
  struct Case {
    v1::RuleCondition c;
    bool want;
  };
  const std::vector<Case> cases = {
      {Cond(v1::RULE_FACT_HARM_TYPE, v1::RULE_OPERATOR_ANY_OF, {"HARM_TYPE_PRIVACY"}), true},
      {Cond(v1::RULE_FACT_HARM_TYPE, v1::RULE_OPERATOR_NONE_OF, {"HARM_TYPE_PRIVACY"}), false},
      {Cond(v1::RULE_FACT_HARM_TYPE, v1::RULE_OPERATOR_NONE_OF, {"HARM_TYPE_PROPERTY"}), true},
      {Cond(v1::RULE_FACT_SEVERITY, v1::RULE_OPERATOR_ANY_OF, {"SEVERITY_SEV1"}), false},
      {Cond(v1::RULE_FACT_KIND, v1::RULE_OPERATOR_ANY_OF, {"KIND_INCIDENT"}), true},
      {Cond(v1::RULE_FACT_AFFECTED_PEOPLE, v1::RULE_OPERATOR_GREATER_THAN, {"49"}), true},
      {Cond(v1::RULE_FACT_AFFECTED_PEOPLE, v1::RULE_OPERATOR_GREATER_THAN, {"50"}), false},
      {Cond(v1::RULE_FACT_AFFECTED_PEOPLE, v1::RULE_OPERATOR_GREATER_THAN, {"x"}), false},
      {Cond(v1::RULE_FACT_PERSONAL_DATA_BREACHED, v1::RULE_OPERATOR_IS_FALSE, {}), true},
      {Cond(v1::RULE_FACT_PERSONAL_DATA_BREACHED, v1::RULE_OPERATOR_IS_TRUE, {}), false},
      {Cond(v1::RULE_FACT_AI_SYSTEM_ACTOR_ROLE, v1::RULE_OPERATOR_ANY_OF, {"ACTOR_ROLE_DEVELOPER"}),
       true},
      {Cond(v1::RULE_FACT_AI_SYSTEM_EU_RISK_CATEGORY, v1::RULE_OPERATOR_ANY_OF,
            {"EU_RISK_CATEGORY_HIGH_RISK"}),
       false},
      // An operator that does not fit the fact never holds.
      {Cond(v1::RULE_FACT_SEVERITY, v1::RULE_OPERATOR_IS_TRUE, {}), false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(ConditionHolds(c.c, f.incident, f.ai_system), c.want) << DescribeCondition(c.c);
  }
}

TEST(Conditions, JurisdictionFallsBackToAiSystemWhenIncidentListsNone) {
  Facts f = BaseFacts();
  f.ai_system.add_jurisdictions("DE");
  const auto c = Cond(v1::RULE_FACT_JURISDICTION, v1::RULE_OPERATOR_ANY_OF, {"EU"});
  EXPECT_TRUE(ConditionHolds(c, f.incident, f.ai_system));
  f.incident.add_jurisdictions("JP");
  EXPECT_FALSE(ConditionHolds(c, f.incident, f.ai_system));
}

// ---- Re-evaluation ----

v1::Notification Stored(const v1::Notification& planned, v1::NotificationState state) {
  v1::Notification n = planned;
  n.set_state(state);
  n.set_etag("W/\"1\"");
  return n;
}

TEST(Reevaluation, BreachClearedMakesPendingNotRequiredAndKeepsSentAndWaived) {
  Facts f = BaseFacts();
  Breached(f, "DE", kBreachAware);
  f.incident.add_breach_categories("BREACH_CATEGORY_SENSITIVE");
  f.incident.set_severity("SEVERITY_SEV1");
  auto added = Added(f, Seeded());
  ASSERT_EQ(added.size(), 3u);  // gdpr-33, gdpr-34, internal-escalation-sev1
  std::vector<v1::Notification> existing;
  existing.push_back(Stored(added["gdpr-33-authority"], v1::NOTIFICATION_STATE_PENDING));
  v1::Notification sent = Stored(added["gdpr-34-data-subjects"], v1::NOTIFICATION_STATE_SENT);
  *sent.mutable_sent_time() = TimestampFromTime(kBreachAware + absl::Hours(1));
  existing.push_back(sent);
  v1::Notification waived =
      Stored(added["internal-escalation-sev1"], v1::NOTIFICATION_STATE_NOT_REQUIRED);
  waived.set_waived(true);
  waived.set_not_required_reason("handled by phone");
  existing.push_back(waived);

  // Unchanged facts: nothing to do.
  EXPECT_TRUE(PlanNotifications(f.incident, f.ai_system, Seeded(), existing, kNow).changes.empty());

  f.incident.set_personal_data_breached(false);
  f.incident.set_severity("SEVERITY_SEV2");
  const absl::Time later = kNow + absl::Hours(5);
  auto plan = PlanNotifications(f.incident, f.ai_system, Seeded(), existing, later);
  std::map<std::string, ObligationChange> by_rule;
  for (const auto& c : plan.changes) {
    by_rule[RuleIdOf(c.after.rule())] = c;
  }
  ASSERT_EQ(by_rule.size(), 2u);
  const auto& gone = by_rule["gdpr-33-authority"];
  EXPECT_EQ(gone.kind, ObligationChange::Kind::kNotRequired);
  EXPECT_EQ(gone.after.state(), v1::NOTIFICATION_STATE_NOT_REQUIRED);
  EXPECT_FALSE(gone.after.waived());
  EXPECT_THAT(gone.after.not_required_reason(),
              HasSubstr("re-evaluated at 2026-02-01T05:00:00Z: rule gdpr-33-authority v1 no "
                        "longer applies"));
  EXPECT_THAT(gone.after.not_required_reason(), HasSubstr("RULE_FACT_PERSONAL_DATA_BREACHED"));
  EXPECT_EQ(gone.after.due_time().seconds(), added["gdpr-33-authority"].due_time().seconds());
  EXPECT_EQ(by_rule["internal-escalation-sev2"].kind, ObligationChange::Kind::kAdded);
  // The SENT and the waived obligations are untouched.
  EXPECT_EQ(by_rule.count("gdpr-34-data-subjects"), 0u);
  EXPECT_EQ(by_rule.count("internal-escalation-sev1"), 0u);
}

TEST(Reevaluation, AutoNotRequiredIsRevivedWaivedIsNot) {
  Facts f = BaseFacts();
  Breached(f, "DE", kBreachAware);
  auto added = Added(f, Seeded());
  v1::Notification auto_off =
      Stored(added["gdpr-33-authority"], v1::NOTIFICATION_STATE_NOT_REQUIRED);
  auto_off.set_not_required_reason("re-evaluated ...");
  auto plan = PlanNotifications(f.incident, f.ai_system, Seeded(), {auto_off}, kNow);
  ASSERT_EQ(plan.changes.size(), 1u);
  EXPECT_EQ(plan.changes[0].kind, ObligationChange::Kind::kRevived);
  EXPECT_EQ(plan.changes[0].after.state(), v1::NOTIFICATION_STATE_PENDING);
  EXPECT_EQ(plan.changes[0].after.not_required_reason(), "");
  EXPECT_EQ(plan.changes[0].after.etag(), "W/\"1\"");
  auto_off.set_waived(true);
  EXPECT_TRUE(
      PlanNotifications(f.incident, f.ai_system, Seeded(), {auto_off}, kNow).changes.empty());
}

TEST(Reevaluation, MovedClockChangesPendingDueTime) {
  Facts f = BaseFacts();
  Breached(f, "DE", kBreachAware);
  f.incident.clear_breach_aware_time();
  auto added = Added(f, Seeded());
  ASSERT_TRUE(added["gdpr-33-authority"].provisional());
  std::vector<v1::Notification> existing = {
      Stored(added["gdpr-33-authority"], v1::NOTIFICATION_STATE_PENDING)};
  *f.incident.mutable_breach_aware_time() = TimestampFromTime(kBreachAware);
  auto plan = PlanNotifications(f.incident, f.ai_system, Seeded(), existing, kNow);
  ASSERT_EQ(plan.changes.size(), 1u);
  EXPECT_EQ(plan.changes[0].kind, ObligationChange::Kind::kChanged);
  EXPECT_FALSE(plan.changes[0].after.provisional());
  EXPECT_EQ(TimeFromTimestamp(plan.changes[0].after.due_time()), kBreachAware + absl::Hours(72));
  EXPECT_EQ(plan.changes[0].after.name(), "incidents/inc-1/notifications/gdpr-33-authority");
}

TEST(Reevaluation, DisabledRuleMakesPendingNotRequired) {
  Facts f = BaseFacts();
  f.incident.set_severity("SEVERITY_SEV1");
  auto added = Added(f, Seeded());
  std::vector<v1::Notification> existing = {
      Stored(added["internal-escalation-sev1"], v1::NOTIFICATION_STATE_PENDING)};
  auto rules = Seeded();
  for (auto& r : rules) {
    if (RuleIdOf(r.name()) == "internal-escalation-sev1") {
      r.set_enabled(false);
    }
  }
  auto plan = PlanNotifications(f.incident, f.ai_system, rules, existing, kNow);
  ASSERT_EQ(plan.changes.size(), 1u);
  EXPECT_EQ(plan.changes[0].kind, ObligationChange::Kind::kNotRequired);
  EXPECT_THAT(plan.changes[0].after.not_required_reason(), HasSubstr("disabled"));
}

TEST(Reevaluation, PreviousStageSentStartsTheNextClock) {
  Facts f = BaseFacts();
  f.incident.add_jurisdictions("IT");
  f.incident.set_severity("SEVERITY_SEV1");
  auto added = Added(f, Seeded(true));
  v1::Notification sent = Stored(added["nis2-notification"], v1::NOTIFICATION_STATE_SENT);
  const absl::Time sent_at = Utc(2026, 1, 31, 20, 15);
  *sent.mutable_sent_time() = TimestampFromTime(sent_at);
  std::vector<v1::Notification> existing = {
      sent, Stored(added["nis2-final"], v1::NOTIFICATION_STATE_PENDING)};
  auto plan = PlanNotifications(f.incident, f.ai_system, Seeded(true), existing, kNow);
  const ObligationChange* final_change = nullptr;
  for (const auto& c : plan.changes) {
    if (RuleIdOf(c.after.rule()) == "nis2-final") {
      final_change = &c;
    }
  }
  ASSERT_NE(final_change, nullptr);
  EXPECT_EQ(final_change->kind, ObligationChange::Kind::kChanged);
  EXPECT_FALSE(final_change->after.provisional());
  EXPECT_EQ(TimeFromTimestamp(final_change->after.due_time()), Utc(2026, 2, 28, 20, 15));
}

TEST(Versions, TheLatestVersionCoveringTheClockStartApplies) {
  Facts f = BaseFacts();
  f.incident.set_severity("SEVERITY_SEV1");
  v1::NotificationRule v1r;
  v1r.set_name("notificationRules/customer-sla");
  v1r.set_version(1);
  v1r.set_enabled(true);
  v1r.set_clock_start(v1::CLOCK_START_AWARE_TIME);
  *v1r.mutable_deadline() = Hours(24);
  *v1r.mutable_effective_to() = TimestampFromTime(Utc(2026, 1, 1));
  v1::NotificationRule v2r = v1r;
  v2r.set_version(2);
  v2r.clear_effective_to();
  *v2r.mutable_effective_from() = TimestampFromTime(Utc(2026, 1, 1));
  *v2r.mutable_deadline() = Hours(12);
  auto added = Added(f, {v1r, v2r});
  ASSERT_EQ(added.count("customer-sla"), 1u);
  EXPECT_EQ(added["customer-sla"].rule_version(), 2);
  EXPECT_EQ(TimeFromTimestamp(added["customer-sla"].due_time()), kAware + absl::Hours(12));
  // An incident from before the change keeps version 1.
  *f.incident.mutable_aware_time() = TimestampFromTime(Utc(2025, 12, 31));
  added = Added(f, {v1r, v2r});
  EXPECT_EQ(added["customer-sla"].rule_version(), 1);
}

}  // namespace
}  // namespace airr::report
