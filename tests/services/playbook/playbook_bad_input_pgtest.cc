// Bad input to the playbook RPCs through the real server: each case breaks one rule and must come
// back INVALID_ARGUMENT naming exactly that field, with nothing written for the tenant (no
// playbook, version, audit row or outbox event); where a fix exists, the corrected request then
// succeeds. A taken id is ALREADY_EXISTS, not bad input.
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "google/protobuf/util/time_util.h"
#include "tests/services/playbook/playbook_pgtest_util.h"

namespace airr::playbook::testing {
namespace {

using google::protobuf::util::TimeUtil;

class PlaybookBadInputTest : public PlaybookServerTest {};

// One bad call and, when `fixed` is set, the corrected call that must succeed.
struct Case {
  std::string name;
  std::string field;
  std::function<absl::Status()> bad;
  std::function<absl::Status()> fixed;
};

google::protobuf::Duration Days(int64_t days) { return TimeUtil::HoursToDuration(24 * days); }

TEST_F(PlaybookBadInputTest, EachCaseNamesItsFieldAndWritesNothing) {
  const ReportTenant t = MakeReportTenant(env().base(), "pb-bad");
  v1::CreatePlaybookRequest existing_request;
  existing_request.set_playbook_id("existing");
  *existing_request.mutable_playbook() = SamplePlaybook();
  auto existing = env().Call(&PlaybookStub::CreatePlaybook, existing_request, t.analyst);
  ASSERT_TRUE(existing.ok()) << existing.status();

  using Edit = std::function<void(v1::CreatePlaybookRequest&)>;
  int next_id = 0;
  // A create of the sample playbook (a fresh id per case) with `breakit` applied; fixed, with
  // `fix` applied on top.
  auto create =
      [&](Edit breakit,
          Edit fix) -> std::pair<std::function<absl::Status()>, std::function<absl::Status()>> {
    const std::string id = absl::StrCat("bad-", next_id++);
    auto call = [&, id, breakit, fix](bool fixed) {
      v1::CreatePlaybookRequest r;
      r.set_playbook_id(id);
      *r.mutable_playbook() = SamplePlaybook();
      breakit(r);
      if (fixed) {
        fix(r);
      }
      return env().Call(&PlaybookStub::CreatePlaybook, r, t.analyst).status();
    };
    return {[call] { return call(false); }, [call] { return call(true); }};
  };
  using UEdit = std::function<void(v1::UpdatePlaybookRequest&)>;
  // An update of the existing playbook's display name with `breakit` applied.
  auto update =
      [&](UEdit breakit,
          UEdit fix) -> std::pair<std::function<absl::Status()>, std::function<absl::Status()>> {
    auto call = [&, breakit, fix](bool fixed) {
      v1::UpdatePlaybookRequest r;
      r.mutable_playbook()->set_name(existing->name());
      r.mutable_playbook()->set_display_name("Renamed");
      r.mutable_update_mask()->add_paths("display_name");
      breakit(r);
      if (fixed) {
        fix(r);
      }
      return env().Call(&PlaybookStub::UpdatePlaybook, r, t.analyst).status();
    };
    return {[call] { return call(false); }, [call] { return call(true); }};
  };
  auto step = [](v1::CreatePlaybookRequest& r, int i) -> v1::PlaybookStep& {
    return *r.mutable_playbook()->mutable_steps(i);
  };
  auto pb = [](v1::CreatePlaybookRequest& r) -> v1::Playbook& { return *r.mutable_playbook(); };
  auto restore_steps = [](v1::CreatePlaybookRequest& r) {
    *r.mutable_playbook()->mutable_steps() = SamplePlaybook().steps();
  };
  auto add_case = [](std::vector<Case>& cases, std::string name, std::string field,
                     std::pair<std::function<absl::Status()>, std::function<absl::Status()>> c,
                     bool with_fix = true) {
    cases.push_back({std::move(name), std::move(field), c.first, with_fix ? c.second : nullptr});
  };
  using R = v1::CreatePlaybookRequest;
  using U = v1::UpdatePlaybookRequest;

  std::vector<Case> cases;
  // Step dependencies. The sample: intake; kill-switch, contain, notify <- intake;
  // recover <- contain.
  add_case(cases, "TwoStepCycle", "playbook.steps[1].depends_on[0]",
           create([&](R& r) { step(r, 0).add_depends_on("kill-switch"); },
                  [&](R& r) { step(r, 0).clear_depends_on(); }));
  add_case(cases, "ThreeStepCycle", "playbook.steps[2].depends_on[0]",
           create([&](R& r) { step(r, 0).add_depends_on("recover"); },
                  [&](R& r) { step(r, 0).clear_depends_on(); }));
  add_case(cases, "SelfDependency", "playbook.steps[3].depends_on[1]",
           create([&](R& r) { step(r, 3).add_depends_on("notify"); },
                  [&](R& r) { step(r, 3).mutable_depends_on()->RemoveLast(); }));
  add_case(cases, "UnknownDependency", "playbook.steps[4].depends_on[0]",
           create([&](R& r) { step(r, 4).set_depends_on(0, "contian"); },
                  [&](R& r) { step(r, 4).set_depends_on(0, "contain"); }));
  add_case(cases, "RepeatedDependency", "playbook.steps[4].depends_on[1]",
           create([&](R& r) { step(r, 4).add_depends_on("contain"); },
                  [&](R& r) { step(r, 4).mutable_depends_on()->RemoveLast(); }));
  add_case(cases, "TooManyDependencies", "playbook.steps[0].depends_on",
           create(
               [&](R& r) {
                 for (int i = 0; i < 21; ++i) {
                   v1::PlaybookStep* s = pb(r).add_steps();
                   s->set_id(absl::StrCat("extra-", i));
                   s->set_title("Extra");
                   s->set_role(v1::RESPONSIBLE_ROLE_SECURITY);
                   step(r, 0).add_depends_on(s->id());
                 }
               },
               [&](R& r) { step(r, 0).mutable_depends_on()->RemoveLast(); }));
  // Offsets and roles.
  add_case(cases, "NegativeOffset", "playbook.steps[1].target_offset",
           create([&](R& r) { *step(r, 1).mutable_target_offset() = Minutes(-1); },
                  [&](R& r) { *step(r, 1).mutable_target_offset() = Minutes(60); }));
  add_case(cases, "OffsetOver90Days", "playbook.steps[4].target_offset",
           create([&](R& r) { *step(r, 4).mutable_target_offset() = Days(91); },
                  [&](R& r) { *step(r, 4).mutable_target_offset() = Days(90); }));
  add_case(cases, "FractionalOffset", "playbook.steps[2].target_offset",
           create([&](R& r) { step(r, 2).mutable_target_offset()->set_nanos(500); },
                  [&](R& r) { step(r, 2).mutable_target_offset()->set_nanos(0); }));
  add_case(cases, "UnknownRole", "playbook.steps[2].role",
           create([&](R& r) { step(r, 2).set_role(static_cast<v1::ResponsibleRole>(99)); },
                  [&](R& r) { step(r, 2).set_role(v1::RESPONSIBLE_ROLE_LEGAL); }));
  add_case(cases, "UnspecifiedRole", "playbook.steps[0].role",
           create([&](R& r) { step(r, 0).set_role(v1::RESPONSIBLE_ROLE_UNSPECIFIED); },
                  [&](R& r) { step(r, 0).set_role(v1::RESPONSIBLE_ROLE_INTAKE_DESK); }));
  add_case(cases, "UnknownStepKind", "playbook.steps[0].kind",
           create([&](R& r) { step(r, 0).set_kind(static_cast<v1::StepKind>(12)); },
                  [&](R& r) { step(r, 0).set_kind(v1::STEP_KIND_UNSPECIFIED); }));
  // Step ids and counts.
  add_case(cases, "DuplicateStepId", "playbook.steps[3].id",
           create([&](R& r) { step(r, 1).set_id("notify"); },
                  [&](R& r) { step(r, 1).set_id("kill-switch"); }));
  add_case(cases, "BadStepIdFormat", "playbook.steps[1].id",
           create([&](R& r) { step(r, 1).set_id("Kill Switch"); },
                  [&](R& r) { step(r, 1).set_id("kill-switch"); }));
  add_case(cases, "ZeroSteps", "playbook.steps",
           create([&](R& r) { pb(r).clear_steps(); }, restore_steps));
  add_case(cases, "HundredAndOneSteps", "playbook.steps",
           create(
               [&](R& r) {
                 pb(r).clear_steps();
                 for (int i = 0; i < 101; ++i) {
                   v1::PlaybookStep* s = pb(r).add_steps();
                   s->set_id(absl::StrCat("s", i));
                   s->set_title("Step");
                   s->set_role(v1::RESPONSIBLE_ROLE_ENGINEERING);
                 }
               },
               [&](R& r) { pb(r).mutable_steps()->RemoveLast(); }));
  add_case(cases, "TwoStepsSameMilestone", "playbook.steps[4].milestone",
           create([&](R& r) { step(r, 4).set_milestone(v1::MILESTONE_CONTAINMENT); },
                  [&](R& r) { step(r, 4).set_milestone(v1::MILESTONE_RECOVERY); }));
  // Texts.
  add_case(cases, "OversizedTitle", "playbook.steps[0].title",
           create([&](R& r) { step(r, 0).set_title(std::string(201, 't')); },
                  [&](R& r) { step(r, 0).set_title(std::string(200, 't')); }));
  add_case(cases, "OversizedInstructions", "playbook.steps[0].instructions",
           create([&](R& r) { step(r, 0).set_instructions(std::string(8001, 'i')); },
                  [&](R& r) { step(r, 0).set_instructions(std::string(8000, 'i')); }));
  add_case(cases, "OversizedPurpose", "playbook.purpose",
           create([&](R& r) { pb(r).set_purpose(std::string(4001, 'p')); },
                  [&](R& r) { pb(r).set_purpose(std::string(4000, 'p')); }));
  add_case(cases, "EmptyOwner", "playbook.owner",
           create([&](R& r) { pb(r).clear_owner(); }, [&](R& r) { pb(r).set_owner("Legal"); }));
  add_case(cases, "EmptyDisplayName", "playbook.display_name",
           create([&](R& r) { pb(r).clear_display_name(); },
                  [&](R& r) { pb(r).set_display_name("Plan"); }));
  add_case(cases, "ControlCharacterInOwner", "playbook.owner",
           create([&](R& r) { pb(r).set_owner("Risk\x01office"); },
                  [&](R& r) { pb(r).set_owner("Risk office"); }));
  add_case(cases, "OversizedChangeNote", "playbook.change_note",
           create([&](R& r) { pb(r).set_change_note(std::string(1001, 'c')); },
                  [&](R& r) { pb(r).set_change_note("Short."); }));
  add_case(cases, "BadPlaybookId", "playbook_id",
           create([&](R& r) { r.set_playbook_id("Bad_Id"); },
                  [&](R& r) { r.set_playbook_id("good-id"); }));
  add_case(
      cases, "EmptyPlaybookId", "playbook_id",
      create([&](R& r) { r.clear_playbook_id(); }, [&](R& r) { r.set_playbook_id("now-named"); }));
  // Targets and cadence.
  add_case(cases, "DecreasingTargets", "playbook.targets.containment",
           create([&](R& r) { *pb(r).mutable_targets()->mutable_containment() = Minutes(10); },
                  [&](R& r) { *pb(r).mutable_targets()->mutable_containment() = Minutes(20); }));
  add_case(cases, "NegativeTarget", "playbook.targets.first_action",
           create([&](R& r) { *pb(r).mutable_targets()->mutable_first_action() = Minutes(-15); },
                  [&](R& r) { pb(r).mutable_targets()->clear_first_action(); }));
  add_case(cases, "DrillIntervalZero", "playbook.drill_interval",
           create([&](R& r) { *pb(r).mutable_drill_interval() = Days(0); },
                  [&](R& r) { *pb(r).mutable_drill_interval() = Days(1); }));
  add_case(cases, "DrillInterval2000Days", "playbook.drill_interval",
           create([&](R& r) { *pb(r).mutable_drill_interval() = Days(2000); },
                  [&](R& r) { *pb(r).mutable_drill_interval() = Days(1095); }));
  // Triggers.
  add_case(cases, "AutoStartWithoutCriteria", "playbook.triggers.auto_start",
           create(
               [&](R& r) {
                 pb(r).mutable_triggers()->clear_severities();
                 pb(r).mutable_triggers()->set_auto_start(true);
               },
               [&](R& r) { pb(r).mutable_triggers()->add_severities(iv1::SEVERITY_SEV2); }));
  add_case(cases, "MalformedAiSystem", "playbook.triggers.ai_systems[0]",
           create([&](R& r) { pb(r).mutable_triggers()->add_ai_systems("ai-systems/bot"); },
                  [&](R& r) { pb(r).mutable_triggers()->set_ai_systems(0, "aiSystems/bot"); }));
  add_case(cases, "UnknownSeverity", "playbook.triggers.severities[1]",
           create([&](R& r) { pb(r).mutable_triggers()->mutable_severities()->Add(42); },
                  [&](R& r) { pb(r).mutable_triggers()->mutable_severities()->RemoveLast(); }));
  add_case(cases, "UnknownHarmType", "playbook.triggers.harm_types[0]",
           create([&](R& r) { pb(r).mutable_triggers()->mutable_harm_types()->Add(99); },
                  [&](R& r) { pb(r).mutable_triggers()->clear_harm_types(); }));
  add_case(cases, "TooManyLabels", "playbook.triggers.labels",
           create(
               [&](R& r) {
                 for (int i = 0; i < 21; ++i) {
                   (*pb(r).mutable_triggers()->mutable_labels())[absl::StrCat("k", i)] = "v";
                 }
               },
               [&](R& r) { pb(r).mutable_triggers()->mutable_labels()->erase("k0"); }));
  add_case(cases, "BadLabelKey", "playbook.triggers.labels[\"Team\"]",
           create([&](R& r) { (*pb(r).mutable_triggers()->mutable_labels())["Team"] = "x"; },
                  [&](R& r) {
                    pb(r).mutable_triggers()->mutable_labels()->erase("Team");
                    (*pb(r).mutable_triggers()->mutable_labels())["team"] = "x";
                  }));
  // The whole import: every field within its limit, but more than 256 KiB together.
  add_case(cases, "OversizedPlaybook", "playbook",
           create(
               [&](R& r) {
                 for (int i = 0; i < 5; ++i) {
                   step(r, i).set_instructions(std::string(8000, 'x'));
                 }
                 for (int i = 0; i < 30; ++i) {
                   v1::PlaybookStep* s = pb(r).add_steps();
                   s->set_id(absl::StrCat("more-", i));
                   s->set_title("More");
                   s->set_instructions(std::string(8000, 'y'));
                   s->set_role(v1::RESPONSIBLE_ROLE_ENGINEERING);
                 }
               },
               [&](R& r) { pb(r).mutable_steps()->DeleteSubrange(5, 10); }));
  // UpdatePlaybook.
  add_case(cases, "UpdateMaskUnknownPath", "update_mask",
           update([](U& r) { r.mutable_update_mask()->set_paths(0, "name"); },
                  [](U& r) { r.mutable_update_mask()->set_paths(0, "display_name"); }));
  add_case(cases, "UpdateMaskNestedPath", "update_mask",
           update([](U& r) { r.mutable_update_mask()->set_paths(0, "triggers.bcp"); },
                  [](U& r) { r.mutable_update_mask()->set_paths(0, "display_name"); }));
  add_case(cases, "UpdateBadName", "playbook.name",
           update([](U& r) { r.mutable_playbook()->set_name("playbook/existing"); },
                  [](U& r) { r.mutable_playbook()->set_name("playbooks/existing"); }));
  add_case(cases, "UpdateBadEtag", "playbook.etag",
           update([](U& r) { r.mutable_playbook()->set_etag("not-an-etag"); },
                  [](U& r) { r.mutable_playbook()->clear_etag(); }));
  add_case(cases, "UpdateEmptyDisplayName", "playbook.display_name",
           update([](U& r) { r.mutable_playbook()->clear_display_name(); },
                  [](U& r) { r.mutable_playbook()->set_display_name("Renamed again"); }));
  add_case(cases, "UpdateCyclicSteps", "playbook.steps[1].depends_on[0]",
           update(
               [](U& r) {
                 *r.mutable_playbook()->mutable_steps() = SamplePlaybook().steps();
                 r.mutable_playbook()->mutable_steps(0)->add_depends_on("kill-switch");
                 r.mutable_update_mask()->set_paths(0, "steps");
               },
               [](U& r) { r.mutable_playbook()->mutable_steps(0)->clear_depends_on(); }));
  add_case(cases, "UpdateToNoSteps", "playbook.steps",
           update(
               [](U& r) {
                 r.mutable_playbook()->clear_steps();
                 r.mutable_update_mask()->set_paths(0, "steps");
               },
               [](U& r) { *r.mutable_playbook()->mutable_steps() = SamplePlaybook().steps(); }));
  add_case(cases, "UpdateDrillInterval", "playbook.drill_interval",
           update(
               [](U& r) {
                 *r.mutable_playbook()->mutable_drill_interval() = Days(1096);
                 r.mutable_update_mask()->set_paths(0, "drill_interval");
               },
               [](U& r) { *r.mutable_playbook()->mutable_drill_interval() = Days(365); }));
  add_case(cases, "UpdateChangeNoteTooLong", "playbook.change_note",
           update([](U& r) { r.mutable_playbook()->set_change_note(std::string(1001, 'n')); },
                  [](U& r) { r.mutable_playbook()->set_change_note("Renamed."); }));
  // Reads and the archive.
  cases.push_back({"GetBadName", "name",
                   [&] {
                     v1::GetPlaybookRequest r;
                     r.set_name("playbooks/Existing");
                     return env().Call(&PlaybookStub::GetPlaybook, r, t.viewer).status();
                   },
                   nullptr});
  cases.push_back({"ArchiveBadEtag", "etag",
                   [&] {
                     v1::ArchivePlaybookRequest r;
                     r.set_name(existing->name());
                     r.set_etag("W/\"\"");
                     return env().Call(&PlaybookStub::ArchivePlaybook, r, t.analyst).status();
                   },
                   nullptr});
  cases.push_back({"VersionsBadName", "name",
                   [&] {
                     v1::ListPlaybookVersionsRequest r;
                     r.set_name("playbooks/");
                     return env().Call(&PlaybookStub::ListPlaybookVersions, r, t.viewer).status();
                   },
                   nullptr});
  cases.push_back({"ListNegativePageSize", "page_size",
                   [&] {
                     v1::ListPlaybooksRequest r;
                     r.set_page_size(-1);
                     return env().Call(&PlaybookStub::ListPlaybooks, r, t.viewer).status();
                   },
                   nullptr});
  cases.push_back({"DrillsDueForgedToken", "page_token",
                   [&] {
                     v1::ListDrillsDueRequest r;
                     r.set_page_token("forged");
                     return env().Call(&PlaybookStub::ListDrillsDue, r, t.viewer).status();
                   },
                   nullptr});

  ASSERT_GE(cases.size(), 30u);
  TenantRows rows(t.name);
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_TRUE(IsInvalidField(c.bad(), c.field));
    EXPECT_TRUE(rows.Unchanged());
    if (c.fixed) {
      const absl::Status fixed = c.fixed();
      EXPECT_TRUE(fixed.ok()) << fixed;
      rows.Retake();
    }
  }
}

TEST_F(PlaybookBadInputTest, TakenIdIsAlreadyExists) {
  const ReportTenant t = MakeReportTenant(env().base(), "pb-bad-taken");
  v1::CreatePlaybookRequest r;
  r.set_playbook_id("taken");
  *r.mutable_playbook() = SamplePlaybook();
  ASSERT_TRUE(env().Call(&PlaybookStub::CreatePlaybook, r, t.analyst).ok());
  TenantRows rows(t.name);
  auto again = env().Call(&PlaybookStub::CreatePlaybook, r, t.responder);
  EXPECT_TRUE(HasCodeAndReason(again.status(), absl::StatusCode::kAlreadyExists, "RESOURCE_EXISTS"))
      << again.status();
  EXPECT_TRUE(rows.Unchanged());
}

}  // namespace
}  // namespace airr::playbook::testing
