// Mitigations through the real server: the whole lifecycle with a second person verifying, the
// four-eyes refusal, cancelling, every illegal transition, updates and etags, the overdue list
// across incidents, idempotent creation, violations of another incident, paging, and the audit row
// and outbox event each mutation leaves.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/util/message_differencer.h"
#include "tests/services/report/mitigation_pgtest_util.h"

namespace airr::report::testing {
namespace {

using google::protobuf::util::MessageDifferencer;
using ::testing::ElementsAre;
using ::testing::ElementsAreArray;

// The outbox topics recorded for `name`, oldest first.
std::vector<std::string> Topics(const std::string& name) {
  std::vector<std::string> topics;
  for (const auto& row : ::airr::testing::QueryRows(absl::StrCat(
           "SELECT topic FROM outbox_events WHERE resource_name = '", name, "' ORDER BY id"))) {
    topics.push_back(row.at(0));
  }
  return topics;
}

// The audit rows recorded for `name`, oldest first, as "rpc|has before|has after".
std::vector<std::string> AuditTrail(const std::string& name) {
  std::vector<std::string> out;
  for (const auto& row : ::airr::testing::QueryRows(
           absl::StrCat("SELECT rpc, before IS NOT NULL, after IS NOT NULL FROM audit_log WHERE "
                        "resource_name = '",
                        name, "' ORDER BY seq"))) {
    out.push_back(absl::StrCat(row.at(0), "|", row.at(1), "|", row.at(2)));
  }
  return out;
}

std::string Rpc(const std::string& method) {
  return absl::StrCat("airr.report.v1.ReportService/", method);
}

class MitigationLifecycleTest : public MitigationServerTest {
 protected:
  void SetUp() override { t_ = MakeTenant(env(), "mit-life"); }

  v1::Mitigation MustCreate(const std::string& parent, const v1::Mitigation& m,
                            const std::string& id = "") {
    auto created = Create(env(), t_.responder, parent, m, id);
    EXPECT_TRUE(created.ok()) << created.status();
    return created.ok() ? *created : v1::Mitigation();
  }

  Tenant t_;
};

TEST_F(MitigationLifecycleTest, PlannedToVerifiedWithAnotherPerson) {
  v1::Mitigation created = MustCreate(t_.incident, ValidMitigation("Filter personal data"));
  EXPECT_TRUE(absl::StartsWith(created.name(), t_.incident + "/mitigations/"));
  EXPECT_EQ(created.state(), v1::MITIGATION_STATE_PLANNED);
  EXPECT_FALSE(created.overdue());
  EXPECT_FALSE(created.etag().empty());
  EXPECT_TRUE(created.has_create_time());
  EXPECT_FALSE(created.has_begin_time());

  auto begun = Begin(env(), t_.responder, created.name(), created.etag());
  ASSERT_TRUE(begun.ok()) << begun.status();
  EXPECT_EQ(begun->state(), v1::MITIGATION_STATE_IN_PROGRESS);
  EXPECT_TRUE(begun->has_begin_time());
  EXPECT_NE(begun->etag(), created.etag());

  auto done = Complete(env(), t_.responder, created.name(), "Deployed the filter.", begun->etag());
  ASSERT_TRUE(done.ok()) << done.status();
  EXPECT_EQ(done->state(), v1::MITIGATION_STATE_DONE);
  EXPECT_TRUE(absl::StartsWith(done->completed_by(), "responder-")) << done->completed_by();
  EXPECT_EQ(done->completion_note(), "Deployed the filter.");
  EXPECT_TRUE(done->has_complete_time());

  // An analyst (another principal) verifies.
  auto verified = Verify(env(), t_.analyst, created.name(), "Re-ran red-team prompts");
  ASSERT_TRUE(verified.ok()) << verified.status();
  EXPECT_EQ(verified->state(), v1::MITIGATION_STATE_VERIFIED);
  EXPECT_TRUE(absl::StartsWith(verified->verifier(), "analyst-")) << verified->verifier();
  EXPECT_EQ(verified->completed_by(), done->completed_by());
  EXPECT_EQ(verified->verification_method(), "Re-ran red-team prompts");
  EXPECT_TRUE(verified->has_verify_time());
  EXPECT_FALSE(verified->overdue());

  auto read = Get(env(), t_.viewer, created.name());
  ASSERT_TRUE(read.ok()) << read.status();
  EXPECT_TRUE(MessageDifferencer::Equals(*read, *verified));

  // One audit row and one event per mutation, in order.
  EXPECT_THAT(Topics(created.name()),
              ElementsAre("report.mitigation.created", "report.mitigation.begun",
                          "report.mitigation.completed", "report.mitigation.verified"));
  EXPECT_THAT(AuditTrail(created.name()),
              ElementsAre(Rpc("CreateMitigation") + "|f|t", Rpc("BeginMitigation") + "|t|t",
                          Rpc("CompleteMitigation") + "|t|t", Rpc("VerifyMitigation") + "|t|t"));
}

TEST_F(MitigationLifecycleTest, TheCompleterCannotVerify) {
  v1::Mitigation created = MustCreate(t_.incident, ValidMitigation("Retrain classifier"));
  auto done = Complete(env(), t_.analyst, created.name());  // straight from PLANNED
  ASSERT_TRUE(done.ok()) << done.status();
  TenantRows rows(t_.name);

  auto same = Verify(env(), t_.analyst, created.name());
  EXPECT_TRUE(
      HasCodeAndReason(same.status(), absl::StatusCode::kFailedPrecondition, "SAME_PERSON"));
  EXPECT_TRUE(rows.Unchanged());

  // Another analyst may.
  auto verified = Verify(env(), t_.analyst2, created.name());
  ASSERT_TRUE(verified.ok()) << verified.status();
  EXPECT_EQ(verified->state(), v1::MITIGATION_STATE_VERIFIED);
}

TEST_F(MitigationLifecycleTest, CancelRecordsTheReasonAndEndsTheMitigation) {
  v1::Mitigation created = MustCreate(t_.incident, ValidMitigation("Notify users"));
  ASSERT_TRUE(Begin(env(), t_.responder, created.name()).ok());
  auto cancelled = Cancel(env(), t_.responder, created.name(), "Superseded by a full rollback");
  ASSERT_TRUE(cancelled.ok()) << cancelled.status();
  EXPECT_EQ(cancelled->state(), v1::MITIGATION_STATE_CANCELLED);
  EXPECT_EQ(cancelled->cancel_reason(), "Superseded by a full rollback");
  EXPECT_TRUE(cancelled->has_cancel_time());
  EXPECT_THAT(Topics(created.name()),
              ElementsAre("report.mitigation.created", "report.mitigation.begun",
                          "report.mitigation.cancelled"));

  TenantRows rows(t_.name);
  auto again = Complete(env(), t_.responder, created.name());
  EXPECT_TRUE(
      HasCodeAndReason(again.status(), absl::StatusCode::kFailedPrecondition, "INVALID_STATE"));
  EXPECT_EQ(ErrorMetadata(again.status())["current_state"], "MITIGATION_STATE_CANCELLED");
  EXPECT_TRUE(rows.Unchanged());
}

// Every action refused in every state it is not allowed in, with the state in the error, and
// nothing written.
TEST_F(MitigationLifecycleTest, IllegalTransitionsAreRefused) {
  // One mitigation in each state.
  std::map<v1::MitigationState, std::string> in_state;
  in_state[v1::MITIGATION_STATE_PLANNED] = MustCreate(t_.incident, ValidMitigation("p")).name();
  const std::string ip = MustCreate(t_.incident, ValidMitigation("ip")).name();
  ASSERT_TRUE(Begin(env(), t_.responder, ip).ok());
  in_state[v1::MITIGATION_STATE_IN_PROGRESS] = ip;
  const std::string done = MustCreate(t_.incident, ValidMitigation("d")).name();
  ASSERT_TRUE(Complete(env(), t_.responder, done).ok());
  in_state[v1::MITIGATION_STATE_DONE] = done;
  const std::string verified = MustCreate(t_.incident, ValidMitigation("v")).name();
  ASSERT_TRUE(Complete(env(), t_.responder, verified).ok());
  ASSERT_TRUE(Verify(env(), t_.analyst, verified).ok());
  in_state[v1::MITIGATION_STATE_VERIFIED] = verified;
  const std::string cancelled = MustCreate(t_.incident, ValidMitigation("c")).name();
  ASSERT_TRUE(Cancel(env(), t_.responder, cancelled).ok());
  in_state[v1::MITIGATION_STATE_CANCELLED] = cancelled;

  struct Refusal {
    v1::MitigationState state;
    std::string action;
  };
  const std::vector<Refusal> refusals = {
      {v1::MITIGATION_STATE_PLANNED, "Verify"},     {v1::MITIGATION_STATE_IN_PROGRESS, "Begin"},
      {v1::MITIGATION_STATE_IN_PROGRESS, "Verify"}, {v1::MITIGATION_STATE_DONE, "Begin"},
      {v1::MITIGATION_STATE_DONE, "Complete"},      {v1::MITIGATION_STATE_DONE, "Cancel"},
      {v1::MITIGATION_STATE_DONE, "Update"},        {v1::MITIGATION_STATE_VERIFIED, "Begin"},
      {v1::MITIGATION_STATE_VERIFIED, "Complete"},  {v1::MITIGATION_STATE_VERIFIED, "Verify"},
      {v1::MITIGATION_STATE_VERIFIED, "Cancel"},    {v1::MITIGATION_STATE_VERIFIED, "Update"},
      {v1::MITIGATION_STATE_CANCELLED, "Begin"},    {v1::MITIGATION_STATE_CANCELLED, "Complete"},
      {v1::MITIGATION_STATE_CANCELLED, "Verify"},   {v1::MITIGATION_STATE_CANCELLED, "Cancel"},
      {v1::MITIGATION_STATE_CANCELLED, "Update"},
  };
  TenantRows rows(t_.name);
  for (const Refusal& r : refusals) {
    SCOPED_TRACE(absl::StrCat(v1::MitigationState_Name(r.state), " ", r.action));
    const std::string& name = in_state.at(r.state);
    absl::Status status;
    if (r.action == "Begin") {
      status = Begin(env(), t_.responder, name).status();
    } else if (r.action == "Complete") {
      status = Complete(env(), t_.responder, name).status();
    } else if (r.action == "Verify") {
      status = Verify(env(), t_.analyst2, name).status();
    } else if (r.action == "Cancel") {
      status = Cancel(env(), t_.responder, name).status();
    } else {
      v1::Mitigation patch;
      patch.set_name(name);
      patch.set_title("New title");
      status = Update(env(), t_.responder, patch, {"title"}).status();
    }
    EXPECT_TRUE(HasCodeAndReason(status, absl::StatusCode::kFailedPrecondition, "INVALID_STATE"));
    EXPECT_EQ(ErrorMetadata(status)["current_state"], v1::MitigationState_Name(r.state));
  }
  EXPECT_TRUE(rows.Unchanged());
}

TEST_F(MitigationLifecycleTest, UpdateChangesMaskedFieldsAndChecksTheEtag) {
  v1::Mitigation created = MustCreate(t_.incident, ValidMitigation("Initial title"));
  v1::Mitigation patch;
  patch.set_name(created.name());
  patch.set_etag(created.etag());
  patch.set_title("Sharper title");
  patch.set_owner("ignored: not in the mask");
  *patch.mutable_due_time() = api::TimestampFromTime(absl::Now() - absl::Hours(1));
  auto updated = Update(env(), t_.responder2, patch, {"title", "due_time"});
  ASSERT_TRUE(updated.ok()) << updated.status();
  EXPECT_EQ(updated->title(), "Sharper title");
  EXPECT_EQ(updated->owner(), "ml-platform");
  EXPECT_TRUE(updated->overdue());  // now due an hour ago
  EXPECT_EQ(updated->state(), v1::MITIGATION_STATE_PLANNED);
  EXPECT_THAT(Topics(created.name()),
              ElementsAre("report.mitigation.created", "report.mitigation.updated"));
  EXPECT_EQ(AuditTrail(created.name()).size(), 2u);

  // The etag read before the update is stale now.
  TenantRows rows(t_.name);
  patch.set_title("Lost update");
  EXPECT_EQ(Update(env(), t_.responder, patch, {"title"}).status().code(),
            absl::StatusCode::kAborted);
  EXPECT_EQ(Begin(env(), t_.responder, created.name(), created.etag()).status().code(),
            absl::StatusCode::kAborted);
  EXPECT_TRUE(rows.Unchanged());

  // In progress it can still be updated, with the current etag.
  auto begun = Begin(env(), t_.responder, created.name(), updated->etag());
  ASSERT_TRUE(begun.ok()) << begun.status();
  patch.set_etag(begun->etag());
  patch.set_kind(v1::MITIGATION_KIND_CONTAINMENT);
  auto again = Update(env(), t_.responder, patch, {"kind"});
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->kind(), v1::MITIGATION_KIND_CONTAINMENT);
  EXPECT_EQ(again->state(), v1::MITIGATION_STATE_IN_PROGRESS);
}

TEST_F(MitigationLifecycleTest, OverdueListSpansIncidentsAndIgnoresClosedOnes) {
  const absl::Duration past = -absl::Hours(48);
  const std::string late1 =
      MustCreate(t_.incident, ValidMitigation("late planned", past - absl::Hours(1)), "late-1")
          .name();
  const std::string late2 =
      MustCreate(t_.incident2, ValidMitigation("late begun", past), "late-2").name();
  ASSERT_TRUE(Begin(env(), t_.responder, late2).ok());
  const std::string future =
      MustCreate(t_.incident, ValidMitigation("not yet due", absl::Hours(24)), "future").name();
  const std::string late_verified =
      MustCreate(t_.incident2, ValidMitigation("late but verified", past), "late-verified").name();
  ASSERT_TRUE(Complete(env(), t_.responder, late_verified).ok());
  ASSERT_TRUE(Verify(env(), t_.analyst, late_verified).ok());
  const std::string late_done =
      MustCreate(t_.incident, ValidMitigation("late but done", past), "late-done").name();
  ASSERT_TRUE(Complete(env(), t_.responder, late_done).ok());
  const std::string late_cancelled =
      MustCreate(t_.incident2, ValidMitigation("late but cancelled", past), "late-cancelled")
          .name();
  ASSERT_TRUE(Cancel(env(), t_.responder, late_cancelled).ok());

  v1::ListMitigationsRequest overdue;
  overdue.set_parent("incidents/-");
  overdue.set_overdue_only(true);
  auto listed = env().Call(&ReportStub::ListMitigations, overdue, t_.viewer);
  ASSERT_TRUE(listed.ok()) << listed.status();
  std::vector<std::string> names;
  for (const auto& m : listed->mitigations()) {
    names.push_back(m.name());
    EXPECT_TRUE(m.overdue()) << m.name();
  }
  EXPECT_THAT(names, ElementsAre(late1, late2));  // by due time
  EXPECT_TRUE(listed->next_page_token().empty());

  // Per incident.
  overdue.set_parent(t_.incident2);
  listed = env().Call(&ReportStub::ListMitigations, overdue, t_.viewer);
  ASSERT_TRUE(listed.ok()) << listed.status();
  ASSERT_EQ(listed->mitigations_size(), 1);
  EXPECT_EQ(listed->mitigations(0).name(), late2);

  // Everything, with the flag computed on each.
  v1::ListMitigationsRequest all;
  all.set_parent("incidents/-");
  listed = env().Call(&ReportStub::ListMitigations, all, t_.viewer);
  ASSERT_TRUE(listed.ok()) << listed.status();
  std::map<std::string, bool> flags;
  for (const auto& m : listed->mitigations()) {
    flags[m.name()] = m.overdue();
  }
  EXPECT_EQ(flags, (std::map<std::string, bool>{{late1, true},
                                                {late2, true},
                                                {future, false},
                                                {late_verified, false},
                                                {late_done, false},
                                                {late_cancelled, false}}));
  auto read = Get(env(), t_.viewer, late_cancelled);
  ASSERT_TRUE(read.ok());
  EXPECT_FALSE(read->overdue());

  // States and owner filters.
  v1::ListMitigationsRequest by_state;
  by_state.set_parent("incidents/-");
  by_state.add_states(v1::MITIGATION_STATE_VERIFIED);
  by_state.add_states(v1::MITIGATION_STATE_CANCELLED);
  listed = env().Call(&ReportStub::ListMitigations, by_state, t_.viewer);
  ASSERT_TRUE(listed.ok()) << listed.status();
  ASSERT_EQ(listed->mitigations_size(), 2);
  v1::ListMitigationsRequest by_owner;
  by_owner.set_parent("incidents/-");
  by_owner.set_owner("nobody");
  listed = env().Call(&ReportStub::ListMitigations, by_owner, t_.viewer);
  ASSERT_TRUE(listed.ok()) << listed.status();
  EXPECT_EQ(listed->mitigations_size(), 0);
}

TEST_F(MitigationLifecycleTest, SameRequestIdReturnsTheFirstResultAndWritesNothing) {
  const std::string request_id = "5b0c2f1e-9d8a-4c7b-a6e5-3f2d1c0b9a87";
  auto first =
      Create(env(), t_.responder, t_.incident, ValidMitigation("Once"), "once-only", request_id);
  ASSERT_TRUE(first.ok()) << first.status();
  TenantRows rows(t_.name);
  // A retry of the same request returns the first result, even with other content.
  auto second = Create(env(), t_.responder, t_.incident, ValidMitigation("Twice?"), "", request_id);
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_EQ(second->name(), first->name());
  EXPECT_EQ(second->title(), "Once");
  EXPECT_EQ(second->etag(), first->etag());
  EXPECT_TRUE(rows.Unchanged());
  EXPECT_EQ(second->name(), t_.incident + "/mitigations/once-only");
  // A taken id without a request id is ALREADY_EXISTS.
  EXPECT_EQ(
      Create(env(), t_.responder, t_.incident, ValidMitigation("Dup"), "once-only").status().code(),
      absl::StatusCode::kAlreadyExists);
  EXPECT_TRUE(rows.Unchanged());
  // Without an id, the server picks a UUID.
  auto fresh = Create(env(), t_.responder, t_.incident, ValidMitigation("Fresh"));
  ASSERT_TRUE(fresh.ok()) << fresh.status();
  EXPECT_EQ(fresh->name().size(), (t_.incident + "/mitigations/").size() + 36);
}

TEST_F(MitigationLifecycleTest, ViolationMustBelongToTheSameIncident) {
  const std::string own = InsertViolation(t_, t_.incident, "privacy", 0);
  const std::string other = InsertViolation(t_, t_.incident2, "fairness", 1);
  TenantRows rows(t_.name);

  // A violation name of the other incident.
  v1::Mitigation m = ValidMitigation("Wrong violation");
  m.set_violation(other);
  EXPECT_TRUE(
      IsInvalidField(Create(env(), t_.responder, t_.incident, m).status(), "mitigation.violation"));
  // The other incident's violation id under this incident (the composite key has no such row).
  m.set_violation(t_.incident + "/violations/fairness");
  EXPECT_TRUE(
      IsInvalidField(Create(env(), t_.responder, t_.incident, m).status(), "mitigation.violation"));
  EXPECT_TRUE(rows.Unchanged());

  m.set_violation(own);
  auto created = Create(env(), t_.responder, t_.incident, m);
  ASSERT_TRUE(created.ok()) << created.status();
  EXPECT_EQ(created->violation(), own);

  // Nor can an update move it onto another incident's violation.
  rows.Retake();
  v1::Mitigation patch;
  patch.set_name(created->name());
  patch.set_violation(other);
  EXPECT_TRUE(IsInvalidField(Update(env(), t_.responder, patch, {"violation"}).status(),
                             "mitigation.violation"));
  patch.set_violation(t_.incident + "/violations/missing");
  EXPECT_TRUE(IsInvalidField(Update(env(), t_.responder, patch, {"violation"}).status(),
                             "mitigation.violation"));
  EXPECT_TRUE(rows.Unchanged());
  // Clearing it is fine.
  patch.clear_violation();
  auto cleared = Update(env(), t_.responder, patch, {"violation"});
  ASSERT_TRUE(cleared.ok()) << cleared.status();
  EXPECT_EQ(cleared->violation(), "");
}

TEST_F(MitigationLifecycleTest, MissingParentsAndMitigationsAreNotFound) {
  TenantRows rows(t_.name);
  EXPECT_EQ(Create(env(), t_.responder, "incidents/no-such", ValidMitigation("x")).status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(Get(env(), t_.responder, t_.incident + "/mitigations/no-such").status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(Begin(env(), t_.responder, t_.incident + "/mitigations/no-such").status().code(),
            absl::StatusCode::kNotFound);
  v1::ListMitigationsRequest list;
  list.set_parent("incidents/no-such");
  EXPECT_EQ(env().Call(&ReportStub::ListMitigations, list, t_.viewer).status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_TRUE(rows.Unchanged());
}

TEST_F(MitigationLifecycleTest, PagesCoverEveryMitigationOnceInOrder) {
  // Equal due times across both incidents exercise the (incident, id) tie-breakers.
  const absl::Time base = absl::Now() + absl::Hours(10);
  std::vector<std::tuple<int64_t, std::string, std::string>> expected;
  int n = 0;
  for (const std::string& incident : {t_.incident, t_.incident2}) {
    for (int hours : {3, 1, 1, 2}) {
      v1::Mitigation m = ValidMitigation(absl::StrCat("m", n));
      *m.mutable_due_time() = api::TimestampFromTime(base + absl::Hours(hours));
      const std::string id = absl::StrCat("m-", n++);
      MustCreate(incident, m, id);
      expected.emplace_back(hours, IdOf(incident), id);
    }
  }
  std::sort(expected.begin(), expected.end());
  std::vector<std::string> want;
  for (const auto& [hours, incident, id] : expected) {
    want.push_back(absl::StrCat("incidents/", incident, "/mitigations/", id));
  }

  v1::ListMitigationsRequest request;
  request.set_parent("incidents/-");
  request.set_page_size(3);
  std::vector<std::string> got;
  int pages = 0;
  do {
    auto page = env().Call(&ReportStub::ListMitigations, request, t_.viewer);
    ASSERT_TRUE(page.ok()) << page.status();
    EXPECT_LE(page->mitigations_size(), 3);
    for (const auto& m : page->mitigations()) {
      got.push_back(m.name());
    }
    request.set_page_token(page->next_page_token());
    ASSERT_LT(++pages, 10);
  } while (!request.page_token().empty());
  EXPECT_EQ(pages, 3);
  EXPECT_THAT(got, ElementsAreArray(want));

  // A token only works for the query it was issued for.
  request.set_page_token("");
  auto first = env().Call(&ReportStub::ListMitigations, request, t_.viewer);
  ASSERT_TRUE(first.ok());
  v1::ListMitigationsRequest other = request;
  other.set_page_token(first->next_page_token());
  other.set_owner("ml-platform");
  EXPECT_TRUE(IsInvalidField(env().Call(&ReportStub::ListMitigations, other, t_.viewer).status(),
                             "page_token"));
  other = request;
  other.set_page_token(first->next_page_token());
  other.set_parent(t_.incident);
  EXPECT_TRUE(IsInvalidField(env().Call(&ReportStub::ListMitigations, other, t_.viewer).status(),
                             "page_token"));
}

}  // namespace
}  // namespace airr::report::testing
