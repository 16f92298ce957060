// Table-driven tests of the playbook rules without a database: each case breaks one rule (or
// none) of a valid CreatePlaybookRequest and names exactly the field paths the validator must
// report; dependency cycles are tried on several graph shapes.
#include "services/playbook/playbook_validator.h"

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "google/protobuf/util/time_util.h"
#include "libs/common/errors.h"
#include "services/playbook/playbook_fields.h"
#include "tests/testing/status_assertions.h"

namespace airr::playbook {
namespace {

using ::airr::testing::ViolatedFields;
using google::protobuf::util::TimeUtil;
namespace iv1 = ::airr::incident::v1;

google::protobuf::Duration Minutes(int64_t m) { return TimeUtil::MinutesToDuration(m); }
google::protobuf::Duration Days(int64_t d) { return TimeUtil::HoursToDuration(24 * d); }

v1::PlaybookStep* AddStep(v1::Playbook& p, const std::string& id,
                          std::vector<std::string> depends_on = {}) {
  v1::PlaybookStep* s = p.add_steps();
  s->set_id(id);
  s->set_title("Do " + id);
  s->set_role(v1::RESPONSIBLE_ROLE_ENGINEERING);
  *s->mutable_target_offset() = Minutes(30);
  for (auto& d : depends_on) {
    s->add_depends_on(d);
  }
  return s;
}

v1::CreatePlaybookRequest ValidCreate() {
  v1::CreatePlaybookRequest r;
  r.set_playbook_id("first-response");
  v1::Playbook& p = *r.mutable_playbook();
  p.set_display_name("AI incident first response");
  p.set_purpose("From intake to recovery.\nSee the readiness list.");
  p.set_owner("Risk management office");
  p.set_change_note("First version.");
  p.mutable_triggers()->add_severities(iv1::SEVERITY_SEV1);
  p.mutable_triggers()->add_harm_types(iv1::HARM_TYPE_PRIVACY);
  p.mutable_triggers()->add_ai_systems("aiSystems/support-bot");
  (*p.mutable_triggers()->mutable_labels())["team"] = "support";
  p.mutable_triggers()->set_auto_start(true);
  *p.mutable_targets()->mutable_first_action() = Minutes(15);
  *p.mutable_targets()->mutable_containment() = Minutes(120);
  *p.mutable_targets()->mutable_recovery() = Minutes(480);
  AddStep(p, "intake")->set_mandatory(true);
  AddStep(p, "contain", {"intake"})->set_milestone(v1::MILESTONE_CONTAINMENT);
  AddStep(p, "notify", {"intake"})->set_kind(v1::STEP_KIND_NOTIFY_STAKEHOLDERS);
  AddStep(p, "recover", {"contain", "notify"})->set_milestone(v1::MILESTONE_RECOVERY);
  *p.mutable_drill_interval() = Days(180);
  return r;
}

struct Case {
  std::string name;
  std::function<void(v1::CreatePlaybookRequest&)> change;
  std::vector<std::string> fields;  // empty: valid
};

class CreateRules : public ::testing::TestWithParam<Case> {};

TEST_P(CreateRules, ReportsExactlyTheBrokenFields) {
  v1::CreatePlaybookRequest request = ValidCreate();
  GetParam().change(request);
  const absl::Status status = ValidateCreatePlaybook(request);
  if (GetParam().fields.empty()) {
    EXPECT_TRUE(status.ok()) << status;
  } else {
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument) << status;
    EXPECT_EQ(ViolatedFields(status), GetParam().fields) << status;
  }
}

using R = v1::CreatePlaybookRequest;
v1::Playbook& P(R& r) { return *r.mutable_playbook(); }
v1::PlaybookStep& S(R& r, int i) { return *r.mutable_playbook()->mutable_steps(i); }

INSTANTIATE_TEST_SUITE_P(
    Playbook, CreateRules,
    ::testing::ValuesIn(std::vector<Case>{
        {"Valid", [](R&) {}, {}},
        {"MinimalValid",
         [](R& r) {
           v1::Playbook p;
           p.set_display_name("x");
           p.set_owner("y");
           AddStep(p, "a")->clear_target_offset();
           *r.mutable_playbook() = p;
         },
         {}},
        {"OutputOnlyFieldsIgnored",
         [](R& r) {
           P(r).set_name("whatever");
           P(r).set_version(-3);
           P(r).set_etag("garbage");
         },
         {}},
        {"PlaybookIdMissing", [](R& r) { r.clear_playbook_id(); }, {"playbook_id"}},
        {"PlaybookIdUpperCase", [](R& r) { r.set_playbook_id("First"); }, {"playbook_id"}},
        {"PlaybookIdTooLong",
         [](R& r) { r.set_playbook_id("a" + std::string(63, 'b')); },
         {"playbook_id"}},
        {"DisplayNameMissing",
         [](R& r) { P(r).clear_display_name(); },
         {"playbook.display_name"}},
        {"DisplayNameTooLong",
         [](R& r) { P(r).set_display_name(std::string(201, 'n')); },
         {"playbook.display_name"}},
        {"DisplayNameMultiline",
         [](R& r) { P(r).set_display_name("a\nb"); },
         {"playbook.display_name"}},
        {"PurposeTooLong",
         [](R& r) { P(r).set_purpose(std::string(4001, 'p')); },
         {"playbook.purpose"}},
        {"OwnerMissing", [](R& r) { P(r).clear_owner(); }, {"playbook.owner"}},
        {"ChangeNoteTooLong",
         [](R& r) { P(r).set_change_note(std::string(1001, 'c')); },
         {"playbook.change_note"}},
        {"InvalidUtf8Title",
         [](R& r) { S(r, 0).set_title("bad \xC3\x28"); },
         {"playbook.steps[0].title"}},
        // Steps.
        {"NoSteps", [](R& r) { P(r).clear_steps(); }, {"playbook.steps"}},
        {"HundredSteps",
         [](R& r) {
           P(r).clear_steps();
           for (int i = 0; i < 100; ++i) AddStep(P(r), absl::StrCat("s", i));
         },
         {}},
        {"HundredAndOneSteps",
         [](R& r) {
           P(r).clear_steps();
           for (int i = 0; i < 101; ++i) AddStep(P(r), absl::StrCat("s", i));
         },
         {"playbook.steps"}},
        {"StepIdMissing", [](R& r) { S(r, 3).clear_id(); }, {"playbook.steps[3].id"}},
        {"StepIdBadFormat",
         [](R& r) {
           S(r, 3).set_id("Recover_1");
           S(r, 3).clear_depends_on();
         },
         {"playbook.steps[3].id"}},
        {"StepIdEndsWithHyphen", [](R& r) { S(r, 3).set_id("recover-"); },
         {"playbook.steps[3].id"}},
        {"DuplicateStepId", [](R& r) { AddStep(P(r), "notify"); }, {"playbook.steps[4].id"}},
        {"TitleMissing", [](R& r) { S(r, 0).clear_title(); }, {"playbook.steps[0].title"}},
        {"TitleTooLong",
         [](R& r) { S(r, 0).set_title(std::string(201, 't')); },
         {"playbook.steps[0].title"}},
        {"InstructionsTooLong",
         [](R& r) { S(r, 2).set_instructions(std::string(8001, 'i')); },
         {"playbook.steps[2].instructions"}},
        {"InstructionsMultilineOk", [](R& r) { S(r, 2).set_instructions("1. a\n2. b\t(c)"); }, {}},
        {"RoleUnspecified",
         [](R& r) { S(r, 1).set_role(v1::RESPONSIBLE_ROLE_UNSPECIFIED); },
         {"playbook.steps[1].role"}},
        {"RoleUnknown",
         [](R& r) { S(r, 1).set_role(static_cast<v1::ResponsibleRole>(99)); },
         {"playbook.steps[1].role"}},
        {"OffsetNegative",
         [](R& r) { *S(r, 1).mutable_target_offset() = Minutes(-5); },
         {"playbook.steps[1].target_offset"}},
        {"OffsetZeroOk", [](R& r) { *S(r, 1).mutable_target_offset() = Minutes(0); }, {}},
        {"OffsetNinetyDaysOk", [](R& r) { *S(r, 1).mutable_target_offset() = Days(90); }, {}},
        {"OffsetOverNinetyDays",
         [](R& r) {
           *S(r, 1).mutable_target_offset() = Days(90);
           S(r, 1).mutable_target_offset()->set_seconds(S(r, 1).target_offset().seconds() + 1);
         },
         {"playbook.steps[1].target_offset"}},
        {"OffsetFractional",
         [](R& r) { S(r, 1).mutable_target_offset()->set_nanos(5); },
         {"playbook.steps[1].target_offset"}},
        {"OffsetInvalidSigns",
         [](R& r) { S(r, 1).mutable_target_offset()->set_nanos(-5); },
         {"playbook.steps[1].target_offset"}},
        {"UnknownDependency",
         [](R& r) { S(r, 3).set_depends_on(1, "notfy"); },
         {"playbook.steps[3].depends_on[1]"}},
        {"SelfDependency",
         [](R& r) { S(r, 2).add_depends_on("notify"); },
         {"playbook.steps[2].depends_on[1]"}},
        {"RepeatedDependency",
         [](R& r) { S(r, 3).add_depends_on("contain"); },
         {"playbook.steps[3].depends_on[2]"}},
        {"TooManyDependencies",
         [](R& r) {
           for (int i = 0; i < 21; ++i) AddStep(P(r), absl::StrCat("extra", i));
           for (int i = 0; i < 21; ++i) S(r, 0).add_depends_on(absl::StrCat("extra", i));
         },
         {"playbook.steps[0].depends_on"}},
        {"UnknownKind",
         [](R& r) { S(r, 0).set_kind(static_cast<v1::StepKind>(42)); },
         {"playbook.steps[0].kind"}},
        {"UnknownMilestone",
         [](R& r) { S(r, 0).set_milestone(static_cast<v1::Milestone>(7)); },
         {"playbook.steps[0].milestone"}},
        {"TwoStepsSameMilestone",
         [](R& r) { S(r, 3).set_milestone(v1::MILESTONE_CONTAINMENT); },
         {"playbook.steps[3].milestone"}},
        // Targets.
        {"TargetsOnlyRecoveryOk",
         [](R& r) {
           P(r).mutable_targets()->clear_first_action();
           P(r).mutable_targets()->clear_containment();
         },
         {}},
        {"ContainmentBeforeFirstAction",
         [](R& r) { *P(r).mutable_targets()->mutable_containment() = Minutes(10); },
         {"playbook.targets.containment"}},
        {"RecoveryBeforeFirstActionWithoutContainment",
         [](R& r) {
           P(r).mutable_targets()->clear_containment();
           *P(r).mutable_targets()->mutable_recovery() = Minutes(5);
         },
         {"playbook.targets.recovery"}},
        {"EqualTargetsOk",
         [](R& r) {
           *P(r).mutable_targets()->mutable_containment() = Minutes(15);
           *P(r).mutable_targets()->mutable_recovery() = Minutes(15);
         },
         {}},
        {"NegativeTarget",
         [](R& r) { *P(r).mutable_targets()->mutable_first_action() = Minutes(-1); },
         {"playbook.targets.first_action"}},
        {"TargetOverNinetyDays",
         [](R& r) { *P(r).mutable_targets()->mutable_recovery() = Days(91); },
         {"playbook.targets.recovery"}},
        // Drill interval.
        {"DrillIntervalUnsetOk", [](R& r) { P(r).clear_drill_interval(); }, {}},
        {"DrillIntervalZero",
         [](R& r) { *P(r).mutable_drill_interval() = Days(0); },
         {"playbook.drill_interval"}},
        {"DrillIntervalOneDayOk", [](R& r) { *P(r).mutable_drill_interval() = Days(1); }, {}},
        {"DrillInterval1095DaysOk",
         [](R& r) { *P(r).mutable_drill_interval() = Days(1095); },
         {}},
        {"DrillInterval2000Days",
         [](R& r) { *P(r).mutable_drill_interval() = Days(2000); },
         {"playbook.drill_interval"}},
        {"DrillIntervalNegative",
         [](R& r) { *P(r).mutable_drill_interval() = Days(-30); },
         {"playbook.drill_interval"}},
        // Triggers.
        {"AutoStartWithoutCriteria",
         [](R& r) {
           auto& tr = *P(r).mutable_triggers();
           tr.clear_severities();
           tr.clear_harm_types();
           tr.clear_ai_systems();
           tr.clear_labels();
         },
         {"playbook.triggers.auto_start"}},
        {"ManualWithoutCriteriaOk",
         [](R& r) {
           P(r).clear_triggers();
           P(r).mutable_triggers()->set_bcp(true);
         },
         {}},
        {"AutoStartWithOnlyLabelOk",
         [](R& r) {
           auto& tr = *P(r).mutable_triggers();
           tr.clear_severities();
           tr.clear_harm_types();
           tr.clear_ai_systems();
         },
         {}},
        {"UnknownSeverity",
         [](R& r) { P(r).mutable_triggers()->mutable_severities()->Add(77); },
         {"playbook.triggers.severities[1]"}},
        {"UnspecifiedSeverity",
         [](R& r) { P(r).mutable_triggers()->mutable_severities()->Add(0); },
         {"playbook.triggers.severities[1]"}},
        {"RepeatedHarm",
         [](R& r) { P(r).mutable_triggers()->add_harm_types(iv1::HARM_TYPE_PRIVACY); },
         {"playbook.triggers.harm_types[1]"}},
        {"UnknownKindTrigger",
         [](R& r) { P(r).mutable_triggers()->mutable_kinds()->Add(55); },
         {"playbook.triggers.kinds[0]"}},
        {"MalformedAiSystem",
         [](R& r) { P(r).mutable_triggers()->add_ai_systems("systems/x"); },
         {"playbook.triggers.ai_systems[1]"}},
        {"AiSystemBadId",
         [](R& r) { P(r).mutable_triggers()->add_ai_systems("aiSystems/Bad_Id"); },
         {"playbook.triggers.ai_systems[1]"}},
        {"RepeatedAiSystem",
         [](R& r) { P(r).mutable_triggers()->add_ai_systems("aiSystems/support-bot"); },
         {"playbook.triggers.ai_systems[1]"}},
        {"TooManyAiSystems",
         [](R& r) {
           for (int i = 0; i < 100; ++i) {
             P(r).mutable_triggers()->add_ai_systems(absl::StrCat("aiSystems/s", i));
           }
         },
         {"playbook.triggers.ai_systems"}},
        {"TooManyLabels",
         [](R& r) {
           for (int i = 0; i < 20; ++i) {
             (*P(r).mutable_triggers()->mutable_labels())[absl::StrCat("k", i)] = "v";
           }
         },
         {"playbook.triggers.labels"}},
        {"BadLabelKey",
         [](R& r) { (*P(r).mutable_triggers()->mutable_labels())["Team"] = "x"; },
         {"playbook.triggers.labels[\"Team\"]"}},
        {"LongLabelValue",
         [](R& r) { (*P(r).mutable_triggers()->mutable_labels())["team"] = std::string(201, 'v'); },
         {"playbook.triggers.labels[\"team\"]"}},
        // Several at once: every violation is reported.
        {"SeveralViolations",
         [](R& r) {
           r.set_playbook_id("");
           P(r).clear_owner();
           S(r, 0).set_role(v1::RESPONSIBLE_ROLE_UNSPECIFIED);
           *P(r).mutable_drill_interval() = Days(0);
         },
         {"playbook_id", "playbook.owner", "playbook.steps[0].role", "playbook.drill_interval"}},
    }),
    [](const ::testing::TestParamInfo<Case>& param_info) { return param_info.param.name; });

TEST(ValidatePlaybook, OversizedPlaybookIsRefusedAsAWhole) {
  v1::CreatePlaybookRequest r = ValidCreate();
  // Every field within its own limit, but 40 steps of 8,000 characters are more than 256 KiB.
  for (int i = 0; i < 40; ++i) {
    AddStep(P(r), absl::StrCat("big", i))->set_instructions(std::string(8000, 'x'));
  }
  const absl::Status status = ValidateCreatePlaybook(r);
  EXPECT_EQ(ViolatedFields(status), std::vector<std::string>{"playbook"}) << status;
  P(r).mutable_steps()->DeleteSubrange(4, 10);
  EXPECT_TRUE(ValidateCreatePlaybook(r).ok());
}

TEST(ValidatePlaybook, ViolationsAreBounded) {
  v1::Playbook p = ValidCreate().playbook();
  p.clear_steps();
  for (int i = 0; i < 100; ++i) {
    AddStep(p, absl::StrCat("s", i))->set_role(v1::RESPONSIBLE_ROLE_UNSPECIFIED);
    p.mutable_steps(i)->clear_title();
  }
  const absl::Status status = ValidatePlaybook(p, "playbook");
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ViolatedFields(status).size(), 100u);
}

// A playbook whose steps have the given ids and dependencies.
v1::Playbook Graph(const std::vector<std::pair<std::string, std::vector<std::string>>>& steps) {
  v1::Playbook p = ValidCreate().playbook();
  p.clear_steps();
  for (const auto& [id, deps] : steps) {
    AddStep(p, id, deps);
  }
  return p;
}

std::string FirstRule(const absl::Status& status) {
  auto v = FieldViolations(status);
  return v.empty() ? "" : v[0].description;
}

TEST(Cycles, TwoStepCycleIsReportedOnTheClosingDependency) {
  const absl::Status s = ValidatePlaybook(Graph({{"a", {"b"}}, {"b", {"a"}}}), "playbook");
  EXPECT_EQ(ViolatedFields(s), std::vector<std::string>{"playbook.steps[1].depends_on[0]"}) << s;
  EXPECT_EQ(FirstRule(s), "closes a dependency cycle: a -> b -> a (each step depends on the next)");
}

TEST(Cycles, ThreeStepCycleNamesEveryStep) {
  const absl::Status s =
      ValidatePlaybook(Graph({{"a", {"c"}}, {"b", {"a"}}, {"c", {"b"}}}), "playbook");
  EXPECT_EQ(ViolatedFields(s), std::vector<std::string>{"playbook.steps[1].depends_on[0]"}) << s;
  EXPECT_EQ(FirstRule(s),
            "closes a dependency cycle: a -> c -> b -> a (each step depends on the next)");
}

TEST(Cycles, CycleAwayFromTheFirstStep) {
  const absl::Status s = ValidatePlaybook(
      Graph({{"start", {}}, {"x", {"start", "y"}}, {"y", {"z"}}, {"z", {"x"}}, {"end", {"x"}}}),
      "playbook");
  EXPECT_EQ(ViolatedFields(s), std::vector<std::string>{"playbook.steps[3].depends_on[0]"}) << s;
}

TEST(Cycles, TwoSeparateCyclesAreBothReported) {
  const absl::Status s =
      ValidatePlaybook(Graph({{"a", {"b"}}, {"b", {"a"}}, {"c", {"d"}}, {"d", {"c"}}}), "playbook");
  EXPECT_EQ(ViolatedFields(s), (std::vector<std::string>{"playbook.steps[1].depends_on[0]",
                                                         "playbook.steps[3].depends_on[0]"}))
      << s;
}

TEST(Cycles, DiamondAndForwardReferencesAreNotCycles) {
  // d depends on b and c, which both depend on a; a depends on a step listed after it.
  EXPECT_TRUE(ValidatePlaybook(
                  Graph({{"a", {"z"}}, {"b", {"a"}}, {"c", {"a"}}, {"d", {"b", "c"}}, {"z", {}}}),
                  "playbook")
                  .ok());
}

TEST(Cycles, LongChainWithoutCycleIsValidAndClosingItIsNot) {
  std::vector<std::pair<std::string, std::vector<std::string>>> chain;
  for (int i = 0; i < 100; ++i) {
    chain.push_back(
        {absl::StrCat("s", i),
         i == 0 ? std::vector<std::string>{} : std::vector<std::string>{absl::StrCat("s", i - 1)}});
  }
  EXPECT_TRUE(ValidatePlaybook(Graph(chain), "playbook").ok());
  chain[0].second = {"s99"};
  const absl::Status s = ValidatePlaybook(Graph(chain), "playbook");
  EXPECT_EQ(ViolatedFields(s).size(), 1u) << s;
}

TEST(Cycles, SelfDependencyIsNotAlsoReportedAsACycle) {
  const absl::Status s = ValidatePlaybook(Graph({{"a", {"a"}}}), "playbook");
  EXPECT_EQ(ViolatedFields(s), std::vector<std::string>{"playbook.steps[0].depends_on[0]"});
  EXPECT_EQ(FirstRule(s), "must not name the step itself");
}

TEST(Defaults, UnsetDrillIntervalResolvesTo365Days) {
  v1::Playbook p = ValidCreate().playbook();
  p.clear_drill_interval();
  ResolvePlaybookDefaults(&p);
  EXPECT_EQ(p.drill_interval().seconds(), 365 * 24 * 3600);
  *p.mutable_drill_interval() = Days(30);
  ResolvePlaybookDefaults(&p);
  EXPECT_EQ(p.drill_interval().seconds(), 30 * 24 * 3600);
}

TEST(ChangeNote, OnlyTheNoteIsChecked) {
  v1::Playbook p;
  p.set_change_note("ok");
  EXPECT_TRUE(ValidateChangeNote(p, "playbook").ok());
  p.set_change_note(std::string(1001, 'x'));
  EXPECT_EQ(ViolatedFields(ValidateChangeNote(p, "playbook")),
            std::vector<std::string>{"playbook.change_note"});
}

}  // namespace
}  // namespace airr::playbook
