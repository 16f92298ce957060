// Tests of the incident state machine: the whole transition table (every state x every action,
// triaged before or not), the errors of refused transitions, and what each lifecycle method
// changes on the incident and records on the timeline.
#include "services/incident/incident_lifecycle.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "google/protobuf/util/message_differencer.h"
#include "google/rpc/error_details.pb.h"
#include "libs/api/timestamps.h"
#include "libs/common/errors.h"
#include "tests/services/incident/rule_test_util.h"

namespace airr::incident {
namespace {

namespace v1 = ::airr::incident::v1;
using ::airr::incident::testing::kNow;
using ::airr::incident::testing::Ts;
using google::protobuf::util::MessageDifferencer;

std::map<std::string, std::string> Metadata(const absl::Status& status) {
  google::rpc::ErrorInfo info;
  const auto payload = status.GetPayload(kErrorInfoTypeUrl);
  if (!payload || !info.ParseFromString(std::string(*payload))) {
    return {};
  }
  return {info.metadata().begin(), info.metadata().end()};
}

// The expected transition table, written independently of the implementation's: one row per
// state, one column per action in kAllActions order. "-" refused, "=" allowed keeping the state,
// "reopen" TRIAGED when triaged before else REPORTED, otherwise the short name of the next state.
struct Row {
  v1::State state;
  std::vector<std::string> next;
};

const std::vector<Row>& Table() {
  //       Update Triage StartMitigation Resolve Close Reopen Reject Merge MergeTarget AttachSignals
  static const auto* rows = new std::vector<Row>{
      {v1::STATE_REPORTED, {"=", "TRIAGED", "-", "-", "-", "-", "REJECTED", "MERGED", "=", "="}},
      {v1::STATE_TRIAGED,
       {"=", "TRIAGED", "MITIGATING", "RESOLVED", "-", "-", "REJECTED", "MERGED", "=", "="}},
      {v1::STATE_MITIGATING,
       {"=", "MITIGATING", "-", "RESOLVED", "-", "-", "-", "MERGED", "=", "="}},
      {v1::STATE_RESOLVED, {"=", "-", "-", "-", "CLOSED", "reopen", "-", "-", "=", "-"}},
      {v1::STATE_CLOSED, {"-", "-", "-", "-", "-", "reopen", "-", "-", "-", "-"}},
      {v1::STATE_REJECTED, {"-", "-", "-", "-", "-", "reopen", "-", "-", "-", "-"}},
      {v1::STATE_MERGED, {"-", "-", "-", "-", "-", "-", "-", "-", "-", "-"}},
      {v1::STATE_UNSPECIFIED, {"-", "-", "-", "-", "-", "-", "-", "-", "-", "-"}},
      {static_cast<v1::State>(99), {"-", "-", "-", "-", "-", "-", "-", "-", "-", "-"}},
  };
  return *rows;
}

constexpr size_t kActionCount = sizeof(kAllActions) / sizeof(kAllActions[0]);

v1::State ParseShort(const std::string& name) {
  v1::State state = v1::STATE_UNSPECIFIED;
  EXPECT_TRUE(v1::State_Parse("STATE_" + name, &state)) << name;
  return state;
}

// The states the table allows `column` from, as full names.
std::vector<std::string> AllowedFrom(size_t column) {
  std::vector<std::string> out;
  for (const Row& row : Table()) {
    if (row.next[column] != "-") {
      out.push_back(v1::State_Name(row.state));
    }
  }
  return out;
}

TEST(NextStateTest, TableCoversEveryStateAndAction) {
  EXPECT_EQ(kActionCount, 10u);
  for (const Row& row : Table()) {
    EXPECT_EQ(row.next.size(), kActionCount);
  }
  for (int s = v1::State_MIN; s <= v1::State_MAX; ++s) {
    EXPECT_TRUE(std::any_of(Table().begin(), Table().end(), [s](const Row& row) {
      return row.state == s;
    })) << s;
  }
}

TEST(NextStateTest, FollowsTheTransitionTable) {
  for (const Row& row : Table()) {
    for (size_t a = 0; a < kActionCount; ++a) {
      const Action action = kAllActions[a];
      for (bool was_triaged : {false, true}) {
        SCOPED_TRACE(::testing::Message() << "state " << row.state << " action "
                                          << ActionName(action) << " was_triaged " << was_triaged);
        const absl::StatusOr<v1::State> next = NextState(row.state, action, was_triaged);
        const std::string& want = row.next[a];
        if (want == "-") {
          ASSERT_EQ(next.status().code(), absl::StatusCode::kFailedPrecondition) << next.status();
          EXPECT_EQ(ErrorReason(next.status()), "INVALID_STATE");
          const auto metadata = Metadata(next.status());
          const std::string& name = v1::State_Name(row.state);
          EXPECT_EQ(metadata.at("current_state"), name.empty() ? "99" : name);
          EXPECT_EQ(metadata.at("action"), ActionName(action));
          std::vector<std::string> allowed = absl::StrSplit(metadata.at("allowed_states"), ',');
          EXPECT_EQ(allowed, AllowedFrom(a));
          continue;
        }
        ASSERT_TRUE(next.ok()) << next.status();
        if (want == "=") {
          EXPECT_EQ(*next, row.state);
        } else if (want == "reopen") {
          EXPECT_EQ(*next, was_triaged ? v1::STATE_TRIAGED : v1::STATE_REPORTED);
        } else {
          EXPECT_EQ(*next, ParseShort(want));
        }
      }
    }
  }
}

TEST(NextStateTest, MessageNamesTheActionTheStateAndWhereItIsAllowed) {
  const absl::Status status =
      NextState(v1::STATE_RESOLVED, Action::kStartMitigation, true).status();
  EXPECT_EQ(status.message(),
            "cannot start mitigation of an incident in state RESOLVED; allowed from TRIAGED");
  EXPECT_EQ(NextState(v1::STATE_CLOSED, Action::kMergeTarget, true).status().message(),
            "cannot merge into an incident in state CLOSED; allowed from REPORTED, TRIAGED, "
            "MITIGATING, RESOLVED");
}

TEST(ActionNameTest, EveryActionHasItsOwnName) {
  std::vector<std::string> names;
  for (Action action : kAllActions) {
    names.emplace_back(ActionName(action));
  }
  EXPECT_EQ(names, (std::vector<std::string>{"Update", "Triage", "StartMitigation", "Resolve",
                                             "Close", "Reopen", "Reject", "Merge", "MergeTarget",
                                             "AttachSignals"}));
}

TEST(IsOpenTest, ReportedTriagedAndMitigatingOnly) {
  EXPECT_TRUE(IsOpen(v1::STATE_REPORTED));
  EXPECT_TRUE(IsOpen(v1::STATE_TRIAGED));
  EXPECT_TRUE(IsOpen(v1::STATE_MITIGATING));
  EXPECT_FALSE(IsOpen(v1::STATE_UNSPECIFIED));
  EXPECT_FALSE(IsOpen(v1::STATE_RESOLVED));
  EXPECT_FALSE(IsOpen(v1::STATE_CLOSED));
  EXPECT_FALSE(IsOpen(v1::STATE_REJECTED));
  EXPECT_FALSE(IsOpen(v1::STATE_MERGED));
}

v1::Incident InState(v1::State state, bool triaged_before = false) {
  v1::Incident i;
  i.set_name("incidents/chatbot-leak");
  i.set_title("Chatbot showed another customer's order history");
  i.set_kind(v1::KIND_HAZARD);
  i.set_severity(v1::SEVERITY_SEV3);
  i.set_state(state);
  if (triaged_before) {
    *i.mutable_triage_time() = Ts(kNow - absl::Hours(5));
    i.set_owner("first-owner");
  }
  return i;
}

// Checks the event every transition records.
void ExpectEvent(const IncidentChange& change, v1::TimelineEventType type, v1::State from,
                 v1::State to, const std::string& text, const std::string& topic,
                 const std::map<std::string, std::string>& attributes) {
  EXPECT_EQ(change.topic, topic);
  EXPECT_EQ(change.event.type(), type);
  EXPECT_EQ(api::TimeFromTimestamp(change.event.occur_time()), kNow);
  EXPECT_EQ(change.event.text(), text);
  EXPECT_EQ(change.event.from_state(), from);
  EXPECT_EQ(change.event.to_state(), to);
  const std::map<std::string, std::string> got(change.event.attributes().begin(),
                                               change.event.attributes().end());
  EXPECT_EQ(got, attributes);
  // The store fills these in.
  EXPECT_TRUE(change.event.name().empty());
  EXPECT_TRUE(change.event.actor().empty());
  EXPECT_FALSE(change.event.has_create_time());
}

TEST(ApplyTriageTest, FirstTriageSetsEverythingAndTheTriageTime) {
  v1::Incident incident = InState(v1::STATE_REPORTED);
  v1::TriageIncidentRequest request;
  request.set_severity(v1::SEVERITY_SEV2);
  request.set_owner("cs-oncall");
  request.set_kind(v1::KIND_INCIDENT);
  request.set_comment("Real customer data leaked.");
  const absl::StatusOr<IncidentChange> change = ApplyTriage(incident, request, kNow);
  ASSERT_TRUE(change.ok()) << change.status();
  EXPECT_EQ(incident.state(), v1::STATE_TRIAGED);
  EXPECT_EQ(incident.severity(), v1::SEVERITY_SEV2);
  EXPECT_EQ(incident.owner(), "cs-oncall");
  EXPECT_EQ(incident.kind(), v1::KIND_INCIDENT);
  EXPECT_EQ(api::TimeFromTimestamp(incident.triage_time()), kNow);
  ExpectEvent(*change, v1::TIMELINE_EVENT_TYPE_TRIAGED, v1::STATE_REPORTED, v1::STATE_TRIAGED,
              "Real customer data leaked.", "incident.triaged",
              {{"severity", "SEVERITY_SEV2"}, {"owner", "cs-oncall"}, {"kind", "KIND_INCIDENT"}});
}

TEST(ApplyTriageTest, RetriageKeepsStateTriageTimeAndAnUnsetKind) {
  v1::Incident incident = InState(v1::STATE_MITIGATING, /*triaged_before=*/true);
  v1::TriageIncidentRequest request;
  request.set_severity(v1::SEVERITY_SEV1);
  request.set_owner("incident-exec");
  const absl::StatusOr<IncidentChange> change = ApplyTriage(incident, request, kNow);
  ASSERT_TRUE(change.ok()) << change.status();
  EXPECT_EQ(incident.state(), v1::STATE_MITIGATING);
  EXPECT_EQ(incident.severity(), v1::SEVERITY_SEV1);
  EXPECT_EQ(incident.owner(), "incident-exec");
  EXPECT_EQ(incident.kind(), v1::KIND_HAZARD);
  EXPECT_EQ(api::TimeFromTimestamp(incident.triage_time()), kNow - absl::Hours(5));
  ExpectEvent(*change, v1::TIMELINE_EVENT_TYPE_TRIAGED, v1::STATE_MITIGATING, v1::STATE_MITIGATING,
              "", "incident.triaged", {{"severity", "SEVERITY_SEV1"}, {"owner", "incident-exec"}});
}

TEST(ApplyStartMitigationTest, SetsTheStartTimeOnlyTheFirstTime) {
  v1::Incident incident = InState(v1::STATE_TRIAGED, true);
  v1::StartMitigationRequest request;
  request.set_comment("Feature flag off.");
  absl::StatusOr<IncidentChange> change = ApplyStartMitigation(incident, request, kNow);
  ASSERT_TRUE(change.ok()) << change.status();
  EXPECT_EQ(incident.state(), v1::STATE_MITIGATING);
  EXPECT_EQ(api::TimeFromTimestamp(incident.mitigation_start_time()), kNow);
  ExpectEvent(*change, v1::TIMELINE_EVENT_TYPE_MITIGATION_STARTED, v1::STATE_TRIAGED,
              v1::STATE_MITIGATING, "Feature flag off.", "incident.mitigation_started", {});

  // Reopened and mitigated again: the first start time stays.
  incident.set_state(v1::STATE_TRIAGED);
  ASSERT_TRUE(ApplyStartMitigation(incident, request, kNow + absl::Hours(1)).ok());
  EXPECT_EQ(api::TimeFromTimestamp(incident.mitigation_start_time()), kNow);
}

TEST(ApplyResolveTest, SetsTimeAndSummaryEachTime) {
  v1::Incident incident = InState(v1::STATE_MITIGATING, true);
  v1::ResolveIncidentRequest request;
  request.set_resolution_summary("Prompt template rolled back.");
  absl::StatusOr<IncidentChange> change = ApplyResolve(incident, request, kNow);
  ASSERT_TRUE(change.ok()) << change.status();
  EXPECT_EQ(incident.state(), v1::STATE_RESOLVED);
  EXPECT_EQ(api::TimeFromTimestamp(incident.resolve_time()), kNow);
  EXPECT_EQ(incident.resolution_summary(), "Prompt template rolled back.");
  ExpectEvent(*change, v1::TIMELINE_EVENT_TYPE_RESOLVED, v1::STATE_MITIGATING, v1::STATE_RESOLVED,
              "Prompt template rolled back.", "incident.resolved", {});

  incident.set_state(v1::STATE_TRIAGED);
  request.set_resolution_summary("Second fix.");
  ASSERT_TRUE(ApplyResolve(incident, request, kNow + absl::Hours(2)).ok());
  EXPECT_EQ(api::TimeFromTimestamp(incident.resolve_time()), kNow + absl::Hours(2));
  EXPECT_EQ(incident.resolution_summary(), "Second fix.");
}

TEST(ApplyCloseTest, RecordsReviewAndBcp) {
  v1::Incident incident = InState(v1::STATE_RESOLVED, true);
  v1::CloseIncidentRequest request;
  request.set_post_incident_review("Add an output filter for order data.");
  request.set_bcp_invoked(true);
  absl::StatusOr<IncidentChange> change = ApplyClose(incident, request, kNow);
  ASSERT_TRUE(change.ok()) << change.status();
  EXPECT_EQ(incident.state(), v1::STATE_CLOSED);
  EXPECT_EQ(api::TimeFromTimestamp(incident.close_time()), kNow);
  EXPECT_EQ(incident.post_incident_review(), "Add an output filter for order data.");
  EXPECT_TRUE(incident.bcp_invoked());
  ExpectEvent(*change, v1::TIMELINE_EVENT_TYPE_CLOSED, v1::STATE_RESOLVED, v1::STATE_CLOSED,
              "Add an output filter for order data.", "incident.closed", {{"bcp_invoked", "true"}});

  // Reopened and closed again without BCP: the last close wins.
  incident.set_state(v1::STATE_RESOLVED);
  request.set_bcp_invoked(false);
  change = ApplyClose(incident, request, kNow + absl::Hours(1));
  ASSERT_TRUE(change.ok()) << change.status();
  EXPECT_FALSE(incident.bcp_invoked());
  EXPECT_EQ(api::TimeFromTimestamp(incident.close_time()), kNow + absl::Hours(1));
  EXPECT_EQ(change->event.attributes().at("bcp_invoked"), "false");
}

TEST(ApplyReopenTest, GoesBackToTriagedWhenTriagedBefore) {
  v1::Incident incident = InState(v1::STATE_CLOSED, true);
  *incident.mutable_resolve_time() = Ts(kNow - absl::Hours(1));
  incident.set_resolution_summary("old");
  v1::ReopenIncidentRequest request;
  request.set_reason("It happened again.");
  absl::StatusOr<IncidentChange> change = ApplyReopen(incident, request, kNow);
  ASSERT_TRUE(change.ok()) << change.status();
  EXPECT_EQ(incident.state(), v1::STATE_TRIAGED);
  // The last resolution stays on record until the next one.
  EXPECT_EQ(api::TimeFromTimestamp(incident.resolve_time()), kNow - absl::Hours(1));
  EXPECT_EQ(incident.resolution_summary(), "old");
  ExpectEvent(*change, v1::TIMELINE_EVENT_TYPE_REOPENED, v1::STATE_CLOSED, v1::STATE_TRIAGED,
              "It happened again.", "incident.reopened", {});
}

TEST(ApplyReopenTest, ARejectedUntriagedIncidentGoesBackToReportedWithoutItsReason) {
  v1::Incident incident = InState(v1::STATE_REJECTED);
  incident.set_reject_reason(v1::REJECT_REASON_INVALID_REPORT);
  v1::ReopenIncidentRequest request;
  request.set_reason("The report was right after all.");
  absl::StatusOr<IncidentChange> change = ApplyReopen(incident, request, kNow);
  ASSERT_TRUE(change.ok()) << change.status();
  EXPECT_EQ(incident.state(), v1::STATE_REPORTED);
  EXPECT_EQ(incident.reject_reason(), v1::REJECT_REASON_UNSPECIFIED);
  EXPECT_EQ(change->event.from_state(), v1::STATE_REJECTED);
  EXPECT_EQ(change->event.to_state(), v1::STATE_REPORTED);
}

TEST(ApplyRejectTest, RecordsTheReason) {
  v1::Incident incident = InState(v1::STATE_REPORTED);
  v1::RejectIncidentRequest request;
  request.set_reason(v1::REJECT_REASON_DUPLICATE);
  request.set_comment("Same as incidents/first.");
  absl::StatusOr<IncidentChange> change = ApplyReject(incident, request, kNow);
  ASSERT_TRUE(change.ok()) << change.status();
  EXPECT_EQ(incident.state(), v1::STATE_REJECTED);
  EXPECT_EQ(incident.reject_reason(), v1::REJECT_REASON_DUPLICATE);
  ExpectEvent(*change, v1::TIMELINE_EVENT_TYPE_REJECTED, v1::STATE_REPORTED, v1::STATE_REJECTED,
              "Same as incidents/first.", "incident.rejected",
              {{"reason", "REJECT_REASON_DUPLICATE"}});
}

TEST(ApplyUpdateTest, KeepsTheStateAndNamesTheFields) {
  for (v1::State state :
       {v1::STATE_REPORTED, v1::STATE_TRIAGED, v1::STATE_MITIGATING, v1::STATE_RESOLVED}) {
    SCOPED_TRACE(v1::State_Name(state));
    v1::Incident incident = InState(state, true);
    const v1::Incident before = incident;
    const absl::StatusOr<IncidentChange> change =
        ApplyUpdate(incident, {"title", "affected.deaths"}, kNow);
    ASSERT_TRUE(change.ok()) << change.status();
    // The mask was applied by the caller; the update itself changes nothing more.
    EXPECT_TRUE(MessageDifferencer::Equals(before, incident)) << incident.DebugString();
    ExpectEvent(*change, v1::TIMELINE_EVENT_TYPE_UPDATED, state, state,
                "Updated title, affected.deaths", "incident.updated",
                {{"fields", "title, affected.deaths"}});
  }
}

// Every lifecycle method, applied with a valid request.
struct Method {
  std::string name;
  std::function<absl::Status(v1::Incident&)> apply;
  v1::State refused_in;
};

std::vector<Method> Methods() {
  return {
      {"Update", [](v1::Incident& i) { return ApplyUpdate(i, {"title"}, kNow).status(); },
       v1::STATE_CLOSED},
      {"Triage",
       [](v1::Incident& i) {
         v1::TriageIncidentRequest r;
         r.set_severity(v1::SEVERITY_SEV1);
         r.set_owner("o");
         r.set_kind(v1::KIND_INCIDENT);
         return ApplyTriage(i, r, kNow).status();
       },
       v1::STATE_RESOLVED},
      {"StartMitigation",
       [](v1::Incident& i) { return ApplyStartMitigation(i, {}, kNow).status(); },
       v1::STATE_REPORTED},
      {"Resolve",
       [](v1::Incident& i) {
         v1::ResolveIncidentRequest r;
         r.set_resolution_summary("s");
         return ApplyResolve(i, r, kNow).status();
       },
       v1::STATE_REPORTED},
      {"Close",
       [](v1::Incident& i) {
         v1::CloseIncidentRequest r;
         r.set_post_incident_review("r");
         r.set_bcp_invoked(true);
         return ApplyClose(i, r, kNow).status();
       },
       v1::STATE_MITIGATING},
      {"Reopen",
       [](v1::Incident& i) {
         v1::ReopenIncidentRequest r;
         r.set_reason("r");
         return ApplyReopen(i, r, kNow).status();
       },
       v1::STATE_MERGED},
      {"Reject",
       [](v1::Incident& i) {
         v1::RejectIncidentRequest r;
         r.set_reason(v1::REJECT_REASON_DUPLICATE);
         return ApplyReject(i, r, kNow).status();
       },
       v1::STATE_MITIGATING},
  };
}

TEST(ApplyRefusedTest, LeavesTheIncidentUnchanged) {
  for (const Method& method : Methods()) {
    SCOPED_TRACE(method.name);
    v1::Incident incident = InState(method.refused_in, true);
    incident.set_reject_reason(v1::REJECT_REASON_INVALID_REPORT);
    const v1::Incident before = incident;
    const absl::Status status = method.apply(incident);
    EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition) << status;
    EXPECT_EQ(ErrorReason(status), "INVALID_STATE");
    EXPECT_EQ(Metadata(status).at("current_state"), v1::State_Name(method.refused_in));
    EXPECT_TRUE(MessageDifferencer::Equals(before, incident)) << incident.DebugString();
  }
}

TEST(ApplyTransitionsTest, AFullLifeFromReportToReopenedAndClosedAgain) {
  v1::Incident incident = InState(v1::STATE_REPORTED);
  const std::vector<std::pair<std::string, v1::State>> steps = {
      {"Triage", v1::STATE_TRIAGED},   {"StartMitigation", v1::STATE_MITIGATING},
      {"Resolve", v1::STATE_RESOLVED}, {"Close", v1::STATE_CLOSED},
      {"Reopen", v1::STATE_TRIAGED},   {"Resolve", v1::STATE_RESOLVED},
      {"Close", v1::STATE_CLOSED},
  };
  const std::vector<Method> methods = Methods();
  for (const auto& [name, want] : steps) {
    const auto method = std::find_if(methods.begin(), methods.end(),
                                     [&](const Method& m) { return m.name == name; });
    ASSERT_NE(method, methods.end());
    ASSERT_TRUE(method->apply(incident).ok()) << name;
    EXPECT_EQ(incident.state(), want) << name;
  }
}

struct MergePair {
  v1::Incident merged;
  v1::Incident survivor;
};

MergePair Pair(v1::State merged_state, v1::State survivor_state) {
  MergePair p{InState(merged_state), InState(survivor_state, true)};
  p.merged.set_name("incidents/chatbot-leak-2");
  p.survivor.set_name("incidents/chatbot-leak");
  return p;
}

TEST(ApplyMergeTest, MergesAndRecordsOnBothTimelines) {
  MergePair p = Pair(v1::STATE_TRIAGED, v1::STATE_RESOLVED);
  const auto changes = ApplyMerge(p.merged, p.survivor, "Same leak.", kNow);
  ASSERT_TRUE(changes.ok()) << changes.status();
  EXPECT_EQ(p.merged.state(), v1::STATE_MERGED);
  EXPECT_EQ(p.merged.merged_into(), "incidents/chatbot-leak");
  EXPECT_EQ(p.survivor.state(), v1::STATE_RESOLVED);
  EXPECT_TRUE(p.survivor.merged_into().empty());
  ExpectEvent(changes->first, v1::TIMELINE_EVENT_TYPE_MERGED_INTO, v1::STATE_TRIAGED,
              v1::STATE_MERGED, "Same leak.", "incident.merged",
              {{"merged_into", "incidents/chatbot-leak"}});
  ExpectEvent(changes->second, v1::TIMELINE_EVENT_TYPE_MERGED_FROM, v1::STATE_RESOLVED,
              v1::STATE_RESOLVED, "Same leak.", "incident.updated",
              {{"merged_from", "incidents/chatbot-leak-2"}});
}

TEST(ApplyMergeTest, RefusesMergingIntoItself) {
  MergePair p = Pair(v1::STATE_REPORTED, v1::STATE_REPORTED);
  p.merged.set_name(p.survivor.name());
  const MergePair before = p;
  const auto changes = ApplyMerge(p.merged, p.survivor, "", kNow);
  EXPECT_EQ(changes.status().code(), absl::StatusCode::kInvalidArgument);
  ASSERT_EQ(FieldViolations(changes.status()).size(), 1u);
  EXPECT_EQ(FieldViolations(changes.status())[0].field, "into");
  EXPECT_TRUE(MessageDifferencer::Equals(before.merged, p.merged));
}

TEST(ApplyMergeTest, RefusesAMergedStateAndChangesNeither) {
  struct Case {
    v1::State merged;
    v1::State survivor;
    std::string action;
    v1::State current;
  };
  const std::vector<Case> cases = {
      {v1::STATE_RESOLVED, v1::STATE_TRIAGED, "Merge", v1::STATE_RESOLVED},
      {v1::STATE_CLOSED, v1::STATE_TRIAGED, "Merge", v1::STATE_CLOSED},
      {v1::STATE_TRIAGED, v1::STATE_CLOSED, "MergeTarget", v1::STATE_CLOSED},
      {v1::STATE_REPORTED, v1::STATE_MERGED, "MergeTarget", v1::STATE_MERGED},
      {v1::STATE_MITIGATING, v1::STATE_REJECTED, "MergeTarget", v1::STATE_REJECTED},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(::testing::Message() << c.merged << " into " << c.survivor);
    MergePair p = Pair(c.merged, c.survivor);
    const MergePair before = p;
    const auto changes = ApplyMerge(p.merged, p.survivor, "", kNow);
    EXPECT_EQ(changes.status().code(), absl::StatusCode::kFailedPrecondition);
    EXPECT_EQ(ErrorReason(changes.status()), "INVALID_STATE");
    const auto metadata = Metadata(changes.status());
    EXPECT_EQ(metadata.at("action"), c.action);
    EXPECT_EQ(metadata.at("current_state"), v1::State_Name(c.current));
    EXPECT_TRUE(MessageDifferencer::Equals(before.merged, p.merged));
    EXPECT_TRUE(MessageDifferencer::Equals(before.survivor, p.survivor));
  }
}

}  // namespace
}  // namespace airr::incident
