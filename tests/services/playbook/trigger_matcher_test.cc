// TriggersMatch and HasTriggerCriterion: each criterion alone, any-of within a list criterion,
// all-of across criteria and within labels, and triggers without criteria.
#include "services/playbook/trigger_matcher.h"

#include <gtest/gtest.h>

namespace airr::playbook {
namespace {

namespace iv1 = ::airr::incident::v1;

// A SEV2 incident of aiSystems/hr-screening with two harm types and two labels.
IncidentFacts Incident() {
  IncidentFacts facts;
  facts.id = "inc-1";
  facts.state = "STATE_TRIAGED";
  facts.severity = "SEVERITY_SEV2";
  facts.kind = "KIND_INCIDENT";
  facts.harm_types = {"HARM_TYPE_PRIVACY", "HARM_TYPE_DISCRIMINATION"};
  facts.ai_system_id = "hr-screening";
  facts.labels = {{"region", "eu"}, {"team", "hr"}};
  return facts;
}

TEST(TriggerMatcherTest, EmptyTriggersMatchEveryIncidentButHaveNoCriterion) {
  const v1::PlaybookTriggers triggers;
  EXPECT_TRUE(TriggersMatch(triggers, Incident()));
  EXPECT_TRUE(TriggersMatch(triggers, IncidentFacts{}));
  EXPECT_FALSE(HasTriggerCriterion(triggers));
  // bcp and auto_start are no criteria.
  v1::PlaybookTriggers flags;
  flags.set_bcp(true);
  flags.set_auto_start(true);
  EXPECT_FALSE(HasTriggerCriterion(flags));
  EXPECT_TRUE(TriggersMatch(flags, Incident()));
}

TEST(TriggerMatcherTest, SeverityIsAnyOf) {
  v1::PlaybookTriggers triggers;
  triggers.add_severities(iv1::SEVERITY_SEV1);
  EXPECT_TRUE(HasTriggerCriterion(triggers));
  EXPECT_FALSE(TriggersMatch(triggers, Incident()));
  triggers.add_severities(iv1::SEVERITY_SEV2);
  EXPECT_TRUE(TriggersMatch(triggers, Incident()));
  IncidentFacts sev3 = Incident();
  sev3.severity = "SEVERITY_SEV3";
  EXPECT_FALSE(TriggersMatch(triggers, sev3));
}

TEST(TriggerMatcherTest, KindIsAnyOf) {
  v1::PlaybookTriggers triggers;
  triggers.add_kinds(iv1::KIND_NEAR_MISS);
  EXPECT_TRUE(HasTriggerCriterion(triggers));
  EXPECT_FALSE(TriggersMatch(triggers, Incident()));
  triggers.add_kinds(iv1::KIND_INCIDENT);
  EXPECT_TRUE(TriggersMatch(triggers, Incident()));
}

TEST(TriggerMatcherTest, OneSharedHarmTypeSuffices) {
  v1::PlaybookTriggers triggers;
  triggers.add_harm_types(iv1::HARM_TYPE_FINANCIAL);
  EXPECT_TRUE(HasTriggerCriterion(triggers));
  EXPECT_FALSE(TriggersMatch(triggers, Incident()));
  triggers.add_harm_types(iv1::HARM_TYPE_DISCRIMINATION);
  EXPECT_TRUE(TriggersMatch(triggers, Incident()));
  IncidentFacts no_harm = Incident();
  no_harm.harm_types.clear();
  EXPECT_FALSE(TriggersMatch(triggers, no_harm));
}

TEST(TriggerMatcherTest, AiSystemIsAnyOfByResourceName) {
  v1::PlaybookTriggers triggers;
  triggers.add_ai_systems("aiSystems/chatbot");
  EXPECT_TRUE(HasTriggerCriterion(triggers));
  EXPECT_FALSE(TriggersMatch(triggers, Incident()));
  triggers.add_ai_systems("aiSystems/hr-screening");
  EXPECT_TRUE(TriggersMatch(triggers, Incident()));
  // The bare id is not a resource name.
  v1::PlaybookTriggers bare;
  bare.add_ai_systems("hr-screening");
  EXPECT_FALSE(TriggersMatch(bare, Incident()));
}

TEST(TriggerMatcherTest, LabelsAreAllOfWithEqualValues) {
  v1::PlaybookTriggers triggers;
  (*triggers.mutable_labels())["region"] = "eu";
  EXPECT_TRUE(HasTriggerCriterion(triggers));
  EXPECT_TRUE(TriggersMatch(triggers, Incident()));
  (*triggers.mutable_labels())["team"] = "hr";
  EXPECT_TRUE(TriggersMatch(triggers, Incident()));
  (*triggers.mutable_labels())["tier"] = "1";  // missing on the incident
  EXPECT_FALSE(TriggersMatch(triggers, Incident()));
  v1::PlaybookTriggers other_value;
  (*other_value.mutable_labels())["region"] = "us";
  EXPECT_FALSE(TriggersMatch(other_value, Incident()));
}

TEST(TriggerMatcherTest, EveryCriterionMustMatch) {
  v1::PlaybookTriggers triggers;
  triggers.add_severities(iv1::SEVERITY_SEV2);
  triggers.add_kinds(iv1::KIND_INCIDENT);
  triggers.add_harm_types(iv1::HARM_TYPE_PRIVACY);
  triggers.add_ai_systems("aiSystems/hr-screening");
  (*triggers.mutable_labels())["region"] = "eu";
  EXPECT_TRUE(TriggersMatch(triggers, Incident()));

  // Each criterion failing alone fails the whole.
  IncidentFacts severity = Incident();
  severity.severity = "SEVERITY_SEV1";
  IncidentFacts kind = Incident();
  kind.kind = "KIND_HAZARD";
  IncidentFacts harm = Incident();
  harm.harm_types = {"HARM_TYPE_FINANCIAL"};
  IncidentFacts system = Incident();
  system.ai_system_id = "chatbot";
  IncidentFacts labels = Incident();
  labels.labels["region"] = "apac";
  for (const IncidentFacts& facts : {severity, kind, harm, system, labels}) {
    EXPECT_FALSE(TriggersMatch(triggers, facts))
        << facts.severity << " " << facts.kind << " " << facts.ai_system_id;
  }
}

}  // namespace
}  // namespace airr::playbook
