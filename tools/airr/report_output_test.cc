// Unit tests of report_output.h: the tables, blocks, evaluation result and incident report built
// from fixed messages, checked line by line. No server.
#include "tools/airr/report_output.h"

#include "gmock/gmock.h"
#include "google/protobuf/util/time_util.h"
#include "gtest/gtest.h"

namespace airr::cli {
namespace {

namespace pb = ::airr::report::v1;

using google::protobuf::util::TimeUtil;
using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;

google::protobuf::Timestamp At(const std::string& text) {
  google::protobuf::Timestamp time;
  EXPECT_TRUE(TimeUtil::FromString(text, &time)) << text;
  return time;
}

pb::Notification Gdpr() {
  pb::Notification n;
  n.set_name("incidents/i-1/notifications/n-gdpr");
  n.set_rule("notificationRules/gdpr-33-authority");
  n.set_regime(pb::REGIME_GDPR);
  n.set_stage(pb::NOTIFICATION_STAGE_SINGLE);
  n.set_recipient("Lead supervisory authority");
  *n.mutable_due_time() = At("2026-11-22T10:00:00Z");
  n.set_state(pb::NOTIFICATION_STATE_OVERDUE);
  n.set_timeliness(pb::TIMELINESS_OVERDUE);
  return n;
}

pb::Notification AppiPreliminary() {
  pb::Notification n;
  n.set_name("incidents/i-1/notifications/n-appi");
  n.set_rule("notificationRules/appi-preliminary");
  n.set_regime(pb::REGIME_APPI);
  n.set_stage(pb::NOTIFICATION_STAGE_INITIAL);
  n.set_recipient("PPC");
  *n.mutable_due_time() = At("2026-11-24T10:00:00+09:00");
  *n.mutable_sent_time() = At("2026-11-23T00:00:00Z");
  n.set_state(pb::NOTIFICATION_STATE_SENT);
  n.set_timeliness(pb::TIMELINESS_ON_TIME);
  n.set_provisional(true);
  return n;
}

TEST(ReportOutputTest, NotificationTableShowsUtcAndLabels) {
  google::protobuf::RepeatedPtrField<pb::Notification> list;
  *list.Add() = Gdpr();
  *list.Add() = AppiPreliminary();
  EXPECT_EQ(FormatNotificationTable(list),
            "NAME                                RULE               REGIME  STAGE    RECIPIENT  "
            "                 DUE (UTC)             STATE    TIMELINESS  NOTE\n"
            "incidents/i-1/notifications/n-gdpr  gdpr-33-authority  GDPR    SINGLE   Lead "
            "supervisory authority  2026-11-22T10:00:00Z  OVERDUE  OVERDUE\n"
            "incidents/i-1/notifications/n-appi  appi-preliminary   APPI    INITIAL  PPC        "
            "                 2026-11-24T01:00:00Z  SENT     ON_TIME     provisional\n");
}

TEST(ReportOutputTest, MitigationTableMarksOverdue) {
  google::protobuf::RepeatedPtrField<pb::Mitigation> list;
  pb::Mitigation* m = list.Add();
  m->set_name("incidents/i-1/mitigations/m-1");
  m->set_kind(pb::MITIGATION_KIND_CONTAINMENT);
  m->set_title("Suspend the model");
  m->set_owner("hr-ml");
  *m->mutable_due_time() = At("2026-11-20T00:00:00Z");
  m->set_state(pb::MITIGATION_STATE_PLANNED);
  m->set_overdue(true);
  pb::Mitigation* done = list.Add();
  done->set_name("incidents/i-1/mitigations/m-2");
  done->set_kind(pb::MITIGATION_KIND_RECURRENCE_PREVENTION);
  done->set_title("Retrain");
  done->set_owner("ml");
  done->set_state(pb::MITIGATION_STATE_VERIFIED);
  const std::string table = FormatMitigationTable(list);
  EXPECT_THAT(table, AllOf(HasSubstr("CONTAINMENT            Suspend the model  hr-ml  "
                                     "2026-11-20T00:00:00Z  PLANNED OVERDUE\n"),
                           HasSubstr("RECURRENCE_PREVENTION  Retrain            ml     "
                                     "                      VERIFIED\n")));
}

TEST(ReportOutputTest, SuggestionTableListsRulesAndLinks) {
  google::protobuf::RepeatedPtrField<pb::ViolationSuggestion> list;
  pb::ViolationSuggestion* s = list.Add();
  s->set_principle("principles/C03.1");
  s->set_principle_title_en("Attention to bias");
  s->set_confidence(pb::CONFIDENCE_HIGH);
  pb::SuggestionMatch* match = s->add_matches();
  match->set_rule("suggestionRules/harm-discrimination");
  match->set_matched("harm_types contains HARM_TYPE_DISCRIMINATION");
  s->add_matches()->set_rule("suggestionRules/cause-data-bias");
  s->mutable_matches(1)->set_matched("cause_hints contains CAUSE_HINT_DATA_BIAS");
  s->set_linked_violation("incidents/i-1/violations/v-1");
  pb::ViolationSuggestion* t = list.Add();
  t->set_principle("principles/C04.1");
  t->set_confidence(pb::CONFIDENCE_MEDIUM);
  const std::string table = FormatSuggestionTable(list);
  // The rules are cut to 80 columns; -o json has them all.
  EXPECT_THAT(table, HasSubstr("C03.1      Attention to bias  HIGH        harm-discrimination "
                               "(harm_types contains HARM_TYPE_DISCRIMINATION); cause-data-…  "
                               "v-1\n"));
  EXPECT_THAT(table, HasSubstr("C04.1                         MEDIUM"));
  EXPECT_THAT(table, HasSubstr("  -\n"));
}

TEST(ReportOutputTest, EvaluateResultListsChangesThenObligations) {
  pb::EvaluateNotificationsResponse response;
  *response.add_notifications() = Gdpr();
  response.add_added("incidents/i-1/notifications/n-gdpr");
  response.add_no_longer_required("incidents/i-1/notifications/n-old");
  const std::string text = FormatEvaluateResult(response);
  EXPECT_THAT(text, HasSubstr("Added:\n  incidents/i-1/notifications/n-gdpr\n"
                              "No longer required:\n  incidents/i-1/notifications/n-old\n\n"
                              "Obligations:\n  NAME"));
  EXPECT_THAT(text, Not(HasSubstr("Changed:")));
  EXPECT_EQ(FormatEvaluateResult(pb::EvaluateNotificationsResponse()),
            "No changes.\n\nObligations:\n  (none)\n");
}

TEST(ReportOutputTest, RuleTableShowsClockAndDeadline) {
  google::protobuf::RepeatedPtrField<pb::NotificationRule> list;
  pb::NotificationRule* rule = list.Add();
  rule->set_name("notificationRules/appi-final");
  rule->set_version(2);
  rule->set_regime(pb::REGIME_APPI);
  rule->set_stage(pb::NOTIFICATION_STAGE_FINAL);
  rule->set_recipient("PPC");
  rule->set_clock_start(pb::CLOCK_START_BREACH_AWARE_TIME);
  rule->mutable_deadline()->set_amount(30);
  rule->mutable_deadline()->set_unit(pb::PERIOD_UNIT_DAYS);
  rule->set_enabled(true);
  EXPECT_EQ(FormatNotificationRuleTable(list),
            "RULE        VERSION  REGIME  STAGE  RECIPIENT  CLOCK              DEADLINE  ENABLED  "
            "OWN\n"
            "appi-final  2        APPI    FINAL  PPC        BREACH_AWARE_TIME  30d       yes      "
            "no\n");
}

TEST(ReportOutputTest, PeriodsAndResourceRows) {
  pb::Period period;
  EXPECT_EQ(FormatPeriod(period), "at once");
  period.set_amount(72);
  period.set_unit(pb::PERIOD_UNIT_HOURS);
  EXPECT_EQ(FormatPeriod(period), "72h");
  period.set_amount(1);
  period.set_unit(pb::PERIOD_UNIT_MONTHS);
  EXPECT_EQ(FormatPeriod(period), "1mo");

  pb::Violation violation;
  violation.set_name("incidents/i-1/violations/v-1");
  violation.set_principle("principles/C03.1");
  violation.set_confidence(pb::CONFIDENCE_HIGH);
  violation.set_state(pb::VIOLATION_STATE_PROPOSED);
  violation.set_assessor("alice");
  EXPECT_EQ(FormatReportResource(violation),
            "name:        incidents/i-1/violations/v-1\n"
            "principle:   principles/C03.1\n"
            "confidence:  HIGH\n"
            "state:       PROPOSED\n"
            "assessor:    alice\n");
}

pb::IncidentReport Report() {
  pb::IncidentReport report;
  pb::IncidentFacts& incident = *report.mutable_incident();
  incident.set_name("incidents/screening-bias");
  incident.set_title("Screening model rejects women");
  incident.set_state("STATE_TRIAGED");
  incident.set_severity("SEVERITY_SEV2");
  incident.set_kind("KIND_INCIDENT");
  incident.set_owner("hr-oncall");
  *incident.mutable_aware_time() = At("2026-11-18T10:00:00Z");
  *incident.mutable_breach_aware_time() = At("2026-11-21T19:00:00+09:00");
  incident.add_harm_types("HARM_TYPE_DISCRIMINATION");
  incident.set_fundamental_rights_infringed(true);
  incident.set_personal_data_breached(true);
  incident.add_breach_types("BREACH_TYPE_LEAKED");
  incident.set_breach_persons(3000);
  incident.add_jurisdictions("DE");
  incident.add_jurisdictions("JP");
  pb::AiSystemFacts& system = *report.mutable_ai_system();
  system.set_name("aiSystems/hiring-screener");
  system.set_display_name("Hiring screener");
  system.add_actor_roles("ACTOR_ROLE_PROVIDER");
  system.set_eu_risk_category("EU_RISK_CATEGORY_HIGH_RISK");
  system.set_eu_high_risk_area("EU_HIGH_RISK_AREA_EMPLOYMENT");

  pb::ReportedViolation& reported = *report.add_violations();
  reported.mutable_violation()->set_principle("principles/C03.1");
  reported.mutable_violation()->set_state(pb::VIOLATION_STATE_CONFIRMED);
  reported.mutable_violation()->set_assessor("alice");
  *reported.mutable_violation()->mutable_assess_time() = At("2026-11-22T00:00:00Z");
  reported.mutable_violation()->set_confirmer("bob");
  *reported.mutable_violation()->mutable_confirm_time() = At("2026-11-22T01:00:00Z");
  reported.mutable_violation()->set_rationale("Trained on biased data");
  reported.mutable_principle()->set_title_en("Attention to bias");
  reported.mutable_principle()->set_title_ja("バイアスへの配慮");

  pb::Mitigation& mitigation = *report.add_mitigations();
  mitigation.set_kind(pb::MITIGATION_KIND_CONTAINMENT);
  mitigation.set_title("Suspend");
  mitigation.set_owner("hr-ml");
  *mitigation.mutable_due_time() = At("2026-11-20T00:00:00Z");
  mitigation.set_state(pb::MITIGATION_STATE_IN_PROGRESS);
  mitigation.set_overdue(true);

  *report.add_notifications() = Gdpr();
  *report.add_notifications() = AppiPreliminary();

  pb::ReportedTimelineEvent& event = *report.add_timeline();
  event.set_seq(1);
  event.set_type("TIMELINE_EVENT_TYPE_CREATED");
  *event.mutable_occur_time() = At("2026-11-18T10:00:00Z");
  event.set_actor("alice");
  event.set_from_state("STATE_UNSPECIFIED");
  event.set_to_state("STATE_REPORTED");
  event.set_text("Logged");
  pb::ReportedTimelineEvent& triage = *report.add_timeline();
  triage.set_seq(2);
  triage.set_type("TIMELINE_EVENT_TYPE_TRIAGED");
  *triage.mutable_occur_time() = At("2026-11-18T11:00:00Z");
  triage.set_actor("bob");
  triage.set_from_state("STATE_REPORTED");
  triage.set_to_state("STATE_TRIAGED");
  pb::ReportedTimelineEvent& note = *report.add_timeline();
  note.set_seq(3);
  note.set_type("TIMELINE_EVENT_TYPE_NOTE");
  *note.mutable_occur_time() = At("2026-11-18T12:00:00Z");
  note.set_actor("bob");
  note.set_text("Called HR");
  *report.mutable_generate_time() = At("2026-11-23T10:00:00Z");
  return report;
}

TEST(ReportOutputTest, IncidentReportHasEverySection) {
  const std::string text = FormatIncidentReport(Report());
  EXPECT_THAT(text, AllOf(HasSubstr("incident:              incidents/screening-bias\n"),
                          HasSubstr("title:                 Screening model rejects women\n"),
                          HasSubstr("state:                 TRIAGED\n"),
                          HasSubstr("severity:              SEV2\n"),
                          HasSubstr("kind:                  INCIDENT\n"),
                          HasSubstr("ai_system:             aiSystems/hiring-screener \"Hiring "
                                    "screener\"\n"),
                          HasSubstr("eu_ai_act_class:       HIGH_RISK (EMPLOYMENT)\n"),
                          HasSubstr("company_roles:         PROVIDER\n"),
                          HasSubstr("aware_time:            2026-11-18T10:00:00Z\n"),
                          HasSubstr("breach_aware_time:     2026-11-21T10:00:00Z\n"),
                          HasSubstr("fundamental_rights:    INFRINGED\n"),
                          HasSubstr("personal_data_breach:  3000 persons, LEAKED\n"),
                          HasSubstr("jurisdictions:         DE, JP\n")));
  EXPECT_THAT(text, AllOf(HasSubstr("\nViolated principles:\n  C03.1  Attention to bias  "
                                    "[CONFIRMED]\n"),
                          HasSubstr("      title_ja:   バイアスへの配慮\n"),
                          HasSubstr("      assessor:   alice at 2026-11-22T00:00:00Z\n"),
                          HasSubstr("      confirmer:  bob at 2026-11-22T01:00:00Z\n"),
                          HasSubstr("      rationale:  Trained on biased data\n")));
  EXPECT_THAT(text,
              HasSubstr("\nMitigations:\n  KIND         TITLE    OWNER  DUE                   "
                        "STATE                VERIFIER\n  CONTAINMENT  Suspend  hr-ml  "
                        "2026-11-20T00:00:00Z  IN_PROGRESS OVERDUE  -\n"));
  EXPECT_THAT(text, AllOf(HasSubstr("\nNotifications:\n  REGIME"),
                          HasSubstr("GDPR    gdpr-33-authority  SINGLE   Lead supervisory authority"
                                    "  2026-11-22T10:00:00Z  OVERDUE  OVERDUE"),
                          HasSubstr("APPI    appi-preliminary   INITIAL  PPC                       "
                                    "  2026-11-24T01:00:00Z  SENT     ON_TIME     "
                                    "2026-11-23T00:00:00Z  provisional\n")));
  EXPECT_THAT(text,
              HasSubstr("\nTimeline:\n"
                        "  #  TIME                  TYPE     ACTOR  STATE              TEXT\n"
                        "  1  2026-11-18T10:00:00Z  CREATED  alice  ->REPORTED         Logged\n"
                        "  2  2026-11-18T11:00:00Z  TRIAGED  bob    REPORTED->TRIAGED\n"
                        "  3  2026-11-18T12:00:00Z  NOTE     bob                       "
                        "Called HR\n"));
}

TEST(ReportOutputTest, EmptySectionsSayNone) {
  pb::IncidentReport report;
  report.mutable_incident()->set_name("incidents/x");
  const std::string text = FormatIncidentReport(report);
  EXPECT_THAT(
      text,
      AllOf(HasSubstr("Violated principles:\n  (none)\n"), HasSubstr("Mitigations:\n  (none)\n"),
            HasSubstr("Notifications:\n  (none)\n"), HasSubstr("Timeline:\n  (none)\n")));
}

}  // namespace
}  // namespace airr::cli
