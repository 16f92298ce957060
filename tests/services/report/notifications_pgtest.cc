// The notification obligation RPCs through a real in-process server: evaluating an incident gives
// the seeded obligations with their due times; changing the incident's facts and re-evaluating
// keeps what was sent, marks what no longer applies NOT_REQUIRED with the reason, adds what now
// applies and deletes nothing; sending late needs a reason; OVERDUE is derived when read; lists
// span incidents; tenants and roles are kept apart; bad input writes nothing.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <thread>
#include <vector>

#include "absl/time/clock.h"
#include "libs/api/timestamps.h"
#include "tests/services/report/report_pgtest_util.h"

namespace airr::report::testing {
namespace {

using api::TimeFromTimestamp;
using api::TimestampFromTime;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

class NotificationsTest : public ReportServerTest {};

// A SEV2 breach of sensitive data of people in Japan and Germany, detected `ago`.
void SensitiveBreach(iv1::Incident& i, absl::Duration ago = absl::Hours(1)) {
  const absl::Time detect = absl::Now() - ago;
  *i.mutable_occur_time() = TimestampFromTime(detect - absl::Minutes(10));
  *i.mutable_detect_time() = TimestampFromTime(detect);
  i.set_severity(iv1::SEVERITY_SEV2);
  i.add_jurisdictions("DE");
  auto* pd = i.mutable_personal_data();
  pd->set_involved(true);
  pd->set_breached(true);
  pd->add_breach_types(iv1::BREACH_TYPE_LEAKED);
  pd->add_breach_categories(iv1::BREACH_CATEGORY_SENSITIVE);
  pd->set_persons_affected(12);
}

absl::StatusOr<v1::EvaluateNotificationsResponse> Evaluate(ReportEnv& env,
                                                           const std::string& incident,
                                                           const std::string& token) {
  v1::EvaluateNotificationsRequest req;
  req.set_parent(incident);
  return env.Call(&ReportStub::EvaluateNotifications, req, token);
}

std::map<std::string, v1::Notification> ByRule(const v1::EvaluateNotificationsResponse& r) {
  std::map<std::string, v1::Notification> out;
  for (const auto& n : r.notifications()) {
    out[n.rule().substr(std::string("notificationRules/").size())] = n;
  }
  return out;
}

std::vector<std::string> Suffixes(const google::protobuf::RepeatedPtrField<std::string>& names) {
  std::vector<std::string> out;
  for (const auto& n : names) {
    out.push_back(n.substr(n.rfind('/') + 1));
  }
  return out;
}

int64_t NotificationRows(const ReportTenant& t) {
  return ::airr::testing::TenantRowCount("notifications", t.name);
}

TEST_F(NotificationsTest, EvaluateReevaluateAfterFactsChangeAndNothingIsDeleted) {
  const ReportTenant t = MakeReportTenant(env(), "notifflow");
  const std::string incident =
      MakeIncident(env(), t, "Applicant data leaked", [](iv1::Incident& i) { SensitiveBreach(i); });
  iv1::GetIncidentRequest get_incident;
  get_incident.set_name(incident);
  auto stored_incident = ::airr::testing::CallUnary(
      env().incidents(), &IncidentEnv::IncidentStub::GetIncident, get_incident, t.viewer);
  ASSERT_TRUE(stored_incident.ok());
  const absl::Time breach_aware =
      TimeFromTimestamp(stored_incident->personal_data().breach_aware_time());
  const absl::Time detect = TimeFromTimestamp(stored_incident->detect_time());

  auto first = Evaluate(env(), incident, t.responder);
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_THAT(
      Suffixes(first->added()),
      UnorderedElementsAre("gdpr-33-authority", "gdpr-34-data-subjects", "appi-preliminary",
                           "appi-final", "appi-notice-to-persons", "internal-escalation-sev2"));
  auto n = ByRule(*first);
  ASSERT_EQ(n.size(), 6u);
  EXPECT_EQ(TimeFromTimestamp(n["gdpr-33-authority"].due_time()), breach_aware + absl::Hours(72));
  EXPECT_EQ(TimeFromTimestamp(n["appi-final"].due_time()), breach_aware + absl::Hours(30 * 24));
  EXPECT_EQ(TimeFromTimestamp(n["appi-preliminary"].target_time()),
            breach_aware + absl::Hours(3 * 24));
  EXPECT_EQ(TimeFromTimestamp(n["internal-escalation-sev2"].due_time()), detect + absl::Hours(4));
  EXPECT_EQ(n["gdpr-33-authority"].state(), v1::NOTIFICATION_STATE_PENDING);
  EXPECT_EQ(n["gdpr-33-authority"].timeliness(), v1::TIMELINESS_OPEN);
  // By due time.
  for (int i = 1; i < first->notifications_size(); ++i) {
    EXPECT_LE(TimeFromTimestamp(first->notifications(i - 1).due_time()),
              TimeFromTimestamp(first->notifications(i).due_time()));
  }
  const std::string gdpr33 = n["gdpr-33-authority"].name();
  EXPECT_EQ(gdpr33, incident + "/notifications/gdpr-33-authority");
  EXPECT_EQ(AuditRows(t, gdpr33), 1);
  EXPECT_THAT(OutboxTopics(t, gdpr33), UnorderedElementsAre("report.notification.added"));

  // Repeating changes nothing and writes nothing.
  TenantRows rows(t.name);
  auto again = Evaluate(env(), incident, t.responder);
  ASSERT_TRUE(again.ok());
  EXPECT_THAT(again->added(), IsEmpty());
  EXPECT_THAT(again->changed(), IsEmpty());
  EXPECT_TRUE(rows.Unchanged());

  // The preliminary report goes out on time.
  v1::MarkNotificationSentRequest sent;
  sent.set_name(n["appi-preliminary"].name());
  sent.set_content_ref("ppc-form-2026-0001");
  sent.add_evidence_refs("mail:abc@ppc");
  sent.set_etag(n["appi-preliminary"].etag());
  auto marked = env().Call(&ReportStub::MarkNotificationSent, sent, t.responder);
  ASSERT_TRUE(marked.ok()) << marked.status();
  EXPECT_EQ(marked->state(), v1::NOTIFICATION_STATE_SENT);
  EXPECT_EQ(marked->timeliness(), v1::TIMELINESS_ON_TIME);
  EXPECT_THAT(marked->sent_by(), HasSubstr("("));

  // The breach turns out not to have happened, and the incident is now SEV1.
  iv1::UpdateIncidentRequest update;
  update.mutable_incident()->set_name(incident);
  update.mutable_incident()->mutable_personal_data()->set_involved(true);
  update.mutable_update_mask()->add_paths("personal_data");
  auto updated = ::airr::testing::CallUnary(
      env().incidents(), &IncidentEnv::IncidentStub::UpdateIncident, update, t.responder);
  ASSERT_TRUE(updated.ok()) << updated.status();
  iv1::TriageIncidentRequest triage;
  triage.set_name(incident);
  triage.set_severity(iv1::SEVERITY_SEV1);
  triage.set_owner("ai-governance");
  auto triaged = ::airr::testing::CallUnary(
      env().incidents(), &IncidentEnv::IncidentStub::TriageIncident, triage, t.responder);
  ASSERT_TRUE(triaged.ok()) << triaged.status();
  auto second = Evaluate(env(), incident, t.analyst);
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_THAT(Suffixes(second->added()), UnorderedElementsAre("internal-escalation-sev1"));
  EXPECT_THAT(Suffixes(second->no_longer_required()),
              UnorderedElementsAre("gdpr-33-authority", "gdpr-34-data-subjects", "appi-final",
                                   "appi-notice-to-persons", "internal-escalation-sev2"));
  EXPECT_THAT(second->changed(), IsEmpty());
  n = ByRule(*second);
  ASSERT_EQ(n.size(), 7u);
  EXPECT_EQ(NotificationRows(t), 7);
  EXPECT_EQ(n["appi-preliminary"].state(), v1::NOTIFICATION_STATE_SENT);
  EXPECT_EQ(n["gdpr-33-authority"].state(), v1::NOTIFICATION_STATE_NOT_REQUIRED);
  EXPECT_EQ(n["gdpr-33-authority"].timeliness(), v1::TIMELINESS_NOT_APPLICABLE);
  EXPECT_FALSE(n["gdpr-33-authority"].waived());
  EXPECT_THAT(n["gdpr-33-authority"].not_required_reason(),
              HasSubstr("rule gdpr-33-authority v1 no longer applies"));
  EXPECT_THAT(n["gdpr-33-authority"].not_required_reason(),
              HasSubstr("RULE_FACT_PERSONAL_DATA_BREACHED"));
  EXPECT_THAT(OutboxTopics(t, gdpr33), UnorderedElementsAre("report.notification.added",
                                                            "report.notification.not_required"));
  EXPECT_EQ(AuditRows(t, gdpr33), 2);

  // Waive the SEV1 escalation by hand; then the breach is confirmed after all.
  v1::MarkNotificationNotRequiredRequest waive;
  waive.set_name(n["internal-escalation-sev1"].name());
  waive.set_justification("The accountable officer ran the call herself.");
  auto waived = env().Call(&ReportStub::MarkNotificationNotRequired, waive, t.responder);
  ASSERT_TRUE(waived.ok()) << waived.status();
  EXPECT_TRUE(waived->waived());
  update.mutable_incident()->mutable_personal_data()->set_breached(true);
  update.mutable_incident()->mutable_personal_data()->add_breach_types(iv1::BREACH_TYPE_LEAKED);
  update.mutable_incident()->mutable_personal_data()->add_breach_categories(
      iv1::BREACH_CATEGORY_SENSITIVE);
  update.mutable_update_mask()->clear_paths();
  update.mutable_update_mask()->add_paths("personal_data");
  updated = ::airr::testing::CallUnary(
      env().incidents(), &IncidentEnv::IncidentStub::UpdateIncident, update, t.responder);
  ASSERT_TRUE(updated.ok()) << updated.status();
  auto third = Evaluate(env(), incident, t.analyst);
  ASSERT_TRUE(third.ok()) << third.status();
  EXPECT_THAT(Suffixes(third->revived()),
              UnorderedElementsAre("gdpr-33-authority", "gdpr-34-data-subjects", "appi-final",
                                   "appi-notice-to-persons"));
  n = ByRule(*third);
  EXPECT_EQ(n["internal-escalation-sev1"].state(), v1::NOTIFICATION_STATE_NOT_REQUIRED);
  EXPECT_EQ(n["internal-escalation-sev2"].state(), v1::NOTIFICATION_STATE_NOT_REQUIRED);
  EXPECT_EQ(n["gdpr-33-authority"].state(), v1::NOTIFICATION_STATE_PENDING);
  EXPECT_EQ(n["gdpr-33-authority"].not_required_reason(), "");
  EXPECT_EQ(NotificationRows(t), 7);
}

TEST_F(NotificationsTest, ConcurrentEvaluationsAddEachObligationOnce) {
  const ReportTenant t = MakeReportTenant(env(), "notifrace");
  const std::string incident =
      MakeIncident(env(), t, "Raced breach", [](iv1::Incident& i) { SensitiveBreach(i); });
  std::vector<std::thread> threads;
  std::vector<absl::StatusOr<v1::EvaluateNotificationsResponse>> results(6);
  for (size_t i = 0; i < results.size(); ++i) {
    threads.emplace_back([&, i] { results[i] = Evaluate(env(), incident, t.responder); });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  int added = 0;
  for (const auto& r : results) {
    ASSERT_TRUE(r.ok()) << r.status();
    added += r->added_size();
    EXPECT_EQ(r->notifications_size(), 6);
  }
  EXPECT_EQ(added, 6);
  EXPECT_EQ(NotificationRows(t), 6);
  EXPECT_EQ(::airr::testing::QueryRows(absl::StrCat(
                "SELECT count(*) FROM outbox_events o JOIN tenants t ON t.id = o.tenant_id "
                "WHERE t.name = '",
                t.name, "' AND o.topic = 'report.notification.added'"))[0][0],
            "6");
}

TEST_F(NotificationsTest, OverdueIsDerivedAndLateSendingNeedsAReason) {
  const ReportTenant t = MakeReportTenant(env(), "notiflate");
  const std::string incident = MakeIncident(env(), t, "Model outage", [](iv1::Incident& i) {
    const absl::Time detect = absl::Now() - absl::Hours(3);
    *i.mutable_occur_time() = TimestampFromTime(detect);
    *i.mutable_detect_time() = TimestampFromTime(detect);
    i.set_severity(iv1::SEVERITY_SEV1);
  });
  auto eval = Evaluate(env(), incident, t.responder);
  ASSERT_TRUE(eval.ok()) << eval.status();
  auto n = ByRule(*eval);
  ASSERT_EQ(n.count("internal-escalation-sev1"), 1u);
  const v1::Notification& esc = n["internal-escalation-sev1"];
  EXPECT_EQ(esc.state(), v1::NOTIFICATION_STATE_OVERDUE);
  EXPECT_EQ(esc.timeliness(), v1::TIMELINESS_OVERDUE);
  EXPECT_EQ(::airr::testing::QueryRows(
                absl::StrCat("SELECT state FROM notifications WHERE incident_id = '",
                             incident.substr(incident.find('/') + 1), "'"))[0][0],
            "NOTIFICATION_STATE_PENDING");

  v1::GetNotificationRequest get;
  get.set_name(esc.name());
  EXPECT_EQ(env().Call(&ReportStub::GetNotification, get, t.viewer)->state(),
            v1::NOTIFICATION_STATE_OVERDUE);

  TenantRows rows(t.name);
  v1::MarkNotificationSentRequest sent;
  sent.set_name(esc.name());
  sent.set_content_ref("pagerduty:INC-42");
  EXPECT_TRUE(IsInvalidField(
      env().Call(&ReportStub::MarkNotificationSent, sent, t.responder).status(), "late_reason"));
  // Sent exactly at the due time: on time, no reason needed.
  *sent.mutable_sent_time() = esc.due_time();
  auto on_time = env().Call(&ReportStub::MarkNotificationSent, sent, t.responder);
  ASSERT_TRUE(on_time.ok()) << on_time.status();
  EXPECT_EQ(on_time->timeliness(), v1::TIMELINESS_ON_TIME);
  EXPECT_EQ(rows.now("notifications.version_sum"),
            rows.at_snapshot("notifications.version_sum") + 1);
  // Sending twice is refused.
  EXPECT_TRUE(
      HasCodeAndReason(env().Call(&ReportStub::MarkNotificationSent, sent, t.responder).status(),
                       absl::StatusCode::kFailedPrecondition, "INVALID_STATE"));

  // Acknowledged, not before it was sent.
  v1::AcknowledgeNotificationRequest ack;
  ack.set_name(esc.name());
  *ack.mutable_ack_time() = TimestampFromTime(TimeFromTimestamp(esc.due_time()) - absl::Minutes(1));
  EXPECT_TRUE(IsInvalidField(
      env().Call(&ReportStub::AcknowledgeNotification, ack, t.responder).status(), "ack_time"));
  ack.clear_ack_time();
  ack.set_recipient_reference("CASE-7");
  auto acked = env().Call(&ReportStub::AcknowledgeNotification, ack, t.responder);
  ASSERT_TRUE(acked.ok()) << acked.status();
  EXPECT_EQ(acked->state(), v1::NOTIFICATION_STATE_ACKNOWLEDGED);
  EXPECT_THAT(OutboxTopics(t, esc.name()),
              UnorderedElementsAre("report.notification.added", "report.notification.sent",
                                   "report.notification.acknowledged"));

  // A late one with its reason.
  const std::string other = MakeIncident(env(), t, "Second outage", [](iv1::Incident& i) {
    const absl::Time detect = absl::Now() - absl::Hours(5);
    *i.mutable_occur_time() = TimestampFromTime(detect);
    *i.mutable_detect_time() = TimestampFromTime(detect);
    i.set_severity(iv1::SEVERITY_SEV1);
  });
  ASSERT_TRUE(Evaluate(env(), other, t.responder).ok());
  sent.set_name(other + "/notifications/internal-escalation-sev1");
  sent.clear_sent_time();
  sent.set_late_reason("The officer was on a flight.");
  auto late = env().Call(&ReportStub::MarkNotificationSent, sent, t.responder);
  ASSERT_TRUE(late.ok()) << late.status();
  EXPECT_EQ(late->timeliness(), v1::TIMELINESS_LATE);
  EXPECT_EQ(late->late_reason(), "The officer was on a flight.");
}

TEST_F(NotificationsTest, ListAcrossIncidentsByDueTimeWithStatesAndPaging) {
  const ReportTenant t = MakeReportTenant(env(), "notiflist");
  std::vector<std::string> incidents;
  for (int i = 0; i < 3; ++i) {
    incidents.push_back(MakeIncident(env(), t, absl::StrCat("Outage ", i), [i](iv1::Incident& x) {
      const absl::Time detect = absl::Now() - absl::Hours(2 * i) - absl::Minutes(5);
      *x.mutable_occur_time() = TimestampFromTime(detect);
      *x.mutable_detect_time() = TimestampFromTime(detect);
      x.set_severity(iv1::SEVERITY_SEV1);
    }));
    ASSERT_TRUE(Evaluate(env(), incidents.back(), t.responder).ok());
  }
  // Incident 0 is due in ~55 minutes; 1 and 2 are overdue.
  v1::ListNotificationsRequest list;
  list.set_parent("incidents/-");
  list.set_page_size(1);
  std::vector<std::string> names;
  for (int pages = 0; pages < 10; ++pages) {
    auto resp = env().Call(&ReportStub::ListNotifications, list, t.viewer);
    ASSERT_TRUE(resp.ok()) << resp.status();
    for (const auto& n : resp->notifications()) {
      names.push_back(n.name());
    }
    if (resp->next_page_token().empty()) {
      break;
    }
    list.set_page_token(resp->next_page_token());
  }
  ASSERT_EQ(names.size(), 3u);
  EXPECT_EQ(names[0], incidents[2] + "/notifications/internal-escalation-sev1");
  EXPECT_EQ(names[2], incidents[0] + "/notifications/internal-escalation-sev1");

  list.clear_page_token();
  list.set_page_size(0);
  list.add_states(v1::NOTIFICATION_STATE_OVERDUE);
  auto overdue = env().Call(&ReportStub::ListNotifications, list, t.viewer);
  ASSERT_TRUE(overdue.ok());
  ASSERT_EQ(overdue->notifications_size(), 2);
  for (const auto& n : overdue->notifications()) {
    EXPECT_EQ(n.state(), v1::NOTIFICATION_STATE_OVERDUE);
  }
  list.clear_states();
  list.add_states(v1::NOTIFICATION_STATE_PENDING);
  auto pending = env().Call(&ReportStub::ListNotifications, list, t.viewer);
  ASSERT_EQ(pending->notifications_size(), 1);
  EXPECT_EQ(pending->notifications(0).state(), v1::NOTIFICATION_STATE_PENDING);

  // Everything due before 30 minutes from now, across incidents: the two overdue ones.
  list.clear_states();
  *list.mutable_due_before() = TimestampFromTime(absl::Now() + absl::Minutes(30));
  auto due_soon = env().Call(&ReportStub::ListNotifications, list, t.viewer);
  ASSERT_EQ(due_soon->notifications_size(), 2);
  // One incident's.
  list.clear_due_before();
  list.set_parent(incidents[1]);
  auto one = env().Call(&ReportStub::ListNotifications, list, t.viewer);
  ASSERT_EQ(one->notifications_size(), 1);
  // A token only works for the query it was issued for.
  list.set_parent("incidents/-");
  list.set_page_size(1);
  auto first_page = env().Call(&ReportStub::ListNotifications, list, t.viewer);
  list.set_page_token(first_page->next_page_token());
  list.add_states(v1::NOTIFICATION_STATE_SENT);
  EXPECT_TRUE(IsInvalidField(env().Call(&ReportStub::ListNotifications, list, t.viewer).status(),
                             "page_token"));
}

TEST_F(NotificationsTest, TenantIsolationAndRoles) {
  const ReportTenant a = MakeReportTenant(env(), "notifa");
  const ReportTenant b = MakeReportTenant(env(), "notifb");
  const std::string incident =
      MakeIncident(env(), a, "A's breach", [](iv1::Incident& i) { SensitiveBreach(i); });
  // Reporters and viewers cannot evaluate or send; checked before the incident is looked up.
  for (const std::string* token : {&a.viewer, &a.reporter, &a.auditor}) {
    EXPECT_EQ(Evaluate(env(), incident, *token).status().code(),
              absl::StatusCode::kPermissionDenied);
  }
  auto eval = Evaluate(env(), incident, a.analyst);
  ASSERT_TRUE(eval.ok());
  const std::string name = eval->notifications(0).name();

  TenantRows rows_b(b.name);
  TenantRows rows_a(a.name);
  EXPECT_EQ(Evaluate(env(), incident, b.responder).status().code(), absl::StatusCode::kNotFound);
  v1::GetNotificationRequest get;
  get.set_name(name);
  EXPECT_EQ(env().Call(&ReportStub::GetNotification, get, b.viewer).status().code(),
            absl::StatusCode::kNotFound);
  v1::ListNotificationsRequest list;
  list.set_parent("incidents/-");
  EXPECT_EQ(env().Call(&ReportStub::ListNotifications, list, b.viewer)->notifications_size(), 0);
  list.set_parent(incident);
  EXPECT_EQ(env().Call(&ReportStub::ListNotifications, list, b.viewer).status().code(),
            absl::StatusCode::kNotFound);
  v1::MarkNotificationSentRequest sent;
  sent.set_name(name);
  sent.set_content_ref("x");
  EXPECT_EQ(env().Call(&ReportStub::MarkNotificationSent, sent, b.responder).status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(env().Call(&ReportStub::MarkNotificationSent, sent, a.viewer).status().code(),
            absl::StatusCode::kPermissionDenied);
  EXPECT_TRUE(rows_b.Unchanged());
  EXPECT_TRUE(rows_a.Unchanged());
}

TEST_F(NotificationsTest, BadInputWritesNothing) {
  const ReportTenant t = MakeReportTenant(env(), "notifbad");
  const std::string incident =
      MakeIncident(env(), t, "Breach", [](iv1::Incident& i) { SensitiveBreach(i); });
  auto eval = Evaluate(env(), incident, t.responder);
  ASSERT_TRUE(eval.ok());
  const std::string name = ByRule(*eval)["gdpr-33-authority"].name();
  TenantRows rows(t.name);

  EXPECT_TRUE(IsInvalidField(Evaluate(env(), "incident/x", t.responder).status(), "parent"));
  EXPECT_TRUE(IsInvalidField(Evaluate(env(), "incidents/-", t.responder).status(), "parent"));
  v1::MarkNotificationSentRequest sent;
  sent.set_name(name);
  EXPECT_TRUE(IsInvalidField(
      env().Call(&ReportStub::MarkNotificationSent, sent, t.responder).status(), "content_ref"));
  sent.set_content_ref("doc");
  *sent.mutable_sent_time() = TimestampFromTime(absl::Now() + absl::Hours(1));
  EXPECT_TRUE(IsInvalidField(
      env().Call(&ReportStub::MarkNotificationSent, sent, t.responder).status(), "sent_time"));
  sent.clear_sent_time();
  for (int i = 0; i < 21; ++i) {
    sent.add_evidence_refs("e");
  }
  EXPECT_TRUE(IsInvalidField(
      env().Call(&ReportStub::MarkNotificationSent, sent, t.responder).status(), "evidence_refs"));
  sent.clear_evidence_refs();
  sent.set_etag("W/\"zzz\"");
  EXPECT_TRUE(
      HasCodeAndReason(env().Call(&ReportStub::MarkNotificationSent, sent, t.responder).status(),
                       absl::StatusCode::kAborted, "ETAG_MISMATCH"));
  sent.set_etag("");
  sent.set_name(incident + "/mitigations/gdpr-33-authority");
  EXPECT_TRUE(IsInvalidField(
      env().Call(&ReportStub::MarkNotificationSent, sent, t.responder).status(), "name"));
  sent.set_name(incident + "/notifications/no-such-rule");
  EXPECT_EQ(env().Call(&ReportStub::MarkNotificationSent, sent, t.responder).status().code(),
            absl::StatusCode::kNotFound);
  v1::AcknowledgeNotificationRequest ack;
  ack.set_name(name);
  EXPECT_TRUE(
      HasCodeAndReason(env().Call(&ReportStub::AcknowledgeNotification, ack, t.responder).status(),
                       absl::StatusCode::kFailedPrecondition, "INVALID_STATE"));
  ack.set_recipient_reference(std::string(201, 'r'));
  EXPECT_TRUE(
      IsInvalidField(env().Call(&ReportStub::AcknowledgeNotification, ack, t.responder).status(),
                     "recipient_reference"));
  v1::MarkNotificationNotRequiredRequest waive;
  waive.set_name(name);
  EXPECT_TRUE(IsInvalidField(
      env().Call(&ReportStub::MarkNotificationNotRequired, waive, t.responder).status(),
      "justification"));
  v1::ListNotificationsRequest list;
  list.set_parent("incidents/-");
  list.add_states(v1::NOTIFICATION_STATE_UNSPECIFIED);
  EXPECT_TRUE(IsInvalidField(env().Call(&ReportStub::ListNotifications, list, t.viewer).status(),
                             "states[0]"));
  list.clear_states();
  list.mutable_due_before()->set_seconds(-100000000000);
  EXPECT_TRUE(IsInvalidField(env().Call(&ReportStub::ListNotifications, list, t.viewer).status(),
                             "due_before"));
  list.clear_due_before();
  list.set_page_token("garbage");
  EXPECT_TRUE(IsInvalidField(env().Call(&ReportStub::ListNotifications, list, t.viewer).status(),
                             "page_token"));
  EXPECT_TRUE(rows.Unchanged());
}

}  // namespace
}  // namespace airr::report::testing
