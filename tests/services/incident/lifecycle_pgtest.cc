// The incident lifecycle through the real server and database: create (idempotent), every state
// transition with its timeline event, audit row and outbox event, refused transitions, updates
// that never change the state, merges, and listing with filters and pages.
#include <gtest/gtest.h>

#include "absl/strings/str_cat.h"
#include "libs/common/uuid.h"
#include "tests/testing/db_queries.h"
#include "tests/testing/incident_env.h"
#include "tests/testing/pg_fixture.h"
#include "tests/testing/status_assertions.h"

namespace airr::incident {
namespace {

namespace v1 = ::airr::incident::v1;
using ::airr::testing::HasCodeAndReason;
using ::airr::testing::IncidentEnv;
using ::airr::testing::PgTestDatabase;
using ::airr::testing::QueryRows;
using ::airr::testing::TenantRowCount;
using Stub = IncidentEnv::IncidentStub;

class LifecycleTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { env_ = new IncidentEnv(); }
  static void TearDownTestSuite() {
    delete env_;
    env_ = nullptr;
  }

  void SetUp() override {
    PgTestDatabase& db = PgTestDatabase::Get();
    tenant_ = db.CreateTenant("lifecycle");
    token_ = db.IssueToken(tenant_, auth::Role::kResponder);
    system_ = env_->CreateAiSystem(db.IssueToken(tenant_, auth::Role::kAdmin), "chatbot");
  }

  absl::StatusOr<v1::Incident> Create(const v1::Incident& incident,
                                      const std::string& request_id = "") {
    v1::CreateIncidentRequest request;
    *request.mutable_incident() = incident;
    request.set_request_id(request_id);
    return env_->Call(&Stub::CreateIncident, request, token_);
  }

  std::vector<v1::TimelineEvent> Timeline(const std::string& name) {
    std::vector<v1::TimelineEvent> events;
    v1::ListTimelineEventsRequest request;
    request.set_parent(name);
    request.set_page_size(2);  // several pages
    while (true) {
      auto page = env_->Call(&Stub::ListTimelineEvents, request, token_);
      EXPECT_TRUE(page.ok()) << page.status();
      if (!page.ok()) {
        return events;
      }
      events.insert(events.end(), page->timeline_events().begin(), page->timeline_events().end());
      if (page->next_page_token().empty()) {
        return events;
      }
      request.set_page_token(page->next_page_token());
    }
  }

  int64_t Rows(const std::string& table) { return TenantRowCount(table, tenant_); }

  static inline IncidentEnv* env_ = nullptr;
  std::string tenant_;
  std::string token_;
  std::string system_;
};

TEST_F(LifecycleTest, CreateDefaultsAndIsIdempotent) {
  const std::string request_id = NewRandomUuid();
  auto first = Create(IncidentEnv::ValidIncident(system_, "Leaked address"), request_id);
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(first->state(), v1::STATE_REPORTED);
  EXPECT_TRUE(first->has_report_time());
  EXPECT_EQ(first->aware_time().seconds(), first->detect_time().seconds());  // defaulted
  EXPECT_FALSE(first->reporter().empty());
  EXPECT_FALSE(first->has_triage_time());
  EXPECT_EQ(first->etag(), "W/\"1\"");

  auto again = Create(IncidentEnv::ValidIncident(system_, "Something else"), request_id);
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->name(), first->name());
  EXPECT_EQ(again->title(), "Leaked address");
  EXPECT_EQ(Rows("incidents"), 1);
  EXPECT_EQ(Rows("incident_timeline_events"), 1);
}

TEST_F(LifecycleTest, EveryStateWithTimelineAuditAndOutbox) {
  auto created = Create(IncidentEnv::ValidIncident(system_, "Wrong loan decision"));
  ASSERT_TRUE(created.ok()) << created.status();
  const std::string name = created->name();

  // Each step: the RPC, the state after it and the outbox topic it must leave.
  int64_t audit = Rows("audit_log");
  int64_t outbox = Rows("outbox_events");
  auto expect_step = [&](const absl::StatusOr<v1::Incident>& result, v1::State state,
                         const std::string& topic) {
    ASSERT_TRUE(result.ok()) << result.status();
    EXPECT_EQ(result->state(), state);
    EXPECT_EQ(Rows("audit_log"), audit + 1);
    EXPECT_EQ(Rows("outbox_events"), outbox + 1);
    audit = Rows("audit_log");
    outbox = Rows("outbox_events");
    const auto last = QueryRows(absl::StrCat(
        "SELECT o.topic, o.resource_name FROM outbox_events o JOIN tenants t ON t.id = "
        "o.tenant_id WHERE t.name = '",
        tenant_, "' ORDER BY o.id DESC LIMIT 1"));
    ASSERT_EQ(last.size(), 1u);
    EXPECT_EQ(last[0][0], topic);
    EXPECT_EQ(last[0][1], name);
  };

  v1::TriageIncidentRequest triage;
  triage.set_name(name);
  triage.set_severity(v1::SEVERITY_SEV2);
  triage.set_owner("alice");
  triage.set_comment("Customers affected");
  triage.set_etag(created->etag());
  auto triaged = env_->Call(&Stub::TriageIncident, triage, token_);
  expect_step(triaged, v1::STATE_TRIAGED, "incident.triaged");
  EXPECT_EQ(triaged->severity(), v1::SEVERITY_SEV2);
  EXPECT_EQ(triaged->owner(), "alice");
  EXPECT_TRUE(triaged->has_triage_time());

  // A stale etag is refused.
  triage.set_etag(created->etag());
  EXPECT_TRUE(HasCodeAndReason(env_->Call(&Stub::TriageIncident, triage, token_).status(),
                               absl::StatusCode::kAborted, "ETAG_MISMATCH"));

  v1::StartMitigationRequest mitigate;
  mitigate.set_name(name);
  mitigate.set_comment("Rolled back the model");
  expect_step(env_->Call(&Stub::StartMitigation, mitigate, token_), v1::STATE_MITIGATING,
              "incident.mitigation_started");

  v1::ResolveIncidentRequest resolve;
  resolve.set_name(name);
  resolve.set_resolution_summary("Model v3 restored; decisions re-run by people.");
  auto resolved = env_->Call(&Stub::ResolveIncident, resolve, token_);
  expect_step(resolved, v1::STATE_RESOLVED, "incident.resolved");
  EXPECT_EQ(resolved->resolution_summary(), resolve.resolution_summary());

  v1::CloseIncidentRequest close;
  close.set_name(name);
  close.set_post_incident_review("Drift monitor added; threshold lowered.");
  close.set_bcp_invoked(true);
  auto closed = env_->Call(&Stub::CloseIncident, close, token_);
  expect_step(closed, v1::STATE_CLOSED, "incident.closed");
  EXPECT_TRUE(closed->bcp_invoked());

  // Illegal: a closed incident cannot start mitigation; the details carry the current state.
  const absl::Status refused = env_->Call(&Stub::StartMitigation, mitigate, token_).status();
  EXPECT_TRUE(HasCodeAndReason(refused, absl::StatusCode::kFailedPrecondition, "INVALID_STATE"));
  EXPECT_NE(std::string(refused.message()).find("CLOSED"), std::string::npos) << refused;
  EXPECT_EQ(Rows("audit_log"), audit);

  v1::ReopenIncidentRequest reopen;
  reopen.set_name(name);
  reopen.set_reason("The same error came back");
  expect_step(env_->Call(&Stub::ReopenIncident, reopen, token_), v1::STATE_TRIAGED,
              "incident.reopened");

  v1::RejectIncidentRequest reject;
  reject.set_name(name);
  reject.set_reason(v1::REJECT_REASON_NOT_AN_AI_INCIDENT);
  expect_step(env_->Call(&Stub::RejectIncident, reject, token_), v1::STATE_REJECTED,
              "incident.rejected");

  const auto events = Timeline(name);
  std::vector<v1::TimelineEventType> types;
  for (const auto& e : events) {
    types.push_back(e.type());
    EXPECT_FALSE(e.actor().empty());
  }
  EXPECT_EQ(types, (std::vector<v1::TimelineEventType>{
                       v1::TIMELINE_EVENT_TYPE_CREATED, v1::TIMELINE_EVENT_TYPE_TRIAGED,
                       v1::TIMELINE_EVENT_TYPE_MITIGATION_STARTED, v1::TIMELINE_EVENT_TYPE_RESOLVED,
                       v1::TIMELINE_EVENT_TYPE_CLOSED, v1::TIMELINE_EVENT_TYPE_REOPENED,
                       v1::TIMELINE_EVENT_TYPE_REJECTED}));
  ASSERT_EQ(events.size(), 7u);
  EXPECT_EQ(events[1].from_state(), v1::STATE_REPORTED);
  EXPECT_EQ(events[1].to_state(), v1::STATE_TRIAGED);
  EXPECT_EQ(events[1].attributes().at("severity"), "SEVERITY_SEV2");
  EXPECT_EQ(events[6].name(), absl::StrCat(name, "/timelineEvents/7"));
  EXPECT_EQ(PgTestDatabase::Get().QueryValue(
                absl::StrCat("SELECT count(*) FROM audit_log a JOIN tenants t ON t.id = "
                             "a.tenant_id WHERE t.name = '",
                             tenant_, "' AND a.rpc LIKE '%IncidentService/%'")),
            "7");
}

TEST_F(LifecycleTest, UpdateChangesFieldsNeverState) {
  auto created = Create(IncidentEnv::ValidIncident(system_, "Biased ranking"));
  ASSERT_TRUE(created.ok()) << created.status();
  v1::UpdateIncidentRequest update;
  update.mutable_incident()->set_name(created->name());
  update.mutable_incident()->set_title("Biased candidate ranking");
  update.mutable_incident()->add_harm_types(v1::HARM_TYPE_DISCRIMINATION);
  update.mutable_incident()->set_state(v1::STATE_CLOSED);  // output only: ignored
  update.mutable_update_mask()->add_paths("title");
  update.mutable_update_mask()->add_paths("harm_types");
  auto updated = env_->Call(&Stub::UpdateIncident, update, token_);
  ASSERT_TRUE(updated.ok()) << updated.status();
  EXPECT_EQ(updated->title(), "Biased candidate ranking");
  ASSERT_EQ(updated->harm_types_size(), 1);
  EXPECT_EQ(updated->harm_types(0), v1::HARM_TYPE_DISCRIMINATION);
  EXPECT_EQ(updated->state(), v1::STATE_REPORTED);
  EXPECT_EQ(updated->description(), created->description());  // not in the mask
  const auto events = Timeline(created->name());
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[1].type(), v1::TIMELINE_EVENT_TYPE_UPDATED);
  EXPECT_EQ(events[1].attributes().at("fields"), "title, harm_types");

  // Updating a rejected incident is refused.
  v1::RejectIncidentRequest reject;
  reject.set_name(created->name());
  reject.set_reason(v1::REJECT_REASON_INVALID_REPORT);
  ASSERT_TRUE(env_->Call(&Stub::RejectIncident, reject, token_).ok());
  EXPECT_TRUE(HasCodeAndReason(env_->Call(&Stub::UpdateIncident, update, token_).status(),
                               absl::StatusCode::kFailedPrecondition, "INVALID_STATE"));
}

TEST_F(LifecycleTest, MergeKeepsBothHistories) {
  auto survivor = Create(IncidentEnv::ValidIncident(system_, "Prompt injection"));
  auto duplicate = Create(IncidentEnv::ValidIncident(system_, "Prompt injection again"));
  ASSERT_TRUE(survivor.ok() && duplicate.ok());
  v1::MergeIncidentRequest merge;
  merge.set_name(duplicate->name());
  merge.set_into(survivor->name());
  merge.set_comment("Same attack");
  auto merged = env_->Call(&Stub::MergeIncident, merge, token_);
  ASSERT_TRUE(merged.ok()) << merged.status();
  EXPECT_EQ(merged->state(), v1::STATE_MERGED);
  EXPECT_EQ(merged->merged_into(), survivor->name());

  const auto merged_events = Timeline(duplicate->name());
  ASSERT_EQ(merged_events.size(), 2u);
  EXPECT_EQ(merged_events[1].type(), v1::TIMELINE_EVENT_TYPE_MERGED_INTO);
  const auto survivor_events = Timeline(survivor->name());
  ASSERT_EQ(survivor_events.size(), 2u);
  EXPECT_EQ(survivor_events[1].type(), v1::TIMELINE_EVENT_TYPE_MERGED_FROM);
  EXPECT_EQ(survivor_events[1].attributes().at("merged_from"), duplicate->name());

  // A merged incident can neither be reopened nor merged again.
  v1::ReopenIncidentRequest reopen;
  reopen.set_name(duplicate->name());
  reopen.set_reason("No");
  EXPECT_TRUE(HasCodeAndReason(env_->Call(&Stub::ReopenIncident, reopen, token_).status(),
                               absl::StatusCode::kFailedPrecondition, "INVALID_STATE"));
  merge.set_name(survivor->name());
  merge.set_into(duplicate->name());
  EXPECT_TRUE(HasCodeAndReason(env_->Call(&Stub::MergeIncident, merge, token_).status(),
                               absl::StatusCode::kFailedPrecondition, "INVALID_STATE"));
  // Into a missing incident: NOT_FOUND, nothing written.
  const int64_t audit = Rows("audit_log");
  merge.set_into("incidents/00000000-0000-4000-8000-000000000000");
  EXPECT_EQ(env_->Call(&Stub::MergeIncident, merge, token_).status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(Rows("audit_log"), audit);
}

TEST_F(LifecycleTest, TimelineNotesAndListing) {
  auto created = Create(IncidentEnv::ValidIncident(system_, "Deepfake voice"));
  ASSERT_TRUE(created.ok()) << created.status();
  v1::AddTimelineEventRequest add;
  add.set_parent(created->name());
  add.mutable_timeline_event()->set_type(v1::TIMELINE_EVENT_TYPE_COMMUNICATION);
  add.mutable_timeline_event()->set_text("Informed the regulator by phone");
  auto added = env_->Call(&Stub::AddTimelineEvent, add, token_);
  ASSERT_TRUE(added.ok()) << added.status();
  EXPECT_EQ(added->name(), absl::StrCat(created->name(), "/timelineEvents/2"));
  EXPECT_TRUE(added->has_create_time());

  // Filters and pages over incidents.
  for (int i = 0; i < 4; ++i) {
    v1::Incident extra = IncidentEnv::ValidIncident(system_, absl::StrCat("Extra ", i));
    if (i % 2 == 0) {
      extra.set_kind(v1::KIND_NEAR_MISS);
    }
    ASSERT_TRUE(Create(extra).ok());
  }
  v1::ListIncidentsRequest list;
  list.set_filter(absl::StrCat("kind = NEAR_MISS AND ai_system = \"", system_,
                               "\" AND harm_types:PRIVACY AND state = REPORTED"));
  list.set_page_size(1);
  std::vector<std::string> titles;
  while (true) {
    auto page = env_->Call(&Stub::ListIncidents, list, token_);
    ASSERT_TRUE(page.ok()) << page.status();
    for (const auto& incident : page->incidents()) {
      titles.push_back(incident.title());
    }
    if (page->next_page_token().empty()) {
      break;
    }
    list.set_page_token(page->next_page_token());
  }
  std::sort(titles.begin(), titles.end());
  EXPECT_EQ(titles, (std::vector<std::string>{"Extra 0", "Extra 2"}));
}

}  // namespace
}  // namespace airr::incident
