// The drill cadence through the real server at an injected clock: a playbook is due when it was
// never drilled (since its creation) or when its last completed drill plus its interval has come;
// one drilled last month is not, nor an archived one, and aborted or unfinished drills do not
// count. Drills are run through StartDrill and CompleteRun while the clock moves.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "absl/time/time.h"
#include "google/protobuf/util/message_differencer.h"
#include "google/protobuf/util/time_util.h"
#include "libs/api/timestamps.h"
#include "libs/common/clock.h"
#include "tests/services/playbook/run_pgtest_util.h"

namespace airr::playbook::testing {
namespace {

using google::protobuf::util::MessageDifferencer;
using google::protobuf::util::TimeUtil;

// 2025-01-01T00:00:00Z.
const absl::Time kT0 = absl::FromUnixSeconds(1735689600);

class DrillsDueTest : public RunServerTest {
 protected:
  static void SetUpTestSuite() { StartServer(kT0); }

  // A one-step playbook (the step optional, so a drill completes at once) drilled every
  // `interval_days` (0: the default).
  static absl::Status Create(const std::string& token, const std::string& id, int interval_days) {
    v1::CreatePlaybookRequest r;
    r.set_playbook_id(id);
    v1::Playbook& p = *r.mutable_playbook();
    p.set_display_name("Plan " + id);
    p.set_owner("Crisis management");
    v1::PlaybookStep* s = p.add_steps();
    s->set_id("gather");
    s->set_title("Gather the crisis team");
    s->set_role(v1::RESPONSIBLE_ROLE_CRISIS_MANAGEMENT);
    if (interval_days > 0) {
      *p.mutable_drill_interval() = TimeUtil::HoursToDuration(24 * interval_days);
    }
    return env().Call(&PlaybookStub::CreatePlaybook, r, token).status();
  }

  // Starts a tabletop drill of `playbook` now and returns the run's name.
  static std::string StartDrill(const std::string& token, const std::string& playbook) {
    v1::StartDrillRequest r;
    r.set_parent(playbook);
    r.mutable_drill()->set_type(v1::DRILL_TYPE_TABLETOP);
    r.mutable_drill()->set_scenario("The AI system must be shut down for a day.");
    r.mutable_drill()->add_objectives()->set_description("Decide within an hour.");
    auto run = env().Call(&PlaybookStub::StartDrill, r, token);
    EXPECT_TRUE(run.ok()) << run.status();
    return run.ok() ? run->name() : "";
  }

  // Runs a drill of `playbook` from now to an hour later and returns its end time.
  static google::protobuf::Timestamp CompleteDrill(const std::string& token,
                                                   const std::string& playbook) {
    const std::string run = StartDrill(token, playbook);
    clock().Advance(absl::Hours(1));
    v1::CompleteRunRequest r;
    r.set_name(run);
    r.set_summary("Went well.");
    auto completed = env().Call(&PlaybookStub::CompleteRun, r, token);
    EXPECT_TRUE(completed.ok()) << completed.status();
    return completed.ok() ? completed->end_time() : google::protobuf::Timestamp();
  }

  static absl::StatusOr<v1::ListDrillsDueResponse> Due(const std::string& token, int page_size = 0,
                                                       const std::string& page_token = "") {
    v1::ListDrillsDueRequest r;
    r.set_page_size(page_size);
    r.set_page_token(page_token);
    return env().Call(&PlaybookStub::ListDrillsDue, r, token);
  }

  static std::vector<std::string> DueNames(const std::string& token) {
    std::vector<std::string> names;
    auto due = Due(token);
    EXPECT_TRUE(due.ok()) << due.status();
    if (due.ok()) {
      for (const auto& d : due->drills()) {
        names.push_back(d.playbook());
      }
    }
    return names;
  }
};

google::protobuf::Timestamp Plus(const google::protobuf::Timestamp& ts, absl::Duration d) {
  return api::TimestampFromTime(api::TimeFromTimestamp(ts) + d);
}

TEST_F(DrillsDueTest, NeverDrilledAndOverdueAreDueButNotRecentOrArchived) {
  const ReportTenant t = MakeReportTenant(env().base(), "pb-due");
  // Every playbook is created at T0.
  ASSERT_TRUE(Create(t.analyst, "never-drilled", 0).ok());
  ASSERT_TRUE(Create(t.analyst, "overdue", 90).ok());
  ASSERT_TRUE(Create(t.analyst, "recent", 0).ok());
  ASSERT_TRUE(Create(t.analyst, "archived", 0).ok());
  ASSERT_TRUE(Create(t.analyst, "due-soon", 30).ok());
  ASSERT_TRUE(Create(t.analyst, "aborted-only", 30).ok());
  const google::protobuf::Timestamp created = api::TimestampFromTime(kT0);
  v1::ArchivePlaybookRequest archive;
  archive.set_name("playbooks/archived");
  ASSERT_TRUE(env().Call(&PlaybookStub::ArchivePlaybook, archive, t.analyst).ok());

  // T0: "overdue" (every 90 days) is drilled. T0+70d, a month before now: "recent". T0+75d:
  // "due-soon" (every 30 days); "aborted-only" has one drill aborted and one left unfinished.
  // Now is T0+100d.
  const google::protobuf::Timestamp overdue_end = CompleteDrill(t.responder, "playbooks/overdue");
  clock().Advance(absl::Hours(24 * 70));
  const google::protobuf::Timestamp recent_end = CompleteDrill(t.responder, "playbooks/recent");
  clock().Advance(absl::Hours(24 * 5));
  const google::protobuf::Timestamp soon_end = CompleteDrill(t.responder, "playbooks/due-soon");
  v1::AbortRunRequest abort;
  abort.set_name(StartDrill(t.responder, "playbooks/aborted-only"));
  abort.set_reason("Fire alarm.");
  ASSERT_TRUE(env().Call(&PlaybookStub::AbortRun, abort, t.responder).ok());
  StartDrill(t.responder, "playbooks/aborted-only");
  const absl::Time now = kT0 + absl::Hours(24 * 100);
  clock().Advance(now - clock().Now());

  auto due = Due(t.viewer);
  ASSERT_TRUE(due.ok()) << due.status();
  EXPECT_TRUE(MessageDifferencer::Equals(due->as_of(), api::TimestampFromTime(now)));
  ASSERT_EQ(due->drills_size(), 3) << due->DebugString();
  // Never drilled: due since creation (same time, so by id); then the overdue one.
  const v1::DrillDue& aborted_only = due->drills(0);
  EXPECT_EQ(aborted_only.playbook(), "playbooks/aborted-only");
  EXPECT_TRUE(aborted_only.never_drilled());
  EXPECT_FALSE(aborted_only.has_last_drill_time());
  EXPECT_TRUE(MessageDifferencer::Equals(aborted_only.due_time(), created));
  EXPECT_EQ(aborted_only.drill_interval().seconds(), 30 * 24 * 3600);
  const v1::DrillDue& never = due->drills(1);
  EXPECT_EQ(never.playbook(), "playbooks/never-drilled");
  EXPECT_EQ(never.display_name(), "Plan never-drilled");
  EXPECT_TRUE(never.never_drilled());
  EXPECT_TRUE(MessageDifferencer::Equals(never.due_time(), created));
  EXPECT_EQ(never.drill_interval().seconds(), 365 * 24 * 3600);
  const v1::DrillDue& overdue = due->drills(2);
  EXPECT_EQ(overdue.playbook(), "playbooks/overdue");
  EXPECT_FALSE(overdue.never_drilled());
  EXPECT_TRUE(MessageDifferencer::Equals(overdue.last_drill_time(), overdue_end));
  EXPECT_TRUE(
      MessageDifferencer::Equals(overdue.due_time(), Plus(overdue_end, absl::Hours(24 * 90))));

  // The playbook shows its last completed drill.
  v1::GetPlaybookRequest get;
  get.set_name("playbooks/recent");
  auto recent = env().Call(&PlaybookStub::GetPlaybook, get, t.viewer);
  ASSERT_TRUE(recent.ok());
  EXPECT_TRUE(MessageDifferencer::Equals(recent->last_drill_time(), recent_end));

  // Page by page, the same order.
  std::vector<std::string> paged;
  std::string token;
  do {
    auto page = Due(t.viewer, 1, token);
    ASSERT_TRUE(page.ok()) << page.status();
    ASSERT_LE(page->drills_size(), 1);
    for (const auto& d : page->drills()) {
      paged.push_back(d.playbook());
    }
    token = page->next_page_token();
  } while (!token.empty());
  EXPECT_EQ(paged, (std::vector<std::string>{"playbooks/aborted-only", "playbooks/never-drilled",
                                             "playbooks/overdue"}));

  // Six days on, "due-soon" (drilled 31 days earlier, every 30 days) is due too, after
  // "overdue"; drilling "never-drilled" takes it off the list.
  clock().Advance(absl::Hours(24 * 6));
  EXPECT_EQ(DueNames(t.viewer),
            (std::vector<std::string>{"playbooks/aborted-only", "playbooks/never-drilled",
                                      "playbooks/overdue", "playbooks/due-soon"}));
  auto soon = Due(t.viewer);
  ASSERT_TRUE(soon.ok());
  EXPECT_TRUE(
      MessageDifferencer::Equals(soon->drills(3).due_time(), Plus(soon_end, absl::Hours(24 * 30))));
  CompleteDrill(t.responder, "playbooks/never-drilled");
  EXPECT_EQ(DueNames(t.viewer),
            (std::vector<std::string>{"playbooks/aborted-only", "playbooks/overdue",
                                      "playbooks/due-soon"}));
}

TEST_F(DrillsDueTest, AnotherTenantsPlaybooksAreNotListed) {
  const ReportTenant a = MakeReportTenant(env().base(), "pb-due-a");
  const ReportTenant b = MakeReportTenant(env().base(), "pb-due-b");
  ASSERT_TRUE(Create(a.analyst, "only-in-a", 0).ok());
  EXPECT_EQ(DueNames(a.viewer), std::vector<std::string>{"playbooks/only-in-a"});
  EXPECT_TRUE(DueNames(b.viewer).empty());
}

}  // namespace
}  // namespace airr::playbook::testing
