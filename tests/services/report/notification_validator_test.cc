// Unit tests of the notification input checks and state changes (notification_rule_validator.h,
// notification_validator.h): each bad field is named with its rule; sending exactly at the due
// time needs no late reason, one second later does; state changes only from the allowed states.
#include "services/report/notification_validator.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "google/protobuf/text_format.h"
#include "libs/api/timestamps.h"
#include "libs/api/violations.h"
#include "libs/common/errors.h"
#include "services/report/notification_rule_validator.h"
#include "tests/services/report/notification_seed_rules.h"

namespace airr::report {
namespace {

using ::testing::Contains;
using ::testing::Field;

const absl::Time kNow = absl::FromUnixSeconds(1800000000);

std::vector<std::string> Fields(const absl::Status& status) {
  std::vector<std::string> out;
  for (const auto& v : FieldViolations(status)) {
    out.push_back(v.field);
  }
  return out;
}

v1::CreateNotificationRuleRequest ValidCreate() {
  v1::CreateNotificationRuleRequest req;
  req.set_rule_id("customer-sla");
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(
      R"pb(
        regime: REGIME_CONTRACTUAL
        title: "Tell ACME within 24 hours"
        stage: NOTIFICATION_STAGE_SINGLE
        recipient_type: RECIPIENT_TYPE_CUSTOMER
        recipient: "ACME security desk"
        clock_start: CLOCK_START_AWARE_TIME
        deadline { amount: 24 unit: PERIOD_UNIT_HOURS }
        target { amount: 4 unit: PERIOD_UNIT_HOURS }
        all_of { fact: RULE_FACT_SEVERITY operator: RULE_OPERATOR_ANY_OF values: "SEVERITY_SEV1" }
        any_of { fact: RULE_FACT_AFFECTED_PEOPLE operator: RULE_OPERATOR_GREATER_THAN values: "10" }
        any_of { fact: RULE_FACT_JURISDICTION operator: RULE_OPERATOR_ANY_OF values: "EEA" })pb",
      req.mutable_rule()));
  return req;
}

TEST(RuleValidator, ValidRuleAndEverySeededRulePass) {
  EXPECT_TRUE(ValidateCreateNotificationRule(ValidCreate()).ok());
  for (const auto& rule : testing::SeededRules()) {
    v1::NotificationRule r = rule;
    r.set_title("t");
    r.set_recipient("r");
    api::Violations v("rule");
    CheckNotificationRule(v, r);
    EXPECT_TRUE(std::move(v).ToStatus().ok()) << rule.name();
  }
}

TEST(RuleValidator, EachBadFieldIsNamed) {
  struct Case {
    const char* name;
    std::function<void(v1::CreateNotificationRuleRequest&)> mutate;
    std::string field;
  };
  auto rule = [](v1::CreateNotificationRuleRequest& r) { return r.mutable_rule(); };
  const std::vector<Case> cases = {
      {"BadId", [](auto& r) { r.set_rule_id("Bad_Id"); }, "rule_id"},
      {"NoRegime", [&](auto& r) { rule(r)->clear_regime(); }, "rule.regime"},
      {"UnknownStage", [&](auto& r) { rule(r)->set_stage(static_cast<v1::NotificationStage>(99)); },
       "rule.stage"},
      {"EmptyTitle", [&](auto& r) { rule(r)->clear_title(); }, "rule.title"},
      {"LongRecipient", [&](auto& r) { rule(r)->set_recipient(std::string(201, 'x')); },
       "rule.recipient"},
      {"NoRecipientType", [&](auto& r) { rule(r)->clear_recipient_type(); }, "rule.recipient_type"},
      {"NoClock", [&](auto& r) { rule(r)->clear_clock_start(); }, "rule.clock_start"},
      {"NoDeadline", [&](auto& r) { rule(r)->clear_deadline(); }, "rule.deadline"},
      {"DeadlineTooLong", [&](auto& r) { rule(r)->mutable_deadline()->set_amount(10001); },
       "rule.deadline.amount"},
      {"NegativeDeadline", [&](auto& r) { rule(r)->mutable_deadline()->set_amount(-1); },
       "rule.deadline.amount"},
      {"NoDeadlineUnit", [&](auto& r) { rule(r)->mutable_deadline()->clear_unit(); },
       "rule.deadline.unit"},
      {"TargetAfterDeadline", [&](auto& r) { rule(r)->mutable_target()->set_amount(25); },
       "rule.target"},
      {"PreviousStageMissing",
       [&](auto& r) { rule(r)->set_clock_start(v1::CLOCK_START_PREVIOUS_STAGE_SENT); },
       "rule.previous_stage_rule"},
      {"PreviousStageWithoutChain",
       [&](auto& r) { rule(r)->set_previous_stage_rule("notificationRules/x"); },
       "rule.previous_stage_rule"},
      {"PreviousStageNotAName",
       [&](auto& r) {
         rule(r)->set_clock_start(v1::CLOCK_START_PREVIOUS_STAGE_SENT);
         rule(r)->set_previous_stage_rule("incidents/x");
       },
       "rule.previous_stage_rule"},
      {"ConditionWithoutFact", [&](auto& r) { rule(r)->mutable_all_of(0)->clear_fact(); },
       "rule.all_of[0].fact"},
      {"ConditionWithoutOperator", [&](auto& r) { rule(r)->mutable_all_of(0)->clear_operator_(); },
       "rule.all_of[0].operator"},
      {"OperatorDoesNotFitFact",
       [&](auto& r) { rule(r)->mutable_all_of(0)->set_operator_(v1::RULE_OPERATOR_IS_TRUE); },
       "rule.all_of[0].operator"},
      {"AnyOfWithoutValues", [&](auto& r) { rule(r)->mutable_all_of(0)->clear_values(); },
       "rule.all_of[0].values"},
      {"WrongEnumPrefix", [&](auto& r) { rule(r)->mutable_all_of(0)->set_values(0, "HIGH"); },
       "rule.all_of[0].values[0]"},
      {"GreaterThanTwoValues", [&](auto& r) { rule(r)->mutable_any_of(0)->add_values("3"); },
       "rule.any_of[0].values"},
      {"GreaterThanNotANumber", [&](auto& r) { rule(r)->mutable_any_of(0)->set_values(0, "ten"); },
       "rule.any_of[0].values"},
      {"BadJurisdiction", [&](auto& r) { rule(r)->mutable_any_of(1)->set_values(0, "Europe"); },
       "rule.any_of[1].values[0]"},
      {"FlagWithValues",
       [&](auto& r) {
         auto* c = rule(r)->add_all_of();
         c->set_fact(v1::RULE_FACT_PERSONAL_DATA_BREACHED);
         c->set_operator_(v1::RULE_OPERATOR_IS_TRUE);
         c->add_values("true");
       },
       "rule.all_of[1].values"},
      {"BadPrecedenceGroup", [&](auto& r) { rule(r)->set_precedence_group("Group 1"); },
       "rule.precedence_group"},
      {"EffectiveToNotAfterFrom",
       [&](auto& r) {
         rule(r)->mutable_effective_from()->set_seconds(1000);
         rule(r)->mutable_effective_to()->set_seconds(1000);
       },
       "rule.effective_to"},
  };
  for (const auto& c : cases) {
    v1::CreateNotificationRuleRequest req = ValidCreate();
    c.mutate(req);
    const absl::Status status = ValidateCreateNotificationRule(req);
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument) << c.name;
    EXPECT_THAT(Fields(status), Contains(c.field)) << c.name << ": " << status;
  }
}

v1::Notification Pending() {
  v1::Notification n;
  n.set_name("incidents/i/notifications/gdpr-33-authority");
  n.set_state(v1::NOTIFICATION_STATE_PENDING);
  *n.mutable_due_time() = api::TimestampFromTime(kNow - absl::Hours(1));
  return n;
}

TEST(MarkSent, ExactlyAtDueNeedsNoReasonOneSecondLaterDoes) {
  v1::MarkNotificationSentRequest req;
  req.set_content_ref("doc-1");
  *req.mutable_sent_time() = api::TimestampFromTime(kNow - absl::Hours(1));
  ASSERT_TRUE(ValidateMarkSent(req, kNow).ok());
  v1::Notification n = Pending();
  ASSERT_TRUE(ApplySent(req, kNow, "alice (1)", &n).ok());
  EXPECT_EQ(n.state(), v1::NOTIFICATION_STATE_SENT);
  EXPECT_EQ(n.sent_by(), "alice (1)");

  *req.mutable_sent_time() = api::TimestampFromTime(kNow - absl::Hours(1) + absl::Seconds(1));
  n = Pending();
  const absl::Status late = ApplySent(req, kNow, "alice (1)", &n);
  EXPECT_EQ(late.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Fields(late), Contains("late_reason"));
  EXPECT_EQ(n.state(), v1::NOTIFICATION_STATE_PENDING);
  req.set_late_reason("the authority's portal was down");
  EXPECT_TRUE(ApplySent(req, kNow, "alice (1)", &n).ok());
  // Unset sent time means now, which is after the due time.
  req.clear_sent_time();
  req.clear_late_reason();
  n = Pending();
  EXPECT_THAT(Fields(ApplySent(req, kNow, "a", &n)), Contains("late_reason"));
}

TEST(MarkSent, BadInputAndWrongState) {
  v1::MarkNotificationSentRequest req;
  *req.mutable_sent_time() = api::TimestampFromTime(kNow + absl::Minutes(2));
  for (int i = 0; i < 21; ++i) {
    req.add_evidence_refs("r");
  }
  const absl::Status status = ValidateMarkSent(req, kNow);
  EXPECT_THAT(Fields(status), Contains("sent_time"));
  EXPECT_THAT(Fields(status), Contains("content_ref"));
  EXPECT_THAT(Fields(status), Contains("evidence_refs"));
  v1::Notification n = Pending();
  n.set_state(v1::NOTIFICATION_STATE_SENT);
  req.set_content_ref("x");
  req.clear_sent_time();
  const absl::Status state = ApplySent(req, kNow, "a", &n);
  EXPECT_EQ(state.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(ErrorReason(state), "INVALID_STATE");
}

TEST(Acknowledge, NotBeforeSentAndOnlyWhenSent) {
  v1::Notification n = Pending();
  v1::AcknowledgeNotificationRequest req;
  EXPECT_EQ(ErrorReason(ApplyAcknowledged(req, kNow, &n)), "INVALID_STATE");
  n.set_state(v1::NOTIFICATION_STATE_SENT);
  *n.mutable_sent_time() = api::TimestampFromTime(kNow - absl::Hours(2));
  *req.mutable_ack_time() = api::TimestampFromTime(kNow - absl::Hours(3));
  EXPECT_THAT(Fields(ApplyAcknowledged(req, kNow, &n)), Contains("ack_time"));
  *req.mutable_ack_time() = api::TimestampFromTime(kNow - absl::Hours(2));
  req.set_recipient_reference("PPC-2026-1");
  ASSERT_TRUE(ApplyAcknowledged(req, kNow, &n).ok());
  EXPECT_EQ(n.state(), v1::NOTIFICATION_STATE_ACKNOWLEDGED);
  *req.mutable_ack_time() = api::TimestampFromTime(kNow + absl::Hours(1));
  EXPECT_THAT(Fields(ValidateAcknowledge(req, kNow)), Contains("ack_time"));
}

TEST(NotRequired, WaivesPendingOnly) {
  v1::MarkNotificationNotRequiredRequest req;
  EXPECT_THAT(Fields(ValidateMarkNotRequired(req)), Contains("justification"));
  req.set_justification("GDPR Art. 34(3)(a): the data was encrypted");
  v1::Notification n = Pending();
  ASSERT_TRUE(ApplyNotRequired(req, &n).ok());
  EXPECT_EQ(n.state(), v1::NOTIFICATION_STATE_NOT_REQUIRED);
  EXPECT_TRUE(n.waived());
  EXPECT_EQ(n.not_required_reason(), req.justification());
  EXPECT_EQ(ErrorReason(ApplyNotRequired(req, &n)), "INVALID_STATE");
}

}  // namespace
}  // namespace airr::report
