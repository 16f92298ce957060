// The notification rule RPCs through a real in-process server: the migrated seed rules equal the
// table the engine's unit tests use (notification_seed_rules.h); tenants add, version and enable
// rules; seeded rules cannot be changed; bad input and denied roles write nothing; a tenant's
// rules are invisible to other tenants.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "google/protobuf/text_format.h"
#include "google/protobuf/util/message_differencer.h"
#include "libs/api/timestamps.h"
#include "tests/services/report/notification_seed_rules.h"
#include "tests/services/report/report_pgtest_util.h"

namespace airr::report::testing {
namespace {

using ::testing::ElementsAre;

class NotificationRulesTest : public ReportServerTest {};

std::map<std::string, v1::NotificationRule> ListAll(ReportEnv& env, const std::string& token,
                                                    bool all_versions = false) {
  std::map<std::string, v1::NotificationRule> out;
  v1::ListNotificationRulesRequest req;
  req.set_page_size(5);
  req.set_show_all_versions(all_versions);
  for (int pages = 0; pages < 20; ++pages) {
    auto resp = env.Call(&ReportStub::ListNotificationRules, req, token);
    EXPECT_TRUE(resp.ok()) << resp.status();
    if (!resp.ok()) {
      break;
    }
    for (const auto& r : resp->rules()) {
      out[absl::StrCat(r.name(), all_versions ? absl::StrCat("@", r.version()) : "")] = r;
    }
    if (resp->next_page_token().empty()) {
      break;
    }
    req.set_page_token(resp->next_page_token());
  }
  return out;
}

v1::NotificationRule CustomerRule() {
  v1::NotificationRule r;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(
      R"pb(
        regime: REGIME_CONTRACTUAL
        title: "Tell ACME within 24 hours"
        citation: "MSA §12.3"
        stage: NOTIFICATION_STAGE_SINGLE
        recipient_type: RECIPIENT_TYPE_CUSTOMER
        recipient: "ACME security desk"
        channel: "security@acme.example"
        clock_start: CLOCK_START_AWARE_TIME
        deadline { amount: 24 unit: PERIOD_UNIT_HOURS }
        statutory_deadline: false
        source: "Master services agreement with ACME, 2025"
        all_of {
          fact: RULE_FACT_SEVERITY
          operator: RULE_OPERATOR_ANY_OF
          values: "SEVERITY_SEV1"
          values: "SEVERITY_SEV2"
        })pb",
      &r));
  return r;
}

TEST_F(NotificationRulesTest, SeededRowsEqualTheEngineTable) {
  const ReportTenant t = MakeReportTenant(env(), "seedcheck");
  const auto listed = ListAll(env(), t.viewer);
  const auto expected = SeededRules();
  int seeded = 0;
  for (const auto& [name, rule] : listed) {
    seeded += rule.tenant_defined() ? 0 : 1;
  }
  EXPECT_EQ(seeded, static_cast<int>(expected.size()));
  for (const v1::NotificationRule& want : expected) {
    auto it = listed.find(want.name());
    ASSERT_NE(it, listed.end()) << want.name() << " is not seeded";
    v1::NotificationRule got = it->second;
    EXPECT_FALSE(got.tenant_defined());
    EXPECT_FALSE(got.title().empty());
    EXPECT_FALSE(got.recipient().empty());
    EXPECT_FALSE(got.source().empty()) << want.name() << " cites no source";
    // Only what the engine uses is compared; words are for people.
    for (auto* r : {&got}) {
      r->clear_title();
      r->clear_citation();
      r->clear_recipient();
      r->clear_channel();
      r->clear_source();
      r->clear_etag();
      r->clear_create_time();
      r->clear_enabled_reason();
      r->clear_tenant_defined();
    }
    std::string diff;
    google::protobuf::util::MessageDifferencer differencer;
    differencer.ReportDifferencesToString(&diff);
    EXPECT_TRUE(differencer.Compare(want, got)) << want.name() << ":\n" << diff;
  }
}

TEST_F(NotificationRulesTest, RegimeFilterAndGetLatest) {
  const ReportTenant t = MakeReportTenant(env(), "rulefilter");
  v1::ListNotificationRulesRequest req;
  req.set_regime(v1::REGIME_APPI);
  auto resp = env().Call(&ReportStub::ListNotificationRules, req, t.viewer);
  ASSERT_TRUE(resp.ok()) << resp.status();
  std::vector<std::string> names;
  for (const auto& r : resp->rules()) {
    names.push_back(r.name());
  }
  EXPECT_THAT(names, ElementsAre("notificationRules/appi-final",
                                 "notificationRules/appi-final-wrongful-purpose",
                                 "notificationRules/appi-notice-to-persons",
                                 "notificationRules/appi-preliminary"));
  v1::GetNotificationRuleRequest get;
  get.set_name("notificationRules/nis2-final");
  auto rule = env().Call(&ReportStub::GetNotificationRule, get, t.viewer);
  ASSERT_TRUE(rule.ok()) << rule.status();
  EXPECT_FALSE(rule->enabled());
  EXPECT_EQ(rule->previous_stage_rule(), "notificationRules/nis2-notification");
  get.set_version(2);
  EXPECT_EQ(env().Call(&ReportStub::GetNotificationRule, get, t.viewer).status().code(),
            absl::StatusCode::kNotFound);
}

TEST_F(NotificationRulesTest, CreateVersionAndEnable) {
  const ReportTenant t = MakeReportTenant(env(), "rulelife");
  v1::CreateNotificationRuleRequest create;
  *create.mutable_rule() = CustomerRule();
  create.set_rule_id("acme-contract");
  auto created = env().Call(&ReportStub::CreateNotificationRule, create, t.analyst);
  ASSERT_TRUE(created.ok()) << created.status();
  EXPECT_EQ(created->name(), "notificationRules/acme-contract");
  EXPECT_EQ(created->version(), 1);
  EXPECT_TRUE(created->enabled());
  EXPECT_TRUE(created->tenant_defined());
  EXPECT_EQ(AuditRows(t, created->name()), 1);
  EXPECT_THAT(OutboxTopics(t, created->name()), ElementsAre("report.notification_rule.created"));

  // Taken ids: its own and seeded ones.
  EXPECT_EQ(env().Call(&ReportStub::CreateNotificationRule, create, t.analyst).status().code(),
            absl::StatusCode::kAlreadyExists);
  create.set_rule_id("gdpr-33-authority");
  EXPECT_TRUE(
      HasCodeAndReason(env().Call(&ReportStub::CreateNotificationRule, create, t.analyst).status(),
                       absl::StatusCode::kAlreadyExists, "RESOURCE_EXISTS"));

  // A chained rule must name an existing previous stage.
  v1::NotificationRule follow_up = CustomerRule();
  follow_up.set_stage(v1::NOTIFICATION_STAGE_FINAL);
  follow_up.set_clock_start(v1::CLOCK_START_PREVIOUS_STAGE_SENT);
  follow_up.set_previous_stage_rule("notificationRules/no-such-rule");
  create.set_rule_id("acme-final");
  *create.mutable_rule() = follow_up;
  TenantRows rows(t.name);
  EXPECT_TRUE(
      IsInvalidField(env().Call(&ReportStub::CreateNotificationRule, create, t.analyst).status(),
                     "rule.previous_stage_rule"));
  EXPECT_TRUE(rows.Unchanged());
  create.mutable_rule()->set_previous_stage_rule("notificationRules/acme-contract");
  ASSERT_TRUE(env().Call(&ReportStub::CreateNotificationRule, create, t.analyst).ok());

  // A new version; the old one ends where it begins.
  v1::UpdateNotificationRuleRequest update;
  update.mutable_rule()->set_name("notificationRules/acme-contract");
  update.mutable_rule()->mutable_deadline()->set_amount(12);
  update.mutable_rule()->mutable_deadline()->set_unit(v1::PERIOD_UNIT_HOURS);
  update.mutable_rule()->set_etag(created->etag());
  update.mutable_update_mask()->add_paths("deadline");
  auto v2 = env().Call(&ReportStub::UpdateNotificationRule, update, t.analyst);
  ASSERT_TRUE(v2.ok()) << v2.status();
  EXPECT_EQ(v2->version(), 2);
  EXPECT_EQ(v2->deadline().amount(), 12);
  EXPECT_EQ(v2->title(), "Tell ACME within 24 hours");
  // The stale etag of version 1.
  EXPECT_TRUE(
      HasCodeAndReason(env().Call(&ReportStub::UpdateNotificationRule, update, t.analyst).status(),
                       absl::StatusCode::kAborted, "ETAG_MISMATCH"));
  auto versions = ListAll(env(), t.viewer, /*all_versions=*/true);
  ASSERT_EQ(versions.count("notificationRules/acme-contract@1"), 1u);
  EXPECT_TRUE(versions["notificationRules/acme-contract@1"].has_effective_to());
  EXPECT_FALSE(versions["notificationRules/acme-contract@2"].has_effective_to());
  v1::GetNotificationRuleRequest get;
  get.set_name("notificationRules/acme-contract");
  get.set_version(1);
  auto v1r = env().Call(&ReportStub::GetNotificationRule, get, t.viewer);
  ASSERT_TRUE(v1r.ok());
  EXPECT_EQ(v1r->deadline().amount(), 24);

  // Seeded rules are changed by disabling them, not by new versions.
  update.mutable_rule()->set_name("notificationRules/gdpr-33-authority");
  update.mutable_rule()->clear_etag();
  EXPECT_TRUE(
      HasCodeAndReason(env().Call(&ReportStub::UpdateNotificationRule, update, t.analyst).status(),
                       absl::StatusCode::kFailedPrecondition, "SEEDED_RULE"));

  v1::SetNotificationRuleEnabledRequest enable;
  enable.set_name("notificationRules/nis2-early-warning");
  enable.set_enabled(true);
  enable.set_reason("We are an essential entity under NIS2 (energy sector).");
  auto enabled = env().Call(&ReportStub::SetNotificationRuleEnabled, enable, t.analyst);
  ASSERT_TRUE(enabled.ok()) << enabled.status();
  EXPECT_TRUE(enabled->enabled());
  EXPECT_EQ(enabled->enabled_reason(), enable.reason());
  EXPECT_THAT(OutboxTopics(t, enable.name()), ElementsAre("report.notification_rule.enabled"));
  // Another tenant still sees it disabled.
  const ReportTenant other = MakeReportTenant(env(), "ruleother");
  get.set_name("notificationRules/nis2-early-warning");
  get.set_version(0);
  EXPECT_FALSE(env().Call(&ReportStub::GetNotificationRule, get, other.viewer)->enabled());
}

TEST_F(NotificationRulesTest, TenantRulesAreInvisibleToOtherTenants) {
  const ReportTenant a = MakeReportTenant(env(), "rulesa");
  const ReportTenant b = MakeReportTenant(env(), "rulesb");
  v1::CreateNotificationRuleRequest create;
  *create.mutable_rule() = CustomerRule();
  create.set_rule_id("private-duty");
  ASSERT_TRUE(env().Call(&ReportStub::CreateNotificationRule, create, a.analyst).ok());
  v1::GetNotificationRuleRequest get;
  get.set_name("notificationRules/private-duty");
  EXPECT_EQ(env().Call(&ReportStub::GetNotificationRule, get, b.viewer).status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(ListAll(env(), b.viewer).count("notificationRules/private-duty"), 0u);
  v1::SetNotificationRuleEnabledRequest disable;
  disable.set_name("notificationRules/private-duty");
  disable.set_reason("not ours");
  EXPECT_EQ(env().Call(&ReportStub::SetNotificationRuleEnabled, disable, b.analyst).status().code(),
            absl::StatusCode::kNotFound);
  // B may use the same id for a rule of its own.
  EXPECT_TRUE(env().Call(&ReportStub::CreateNotificationRule, create, b.analyst).ok());
}

TEST_F(NotificationRulesTest, RolesAndBadInputWriteNothing) {
  const ReportTenant t = MakeReportTenant(env(), "rulebad");
  TenantRows rows(t.name);
  v1::CreateNotificationRuleRequest create;
  *create.mutable_rule() = CustomerRule();
  create.set_rule_id("acme");
  for (const std::string* token : {&t.responder, &t.reporter, &t.viewer, &t.auditor}) {
    EXPECT_EQ(env().Call(&ReportStub::CreateNotificationRule, create, *token).status().code(),
              absl::StatusCode::kPermissionDenied);
  }
  v1::SetNotificationRuleEnabledRequest enable;
  enable.set_name("notificationRules/gdpr-33-authority");
  enable.set_reason("r");
  EXPECT_EQ(
      env().Call(&ReportStub::SetNotificationRuleEnabled, enable, t.responder).status().code(),
      absl::StatusCode::kPermissionDenied);

  struct Bad {
    const char* name;
    std::function<void(v1::CreateNotificationRuleRequest&)> edit;
    std::string field;
  };
  const std::vector<Bad> bad = {
      {"id", [](auto& r) { r.set_rule_id("ACME"); }, "rule_id"},
      {"regime", [](auto& r) { r.mutable_rule()->clear_regime(); }, "rule.regime"},
      {"title", [](auto& r) { r.mutable_rule()->set_title(std::string(201, 'x')); }, "rule.title"},
      {"deadline", [](auto& r) { r.mutable_rule()->mutable_deadline()->set_amount(10001); },
       "rule.deadline.amount"},
      {"unit", [](auto& r) { r.mutable_rule()->mutable_deadline()->clear_unit(); },
       "rule.deadline.unit"},
      {"greater than",
       [](auto& r) {
         auto* c = r.mutable_rule()->add_any_of();
         c->set_fact(v1::RULE_FACT_DEATHS);
         c->set_operator_(v1::RULE_OPERATOR_GREATER_THAN);
       },
       "rule.any_of[0].values"},
      {"operator",
       [](auto& r) {
         r.mutable_rule()->mutable_all_of(0)->set_operator_(v1::RULE_OPERATOR_GREATER_THAN);
       },
       "rule.all_of[0].operator"},
      {"effective",
       [](auto& r) {
         r.mutable_rule()->mutable_effective_from()->set_seconds(2000000000);
         r.mutable_rule()->mutable_effective_to()->set_seconds(1900000000);
       },
       "rule.effective_to"},
  };
  for (const Bad& b : bad) {
    v1::CreateNotificationRuleRequest req = create;
    b.edit(req);
    EXPECT_TRUE(IsInvalidField(
        env().Call(&ReportStub::CreateNotificationRule, req, t.analyst).status(), b.field))
        << b.name;
  }
  enable.set_reason("");
  EXPECT_TRUE(IsInvalidField(
      env().Call(&ReportStub::SetNotificationRuleEnabled, enable, t.analyst).status(), "reason"));
  enable.set_name("rules/x");
  enable.set_reason("r");
  EXPECT_TRUE(IsInvalidField(
      env().Call(&ReportStub::SetNotificationRuleEnabled, enable, t.analyst).status(), "name"));
  v1::UpdateNotificationRuleRequest update;
  update.mutable_rule()->set_name("notificationRules/gdpr-33-authority");
  update.mutable_update_mask()->add_paths("version");
  EXPECT_TRUE(IsInvalidField(
      env().Call(&ReportStub::UpdateNotificationRule, update, t.analyst).status(), "update_mask"));
  v1::ListNotificationRulesRequest list;
  list.set_page_size(-1);
  EXPECT_TRUE(IsInvalidField(
      env().Call(&ReportStub::ListNotificationRules, list, t.viewer).status(), "page_size"));
  EXPECT_TRUE(rows.Unchanged());
}

}  // namespace
}  // namespace airr::report::testing
