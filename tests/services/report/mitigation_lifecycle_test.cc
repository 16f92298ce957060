// Table-driven tests of the mitigation state machine: every (state, action) pair against the
// documented transitions, the fields each method sets, the four-eyes rule of Verify, and when a
// mitigation counts as overdue.
#include "services/report/mitigation_lifecycle.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <utility>

#include "google/protobuf/util/message_differencer.h"
#include "libs/api/timestamps.h"
#include "tests/testing/status_assertions.h"

namespace airr::report {
namespace {

using ::airr::testing::HasCodeAndReason;
using State = v1::MitigationState;
using google::protobuf::util::MessageDifferencer;

const absl::Time kNow = absl::FromUnixSeconds(1767225600);  // 2026-01-01T00:00:00Z
const MitigationActor kAlice{"alice (p-alice)", "p-alice"};
const MitigationActor kBob{"bob (p-bob)", "p-bob"};

constexpr State kAllStates[] = {
    v1::MITIGATION_STATE_UNSPECIFIED, v1::MITIGATION_STATE_PLANNED,
    v1::MITIGATION_STATE_IN_PROGRESS, v1::MITIGATION_STATE_DONE,
    v1::MITIGATION_STATE_VERIFIED,    v1::MITIGATION_STATE_CANCELLED,
};

// The documented transitions, written out (mitigation_lifecycle.h and report_service.proto).
const std::map<std::pair<State, MitigationAction>, State>& Allowed() {
  static const auto* table = new std::map<std::pair<State, MitigationAction>, State>{
      {{v1::MITIGATION_STATE_PLANNED, MitigationAction::kUpdate}, v1::MITIGATION_STATE_PLANNED},
      {{v1::MITIGATION_STATE_IN_PROGRESS, MitigationAction::kUpdate},
       v1::MITIGATION_STATE_IN_PROGRESS},
      {{v1::MITIGATION_STATE_PLANNED, MitigationAction::kBegin}, v1::MITIGATION_STATE_IN_PROGRESS},
      {{v1::MITIGATION_STATE_PLANNED, MitigationAction::kComplete}, v1::MITIGATION_STATE_DONE},
      {{v1::MITIGATION_STATE_IN_PROGRESS, MitigationAction::kComplete}, v1::MITIGATION_STATE_DONE},
      {{v1::MITIGATION_STATE_DONE, MitigationAction::kVerify}, v1::MITIGATION_STATE_VERIFIED},
      {{v1::MITIGATION_STATE_PLANNED, MitigationAction::kCancel}, v1::MITIGATION_STATE_CANCELLED},
      {{v1::MITIGATION_STATE_IN_PROGRESS, MitigationAction::kCancel},
       v1::MITIGATION_STATE_CANCELLED},
  };
  return *table;
}

TEST(NextMitigationState, MatchesTheDocumentedTableForEveryPair) {
  for (State state : kAllStates) {
    for (MitigationAction action : kAllMitigationActions) {
      SCOPED_TRACE(::testing::Message()
                   << v1::MitigationState_Name(state) << " " << MitigationActionName(action));
      absl::StatusOr<State> next = NextMitigationState(state, action);
      auto it = Allowed().find({state, action});
      if (it != Allowed().end()) {
        ASSERT_TRUE(next.ok()) << next.status();
        EXPECT_EQ(*next, it->second);
      } else {
        ASSERT_TRUE(HasCodeAndReason(next.status(), absl::StatusCode::kFailedPrecondition,
                                     "INVALID_STATE"));
        auto payload = next.status().GetPayload(kErrorInfoTypeUrl);
        ASSERT_TRUE(payload.has_value());
        google::rpc::ErrorInfo info;
        ASSERT_TRUE(info.ParseFromString(std::string(*payload)));
        EXPECT_EQ(info.metadata().at("current_state"), v1::MitigationState_Name(state));
        EXPECT_EQ(info.metadata().at("action"), MitigationActionName(action));
      }
    }
  }
}

MitigationRecord Record(State state) {
  MitigationRecord r;
  r.mitigation.set_name("incidents/i/mitigations/m");
  r.mitigation.set_kind(v1::MITIGATION_KIND_CORRECTION);
  r.mitigation.set_title("Filter");
  r.mitigation.set_owner("ml-platform");
  *r.mitigation.mutable_due_time() = api::TimestampFromTime(kNow + absl::Hours(1));
  r.mitigation.set_state(state);
  return r;
}

TEST(ApplyBegin, SetsBeginTimeAndTopic) {
  MitigationRecord r = Record(v1::MITIGATION_STATE_PLANNED);
  absl::StatusOr<std::string> topic = ApplyBegin(r, kNow);
  ASSERT_TRUE(topic.ok()) << topic.status();
  EXPECT_EQ(*topic, "report.mitigation.begun");
  EXPECT_EQ(r.mitigation.state(), v1::MITIGATION_STATE_IN_PROGRESS);
  EXPECT_EQ(api::TimeFromTimestamp(r.mitigation.begin_time()), kNow);
}

TEST(ApplyComplete, RecordsWhoAndWhat) {
  MitigationRecord r = Record(v1::MITIGATION_STATE_IN_PROGRESS);
  absl::StatusOr<std::string> topic = ApplyComplete(r, "Deployed", kAlice, kNow);
  ASSERT_TRUE(topic.ok()) << topic.status();
  EXPECT_EQ(*topic, "report.mitigation.completed");
  EXPECT_EQ(r.mitigation.state(), v1::MITIGATION_STATE_DONE);
  EXPECT_EQ(r.mitigation.completed_by(), "alice (p-alice)");
  EXPECT_EQ(r.completed_by_id, "p-alice");
  EXPECT_EQ(r.mitigation.completion_note(), "Deployed");
  EXPECT_EQ(api::TimeFromTimestamp(r.mitigation.complete_time()), kNow);
}

TEST(ApplyVerify, NeedsAnotherPerson) {
  MitigationRecord r = Record(v1::MITIGATION_STATE_IN_PROGRESS);
  ASSERT_TRUE(ApplyComplete(r, "Deployed", kAlice, kNow).ok());
  const MitigationRecord done = r;

  absl::StatusOr<std::string> same = ApplyVerify(r, "Re-test", kAlice, kNow);
  EXPECT_TRUE(
      HasCodeAndReason(same.status(), absl::StatusCode::kFailedPrecondition, "SAME_PERSON"));
  EXPECT_TRUE(MessageDifferencer::Equals(r.mitigation, done.mitigation));
  EXPECT_EQ(r.verifier_id, "");

  // The same display name under another principal id is another person.
  const MitigationActor other_alice{"alice (p-alice-2)", "p-alice-2"};
  absl::StatusOr<std::string> topic = ApplyVerify(r, "Re-test", other_alice, kNow);
  ASSERT_TRUE(topic.ok()) << topic.status();
  EXPECT_EQ(*topic, "report.mitigation.verified");
  EXPECT_EQ(r.mitigation.state(), v1::MITIGATION_STATE_VERIFIED);
  EXPECT_EQ(r.mitigation.verifier(), "alice (p-alice-2)");
  EXPECT_EQ(r.verifier_id, "p-alice-2");
  EXPECT_EQ(r.mitigation.verification_method(), "Re-test");
}

TEST(ApplyVerify, StateIsCheckedBeforeThePerson) {
  MitigationRecord r = Record(v1::MITIGATION_STATE_PLANNED);
  r.completed_by_id = "";  // never completed; a verifier with an empty id must not slip through
  EXPECT_TRUE(HasCodeAndReason(ApplyVerify(r, "x", kBob, kNow).status(),
                               absl::StatusCode::kFailedPrecondition, "INVALID_STATE"));
}

TEST(ApplyCancel, RecordsTheReason) {
  MitigationRecord r = Record(v1::MITIGATION_STATE_PLANNED);
  absl::StatusOr<std::string> topic = ApplyCancel(r, "Superseded", kNow);
  ASSERT_TRUE(topic.ok()) << topic.status();
  EXPECT_EQ(*topic, "report.mitigation.cancelled");
  EXPECT_EQ(r.mitigation.cancel_reason(), "Superseded");
  EXPECT_EQ(api::TimeFromTimestamp(r.mitigation.cancel_time()), kNow);
}

TEST(RefusedChanges, LeaveTheRecordUnchanged) {
  for (State state :
       {v1::MITIGATION_STATE_DONE, v1::MITIGATION_STATE_VERIFIED, v1::MITIGATION_STATE_CANCELLED}) {
    MitigationRecord r = Record(state);
    const MitigationRecord before = r;
    EXPECT_FALSE(ApplyBegin(r, kNow).ok());
    EXPECT_FALSE(ApplyComplete(r, "n", kAlice, kNow).ok());
    EXPECT_FALSE(ApplyCancel(r, "n", kNow).ok());
    EXPECT_FALSE(ApplyMitigationUpdate(r).ok());
    EXPECT_TRUE(MessageDifferencer::Equals(r.mitigation, before.mitigation))
        << v1::MitigationState_Name(state);
    EXPECT_EQ(r.completed_by_id, before.completed_by_id);
  }
}

struct OverdueCase {
  State state;
  absl::Duration due_from_now;
  bool overdue;
};

TEST(IsOverdue, OnlyOpenMitigationsPastTheirDueTime) {
  const OverdueCase cases[] = {
      {v1::MITIGATION_STATE_PLANNED, -absl::Seconds(1), true},
      {v1::MITIGATION_STATE_IN_PROGRESS, -absl::Hours(24), true},
      {v1::MITIGATION_STATE_PLANNED, absl::ZeroDuration(), false},
      {v1::MITIGATION_STATE_PLANNED, absl::Hours(1), false},
      {v1::MITIGATION_STATE_IN_PROGRESS, absl::Hours(1), false},
      {v1::MITIGATION_STATE_DONE, -absl::Hours(1), false},
      {v1::MITIGATION_STATE_VERIFIED, -absl::Hours(1), false},
      {v1::MITIGATION_STATE_CANCELLED, -absl::Hours(1), false},
  };
  for (const OverdueCase& c : cases) {
    v1::Mitigation m;
    m.set_state(c.state);
    *m.mutable_due_time() = api::TimestampFromTime(kNow + c.due_from_now);
    EXPECT_EQ(IsOverdue(m, kNow), c.overdue)
        << v1::MitigationState_Name(c.state) << " " << c.due_from_now;
  }
}

}  // namespace
}  // namespace airr::report
