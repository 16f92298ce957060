// Unit tests of report_fields.h: enum labels, resource names from what users type, absolute and
// relative times, and the requests the report commands build from their flags. No server.
#include "tools/airr/report_fields.h"

#include "gmock/gmock.h"
#include "google/protobuf/util/time_util.h"
#include "gtest/gtest.h"
#include "libs/api/validation.h"
#include "tools/airr/report_common.h"

namespace airr::cli {
namespace {

namespace pb = ::airr::report::v1;

using google::protobuf::util::TimeUtil;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

// 2026-11-23T10:00:00Z.
const absl::Time kNow = absl::FromUnixSeconds(1795428000);

ParsedArgs Parse(const std::vector<FlagSpec>& specs, const std::vector<std::string>& args) {
  absl::StatusOr<ParsedArgs> parsed = ParseArgs(specs, args);
  EXPECT_TRUE(parsed.ok()) << parsed.status();
  return parsed.ok() ? *parsed : ParsedArgs();
}

FlagSpec Value(const std::string& name) {
  return {name, '\0', FlagSpec::Kind::kValue, false, "V", ""};
}
FlagSpec Many(const std::string& name) {
  return {name, '\0', FlagSpec::Kind::kValue, true, "V", ""};
}
FlagSpec Bool(const std::string& name) {
  return {name, '\0', FlagSpec::Kind::kBool, false, "", ""};
}

TEST(EnumLabelTest, DropsThePrefixInUpperCase) {
  EXPECT_EQ(EnumLabel(*pb::NotificationState_descriptor(), pb::NOTIFICATION_STATE_OVERDUE),
            "OVERDUE");
  EXPECT_EQ(EnumLabel(*pb::MitigationKind_descriptor(), pb::MITIGATION_KIND_RECURRENCE_PREVENTION),
            "RECURRENCE_PREVENTION");
  EXPECT_EQ(EnumLabel(*pb::Timeliness_descriptor(), pb::TIMELINESS_ON_TIME), "ON_TIME");
  EXPECT_EQ(EnumLabel(*pb::Regime_descriptor(), 0), "");
  EXPECT_EQ(EnumLabel(*pb::Regime_descriptor(), 99), "99");
}

TEST(TrimEnumTextTest, CutsAKnownPrefixOnly) {
  EXPECT_EQ(TrimEnumText("SEVERITY_SEV1", "SEVERITY_"), "SEV1");
  EXPECT_EQ(TrimEnumText("EU_RISK_CATEGORY_HIGH_RISK", "EU_RISK_CATEGORY_"), "HIGH_RISK");
  EXPECT_EQ(TrimEnumText("SEV1", "SEVERITY_"), "SEV1");
  EXPECT_EQ(TrimEnumText("SEVERITY_", "SEVERITY_"), "SEVERITY_");
  EXPECT_EQ(TrimEnumText("", "STATE_"), "");
}

TEST(NamesTest, AddTheCollectionWhereNeeded) {
  EXPECT_EQ(PrincipleName("C03.1"), "principles/C03.1");
  EXPECT_EQ(PrincipleName("principles/C03"), "principles/C03");
  EXPECT_EQ(PrincipleName(""), "");
  EXPECT_EQ(IncidentChildName("incidents/i/violations/v"), "incidents/i/violations/v");
  EXPECT_EQ(IncidentChildName("i/mitigations/m"), "incidents/i/mitigations/m");
  EXPECT_EQ(IncidentChildName("m"), "m");
  EXPECT_EQ(IncidentParent("-"), "incidents/-");
  EXPECT_EQ(IncidentParent("incidents/-"), "incidents/-");
  EXPECT_EQ(IncidentParent("i-1"), "incidents/i-1");
}

TEST(ParseTimeFlagTest, TakesRfc3339AndRelativeTimes) {
  struct Case {
    std::string text;
    std::string want;
  };
  for (const Case& c : std::vector<Case>{
           {"2026-11-23T19:00:00+09:00", "2026-11-23T10:00:00Z"},
           {"2026-01-31T00:00:00Z", "2026-01-31T00:00:00Z"},
           {"+72h", "2026-11-26T10:00:00Z"},
           {"+3d", "2026-11-26T10:00:00Z"},
           {"-30m", "2026-11-23T09:30:00Z"},
           {"+1h30m", "2026-11-23T11:30:00Z"},
           {"-2d", "2026-11-21T10:00:00Z"},
       }) {
    absl::StatusOr<google::protobuf::Timestamp> time = ParseTimeFlag(c.text, kNow, "--due");
    ASSERT_TRUE(time.ok()) << c.text << ": " << time.status();
    EXPECT_EQ(TimeUtil::ToString(*time), c.want) << c.text;
  }
  for (const std::string bad : {"", "tomorrow", "+", "+3w", "+-3h", "2026-11-23 10:00", "+xd"}) {
    absl::StatusOr<google::protobuf::Timestamp> time = ParseTimeFlag(bad, kNow, "--due");
    EXPECT_EQ(time.status().code(), absl::StatusCode::kInvalidArgument) << bad;
    EXPECT_THAT(std::string(time.status().message()), HasSubstr("--due: \"" + bad + "\""));
  }
}

TEST(BuildRequestsTest, LinkViolation) {
  ParsedArgs args =
      Parse({Value("principle"), Value("rationale"), Many("evidence"), Value("confidence"),
             Value("suggestion-rule")},
            {"--principle", "C03.1", "--rationale", "biased", "--evidence", "DOC-1", "--evidence",
             "https://x/2", "--confidence", "high", "--suggestion-rule", "harm-discrimination"});
  absl::StatusOr<pb::LinkViolationRequest> request = BuildLinkViolationRequest(args, "i-1");
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->parent(), "incidents/i-1");
  EXPECT_EQ(request->violation().principle(), "principles/C03.1");
  EXPECT_EQ(request->violation().rationale(), "biased");
  EXPECT_THAT(request->violation().evidence_refs(), ElementsAre("DOC-1", "https://x/2"));
  EXPECT_EQ(request->violation().confidence(), pb::CONFIDENCE_HIGH);
  EXPECT_EQ(request->violation().suggestion_rule(), "suggestionRules/harm-discrimination");

  ParsedArgs bad = Parse({Value("confidence")}, {"--confidence", "certain"});
  absl::StatusOr<pb::LinkViolationRequest> rejected = BuildLinkViolationRequest(bad, "i-1");
  EXPECT_EQ(std::string(rejected.status().message()),
            "--confidence: unknown value \"certain\"; allowed: low, medium, high");
}

TEST(BuildRequestsTest, CreateMitigation) {
  const std::vector<FlagSpec> specs = {Value("kind"), Value("title"),       Value("owner"),
                                       Value("due"),  Value("description"), Value("violation"),
                                       Value("id"),   Value("request-id")};
  absl::StatusOr<pb::CreateMitigationRequest> request = BuildCreateMitigationRequest(
      Parse(specs, {"--kind", "recurrence-prevention", "--title", "Retrain", "--owner", "ml",
                    "--due", "+72h", "--violation", "v-1", "--id", "m-1"}),
      "incidents/i-1", kNow);
  ASSERT_TRUE(request.ok()) << request.status();
  EXPECT_EQ(request->parent(), "incidents/i-1");
  EXPECT_EQ(request->mitigation_id(), "m-1");
  EXPECT_TRUE(api::IsCanonicalUuid(request->request_id(), false));
  EXPECT_EQ(request->mitigation().kind(), pb::MITIGATION_KIND_RECURRENCE_PREVENTION);
  EXPECT_EQ(request->mitigation().title(), "Retrain");
  EXPECT_EQ(request->mitigation().owner(), "ml");
  EXPECT_EQ(TimeUtil::ToString(request->mitigation().due_time()), "2026-11-26T10:00:00Z");
  EXPECT_EQ(request->mitigation().violation(), "incidents/i-1/violations/v-1");

  absl::StatusOr<pb::CreateMitigationRequest> full = BuildCreateMitigationRequest(
      Parse(specs, {"--kind", "containment", "--violation", "i-1/violations/v-2"}), "i-1", kNow);
  ASSERT_TRUE(full.ok()) << full.status();
  EXPECT_EQ(full->mitigation().violation(), "incidents/i-1/violations/v-2");
  EXPECT_FALSE(full->mitigation().has_due_time());

  EXPECT_THAT(std::string(BuildCreateMitigationRequest(Parse(specs, {"--due", "soon"}), "i", kNow)
                              .status()
                              .message()),
              HasSubstr("--due: \"soon\""));
  EXPECT_THAT(std::string(BuildCreateMitigationRequest(Parse(specs, {"--kind", "fix"}), "i", kNow)
                              .status()
                              .message()),
              HasSubstr("allowed: containment, correction, recurrence_prevention"));
  EXPECT_THAT(
      std::string(BuildCreateMitigationRequest(Parse(specs, {"--request-id", "1"}), "i", kNow)
                      .status()
                      .message()),
      HasSubstr("--request-id: \"1\" is not a UUID"));
}

TEST(BuildRequestsTest, ListMitigationsAndNotifications) {
  absl::StatusOr<pb::ListMitigationsRequest> mitigations = BuildListMitigationsRequest(
      Parse({Many("state"), Value("owner"), Bool("overdue"), Value("page-size")},
            {"--state", "planned", "--state", "in-progress", "--owner", "ml", "--overdue",
             "--page-size", "5"}),
      "-");
  ASSERT_TRUE(mitigations.ok()) << mitigations.status();
  EXPECT_EQ(mitigations->parent(), "incidents/-");
  EXPECT_THAT(mitigations->states(),
              ElementsAre(pb::MITIGATION_STATE_PLANNED, pb::MITIGATION_STATE_IN_PROGRESS));
  EXPECT_EQ(mitigations->owner(), "ml");
  EXPECT_TRUE(mitigations->overdue_only());
  EXPECT_EQ(mitigations->page_size(), 5);

  absl::StatusOr<pb::ListNotificationsRequest> notifications = BuildListNotificationsRequest(
      Parse({Value("due-before"), Many("state")},
            {"--due-before", "+24h", "--state", "overdue", "--state", "not-required"}),
      "i-1", kNow);
  ASSERT_TRUE(notifications.ok()) << notifications.status();
  EXPECT_EQ(notifications->parent(), "incidents/i-1");
  EXPECT_EQ(TimeUtil::ToString(notifications->due_before()), "2026-11-24T10:00:00Z");
  EXPECT_THAT(notifications->states(),
              ElementsAre(pb::NOTIFICATION_STATE_OVERDUE, pb::NOTIFICATION_STATE_NOT_REQUIRED));

  EXPECT_THAT(std::string(BuildListNotificationsRequest(Parse({Many("state")}, {"--state", "late"}),
                                                        "i", kNow)
                              .status()
                              .message()),
              HasSubstr("--state: unknown value \"late\""));
  EXPECT_FALSE(
      BuildListMitigationsRequest(Parse({Value("page-size")}, {"--page-size", "x"}), "i").ok());
}

TEST(BuildRequestsTest, MarkSentAndAcknowledge) {
  absl::StatusOr<pb::MarkNotificationSentRequest> sent = BuildMarkNotificationSentRequest(
      Parse({Value("content-ref"), Value("sent-time"), Many("evidence"), Value("late-reason"),
             Value("etag")},
            {"--content-ref", "DOC-9", "--sent-time", "-2h", "--evidence", "mail-1",
             "--late-reason", "holiday", "--etag", "e1"}),
      "i-1/notifications/n-1", kNow);
  ASSERT_TRUE(sent.ok()) << sent.status();
  EXPECT_EQ(sent->name(), "incidents/i-1/notifications/n-1");
  EXPECT_EQ(sent->content_ref(), "DOC-9");
  EXPECT_EQ(TimeUtil::ToString(sent->sent_time()), "2026-11-23T08:00:00Z");
  EXPECT_THAT(sent->evidence_refs(), ElementsAre("mail-1"));
  EXPECT_EQ(sent->late_reason(), "holiday");
  EXPECT_EQ(sent->etag(), "e1");

  absl::StatusOr<pb::MarkNotificationSentRequest> now_sent = BuildMarkNotificationSentRequest(
      Parse({Value("content-ref")}, {"--content-ref", "x"}), "incidents/i/notifications/n", kNow);
  ASSERT_TRUE(now_sent.ok());
  EXPECT_FALSE(now_sent->has_sent_time());

  absl::StatusOr<pb::AcknowledgeNotificationRequest> ack = BuildAcknowledgeNotificationRequest(
      Parse({Value("reference"), Value("ack-time"), Value("etag")},
            {"--reference", "PPC-123", "--ack-time", "2026-11-23T09:00:00Z"}),
      "incidents/i/notifications/n", kNow);
  ASSERT_TRUE(ack.ok()) << ack.status();
  EXPECT_EQ(ack->recipient_reference(), "PPC-123");
  EXPECT_EQ(TimeUtil::ToString(ack->ack_time()), "2026-11-23T09:00:00Z");
  EXPECT_FALSE(BuildAcknowledgeNotificationRequest(
                   Parse({Value("ack-time")}, {"--ack-time", "now"}), "n", kNow)
                   .ok());
}

TEST(BuildRequestsTest, PrinciplesAndRules) {
  absl::StatusOr<pb::ListPrinciplesRequest> principles = BuildListPrinciplesRequest(
      Parse({Value("kind"), Value("parent")}, {"--kind", "sub-item", "--parent", "C03"}));
  ASSERT_TRUE(principles.ok()) << principles.status();
  EXPECT_EQ(principles->kind(), pb::PRINCIPLE_KIND_SUB_ITEM);
  EXPECT_EQ(principles->parent(), "principles/C03");
  for (const std::string word : {"advanced", "ADVANCED", "advanced-ai-principle"}) {
    absl::StatusOr<pb::ListPrinciplesRequest> advanced =
        BuildListPrinciplesRequest(Parse({Value("kind")}, {"--kind", word}));
    ASSERT_TRUE(advanced.ok()) << word;
    EXPECT_EQ(advanced->kind(), pb::PRINCIPLE_KIND_ADVANCED_AI_PRINCIPLE) << word;
  }
  absl::StatusOr<pb::ListPrinciplesRequest> common =
      BuildListPrinciplesRequest(Parse({Value("kind")}, {"--kind", "common"}));
  ASSERT_TRUE(common.ok());
  EXPECT_EQ(common->kind(), pb::PRINCIPLE_KIND_COMMON_PRINCIPLE);
  EXPECT_EQ(
      std::string(
          BuildListPrinciplesRequest(Parse({Value("kind")}, {"--kind", "top"})).status().message()),
      "--kind: unknown value \"top\"; allowed: common, sub-item, advanced");

  absl::StatusOr<pb::ListNotificationRulesRequest> rules = BuildListNotificationRulesRequest(
      Parse({Value("regime"), Bool("all-versions")}, {"--regime", "eu-ai-act", "--all-versions"}));
  ASSERT_TRUE(rules.ok()) << rules.status();
  EXPECT_EQ(rules->regime(), pb::REGIME_EU_AI_ACT);
  EXPECT_TRUE(rules->show_all_versions());
}

TEST(EnumChoicesTest, ListsTheShortNamesWithDashes) {
  EXPECT_EQ(EnumChoices(*pb::Confidence_descriptor()), " One of: low, medium, high.");
  EXPECT_EQ(EnumChoices(*pb::PrincipleKind_descriptor()),
            " One of: common-principle, sub-item, advanced-ai-principle.");
}

}  // namespace
}  // namespace airr::cli
