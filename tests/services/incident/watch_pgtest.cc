// WatchIncidents through the real server and database: changes arrive in commit order, and a
// client that reconnects with its last cursor, after a disconnect and a server restart, receives
// every later change exactly once, including those made while it was away and by concurrent
// writers.
#include <gtest/gtest.h>

#include <thread>

#include "absl/strings/str_cat.h"
#include "libs/api/timestamps.h"
#include "libs/common/uuid.h"
#include "tests/testing/db_queries.h"
#include "tests/testing/incident_env.h"
#include "tests/testing/pg_fixture.h"

namespace airr::incident {
namespace {

namespace v1 = ::airr::incident::v1;
using ::airr::testing::IncidentEnv;
using ::airr::testing::PgTestDatabase;
using ::airr::testing::QueryRows;
using ::airr::testing::ServerEnv;
using Stub = IncidentEnv::IncidentStub;

// One change as a watcher sees it, and as the outbox recorded it.
struct Change {
  std::string cursor;
  std::string topic;  // "incident.created", ...
  std::string name;
  bool operator==(const Change& o) const {
    return cursor == o.cursor && topic == o.topic && name == o.name;
  }
};

std::ostream& operator<<(std::ostream& os, const Change& c) {
  return os << c.cursor << " " << c.topic << " " << c.name;
}

// The topic a change type stands for (CHANGE_TYPE_TRIAGED -> "incident.triaged").
std::string Topic(v1::ChangeType type) {
  std::string name = v1::ChangeType_Name(type).substr(std::string("CHANGE_TYPE_").size());
  for (char& c : name) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return "incident." + name;
}

class Watcher {
 public:
  Watcher(IncidentEnv& env, const std::string& token, const std::string& cursor) {
    context_ = ServerEnv::Context(token);
    v1::WatchIncidentsRequest request;
    request.set_cursor(cursor);
    reader_ = env.incidents().WatchIncidents(context_.get(), request);
    v1::WatchIncidentsResponse first;
    EXPECT_TRUE(reader_->Read(&first));
    EXPECT_EQ(first.change_type(), v1::CHANGE_TYPE_HEARTBEAT);
    start_cursor_ = first.cursor();
  }
  ~Watcher() {
    context_->TryCancel();
    reader_->Finish();
  }

  const std::string& start_cursor() const { return start_cursor_; }

  // The next `n` changes (heartbeats skipped); fewer when the stream ends or the deadline passes.
  std::vector<Change> Next(size_t n) {
    std::vector<Change> out;
    v1::WatchIncidentsResponse message;
    while (out.size() < n && reader_->Read(&message)) {
      if (message.change_type() == v1::CHANGE_TYPE_HEARTBEAT) {
        continue;
      }
      out.push_back({message.cursor(), Topic(message.change_type()), message.incident_name()});
      if (message.change_type() != v1::CHANGE_TYPE_TIMELINE_EVENT_ADDED) {
        EXPECT_EQ(message.incident().name(), message.incident_name());
      } else {
        EXPECT_EQ(message.timeline_event().name().rfind(message.incident_name(), 0), 0u);
      }
    }
    return out;
  }

 private:
  std::unique_ptr<grpc::ClientContext> context_;
  std::unique_ptr<grpc::ClientReader<v1::WatchIncidentsResponse>> reader_;
  std::string start_cursor_;
};

class WatchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    env_ = std::make_unique<IncidentEnv>();
    PgTestDatabase& db = PgTestDatabase::Get();
    tenant_ = db.CreateTenant("watch");
    token_ = db.IssueToken(tenant_, auth::Role::kResponder);
    system_ = env_->CreateAiSystem(db.IssueToken(tenant_, auth::Role::kAdmin), "watched-bot");
  }

  std::string CreateIncident(const std::string& title) {
    v1::CreateIncidentRequest request;
    *request.mutable_incident() = IncidentEnv::ValidIncident(system_, title);
    auto created = env_->Call(&Stub::CreateIncident, request, token_);
    EXPECT_TRUE(created.ok()) << created.status();
    return created.ok() ? created->name() : "";
  }

  void Triage(const std::string& name) {
    v1::TriageIncidentRequest request;
    request.set_name(name);
    request.set_severity(v1::SEVERITY_SEV2);
    request.set_owner("bob");
    EXPECT_TRUE(env_->Call(&Stub::TriageIncident, request, token_).ok());
  }

  void Note(const std::string& name) {
    v1::AddTimelineEventRequest request;
    request.set_parent(name);
    request.mutable_timeline_event()->set_type(v1::TIMELINE_EVENT_TYPE_NOTE);
    request.mutable_timeline_event()->set_text("Looked at the logs");
    EXPECT_TRUE(env_->Call(&Stub::AddTimelineEvent, request, token_).ok());
  }

  void Signals(const std::string& fingerprint) {
    v1::IngestSignalBatchRequest request;
    request.mutable_batch()->set_batch_id(NewRandomUuid());
    v1::Signal* s = request.mutable_batch()->add_signals();
    s->set_source("abuse-filter");
    s->set_ai_system(system_);
    s->set_kind(v1::SIGNAL_KIND_ABUSE);
    s->set_fingerprint(fingerprint);
    *s->mutable_observe_time() = api::TimestampFromTime(absl::Now() - absl::Seconds(5));
    EXPECT_TRUE(env_->Call(&Stub::IngestSignalBatch, request, token_).ok());
  }

  // Every incident change of the tenant after `cursor`, in outbox id order, as the database has it.
  std::vector<Change> Committed(const std::string& cursor) {
    std::vector<Change> out;
    for (const auto& row : QueryRows(absl::StrCat(
             "SELECT o.id, o.topic, o.resource_name FROM outbox_events o JOIN tenants t ON t.id "
             "= o.tenant_id WHERE t.name = '",
             tenant_, "' AND o.topic LIKE 'incident.%' AND o.id > ", cursor, " ORDER BY o.id"))) {
      std::string name = row[2];
      name = name.substr(0, name.find("/timelineEvents/"));
      out.push_back({row[0], row[1], name});
    }
    return out;
  }

  std::unique_ptr<IncidentEnv> env_;
  std::string tenant_;
  std::string token_;
  std::string system_;
};

TEST_F(WatchTest, ResumesAfterDisconnectAndRestartExactlyOnceInCommitOrder) {
  std::string resume_cursor;
  std::string start;
  std::vector<Change> seen;
  {
    Watcher watcher(*env_, token_, "");
    start = watcher.start_cursor();
    const std::string a = CreateIncident("First");
    Triage(a);
    Note(a);
    Signals("wfp-1");
    seen = watcher.Next(4);
    ASSERT_EQ(seen.size(), 4u);
    EXPECT_EQ(seen[0].topic, "incident.created");
    EXPECT_EQ(seen[0].name, a);
    EXPECT_EQ(seen[1].topic, "incident.triaged");
    EXPECT_EQ(seen[2].topic, "incident.timeline_event_added");
    EXPECT_EQ(seen[3].topic, "incident.created");  // opened by the signal
    // Process only the first three, then "crash" (the watcher goes away unread).
    resume_cursor = seen[2].cursor;
    seen.resize(3);
  }
  // Changes while no one watches, a restart, and concurrent writers after it.
  const std::string b = CreateIncident("While away");
  env_->Restart();
  std::vector<std::thread> writers;
  for (int w = 0; w < 4; ++w) {
    writers.emplace_back([&, w] {
      const std::string name = CreateIncident(absl::StrCat("Concurrent ", w));
      Triage(name);
      Signals(absl::StrCat("wfp-", w % 2));
    });
  }
  Watcher resumed(*env_, token_, resume_cursor);
  EXPECT_EQ(resumed.start_cursor(), resume_cursor);
  for (auto& t : writers) {
    t.join();
  }
  Note(b);  // the last change
  const std::vector<Change> expected = Committed(resume_cursor);
  ASSERT_EQ(expected.size(), 1u /*signal*/ + 1u /*b*/ + 4u * 3u + 1u /*note*/);
  const std::vector<Change> got = resumed.Next(expected.size());
  EXPECT_EQ(got, expected);
  for (const auto& change : got) {
    seen.push_back(change);
  }
  // Across both connections: every committed change once, in order.
  EXPECT_EQ(seen, Committed(start));
}

TEST_F(WatchTest, RefusesMalformedCursor) {
  auto context = ServerEnv::Context(token_);
  v1::WatchIncidentsRequest request;
  request.set_cursor("12abc");
  auto reader = env_->incidents().WatchIncidents(context.get(), request);
  v1::WatchIncidentsResponse message;
  EXPECT_FALSE(reader->Read(&message));
  EXPECT_EQ(reader->Finish().error_code(), grpc::StatusCode::INVALID_ARGUMENT);
}

}  // namespace
}  // namespace airr::incident
