// GetIncidentReport through the real server: one document with the incident and its AI system,
// the violated principles with their catalog texts and the company's mapped policy principles,
// the mitigations, the notifications with derived state and timeliness, and the timeline; and
// the usual read rules (any role reads; another tenant's incident does not exist).
#include <algorithm>

#include "libs/api/timestamps.h"
#include "tests/services/report/report_pgtest_util.h"

namespace airr::report::testing {
namespace {

using Stub = ReportStub;

class IncidentReportTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    env_ = new ReportEnv();
    t_ = new ReportTenant(MakeReportTenant(*env_, "report-doc"));
    other_ = new ReportTenant(MakeReportTenant(*env_, "report-doc-other"));
  }
  static void TearDownTestSuite() {
    delete other_;
    delete t_;
    delete env_;
  }

  // An incident in Japan whose personal-data breach (1,500 persons, known for about 4 days) makes
  // the APPI rules fire; the preliminary report (at most 5 days) is still open.
  static std::string BreachIncident(const std::string& title) {
    return MakeIncident(*env_, *t_, title, [](iv1::Incident& incident) {
      const absl::Time detected = absl::Now() - absl::Hours(4 * 24);
      *incident.mutable_occur_time() = api::TimestampFromTime(detected - absl::Hours(1));
      *incident.mutable_detect_time() = api::TimestampFromTime(detected);
      incident.add_harm_types(iv1::HARM_TYPE_DISCRIMINATION);
      auto& data = *incident.mutable_personal_data();
      data.set_involved(true);
      data.set_breached(true);
      data.add_breach_types(iv1::BREACH_TYPE_LEAKED);
      data.set_persons_affected(1500);
      *data.mutable_breach_aware_time() = api::TimestampFromTime(detected + absl::Hours(2));
    });
  }

  static ReportEnv* env_;
  static ReportTenant* t_;
  static ReportTenant* other_;
};

ReportEnv* IncidentReportTest::env_ = nullptr;
ReportTenant* IncidentReportTest::t_ = nullptr;
ReportTenant* IncidentReportTest::other_ = nullptr;

const v1::Notification* FindByRule(const v1::IncidentReport& report, const std::string& rule) {
  for (const auto& n : report.notifications()) {
    if (n.rule() == rule) {
      return &n;
    }
  }
  return nullptr;
}

TEST_F(IncidentReportTest, BringsEverythingTogether) {
  const std::string incident = BreachIncident("Screening leaked applicant data");

  v1::CreatePolicyPrincipleRequest policy;
  policy.set_policy_principle_id("p3-fairness");
  policy.mutable_policy_principle()->set_code("P3");
  policy.mutable_policy_principle()->set_title("We treat every applicant fairly");
  policy.mutable_policy_principle()->add_mapped_principles("principles/C03");
  ASSERT_TRUE(env_->Call(&Stub::CreatePolicyPrinciple, policy, t_->analyst).ok());

  v1::LinkViolationRequest link;
  link.set_parent(incident);
  link.mutable_violation()->set_principle("principles/C03.1");
  link.mutable_violation()->set_rationale("The model learned the gender skew of past hires.");
  link.mutable_violation()->set_confidence(v1::CONFIDENCE_HIGH);
  auto fairness = env_->Call(&Stub::LinkViolation, link, t_->analyst);
  ASSERT_TRUE(fairness.ok()) << fairness.status();
  v1::ConfirmViolationRequest confirm;
  confirm.set_name(fairness->name());
  ASSERT_TRUE(env_->Call(&Stub::ConfirmViolation, confirm, t_->analyst2).ok());
  link.mutable_violation()->set_principle("principles/C04.1");
  link.mutable_violation()->set_rationale("Applicant records were exported to a public bucket.");
  ASSERT_TRUE(env_->Call(&Stub::LinkViolation, link, t_->analyst).ok());

  v1::CreateMitigationRequest overdue;
  overdue.set_parent(incident);
  overdue.mutable_mitigation()->set_kind(v1::MITIGATION_KIND_CONTAINMENT);
  overdue.mutable_mitigation()->set_title("Close the public bucket");
  overdue.mutable_mitigation()->set_owner("it-ops");
  *overdue.mutable_mitigation()->mutable_due_time() =
      api::TimestampFromTime(absl::Now() - absl::Hours(1));
  ASSERT_TRUE(env_->Call(&Stub::CreateMitigation, overdue, t_->responder).ok());

  v1::EvaluateNotificationsRequest evaluate;
  evaluate.set_parent(incident);
  auto evaluated = env_->Call(&Stub::EvaluateNotifications, evaluate, t_->analyst);
  ASSERT_TRUE(evaluated.ok()) << evaluated.status();
  std::string preliminary;
  for (const auto& n : evaluated->notifications()) {
    if (n.rule() == "notificationRules/appi-preliminary") {
      preliminary = n.name();
    }
  }
  ASSERT_FALSE(preliminary.empty());
  v1::MarkNotificationSentRequest sent;
  sent.set_name(preliminary);
  sent.set_content_ref("ppc-form-2026-001");
  ASSERT_TRUE(env_->Call(&Stub::MarkNotificationSent, sent, t_->responder).ok());

  v1::GetIncidentReportRequest request;
  request.set_name(incident);
  auto report = env_->Call(&Stub::GetIncidentReport, request, t_->viewer);
  ASSERT_TRUE(report.ok()) << report.status();

  EXPECT_EQ(report->incident().name(), incident);
  EXPECT_EQ(report->incident().title(), "Screening leaked applicant data");
  EXPECT_TRUE(report->incident().personal_data_breached());
  EXPECT_EQ(report->incident().breach_persons(), 1500);
  EXPECT_TRUE(report->incident().has_breach_aware_time());
  EXPECT_EQ(report->ai_system().name(), t_->ai_system);
  EXPECT_FALSE(report->ai_system().display_name().empty());

  // Violations in catalog order, with their texts and the mapped policy principle.
  ASSERT_EQ(report->violations_size(), 2);
  const auto& c03 = report->violations(0);
  EXPECT_EQ(c03.violation().principle(), "principles/C03.1");
  EXPECT_EQ(c03.violation().state(), v1::VIOLATION_STATE_CONFIRMED);
  EXPECT_EQ(c03.principle().name(), "principles/C03.1");
  EXPECT_FALSE(c03.principle().title_ja().empty());
  EXPECT_EQ(c03.parent_principle().name(), "principles/C03");
  ASSERT_EQ(c03.policy_principles_size(), 1);
  EXPECT_EQ(c03.policy_principles(0).code(), "P3");
  const auto& c04 = report->violations(1);
  EXPECT_EQ(c04.violation().principle(), "principles/C04.1");
  EXPECT_EQ(c04.violation().state(), v1::VIOLATION_STATE_PROPOSED);
  EXPECT_EQ(c04.policy_principles_size(), 0);

  ASSERT_EQ(report->mitigations_size(), 1);
  EXPECT_TRUE(report->mitigations(0).overdue());

  const v1::Notification* appi = FindByRule(*report, "notificationRules/appi-preliminary");
  ASSERT_NE(appi, nullptr);
  EXPECT_EQ(appi->state(), v1::NOTIFICATION_STATE_SENT);
  EXPECT_EQ(appi->timeliness(), v1::TIMELINESS_ON_TIME);
  const v1::Notification* final_report = FindByRule(*report, "notificationRules/appi-final");
  ASSERT_NE(final_report, nullptr);
  EXPECT_EQ(final_report->state(), v1::NOTIFICATION_STATE_PENDING);
  EXPECT_EQ(final_report->timeliness(), v1::TIMELINESS_OPEN);
  // By due time.
  EXPECT_TRUE(std::is_sorted(report->notifications().begin(), report->notifications().end(),
                             [](const v1::Notification& a, const v1::Notification& b) {
                               return api::TimeFromTimestamp(a.due_time()) <
                                      api::TimeFromTimestamp(b.due_time());
                             }));

  ASSERT_GE(report->timeline_size(), 1);
  EXPECT_EQ(report->timeline(0).seq(), 1);
  EXPECT_TRUE(report->has_generate_time());
}

TEST_F(IncidentReportTest, AnIncidentWithoutFollowUpHasAnEmptyReport) {
  const std::string incident = MakeIncident(*env_, *t_, "Quiet near miss");
  v1::GetIncidentReportRequest request;
  request.set_name(incident);
  auto report = env_->Call(&Stub::GetIncidentReport, request, t_->viewer);
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->violations_size(), 0);
  EXPECT_EQ(report->mitigations_size(), 0);
  EXPECT_EQ(report->notifications_size(), 0);
  EXPECT_EQ(report->timeline_size(), 1);
}

TEST_F(IncidentReportTest, OtherTenantsIncidentDoesNotExist) {
  const std::string incident = MakeIncident(*env_, *t_, "Not yours");
  v1::GetIncidentReportRequest request;
  request.set_name(incident);
  EXPECT_EQ(env_->Call(&Stub::GetIncidentReport, request, other_->admin).status().code(),
            absl::StatusCode::kNotFound);
  request.set_name("incidents/Not_A_Name");
  EXPECT_TRUE(
      IsInvalidField(env_->Call(&Stub::GetIncidentReport, request, t_->viewer).status(), "name"));
  request.set_name(incident);
  EXPECT_EQ(env_->Call(&Stub::GetIncidentReport, request, "").status().code(),
            absl::StatusCode::kUnauthenticated);
}

}  // namespace
}  // namespace airr::report::testing
