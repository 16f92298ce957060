// Tenant isolation of every IncidentService RPC through the real server: tenant B's token on
// tenant A's incidents behaves as if they did not exist and changes nothing; A's AI systems,
// batch ids, fingerprints, request ids and page tokens mean nothing to B; and each tenant's
// WatchIncidents stream carries only that tenant's changes.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/util/message_differencer.h"
#include "tests/services/incident/incident_pgtest_util.h"

namespace airr::incident::testing {
namespace {

using google::protobuf::util::MessageDifferencer;

constexpr char kSharedRequestId[] = "3c1e9a57-2b4d-4f60-8e1a-5d7c9b2e4f18";
// Both tenants create an incident with this id, so names collide across tenants.
constexpr char kSharedIncidentId[] = "shared-id";

class TenantIsolationTest : public IncidentServerTest {
 protected:
  void SetUp() override {
    PgTestDatabase& db = PgTestDatabase::Get();
    tenant_a_ = db.CreateTenant("inc-iso-a");
    tenant_b_ = db.CreateTenant("inc-iso-b");
    a_ = db.IssueToken(tenant_a_, auth::Role::kAdmin);
    b_ = db.IssueToken(tenant_b_, auth::Role::kAdmin);
    system_a_ = env().CreateAiSystem(a_, "a-chatbot");
    system_b_ = env().CreateAiSystem(b_, "b-chatbot");

    // B: an open incident of its own (for merges both ways). Made before A's incidents, so that
    // no change of B lies after A's latest change when the watch test resumes B from A's cursor.
    auto own = CreateB("B own");
    ASSERT_TRUE(own.ok()) << own.status();
    own_b_ = *own;

    // A: one incident in each state the lifecycle methods start from, one opened by signals,
    // one with a request id and one with the id B also uses.
    for (v1::State state : {v1::STATE_REPORTED, v1::STATE_TRIAGED, v1::STATE_MITIGATING,
                            v1::STATE_RESOLVED, v1::STATE_CLOSED, v1::STATE_REJECTED}) {
      auto created = CreateA(absl::StrCat("A ", v1::State_Name(state)));
      ASSERT_TRUE(created.ok()) << created.status();
      auto moved = MoveTo(env(), a_, *created, state);
      ASSERT_TRUE(moved.ok()) << moved.status();
    }
    v1::CreateIncidentRequest with_ids;
    *with_ids.mutable_incident() = IncidentEnv::ValidIncident(system_a_, "A with ids");
    (*with_ids.mutable_incident()->mutable_labels())["team"] = "a-team";
    with_ids.set_incident_id(kSharedIncidentId);
    with_ids.set_request_id(kSharedRequestId);
    auto created = env().Call(&IncidentStub::CreateIncident, with_ids, a_);
    ASSERT_TRUE(created.ok()) << created.status();

    fingerprint_a_ = UniqueFingerprint("iso-a");
    batch_a_ = Batch({ValidSignal(system_a_, fingerprint_a_, "A signal"),
                      ValidSignal(system_a_, fingerprint_a_, "A signal")});
    auto ingested = IngestBatch(env(), a_, batch_a_);
    ASSERT_TRUE(ingested.ok()) << ingested.status();
    ASSERT_EQ(ingested->acks(0).created_incidents_size(), 1);
    signal_incident_a_ = ingested->acks(0).created_incidents(0);

    auto listed = env().Call(&IncidentStub::ListIncidents, v1::ListIncidentsRequest(), a_);
    ASSERT_TRUE(listed.ok()) << listed.status();
    incidents_a_.assign(listed->incidents().begin(), listed->incidents().end());
    ASSERT_EQ(incidents_a_.size(), 8u);
  }

  absl::StatusOr<v1::Incident> CreateA(const std::string& title) {
    return CreateIncident(env(), a_, system_a_, title);
  }
  absl::StatusOr<v1::Incident> CreateB(const std::string& title) {
    return CreateIncident(env(), b_, system_b_, title);
  }

  // Every incident of A is exactly as SetUp left it (as A reads it).
  void ExpectAUnchanged() {
    for (const v1::Incident& expected : incidents_a_) {
      v1::GetIncidentRequest get;
      get.set_name(expected.name());
      auto got = env().Call(&IncidentStub::GetIncident, get, a_);
      ASSERT_TRUE(got.ok()) << got.status();
      EXPECT_TRUE(MessageDifferencer::Equals(*got, expected)) << got->DebugString();
    }
  }

  std::string tenant_a_, tenant_b_;
  std::string a_, b_;  // admin tokens
  std::string system_a_, system_b_;
  std::string fingerprint_a_;
  v1::SignalBatch batch_a_;
  std::string signal_incident_a_;
  v1::Incident own_b_;
  std::vector<v1::Incident> incidents_a_;
};

// Each unary RPC that names an incident, as B, on A's incident `name`; all must be NOT_FOUND.
void ExpectEveryRpcNotFound(IncidentEnv& env, const std::string& token, const std::string& name,
                            const std::string& etag, const std::string& own_incident) {
  const auto not_found = [&](const absl::Status& status, const std::string& rpc) {
    EXPECT_EQ(status.code(), absl::StatusCode::kNotFound)
        << rpc << " on " << name << ": " << status;
  };
  v1::GetIncidentRequest get;
  get.set_name(name);
  not_found(env.Call(&IncidentStub::GetIncident, get, token).status(), "GetIncident");

  v1::UpdateIncidentRequest update;
  update.mutable_incident()->set_name(name);
  update.mutable_incident()->set_title("Hijacked");
  update.mutable_update_mask()->add_paths("title");
  not_found(env.Call(&IncidentStub::UpdateIncident, update, token).status(), "UpdateIncident");
  update.mutable_incident()->set_etag(etag);  // even with A's current etag
  not_found(env.Call(&IncidentStub::UpdateIncident, update, token).status(), "UpdateIncident/etag");

  v1::TriageIncidentRequest triage;
  triage.set_name(name);
  triage.set_severity(v1::SEVERITY_SEV1);
  triage.set_owner("mallory");
  not_found(env.Call(&IncidentStub::TriageIncident, triage, token).status(), "TriageIncident");
  triage.set_etag(etag);
  not_found(env.Call(&IncidentStub::TriageIncident, triage, token).status(), "TriageIncident/etag");

  v1::StartMitigationRequest start;
  start.set_name(name);
  not_found(env.Call(&IncidentStub::StartMitigation, start, token).status(), "StartMitigation");

  v1::ResolveIncidentRequest resolve;
  resolve.set_name(name);
  resolve.set_resolution_summary("Nothing to see.");
  not_found(env.Call(&IncidentStub::ResolveIncident, resolve, token).status(), "ResolveIncident");

  v1::CloseIncidentRequest close;
  close.set_name(name);
  close.set_post_incident_review("Nothing to see.");
  not_found(env.Call(&IncidentStub::CloseIncident, close, token).status(), "CloseIncident");

  v1::ReopenIncidentRequest reopen;
  reopen.set_name(name);
  reopen.set_reason("Because.");
  not_found(env.Call(&IncidentStub::ReopenIncident, reopen, token).status(), "ReopenIncident");

  v1::RejectIncidentRequest reject;
  reject.set_name(name);
  reject.set_reason(v1::REJECT_REASON_INVALID_REPORT);
  not_found(env.Call(&IncidentStub::RejectIncident, reject, token).status(), "RejectIncident");

  v1::MergeIncidentRequest merge;
  merge.set_name(own_incident);
  merge.set_into(name);
  not_found(env.Call(&IncidentStub::MergeIncident, merge, token).status(),
            "MergeIncident(own into A's)");
  merge.set_name(name);
  merge.set_into(own_incident);
  not_found(env.Call(&IncidentStub::MergeIncident, merge, token).status(),
            "MergeIncident(A's into own)");

  v1::AddTimelineEventRequest add;
  add.set_parent(name);
  add.mutable_timeline_event()->set_type(v1::TIMELINE_EVENT_TYPE_NOTE);
  add.mutable_timeline_event()->set_text("B was here");
  not_found(env.Call(&IncidentStub::AddTimelineEvent, add, token).status(), "AddTimelineEvent");

  v1::ListTimelineEventsRequest events;
  events.set_parent(name);
  not_found(env.Call(&IncidentStub::ListTimelineEvents, events, token).status(),
            "ListTimelineEvents");

  v1::ListSignalsRequest signals;
  signals.set_parent(name);
  not_found(env.Call(&IncidentStub::ListSignals, signals, token).status(), "ListSignals");
}

TEST_F(TenantIsolationTest, OtherTenantsIncidentsAreNotFoundByEveryRpc) {
  TenantRows rows_a(tenant_a_);
  TenantRows rows_b(tenant_b_);
  for (const v1::Incident& target : incidents_a_) {
    SCOPED_TRACE(target.title());
    ExpectEveryRpcNotFound(env(), b_, target.name(), target.etag(), own_b_.name());
  }
  EXPECT_TRUE(rows_a.Unchanged());
  EXPECT_TRUE(rows_b.Unchanged());
  ExpectAUnchanged();

  // B's own incident was not touched by the failed merges either.
  v1::GetIncidentRequest get;
  get.set_name(own_b_.name());
  auto own = env().Call(&IncidentStub::GetIncident, get, b_);
  ASSERT_TRUE(own.ok()) << own.status();
  EXPECT_EQ(own->etag(), own_b_.etag());
  EXPECT_EQ(own->state(), v1::STATE_REPORTED);

  // The same calls by A on B's incident are NOT_FOUND as well.
  bool checked = false;
  for (const v1::Incident& target : incidents_a_) {
    if (target.state() == v1::STATE_REPORTED && target.signal_count() == 0) {
      ExpectEveryRpcNotFound(env(), a_, own_b_.name(), own_b_.etag(), target.name());
      checked = true;
      break;
    }
  }
  EXPECT_TRUE(checked) << "A has no open incident to merge with";
  EXPECT_TRUE(rows_a.Unchanged());
  EXPECT_TRUE(rows_b.Unchanged());
}

TEST_F(TenantIsolationTest, SameIncidentIdInBothTenantsStaysSeparate) {
  // B may use A's incident id and request id: it gets an incident of its own.
  v1::CreateIncidentRequest create;
  *create.mutable_incident() = IncidentEnv::ValidIncident(system_b_, "B with ids");
  create.set_incident_id(kSharedIncidentId);
  create.set_request_id(kSharedRequestId);
  TenantRows rows_a(tenant_a_);
  auto own = env().Call(&IncidentStub::CreateIncident, create, b_);
  ASSERT_TRUE(own.ok()) << own.status();
  EXPECT_EQ(own->name(), absl::StrCat("incidents/", kSharedIncidentId));
  EXPECT_EQ(own->title(), "B with ids");
  EXPECT_EQ(own->ai_system(), system_b_);

  // Same name, different incidents: each tenant reads and changes only its own.
  v1::GetIncidentRequest get;
  get.set_name(own->name());
  auto seen_by_b = env().Call(&IncidentStub::GetIncident, get, b_);
  ASSERT_TRUE(seen_by_b.ok()) << seen_by_b.status();
  EXPECT_EQ(seen_by_b->title(), "B with ids");
  auto seen_by_a = env().Call(&IncidentStub::GetIncident, get, a_);
  ASSERT_TRUE(seen_by_a.ok()) << seen_by_a.status();
  EXPECT_EQ(seen_by_a->title(), "A with ids");

  v1::TriageIncidentRequest triage;
  triage.set_name(own->name());
  triage.set_severity(v1::SEVERITY_SEV4);
  triage.set_owner("b-oncall");
  ASSERT_TRUE(env().Call(&IncidentStub::TriageIncident, triage, b_).ok());
  v1::ListTimelineEventsRequest events;
  events.set_parent(own->name());
  auto b_events = env().Call(&IncidentStub::ListTimelineEvents, events, b_);
  ASSERT_TRUE(b_events.ok()) << b_events.status();
  EXPECT_EQ(b_events->timeline_events_size(), 2);  // CREATED, TRIAGED
  for (const auto& event : b_events->timeline_events()) {
    EXPECT_NE(event.text(), "A with ids");
  }
  EXPECT_TRUE(rows_a.Unchanged());
  ExpectAUnchanged();

  // A's timeline page token for incidents/shared-id is no token for B's incidents/shared-id.
  v1::AddTimelineEventRequest add;
  add.set_parent(own->name());
  add.mutable_timeline_event()->set_type(v1::TIMELINE_EVENT_TYPE_NOTE);
  add.mutable_timeline_event()->set_text("A's note");
  ASSERT_TRUE(env().Call(&IncidentStub::AddTimelineEvent, add, a_).ok());
  events.set_page_size(1);
  auto a_page = env().Call(&IncidentStub::ListTimelineEvents, events, a_);
  ASSERT_TRUE(a_page.ok()) << a_page.status();
  ASSERT_FALSE(a_page->next_page_token().empty());
  events.set_page_token(a_page->next_page_token());
  EXPECT_TRUE(IsInvalidField(env().Call(&IncidentStub::ListTimelineEvents, events, b_).status(),
                             "page_token"));

  // A retry of B's create with the shared request id answers with B's incident, not A's.
  auto retry = env().Call(&IncidentStub::CreateIncident, create, b_);
  ASSERT_TRUE(retry.ok()) << retry.status();
  EXPECT_EQ(retry->name(), own->name());
  EXPECT_EQ(retry->title(), "B with ids");
}

TEST_F(TenantIsolationTest, ListIncidentsNeverShowsOtherTenantsIncidents) {
  const std::vector<std::string> filters = {
      "",
      absl::StrCat("ai_system = \"", system_a_, "\""),
      absl::StrCat("signal_fingerprint = \"", fingerprint_a_, "\""),
      "labels.team = \"a-team\"",
      "state = TRIAGED OR state = MITIGATING OR state = CLOSED OR state = REJECTED",
      "kind = HAZARD",
      "harm_types:PRIVACY AND jurisdictions:\"JP\"",
      "detect_time >= \"2000-01-01T00:00:00Z\"",
  };
  const std::vector<std::string> orders = {"", "title", "severity desc", "create_time"};
  for (const std::string& filter : filters) {
    for (const std::string& order_by : orders) {
      SCOPED_TRACE(absl::StrCat("filter \"", filter, "\" order_by \"", order_by, "\""));
      v1::ListIncidentsRequest list;
      list.set_filter(filter);
      list.set_order_by(order_by);
      list.set_page_size(1000);
      auto seen_by_b = env().Call(&IncidentStub::ListIncidents, list, b_);
      ASSERT_TRUE(seen_by_b.ok()) << seen_by_b.status();
      for (const v1::Incident& incident : seen_by_b->incidents()) {
        EXPECT_EQ(incident.name(), own_b_.name()) << incident.title();
        EXPECT_TRUE(absl::StartsWith(incident.title(), "B ")) << incident.title();
      }
      EXPECT_LE(seen_by_b->incidents_size(), 1);
      // A sees its own for the same query (the filter is not what hides them).
      auto seen_by_a = env().Call(&IncidentStub::ListIncidents, list, a_);
      ASSERT_TRUE(seen_by_a.ok()) << seen_by_a.status();
      EXPECT_GE(seen_by_a->incidents_size(), 1);
      for (const v1::Incident& incident : seen_by_a->incidents()) {
        EXPECT_FALSE(absl::StartsWith(incident.title(), "B ")) << incident.title();
      }
    }
  }

  // Paging through B's list one by one meets only B's incident.
  v1::ListIncidentsRequest page;
  page.set_page_size(1);
  std::vector<std::string> names;
  for (int i = 0; i < 20; ++i) {
    auto listed = env().Call(&IncidentStub::ListIncidents, page, b_);
    ASSERT_TRUE(listed.ok()) << listed.status();
    for (const auto& incident : listed->incidents()) {
      names.push_back(incident.name());
    }
    if (listed->next_page_token().empty()) {
      break;
    }
    page.set_page_token(listed->next_page_token());
  }
  EXPECT_THAT(names, ::testing::ElementsAre(own_b_.name()));
}

TEST_F(TenantIsolationTest, OtherTenantsPageTokenIsInvalid) {
  for (const std::string& filter : {std::string(), std::string("state = REPORTED")}) {
    v1::ListIncidentsRequest list;
    list.set_filter(filter);
    list.set_page_size(1);
    auto first = env().Call(&IncidentStub::ListIncidents, list, a_);
    ASSERT_TRUE(first.ok()) << first.status();
    ASSERT_FALSE(first->next_page_token().empty());
    list.set_page_token(first->next_page_token());
    EXPECT_TRUE(
        IsInvalidField(env().Call(&IncidentStub::ListIncidents, list, b_).status(), "page_token"))
        << "filter \"" << filter << "\"";
    // A may use it (the token itself is fine).
    EXPECT_TRUE(env().Call(&IncidentStub::ListIncidents, list, a_).ok());
  }
}

TEST_F(TenantIsolationTest, OtherTenantsAiSystemIsInvalidAndWritesNothing) {
  TenantRows rows_a(tenant_a_);
  TenantRows rows_b(tenant_b_);

  v1::CreateIncidentRequest create;
  *create.mutable_incident() = IncidentEnv::ValidIncident(system_a_, "B on A's system");
  EXPECT_TRUE(IsInvalidField(env().Call(&IncidentStub::CreateIncident, create, b_).status(),
                             "incident.ai_system"));

  v1::UpdateIncidentRequest update;
  update.mutable_incident()->set_name(own_b_.name());
  update.mutable_incident()->set_ai_system(system_a_);
  update.mutable_update_mask()->add_paths("ai_system");
  EXPECT_TRUE(IsInvalidField(env().Call(&IncidentStub::UpdateIncident, update, b_).status(),
                             "incident.ai_system"));

  v1::SignalBatch batch = Batch({ValidSignal(system_b_, UniqueFingerprint("iso-b")),
                                 ValidSignal(system_a_, UniqueFingerprint("iso-b"))});
  EXPECT_TRUE(IsInvalidField(IngestBatch(env(), b_, batch).status(), "batch.signals[1].ai_system"));
  EXPECT_TRUE(
      IsInvalidField(IngestStream(env(), b_, {batch}).status(), "batch.signals[1].ai_system"));

  EXPECT_TRUE(rows_a.Unchanged());
  EXPECT_TRUE(rows_b.Unchanged());
  ExpectAUnchanged();

  // The refused batch claimed nothing: with B's own system, the same batch id is written.
  batch.mutable_signals(1)->set_ai_system(system_b_);
  auto fixed = IngestBatch(env(), b_, batch);
  ASSERT_TRUE(fixed.ok()) << fixed.status();
  EXPECT_FALSE(fixed->acks(0).replayed());
  EXPECT_EQ(fixed->acks(0).accepted(), 2);
  EXPECT_TRUE(rows_a.Unchanged());
}

TEST_F(TenantIsolationTest, BatchIdsAndFingerprintsAreScopedToTheTenant) {
  TenantRows rows_a(tenant_a_);
  TenantRows rows_b(tenant_b_);

  // B sends a batch under A's batch id, with A's fingerprint: it is B's first batch, and it opens
  // an incident of B rather than attaching to A's.
  v1::SignalBatch batch = batch_a_;
  for (v1::Signal& signal : *batch.mutable_signals()) {
    signal.set_ai_system(system_b_);
    signal.set_summary("B signal");
  }
  auto ingested = IngestBatch(env(), b_, batch);
  ASSERT_TRUE(ingested.ok()) << ingested.status();
  ASSERT_EQ(ingested->acks_size(), 1);
  const v1::SignalBatchAck& ack = ingested->acks(0);
  EXPECT_FALSE(ack.replayed());
  EXPECT_EQ(ack.batch_id(), batch_a_.batch_id());
  EXPECT_EQ(ack.accepted(), 2);
  ASSERT_EQ(ack.created_incidents_size(), 1);
  EXPECT_EQ(ack.updated_incidents_size(), 0);
  EXPECT_NE(ack.created_incidents(0), signal_incident_a_);
  EXPECT_EQ(rows_b.now("signal_batches"), rows_b.at_snapshot("signal_batches") + 1);
  EXPECT_EQ(rows_b.now("signals"), rows_b.at_snapshot("signals") + 2);
  EXPECT_EQ(rows_b.now("incidents"), rows_b.at_snapshot("incidents") + 1);
  EXPECT_TRUE(rows_a.Unchanged());
  ExpectAUnchanged();

  v1::GetIncidentRequest get;
  get.set_name(ack.created_incidents(0));
  auto opened = env().Call(&IncidentStub::GetIncident, get, b_);
  ASSERT_TRUE(opened.ok()) << opened.status();
  EXPECT_EQ(opened->signal_count(), 2);
  EXPECT_EQ(opened->ai_system(), system_b_);
  EXPECT_EQ(env().Call(&IncidentStub::GetIncident, get, a_).status().code(),
            absl::StatusCode::kNotFound);

  // Now it is B's batch too: resending it (on the stream this time) is a replay for B.
  rows_b.Retake();
  auto replayed = IngestStream(env(), b_, {batch});
  ASSERT_TRUE(replayed.ok()) << replayed.status();
  ASSERT_EQ(replayed->acks_size(), 1);
  EXPECT_TRUE(replayed->acks(0).replayed());
  EXPECT_EQ(replayed->acks(0).created_incidents(0), ack.created_incidents(0));
  EXPECT_TRUE(rows_b.Unchanged());

  // And A's resend of its own batch is still A's replay, naming A's incident.
  auto replayed_a = IngestBatch(env(), a_, batch_a_);
  ASSERT_TRUE(replayed_a.ok()) << replayed_a.status();
  EXPECT_TRUE(replayed_a->acks(0).replayed());
  EXPECT_THAT(replayed_a->acks(0).created_incidents(), ::testing::ElementsAre(signal_incident_a_));
  EXPECT_TRUE(rows_a.Unchanged());

  // B's signals are listed under B's incident only.
  v1::ListSignalsRequest signals;
  signals.set_parent(ack.created_incidents(0));
  auto listed = env().Call(&IncidentStub::ListSignals, signals, b_);
  ASSERT_TRUE(listed.ok()) << listed.status();
  ASSERT_EQ(listed->signals_size(), 2);
  for (const auto& stored : listed->signals()) {
    EXPECT_EQ(stored.signal().summary(), "B signal");
  }
}

// Reads `watch` until a message about `marker_name` arrives; returns every message before it
// (heartbeats left out). Fails the test when the stream ends first.
std::vector<v1::WatchIncidentsResponse> ReadUntil(WatchStream& watch,
                                                  const std::string& marker_name) {
  std::vector<v1::WatchIncidentsResponse> before;
  while (true) {
    std::optional<v1::WatchIncidentsResponse> message = watch.Next();
    if (!message.has_value()) {
      ADD_FAILURE() << "the watch ended before " << marker_name << " appeared: " << watch.status();
      return before;
    }
    if (message->change_type() == v1::CHANGE_TYPE_HEARTBEAT) {
      continue;
    }
    if (message->incident_name() == marker_name &&
        message->change_type() == v1::CHANGE_TYPE_CREATED) {
      return before;
    }
    before.push_back(*message);
  }
}

// A message's own text: the incident's title, or the timeline event's text.
std::string TextOf(const v1::WatchIncidentsResponse& message) {
  return message.change_type() == v1::CHANGE_TYPE_TIMELINE_EVENT_ADDED
             ? message.timeline_event().text()
             : message.incident().title();
}

TEST_F(TenantIsolationTest, WatchCarriesOnlyTheOwnTenantsChanges) {
  WatchStream watch_a(env(), a_, "");
  WatchStream watch_b(env(), b_, "");
  std::optional<v1::WatchIncidentsResponse> start_a = watch_a.Next();
  std::optional<v1::WatchIncidentsResponse> start_b = watch_b.Next();
  ASSERT_TRUE(start_a.has_value()) << watch_a.status();
  ASSERT_TRUE(start_b.has_value()) << watch_b.status();
  ASSERT_EQ(start_a->change_type(), v1::CHANGE_TYPE_HEARTBEAT);
  ASSERT_EQ(start_b->change_type(), v1::CHANGE_TYPE_HEARTBEAT);

  // Interleaved changes of both tenants: every kind of change A can make, and some of B.
  std::set<std::string> names_a, names_b;
  auto created_a = CreateA("A watched");
  ASSERT_TRUE(created_a.ok()) << created_a.status();
  names_a.insert(created_a->name());
  auto created_b = CreateB("B watched");
  ASSERT_TRUE(created_b.ok()) << created_b.status();
  names_b.insert(created_b->name());
  names_b.insert(own_b_.name());

  v1::UpdateIncidentRequest update;
  update.mutable_incident()->set_name(created_a->name());
  update.mutable_incident()->set_title("A watched, retitled");
  update.mutable_update_mask()->add_paths("title");
  ASSERT_TRUE(env().Call(&IncidentStub::UpdateIncident, update, a_).ok());
  auto moved_a = MoveTo(env(), a_, *created_a, v1::STATE_CLOSED);
  ASSERT_TRUE(moved_a.ok()) << moved_a.status();

  v1::AddTimelineEventRequest add;
  add.set_parent(own_b_.name());
  add.mutable_timeline_event()->set_type(v1::TIMELINE_EVENT_TYPE_NOTE);
  add.mutable_timeline_event()->set_text("B note");
  ASSERT_TRUE(env().Call(&IncidentStub::AddTimelineEvent, add, b_).ok());
  add.set_parent(created_a->name());
  add.mutable_timeline_event()->set_text("A note");
  ASSERT_TRUE(env().Call(&IncidentStub::AddTimelineEvent, add, a_).ok());

  // Signals: A attaches to its incident and opens one; B opens one with A's fingerprint.
  auto signals_a =
      IngestBatch(env(), a_,
                  Batch({ValidSignal(system_a_, fingerprint_a_, "A signal"),
                         ValidSignal(system_a_, UniqueFingerprint("iso-a"), "A new")}));
  ASSERT_TRUE(signals_a.ok()) << signals_a.status();
  for (const auto& name : signals_a->acks(0).created_incidents()) {
    names_a.insert(name);
  }
  names_a.insert(signal_incident_a_);
  auto signals_b =
      IngestStream(env(), b_, {Batch({ValidSignal(system_b_, fingerprint_a_, "B signal")})});
  ASSERT_TRUE(signals_b.ok()) << signals_b.status();
  for (const auto& name : signals_b->acks(0).created_incidents()) {
    names_b.insert(name);
  }

  auto merged_into = CreateA("A survivor");
  ASSERT_TRUE(merged_into.ok()) << merged_into.status();
  names_a.insert(merged_into->name());
  auto to_merge = CreateA("A merged");
  ASSERT_TRUE(to_merge.ok()) << to_merge.status();
  names_a.insert(to_merge->name());
  v1::MergeIncidentRequest merge;
  merge.set_name(to_merge->name());
  merge.set_into(merged_into->name());
  ASSERT_TRUE(env().Call(&IncidentStub::MergeIncident, merge, a_).ok());
  auto triaged_b = MoveTo(env(), b_, *created_b, v1::STATE_TRIAGED);
  ASSERT_TRUE(triaged_b.ok()) << triaged_b.status();

  // A final change in each tenant: everything before it has committed, so a leak would show.
  auto marker_a = CreateA("A marker");
  ASSERT_TRUE(marker_a.ok()) << marker_a.status();
  auto marker_b = CreateB("B marker");
  ASSERT_TRUE(marker_b.ok()) << marker_b.status();

  const std::vector<v1::WatchIncidentsResponse> seen_a = ReadUntil(watch_a, marker_a->name());
  const std::vector<v1::WatchIncidentsResponse> seen_b = ReadUntil(watch_b, marker_b->name());
  // A: created, updated, triaged, resolved, closed, a timeline event, signals attached, an incident
  // opened by a signal, two created, and the merge's two changes (merged, survivor updated).
  EXPECT_EQ(seen_a.size(), 12u);
  for (const auto& message : seen_a) {
    EXPECT_TRUE(names_a.count(message.incident_name()) == 1) << message.DebugString();
    EXPECT_TRUE(absl::StartsWith(TextOf(message), "A ")) << message.DebugString();
  }
  // B: created, note, signals, triaged.
  EXPECT_EQ(seen_b.size(), 4u);
  for (const auto& message : seen_b) {
    EXPECT_TRUE(names_b.count(message.incident_name()) == 1) << message.DebugString();
    EXPECT_TRUE(absl::StartsWith(TextOf(message), "B ")) << message.DebugString();
  }

  // B resuming from A's starting cursor (an older position of the shared feed) replays B's
  // changes since then, and none of A's.
  WatchStream resumed_b(env(), b_, start_a->cursor());
  const std::vector<v1::WatchIncidentsResponse> replayed_b = ReadUntil(resumed_b, marker_b->name());
  ASSERT_EQ(replayed_b.size(), seen_b.size());
  for (size_t i = 0; i < replayed_b.size(); ++i) {
    EXPECT_EQ(replayed_b[i].cursor(), seen_b[i].cursor());
    EXPECT_EQ(replayed_b[i].incident_name(), seen_b[i].incident_name());
  }
}

}  // namespace
}  // namespace airr::incident::testing
