// Runs the `principles`, `violations`, `mitigations`, `notifications` and `report` commands
// in-process against a fake report service on a real gRPC server (cli_test_harness.h), and checks
// the requests they send, what they print (text and -o json) and their exit codes.
#include <memory>

#include "absl/strings/str_cat.h"
#include "airr/report/v1/report_service.grpc.pb.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/json_util.h"
#include "google/protobuf/util/time_util.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "gtest/gtest.h"
#include "libs/api/validation.h"
#include "tools/airr/cli_test_harness.h"
#include "tools/airr/errors.h"

namespace airr::cli {
namespace {

using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::SizeIs;

namespace pb = ::airr::report::v1;

using google::protobuf::util::TimeUtil;

google::protobuf::Timestamp At(const std::string& text) {
  google::protobuf::Timestamp time;
  EXPECT_TRUE(TimeUtil::FromString(text, &time)) << text;
  return time;
}

// Records every request; answers with the canned messages below, or with `error`.
class FakeReport final : public pb::ReportService::Service, public RequestRecorder {
 public:
  grpc::Status ListPrinciples(grpc::ServerContext*, const pb::ListPrinciplesRequest* request,
                              pb::ListPrinciplesResponse* response) override {
    return Answer(*request, principles, response);
  }
  grpc::Status GetPrinciple(grpc::ServerContext*, const pb::GetPrincipleRequest* request,
                            pb::Principle* response) override {
    return Answer(*request, principles.principles(0), response);
  }
  grpc::Status LinkViolation(grpc::ServerContext*, const pb::LinkViolationRequest* request,
                             pb::Violation* response) override {
    return Answer(*request, violation, response);
  }
  grpc::Status GetViolation(grpc::ServerContext*, const pb::GetViolationRequest* request,
                            pb::Violation* response) override {
    return Answer(*request, violation, response);
  }
  grpc::Status ListViolations(grpc::ServerContext*, const pb::ListViolationsRequest* request,
                              pb::ListViolationsResponse* response) override {
    pb::ListViolationsResponse page;
    *page.add_violations() = violation;
    return Answer(*request, page, response);
  }
  grpc::Status ConfirmViolation(grpc::ServerContext*, const pb::ConfirmViolationRequest* request,
                                pb::Violation* response) override {
    return Answer(*request, violation, response);
  }
  grpc::Status UnlinkViolation(grpc::ServerContext*, const pb::UnlinkViolationRequest* request,
                               pb::Violation* response) override {
    return Answer(*request, violation, response);
  }
  grpc::Status SuggestViolations(grpc::ServerContext*, const pb::SuggestViolationsRequest* request,
                                 pb::SuggestViolationsResponse* response) override {
    return Answer(*request, suggestions, response);
  }
  grpc::Status CreateMitigation(grpc::ServerContext*, const pb::CreateMitigationRequest* request,
                                pb::Mitigation* response) override {
    return Answer(*request, mitigation, response);
  }
  grpc::Status GetMitigation(grpc::ServerContext*, const pb::GetMitigationRequest* request,
                             pb::Mitigation* response) override {
    return Answer(*request, mitigation, response);
  }
  grpc::Status ListMitigations(grpc::ServerContext*, const pb::ListMitigationsRequest* request,
                               pb::ListMitigationsResponse* response) override {
    pb::ListMitigationsResponse page;
    *page.add_mitigations() = mitigation;
    return Answer(*request, page, response);
  }
  grpc::Status BeginMitigation(grpc::ServerContext*, const pb::BeginMitigationRequest* request,
                               pb::Mitigation* response) override {
    return Answer(*request, mitigation, response);
  }
  grpc::Status CompleteMitigation(grpc::ServerContext*,
                                  const pb::CompleteMitigationRequest* request,
                                  pb::Mitigation* response) override {
    return Answer(*request, mitigation, response);
  }
  grpc::Status VerifyMitigation(grpc::ServerContext*, const pb::VerifyMitigationRequest* request,
                                pb::Mitigation* response) override {
    return Answer(*request, mitigation, response);
  }
  grpc::Status CancelMitigation(grpc::ServerContext*, const pb::CancelMitigationRequest* request,
                                pb::Mitigation* response) override {
    return Answer(*request, mitigation, response);
  }
  grpc::Status ListNotificationRules(grpc::ServerContext*,
                                     const pb::ListNotificationRulesRequest* request,
                                     pb::ListNotificationRulesResponse* response) override {
    auto it = rule_pages.find(request->page_token());
    if (it == rule_pages.end()) {
      return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "bad page token");
    }
    return Answer(*request, it->second, response);
  }
  grpc::Status SetNotificationRuleEnabled(grpc::ServerContext*,
                                          const pb::SetNotificationRuleEnabledRequest* request,
                                          pb::NotificationRule* response) override {
    return Answer(*request, rule_pages[""].rules(0), response);
  }
  grpc::Status EvaluateNotifications(grpc::ServerContext*,
                                     const pb::EvaluateNotificationsRequest* request,
                                     pb::EvaluateNotificationsResponse* response) override {
    return Answer(*request, evaluation, response);
  }
  grpc::Status GetNotification(grpc::ServerContext*, const pb::GetNotificationRequest* request,
                               pb::Notification* response) override {
    return Answer(*request, evaluation.notifications(0), response);
  }
  grpc::Status ListNotifications(grpc::ServerContext*, const pb::ListNotificationsRequest* request,
                                 pb::ListNotificationsResponse* response) override {
    pb::ListNotificationsResponse page;
    *page.mutable_notifications() = evaluation.notifications();
    return Answer(*request, page, response);
  }
  grpc::Status MarkNotificationSent(grpc::ServerContext*,
                                    const pb::MarkNotificationSentRequest* request,
                                    pb::Notification* response) override {
    return Answer(*request, evaluation.notifications(0), response);
  }
  grpc::Status AcknowledgeNotification(grpc::ServerContext*,
                                       const pb::AcknowledgeNotificationRequest* request,
                                       pb::Notification* response) override {
    return Answer(*request, evaluation.notifications(0), response);
  }
  grpc::Status MarkNotificationNotRequired(grpc::ServerContext*,
                                           const pb::MarkNotificationNotRequiredRequest* request,
                                           pb::Notification* response) override {
    return Answer(*request, evaluation.notifications(0), response);
  }
  grpc::Status GetIncidentReport(grpc::ServerContext*, const pb::GetIncidentReportRequest* request,
                                 pb::IncidentReport* response) override {
    return Answer(*request, report, response);
  }

  pb::ListPrinciplesResponse principles;
  pb::Violation violation;
  pb::SuggestViolationsResponse suggestions;
  pb::Mitigation mitigation;
  std::map<std::string, pb::ListNotificationRulesResponse> rule_pages;
  pb::EvaluateNotificationsResponse evaluation;
  pb::IncidentReport report;
};

class ReportCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(harness_.Start({&report_}));
    pb::Principle* principle = report_.principles.add_principles();
    principle->set_name("principles/C03.1");
    principle->set_kind(pb::PRINCIPLE_KIND_SUB_ITEM);
    principle->set_parent("principles/C03");
    principle->set_title_en("Attention to bias");
    principle->set_title_ja("バイアスへの配慮");

    pb::Violation& violation = report_.violation;
    violation.set_name("incidents/i-1/violations/v-1");
    violation.set_principle("principles/C03.1");
    violation.set_rationale("biased data");
    violation.set_confidence(pb::CONFIDENCE_HIGH);
    violation.set_state(pb::VIOLATION_STATE_PROPOSED);
    violation.set_assessor("alice");
    *violation.mutable_assess_time() = At("2026-11-23T10:00:00Z");

    pb::ViolationSuggestion* suggestion = report_.suggestions.add_suggestions();
    suggestion->set_principle("principles/C03.1");
    suggestion->set_principle_title_en("Attention to bias");
    suggestion->set_confidence(pb::CONFIDENCE_HIGH);
    suggestion->add_matches()->set_rule("suggestionRules/harm-discrimination");
    suggestion->mutable_matches(0)->set_matched("harm_types contains HARM_TYPE_DISCRIMINATION");

    pb::Mitigation& mitigation = report_.mitigation;
    mitigation.set_name("incidents/i-1/mitigations/m-1");
    mitigation.set_kind(pb::MITIGATION_KIND_CONTAINMENT);
    mitigation.set_title("Suspend the model");
    mitigation.set_owner("hr-ml");
    *mitigation.mutable_due_time() = At("2026-11-20T00:00:00Z");
    mitigation.set_state(pb::MITIGATION_STATE_PLANNED);
    mitigation.set_overdue(true);

    pb::Notification* notification = report_.evaluation.add_notifications();
    notification->set_name("incidents/i-1/notifications/n-1");
    notification->set_rule("notificationRules/gdpr-33-authority");
    notification->set_regime(pb::REGIME_GDPR);
    notification->set_stage(pb::NOTIFICATION_STAGE_SINGLE);
    notification->set_recipient("Supervisory authority");
    *notification->mutable_due_time() = At("2026-11-22T10:00:00Z");
    notification->set_state(pb::NOTIFICATION_STATE_OVERDUE);
    notification->set_timeliness(pb::TIMELINESS_OVERDUE);
    report_.evaluation.add_added("incidents/i-1/notifications/n-1");

    pb::NotificationRule* rule = report_.rule_pages[""].add_rules();
    rule->set_name("notificationRules/gdpr-33-authority");
    rule->set_version(1);
    rule->set_regime(pb::REGIME_GDPR);
    rule->set_stage(pb::NOTIFICATION_STAGE_SINGLE);
    rule->set_recipient("Supervisory authority");
    rule->set_clock_start(pb::CLOCK_START_BREACH_AWARE_TIME);
    rule->mutable_deadline()->set_amount(72);
    rule->mutable_deadline()->set_unit(pb::PERIOD_UNIT_HOURS);
    rule->set_enabled(true);
    report_.rule_pages[""].set_next_page_token("p2");
    pb::NotificationRule* nis2 = report_.rule_pages["p2"].add_rules();
    nis2->set_name("notificationRules/nis2-early-warning");
    nis2->set_version(1);
    nis2->set_regime(pb::REGIME_NIS2);

    report_.report.mutable_incident()->set_name("incidents/i-1");
    report_.report.mutable_incident()->set_title("Screening model rejects women");
    report_.report.mutable_incident()->set_state("STATE_TRIAGED");
    *report_.report.add_notifications() = *notification;
  }

  CliResult Run(const std::vector<std::string>& args) { return harness_.Run(args); }

  FakeReport report_;
  CliHarness harness_;
};

TEST_F(ReportCliTest, EveryCommandHasHelp) {
  const std::vector<std::pair<std::string, std::string>> commands = {
      {"principles", "list"},         {"principles", "get"},     {"violations", "link"},
      {"violations", "get"},          {"violations", "list"},    {"violations", "suggest"},
      {"violations", "confirm"},      {"violations", "unlink"},  {"mitigations", "create"},
      {"mitigations", "get"},         {"mitigations", "list"},   {"mitigations", "begin"},
      {"mitigations", "complete"},    {"mitigations", "verify"}, {"mitigations", "cancel"},
      {"notifications", "evaluate"},  {"notifications", "get"},  {"notifications", "list"},
      {"notifications", "mark-sent"}, {"notifications", "ack"},  {"notifications", "not-required"},
      {"notifications", "rules"},     {"report", "show"}};
  for (const auto& [group, verb] : commands) {
    CliResult result = Run({group, verb, "--help"});
    EXPECT_EQ(result.code, kExitOk) << group << " " << verb;
    EXPECT_THAT(result.out, HasSubstr(absl::StrCat("airr [global flags] ", group, " ", verb)));
  }
  EXPECT_THAT(Run({"mitigations", "create", "--help"}).out,
              AllOf(HasSubstr("--kind KIND"), HasSubstr("One of: containment, correction,\n"),
                    HasSubstr("recurrence-prevention, compensation, communication. Required."),
                    HasSubstr("--due TIME")));
  EXPECT_THAT(Run({"--help"}).out,
              AllOf(HasSubstr("violations suggest"), HasSubstr("notifications evaluate"),
                    HasSubstr("report show"), HasSubstr("principles list")));
  EXPECT_THAT(report_.received, IsEmpty());
}

TEST_F(ReportCliTest, BadFlagsAreUsageErrorsAndSendNothing) {
  CliResult confidence = Run({"violations", "link", "i-1", "--principle", "C03.1", "--rationale",
                              "r", "--confidence", "sure"});
  EXPECT_EQ(confidence.code, kExitUsage);
  EXPECT_EQ(confidence.err,
            "airr: --confidence: unknown value \"sure\"; allowed: low, medium, high\n"
            "Run 'airr violations link --help' for usage.\n");
  EXPECT_THAT(Run({"violations", "link", "i-1", "--principle", "C03.1"}).err,
              HasSubstr("missing --rationale"));
  EXPECT_EQ(Run({"mitigations", "create", "i-1", "--kind", "containment", "--title", "t", "--owner",
                 "o", "--due", "next week"})
                .code,
            kExitUsage);
  EXPECT_THAT(Run({"mitigations", "list", "-", "--state", "open"}).err,
              HasSubstr("--state: unknown value \"open\""));
  EXPECT_THAT(Run({"notifications", "list", "-", "--due-before", "soon"}).err,
              HasSubstr("--due-before: \"soon\""));
  EXPECT_THAT(Run({"notifications", "rules", "enable", "nis2-early-warning"}).err,
              HasSubstr("missing --reason TEXT"));
  EXPECT_THAT(Run({"notifications", "rules", "toggle", "x", "--reason", "r"}).err,
              HasSubstr("enable|disable RULE"));
  EXPECT_THAT(Run({"notifications", "rules", "--reason", "r"}).err,
              HasSubstr("--reason is only for rules enable|disable"));
  EXPECT_EQ(Run({"report", "show"}).code, kExitUsage);
  EXPECT_EQ(Run({"notifications", "mark-sent", "n"}).code, kExitUsage);
  EXPECT_THAT(report_.received, IsEmpty());
}

TEST_F(ReportCliTest, PrinciplesListAndGet) {
  CliResult list = Run({"principles", "list", "--kind", "sub-item", "--parent", "C03"});
  ASSERT_EQ(list.code, kExitOk) << list.err;
  const auto* request = report_.Last<pb::ListPrinciplesRequest>();
  ASSERT_NE(request, nullptr);
  EXPECT_EQ(request->kind(), pb::PRINCIPLE_KIND_SUB_ITEM);
  EXPECT_EQ(request->parent(), "principles/C03");
  EXPECT_EQ(list.out,
            "ID     KIND      PARENT  TITLE              TITLE (JA)\n"
            "C03.1  SUB_ITEM  C03     Attention to bias  バイアスへの配慮\n");

  CliResult get = Run({"principles", "get", "C03.1"});
  ASSERT_EQ(get.code, kExitOk) << get.err;
  EXPECT_EQ(report_.Last<pb::GetPrincipleRequest>()->name(), "principles/C03.1");
  EXPECT_THAT(get.out, AllOf(HasSubstr("kind:      SUB_ITEM\n"),
                             HasSubstr("title_ja:  バイアスへの配慮\n")));
}

TEST_F(ReportCliTest, ViolationLinkSendsTheLinkAndPrintsIt) {
  CliResult result =
      Run({"violations", "link", "incidents/i-1", "--principle", "C03.1", "--rationale",
           "biased data", "--evidence", "DOC-1", "--evidence", "DOC-2", "--confidence", "high",
           "--suggestion-rule", "harm-discrimination"});
  ASSERT_EQ(result.code, kExitOk) << result.err;
  const auto* request = report_.Last<pb::LinkViolationRequest>();
  ASSERT_NE(request, nullptr);
  EXPECT_EQ(request->parent(), "incidents/i-1");
  EXPECT_EQ(request->violation().principle(), "principles/C03.1");
  EXPECT_THAT(request->violation().evidence_refs(), ElementsAre("DOC-1", "DOC-2"));
  EXPECT_EQ(request->violation().suggestion_rule(), "suggestionRules/harm-discrimination");
  EXPECT_THAT(result.out,
              AllOf(HasSubstr("name:         incidents/i-1/violations/v-1\n"),
                    HasSubstr("state:        PROPOSED\n"), HasSubstr("confidence:   HIGH\n"),
                    HasSubstr("assess_time:  2026-11-23T10:00:00Z\n")));
}

TEST_F(ReportCliTest, ViolationConfirmBySamePersonPrintsTheReason) {
  google::rpc::Status details;
  google::rpc::ErrorInfo info;
  info.set_reason("SAME_PERSON");
  details.add_details()->PackFrom(info);
  report_.error =
      grpc::Status(grpc::StatusCode::FAILED_PRECONDITION,
                   "the assessor cannot confirm their own violation", details.SerializeAsString());
  CliResult result = Run({"violations", "confirm", "i-1/violations/v-1", "--note", "ok"});
  EXPECT_EQ(result.code, kExitFailure);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err,
            "airr: FAILED_PRECONDITION: the assessor cannot confirm their own violation\n"
            "  reason: SAME_PERSON\n");
  const auto* request = report_.Last<pb::ConfirmViolationRequest>();
  ASSERT_NE(request, nullptr);
  EXPECT_EQ(request->name(), "incidents/i-1/violations/v-1");
  EXPECT_EQ(request->note(), "ok");
}

TEST_F(ReportCliTest, BadRequestFieldViolationsArePrinted) {
  google::rpc::Status details;
  google::rpc::BadRequest bad;
  google::rpc::BadRequest::FieldViolation* field = bad.add_field_violations();
  field->set_field("violation.principle");
  field->set_description("must be a sub-item, not the common principle C03");
  details.add_details()->PackFrom(bad);
  report_.error = grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "invalid violation",
                               details.SerializeAsString());
  CliResult result = Run({"violations", "link", "i-1", "--principle", "C03", "--rationale", "r",
                          "--confidence", "low"});
  EXPECT_EQ(result.code, kExitFailure);
  EXPECT_THAT(result.err,
              AllOf(HasSubstr("airr: INVALID_ARGUMENT: invalid violation\n"),
                    HasSubstr("violation.principle: must be a sub-item, not the common principle "
                              "C03\n")));
}

TEST_F(ReportCliTest, ViolationListSuggestAndUnlink) {
  CliResult list = Run({"violations", "list", "-", "--principle", "C03", "--show-unlinked"});
  ASSERT_EQ(list.code, kExitOk) << list.err;
  const auto* request = report_.Last<pb::ListViolationsRequest>();
  EXPECT_EQ(request->parent(), "incidents/-");
  EXPECT_EQ(request->principle(), "principles/C03");
  EXPECT_TRUE(request->show_unlinked());
  EXPECT_THAT(list.out, HasSubstr("incidents/i-1/violations/v-1  C03.1      PROPOSED  HIGH        "
                                  "alice     -          2026-11-23T10:00:00Z\n"));

  CliResult suggest = Run({"violations", "suggest", "i-1"});
  ASSERT_EQ(suggest.code, kExitOk) << suggest.err;
  EXPECT_EQ(report_.Last<pb::SuggestViolationsRequest>()->parent(), "incidents/i-1");
  EXPECT_EQ(suggest.out,
            "PRINCIPLE  TITLE              CONFIDENCE  RULES                                     "
            "                          LINKED\n"
            "C03.1      Attention to bias  HIGH        harm-discrimination (harm_types contains "
            "HARM_TYPE_DISCRIMINATION)  -\n");

  ASSERT_EQ(Run({"violations", "unlink", "incidents/i-1/violations/v-1", "--reason", "wrong",
                 "--etag", "e"})
                .code,
            kExitOk);
  const auto* unlink = report_.Last<pb::UnlinkViolationRequest>();
  EXPECT_EQ(unlink->reason(), "wrong");
  EXPECT_EQ(unlink->etag(), "e");
}

TEST_F(ReportCliTest, MitigationCreateAndLifecycle) {
  const int64_t before = absl::ToUnixSeconds(absl::Now());
  CliResult create =
      Run({"mitigations", "create", "i-1", "--kind", "containment", "--title", "Suspend the model",
           "--owner", "hr-ml", "--due", "+72h", "--description", "stop it", "--violation", "v-1"});
  ASSERT_EQ(create.code, kExitOk) << create.err;
  const auto* request = report_.Last<pb::CreateMitigationRequest>();
  ASSERT_NE(request, nullptr);
  EXPECT_EQ(request->parent(), "incidents/i-1");
  EXPECT_TRUE(api::IsCanonicalUuid(request->request_id(), false));
  EXPECT_EQ(request->mitigation().kind(), pb::MITIGATION_KIND_CONTAINMENT);
  EXPECT_EQ(request->mitigation().violation(), "incidents/i-1/violations/v-1");
  EXPECT_GE(request->mitigation().due_time().seconds(), before + 72 * 3600);
  EXPECT_LE(request->mitigation().due_time().seconds(),
            absl::ToUnixSeconds(absl::Now()) + 72 * 3600);
  EXPECT_THAT(create.out, AllOf(HasSubstr("kind:      CONTAINMENT\n"),
                                HasSubstr("state:     PLANNED\n"), HasSubstr("overdue:   true\n")));

  ASSERT_EQ(Run({"mitigations", "begin", "i-1/mitigations/m-1"}).code, kExitOk);
  EXPECT_EQ(report_.Last<pb::BeginMitigationRequest>()->name(), "incidents/i-1/mitigations/m-1");
  ASSERT_EQ(
      Run({"mitigations", "complete", "incidents/i-1/mitigations/m-1", "--note", "done"}).code,
      kExitOk);
  EXPECT_EQ(report_.Last<pb::CompleteMitigationRequest>()->note(), "done");
  ASSERT_EQ(Run({"mitigations", "verify", "i-1/mitigations/m-1", "--method", "audit"}).code,
            kExitOk);
  EXPECT_EQ(report_.Last<pb::VerifyMitigationRequest>()->method(), "audit");
  ASSERT_EQ(Run({"mitigations", "cancel", "i-1/mitigations/m-1", "--reason", "moot"}).code,
            kExitOk);
  EXPECT_EQ(report_.Last<pb::CancelMitigationRequest>()->reason(), "moot");
  EXPECT_EQ(Run({"mitigations", "verify", "i-1/mitigations/m-1"}).code, kExitUsage);
}

TEST_F(ReportCliTest, MitigationCreateFailureSaysTheRequestIdWhenTheOutcomeIsUnknown) {
  report_.error = grpc::Status(grpc::StatusCode::UNAVAILABLE, "down");
  CliResult result = Run({"mitigations", "create", "i-1", "--kind", "correction", "--title", "t",
                          "--owner", "o", "--due", "2026-12-01T00:00:00Z"});
  EXPECT_EQ(result.code, kExitFailure);
  EXPECT_THAT(result.err,
              AllOf(HasSubstr("airr: UNAVAILABLE: down\n"),
                    HasSubstr("pass --request-id " +
                              report_.Last<pb::CreateMitigationRequest>()->request_id())));
}

TEST_F(ReportCliTest, MitigationListTableAndJson) {
  CliResult list = Run({"mitigations", "list", "i-1", "--state", "planned", "--state",
                        "in-progress", "--owner", "hr-ml", "--overdue"});
  ASSERT_EQ(list.code, kExitOk) << list.err;
  const auto* request = report_.Last<pb::ListMitigationsRequest>();
  EXPECT_THAT(request->states(),
              ElementsAre(pb::MITIGATION_STATE_PLANNED, pb::MITIGATION_STATE_IN_PROGRESS));
  EXPECT_TRUE(request->overdue_only());
  EXPECT_EQ(list.out,
            "NAME                           KIND         TITLE              OWNER  DUE          "
            "         STATE\n"
            "incidents/i-1/mitigations/m-1  CONTAINMENT  Suspend the model  hr-ml  "
            "2026-11-20T00:00:00Z  PLANNED OVERDUE\n");

  CliResult json = Run({"-o", "json", "mitigations", "list", "-"});
  ASSERT_EQ(json.code, kExitOk) << json.err;
  pb::ListMitigationsResponse parsed;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(json.out, &parsed).ok()) << json.out;
  ASSERT_THAT(parsed.mitigations(), SizeIs(1));
  EXPECT_EQ(parsed.mitigations(0).state(), pb::MITIGATION_STATE_PLANNED);
  EXPECT_THAT(json.out, HasSubstr("\"state\": \"MITIGATION_STATE_PLANNED\""));
}

TEST_F(ReportCliTest, NotificationsEvaluateListAndMark) {
  CliResult evaluate = Run({"notifications", "evaluate", "i-1"});
  ASSERT_EQ(evaluate.code, kExitOk) << evaluate.err;
  EXPECT_EQ(report_.Last<pb::EvaluateNotificationsRequest>()->parent(), "incidents/i-1");
  EXPECT_THAT(evaluate.out,
              AllOf(HasSubstr("Added:\n  incidents/i-1/notifications/n-1\n"),
                    HasSubstr("gdpr-33-authority  GDPR    SINGLE  Supervisory authority  "
                              "2026-11-22T10:00:00Z  OVERDUE  OVERDUE")));

  CliResult list = Run({"notifications", "list", "-", "--state", "pending", "--state", "overdue",
                        "--due-before", "2026-12-01T00:00:00Z"});
  ASSERT_EQ(list.code, kExitOk) << list.err;
  const auto* request = report_.Last<pb::ListNotificationsRequest>();
  EXPECT_EQ(request->parent(), "incidents/-");
  EXPECT_THAT(request->states(),
              ElementsAre(pb::NOTIFICATION_STATE_PENDING, pb::NOTIFICATION_STATE_OVERDUE));
  EXPECT_EQ(TimeUtil::ToString(request->due_before()), "2026-12-01T00:00:00Z");

  ASSERT_EQ(Run({"notifications", "mark-sent", "i-1/notifications/n-1", "--content-ref", "DOC-7",
                 "--sent-time", "2026-11-23T01:00:00Z", "--evidence", "mail-1", "--late-reason",
                 "found late"})
                .code,
            kExitOk);
  const auto* sent = report_.Last<pb::MarkNotificationSentRequest>();
  EXPECT_EQ(sent->name(), "incidents/i-1/notifications/n-1");
  EXPECT_EQ(sent->content_ref(), "DOC-7");
  EXPECT_EQ(TimeUtil::ToString(sent->sent_time()), "2026-11-23T01:00:00Z");
  EXPECT_THAT(sent->evidence_refs(), ElementsAre("mail-1"));
  EXPECT_EQ(sent->late_reason(), "found late");

  ASSERT_EQ(Run({"notifications", "ack", "i-1/notifications/n-1", "--reference", "PPC-1"}).code,
            kExitOk);
  EXPECT_EQ(report_.Last<pb::AcknowledgeNotificationRequest>()->recipient_reference(), "PPC-1");
  EXPECT_FALSE(report_.Last<pb::AcknowledgeNotificationRequest>()->has_ack_time());
  ASSERT_EQ(Run({"notifications", "not-required", "i-1/notifications/n-1", "--justification",
                 "Art. 34(3)(a)"})
                .code,
            kExitOk);
  EXPECT_EQ(report_.Last<pb::MarkNotificationNotRequiredRequest>()->justification(),
            "Art. 34(3)(a)");
}

TEST_F(ReportCliTest, NotificationRulesListAllPagesAndToggle) {
  CliResult list = Run({"notifications", "rules", "--regime", "gdpr", "--all-versions"});
  ASSERT_EQ(list.code, kExitOk) << list.err;
  EXPECT_EQ(report_.Last<pb::ListNotificationRulesRequest>()->regime(), pb::REGIME_GDPR);
  EXPECT_TRUE(report_.Last<pb::ListNotificationRulesRequest>()->show_all_versions());
  EXPECT_THAT(list.out, HasSubstr("gdpr-33-authority  1        GDPR    SINGLE  Supervisory "
                                  "authority  BREACH_AWARE_TIME  72h       yes      no\n"));
  EXPECT_THAT(list.err, HasSubstr("--page-token p2"));

  CliResult all = Run({"notifications", "rules", "--all"});
  ASSERT_EQ(all.code, kExitOk) << all.err;
  EXPECT_THAT(all.out, AllOf(HasSubstr("gdpr-33-authority"), HasSubstr("nis2-early-warning")));

  ASSERT_EQ(Run({"notifications", "rules", "enable", "nis2-early-warning", "--reason",
                 "essential entity"})
                .code,
            kExitOk);
  const auto* toggle = report_.Last<pb::SetNotificationRuleEnabledRequest>();
  EXPECT_EQ(toggle->name(), "notificationRules/nis2-early-warning");
  EXPECT_TRUE(toggle->enabled());
  EXPECT_EQ(toggle->reason(), "essential entity");
  ASSERT_EQ(
      Run({"notifications", "rules", "disable", "notificationRules/appi-final", "--reason", "r"})
          .code,
      kExitOk);
  EXPECT_FALSE(report_.Last<pb::SetNotificationRuleEnabledRequest>()->enabled());
  EXPECT_EQ(report_.Last<pb::SetNotificationRuleEnabledRequest>()->name(),
            "notificationRules/appi-final");
}

TEST_F(ReportCliTest, ReportShowTextAndJson) {
  CliResult text = Run({"report", "show", "i-1"});
  ASSERT_EQ(text.code, kExitOk) << text.err;
  EXPECT_EQ(report_.Last<pb::GetIncidentReportRequest>()->name(), "incidents/i-1");
  EXPECT_THAT(text.out, AllOf(HasSubstr("title:      Screening model rejects women\n"),
                              HasSubstr("state:      TRIAGED\n"),
                              HasSubstr("Violated principles:\n  (none)\n"),
                              HasSubstr("GDPR    gdpr-33-authority"), HasSubstr("OVERDUE")));

  CliResult json = Run({"report", "show", "i-1", "-o", "json"});
  ASSERT_EQ(json.code, kExitOk) << json.err;
  pb::IncidentReport parsed;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(json.out, &parsed).ok()) << json.out;
  EXPECT_EQ(parsed.incident().title(), "Screening model rejects women");
  EXPECT_EQ(parsed.notifications(0).state(), pb::NOTIFICATION_STATE_OVERDUE);

  report_.error = grpc::Status(grpc::StatusCode::NOT_FOUND, "incident incidents/x not found");
  CliResult missing = Run({"report", "show", "x"});
  EXPECT_EQ(missing.code, kExitFailure);
  EXPECT_EQ(missing.err, "airr: NOT_FOUND: incident incidents/x not found\n");
  EXPECT_EQ(missing.out, "");
}

}  // namespace
}  // namespace airr::cli
