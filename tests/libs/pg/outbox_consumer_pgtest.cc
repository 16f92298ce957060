// OutboxConsumer against a real cluster: every event of its topics handled exactly once and in id
// order per tenant, failed batches rolled back and retried, two consumers of one name sharing the
// work without handling an event twice, restarts resuming from the cursor, tenant isolation of the
// handler's transaction, and the background loop.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <pqxx/pqxx>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "libs/pg/mutation_log.h"
#include "libs/pg/outbox_consumer.h"
#include "tests/testing/db_queries.h"
#include "tests/testing/pg_fixture.h"

namespace airr::pg {
namespace {

using ::airr::testing::PgTestDatabase;
using ::airr::testing::QueryRows;
using ::airr::testing::TenantId;

// A tenant of the test: its id and the prefix of its events' resource names.
struct Tenant {
  std::string id;
  std::string prefix;
};

Tenant NewTenant(const std::string& prefix) {
  const std::string name = PgTestDatabase::Get().CreateTenant(prefix);
  return {TenantId(name), name};
}

// A consumer name no other test uses (each starts at the beginning of every tenant's outbox).
std::string ConsumerName(const std::string& test) {
  static std::atomic<int> counter{0};
  return absl::StrCat("test.", test, "-", counter++);
}

std::unique_ptr<ConnectionPool> NewPool(size_t size = 4) {
  // A superuser DSN acting as airr_app, as the servers do: row-level security applies.
  auto pool = ConnectionPool::Create({PgTestDatabase::Get().admin_dsn(), size, true});
  EXPECT_TRUE(pool.ok()) << pool.status();
  return pool.ok() ? *std::move(pool) : nullptr;
}

// Appends events of `topic` for the tenant in one committed transaction, in order; resource names
// are "<prefix>/<topic>/<first>", ... Returns their ids.
std::vector<int64_t> AddEvents(const Tenant& t, const std::string& topic, int count,
                               int first = 0) {
  std::vector<int64_t> ids;
  for (const auto& row : QueryRows(
           absl::StrCat("INSERT INTO outbox_events (tenant_id, topic, resource_name, payload) "
                        "SELECT '",
                        t.id, "', '", topic, "', '", t.prefix, "/", topic,
                        "/' || n, jsonb_build_object('n', n) ", "FROM generate_series(", first,
                        ", ", first + count - 1, ") AS n ORDER BY n ", "RETURNING id"))) {
    ids.push_back(std::stoll(row.at(0)));
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

// The ids of the tenant's events of `topics`, in id order, as the superuser reads them.
std::vector<int64_t> EventIds(const Tenant& t, const std::vector<std::string>& topics) {
  std::string in;
  for (const auto& topic : topics) {
    absl::StrAppend(&in, in.empty() ? "'" : ", '", topic, "'");
  }
  std::vector<int64_t> ids;
  for (const auto& row : QueryRows(absl::StrCat("SELECT id FROM outbox_events WHERE tenant_id = '",
                                                t.id, "' AND topic IN (", in, ") ORDER BY id"))) {
    ids.push_back(std::stoll(row.at(0)));
  }
  return ids;
}

std::string CursorOf(const Tenant& t, const std::string& consumer) {
  const auto rows = QueryRows(absl::StrCat("SELECT last_id FROM outbox_cursors WHERE tenant_id = '",
                                           t.id, "' AND consumer = '", consumer, "'"));
  return rows.empty() ? "none" : rows[0][0];
}

int64_t AuditRowsFor(const Tenant& t, const std::string& resource_prefix) {
  return std::stoll(PgTestDatabase::Get().QueryValue(
      absl::StrCat("SELECT count(*) FROM audit_log WHERE tenant_id = '", t.id,
                   "' AND resource_name LIKE '", resource_prefix, "%'")));
}

// What handlers saw, thread-safe.
class Seen {
 public:
  void Add(const OutboxRecord& e) {
    absl::MutexLock lock(&mu_);
    by_tenant_[e.tenant_id].push_back(e.id);
    records_.push_back(e);
  }
  std::vector<int64_t> Ids(const Tenant& t) {
    absl::MutexLock lock(&mu_);
    return by_tenant_[t.id];
  }
  std::vector<OutboxRecord> Records() {
    absl::MutexLock lock(&mu_);
    return records_;
  }
  void Clear() {
    absl::MutexLock lock(&mu_);
    by_tenant_.clear();
    records_.clear();
  }

 private:
  absl::Mutex mu_;
  std::map<std::string, std::vector<int64_t>> by_tenant_ ABSL_GUARDED_BY(mu_);
  std::vector<OutboxRecord> records_ ABSL_GUARDED_BY(mu_);
};

// A handler recording each event, and an audit row per event in the same transaction (an effect
// that commits or rolls back with the cursor).
OutboxHandler RecordingHandler(Seen& seen) {
  return [&seen](Tx& tx, const OutboxRecord& e) {
    RecordMutation(tx, Mutation{"outbox test", "test/Consume", e.resource_name, "", "", "", ""});
    seen.Add(e);
    return absl::OkStatus();
  };
}

std::unique_ptr<OutboxConsumer> NewConsumer(ConnectionPool& pool, const std::string& name,
                                            std::vector<std::string> topics, int batch_size,
                                            OutboxHandler handler,
                                            OutboxListener* listener = nullptr) {
  OutboxConsumerOptions options;
  options.name = name;
  options.topics = std::move(topics);
  options.batch_size = batch_size;
  options.poll_interval = absl::Milliseconds(200);
  auto consumer = OutboxConsumer::Create(pool, listener, options, std::move(handler));
  EXPECT_TRUE(consumer.ok()) << consumer.status();
  return consumer.ok() ? *std::move(consumer) : nullptr;
}

// Runs passes until one moves no cursor; fails the test on an error or after 1,000 passes.
void Drain(OutboxConsumer& consumer) {
  for (int i = 0; i < 1000; ++i) {
    OutboxPass pass;
    const absl::Status status = consumer.RunOnce(&pass);
    ASSERT_TRUE(status.ok()) << status;
    if (pass.tenants_advanced == 0) {
      return;
    }
  }
  FAIL() << "the consumer kept advancing";
}

TEST(OutboxConsumerTest, CreateRefusesBadOptions) {
  auto pool = NewPool(1);
  ASSERT_NE(pool, nullptr);
  auto handler = [](Tx&, const OutboxRecord&) { return absl::OkStatus(); };
  auto create = [&](const std::string& name, std::vector<std::string> topics, int batch) {
    OutboxConsumerOptions options;
    options.name = name;
    options.topics = std::move(topics);
    options.batch_size = batch;
    return OutboxConsumer::Create(*pool, nullptr, options, handler).status().code();
  };
  EXPECT_EQ(create("Bad Name", {"a"}, 10), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(create("", {"a"}, 10), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(create(std::string(64, 'a'), {"a"}, 10), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(create("ok.name", {}, 10), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(create("ok.name", {""}, 10), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(create("ok.name", {"a"}, 0), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(create("ok.name", {"a"}, 10001), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(create(std::string(63, 'a'), {"a"}, 10000), absl::StatusCode::kOk);
  OutboxConsumerOptions no_wait;
  no_wait.name = "ok.name";
  no_wait.topics = {"a"};
  no_wait.poll_interval = absl::ZeroDuration();
  EXPECT_EQ(OutboxConsumer::Create(*pool, nullptr, no_wait, handler).status().code(),
            absl::StatusCode::kInvalidArgument);
  no_wait.poll_interval = absl::Seconds(2);
  no_wait.max_backoff = absl::Seconds(1);
  EXPECT_EQ(OutboxConsumer::Create(*pool, nullptr, no_wait, handler).status().code(),
            absl::StatusCode::kInvalidArgument);
  no_wait.max_backoff = absl::Seconds(2);
  EXPECT_TRUE(OutboxConsumer::Create(*pool, nullptr, no_wait, handler).ok());
  EXPECT_EQ(OutboxConsumer::Create(*pool, nullptr, no_wait, nullptr).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(OutboxConsumerTest, HandlesEachMatchingEventOnceInIdOrderPerTenant) {
  const Tenant a = NewTenant("oc-order-a");
  const Tenant b = NewTenant("oc-order-b");
  // Interleaved commits of both tenants and of matching and other topics.
  for (int round = 0; round < 4; ++round) {
    AddEvents(a, "test.match", 5, round * 5);
    AddEvents(b, "test.other", 3, round * 3);
    AddEvents(b, "test.match2", 4, round * 4);
    AddEvents(a, "test.other", 2, round * 2);
  }
  AddEvents(b, "test.other", 3, 100);  // non-matching events after the last matching one
  const std::vector<std::string> topics = {"test.match", "test.match2"};
  auto pool = NewPool();
  ASSERT_NE(pool, nullptr);
  Seen seen;
  const std::string name = ConsumerName("order");
  // A batch size that divides neither tenant's count: full and partial batches both happen.
  auto consumer = NewConsumer(*pool, name, topics, 7, RecordingHandler(seen));
  ASSERT_NE(consumer, nullptr);
  Drain(*consumer);

  EXPECT_EQ(seen.Ids(a), EventIds(a, topics));
  EXPECT_EQ(seen.Ids(b), EventIds(b, topics));
  EXPECT_EQ(seen.Ids(a).size(), 20u);
  EXPECT_EQ(seen.Ids(b).size(), 16u);
  for (const OutboxRecord& e : seen.Records()) {
    if (e.tenant_id == a.id || e.tenant_id == b.id) {
      const Tenant& t = e.tenant_id == a.id ? a : b;
      EXPECT_TRUE(absl::StartsWith(e.resource_name, t.prefix + "/test.match")) << e.resource_name;
      EXPECT_TRUE(e.topic == "test.match" || e.topic == "test.match2") << e.topic;
      EXPECT_TRUE(absl::StrContains(e.payload_json, "\"n\"")) << e.payload_json;
      EXPECT_GT(e.create_time, absl::Now() - absl::Minutes(5));
    }
  }
  EXPECT_EQ(AuditRowsFor(a, a.prefix), 20);
  EXPECT_EQ(AuditRowsFor(b, b.prefix), 16);
  // The cursors stand at each tenant's last event, other topics included, so neither tenant is in
  // the backlog any more.
  EXPECT_EQ(CursorOf(b, name),
            PgTestDatabase::Get().QueryValue(
                absl::StrCat("SELECT max(id) FROM outbox_events WHERE tenant_id = '", b.id, "'")));
  EXPECT_EQ(PgTestDatabase::Get().QueryValue(
                absl::StrCat("SELECT count(*) FROM airr_outbox_backlog('", name,
                             "') WHERE tenant_id IN ('", a.id, "', '", b.id, "')")),
            "0");

  // Later events: only they are handled.
  seen.Clear();
  const std::vector<int64_t> more = AddEvents(a, "test.match", 3, 50);
  AddEvents(a, "test.other", 2, 50);
  Drain(*consumer);
  EXPECT_EQ(seen.Ids(a), more);
  EXPECT_TRUE(seen.Ids(b).empty());
}

TEST(OutboxConsumerTest, FailedBatchRollsBackAndItsEventsComeAgain) {
  const Tenant a = NewTenant("oc-fail-a");
  const Tenant b = NewTenant("oc-fail-b");
  const std::vector<int64_t> a_ids = AddEvents(a, "test.fail", 5);
  const std::vector<int64_t> b_ids = AddEvents(b, "test.fail", 4);
  auto pool = NewPool();
  ASSERT_NE(pool, nullptr);
  Seen seen;
  std::atomic<int> failures{2};
  const std::string name = ConsumerName("fail");
  // Tenant A's third event fails twice: once with a status, once with an exception.
  auto handler = [&](Tx& tx, const OutboxRecord& e) -> absl::Status {
    RecordMutation(tx, Mutation{"outbox test", "test/Consume", e.resource_name, "", "", "", ""});
    if (e.tenant_id == a.id && e.id == a_ids[2]) {
      const int left = failures.fetch_sub(1);
      if (left == 2) {
        return absl::UnavailableError("handler failed");
      }
      if (left == 1) {
        throw std::runtime_error("handler threw");
      }
    }
    seen.Add(e);
    return absl::OkStatus();
  };
  auto consumer = NewConsumer(*pool, name, {"test.fail"}, 100, handler);
  ASSERT_NE(consumer, nullptr);

  OutboxPass pass;
  EXPECT_EQ(consumer->RunOnce(&pass).code(), absl::StatusCode::kUnavailable);
  // A's batch rolled back whole (cursor, audit rows); B's went on and committed.
  EXPECT_EQ(CursorOf(a, name), "none");
  EXPECT_EQ(AuditRowsFor(a, a.prefix), 0);
  EXPECT_EQ(seen.Ids(b), b_ids);
  EXPECT_EQ(CursorOf(b, name), std::to_string(b_ids.back()));
  EXPECT_GE(pass.tenants_advanced, 1);

  EXPECT_EQ(consumer->RunOnce().code(), absl::StatusCode::kInternal);
  EXPECT_EQ(CursorOf(a, name), "none");
  EXPECT_EQ(AuditRowsFor(a, a.prefix), 0);

  Drain(*consumer);
  // The first two events were seen in each failed attempt too; the committed attempt has all.
  std::vector<int64_t> committed = seen.Ids(a);
  committed.erase(committed.begin(), committed.end() - static_cast<long>(a_ids.size()));
  EXPECT_EQ(committed, a_ids);
  EXPECT_EQ(AuditRowsFor(a, a.prefix), 5);
  EXPECT_EQ(CursorOf(a, name), std::to_string(a_ids.back()));
  EXPECT_EQ(seen.Ids(b), b_ids);  // not again
  EXPECT_EQ(AuditRowsFor(b, b.prefix), 4);
}

TEST(OutboxConsumerTest, TwoConsumersOfOneNameHandleEachEventOnce) {
  const Tenant a = NewTenant("oc-race-a");
  const Tenant b = NewTenant("oc-race-b");
  const std::string name = ConsumerName("race");
  auto pool1 = NewPool();
  auto pool2 = NewPool();
  ASSERT_NE(pool1, nullptr);
  ASSERT_NE(pool2, nullptr);
  Seen seen1, seen2;
  auto c1 = NewConsumer(*pool1, name, {"test.race"}, 25, RecordingHandler(seen1));
  auto c2 = NewConsumer(*pool2, name, {"test.race"}, 25, RecordingHandler(seen2));
  ASSERT_NE(c1, nullptr);
  ASSERT_NE(c2, nullptr);

  std::atomic<bool> stop{false};
  std::atomic<int> errors{0};
  std::atomic<int64_t> skipped{0};
  auto run = [&](OutboxConsumer& c) {
    while (!stop) {
      OutboxPass pass;
      if (!c.RunOnce(&pass).ok()) {
        ++errors;
      }
      skipped += pass.tenants_skipped;
    }
  };
  std::thread t1(run, std::ref(*c1));
  std::thread t2(run, std::ref(*c2));
  // 2,000 events in 40 commits, alternating tenants and mixed with other topics, while both run.
  for (int i = 0; i < 20; ++i) {
    AddEvents(a, "test.race", 50, i * 50);
    AddEvents(b, "test.race-other", 5, i * 5);
    AddEvents(b, "test.race", 50, i * 50);
  }
  const absl::Time deadline = absl::Now() + absl::Seconds(120);
  while (absl::Now() < deadline &&
         seen1.Ids(a).size() + seen2.Ids(a).size() + seen1.Ids(b).size() + seen2.Ids(b).size() <
             2000) {
    absl::SleepFor(absl::Milliseconds(20));
  }
  stop = true;
  t1.join();
  t2.join();
  EXPECT_EQ(errors.load(), 0);

  for (const Tenant* t : {&a, &b}) {
    std::vector<int64_t> ids1 = seen1.Ids(*t);
    std::vector<int64_t> ids2 = seen2.Ids(*t);
    // Each consumer went forward within a tenant.
    EXPECT_TRUE(std::is_sorted(ids1.begin(), ids1.end()));
    EXPECT_TRUE(std::is_sorted(ids2.begin(), ids2.end()));
    std::vector<int64_t> all = ids1;
    all.insert(all.end(), ids2.begin(), ids2.end());
    std::sort(all.begin(), all.end());
    EXPECT_EQ(all, EventIds(*t, {"test.race"})) << "tenant " << t->prefix;
    EXPECT_EQ(all.size(), 1000u);
    EXPECT_EQ(AuditRowsFor(*t, t->prefix), 1000);
    // Each committed effect exactly once per event.
    EXPECT_EQ(PgTestDatabase::Get().QueryValue(absl::StrCat(
                  "SELECT count(*) FROM (SELECT resource_name FROM audit_log WHERE tenant_id = '",
                  t->id, "' GROUP BY resource_name HAVING count(*) > 1) d")),
              "0");
  }
  std::printf("two consumers: %zu + %zu events, %lld tenant batches passed over\n",
              seen1.Ids(a).size() + seen1.Ids(b).size(), seen2.Ids(a).size() + seen2.Ids(b).size(),
              static_cast<long long>(skipped.load()));
}

TEST(OutboxConsumerTest, NewConsumerObjectResumesFromTheCursor) {
  const Tenant a = NewTenant("oc-restart");
  const std::vector<int64_t> ids = AddEvents(a, "test.restart", 12);
  const std::string name = ConsumerName("restart");
  Seen before, after;
  {
    auto pool = NewPool();
    ASSERT_NE(pool, nullptr);
    auto consumer = NewConsumer(*pool, name, {"test.restart"}, 5, RecordingHandler(before));
    ASSERT_NE(consumer, nullptr);
    ASSERT_TRUE(consumer->RunOnce().ok());
  }
  EXPECT_EQ(before.Ids(a), std::vector<int64_t>(ids.begin(), ids.begin() + 5));
  EXPECT_EQ(CursorOf(a, name), std::to_string(ids[4]));
  auto pool = NewPool();
  ASSERT_NE(pool, nullptr);
  auto consumer = NewConsumer(*pool, name, {"test.restart"}, 5, RecordingHandler(after));
  ASSERT_NE(consumer, nullptr);
  Drain(*consumer);
  EXPECT_EQ(after.Ids(a), std::vector<int64_t>(ids.begin() + 5, ids.end()));
  EXPECT_EQ(AuditRowsFor(a, a.prefix), 12);
}

TEST(OutboxConsumerTest, HandlerSeesOnlyItsTenant) {
  const Tenant a = NewTenant("oc-iso-a");
  const Tenant b = NewTenant("oc-iso-b");
  AddEvents(a, "test.iso", 3);
  AddEvents(b, "test.iso", 3);
  auto pool = NewPool();
  ASSERT_NE(pool, nullptr);
  Seen seen;
  std::vector<std::string> violations;
  auto handler = [&](Tx& tx, const OutboxRecord& e) {
    // The transaction is scoped to the event's tenant: it sees that tenant's rows only.
    const std::string scoped = tx.exec1("SELECT current_setting('airr.tenant_id')")[0].c_str();
    const auto tenants = tx.exec("SELECT DISTINCT tenant_id::text FROM outbox_events");
    if (scoped != e.tenant_id || tenants.size() != 1 || tenants[0][0].c_str() != e.tenant_id) {
      violations.push_back(e.resource_name);
    }
    seen.Add(e);
    return absl::OkStatus();
  };
  auto consumer = NewConsumer(*pool, ConsumerName("iso"), {"test.iso"}, 100, handler);
  ASSERT_NE(consumer, nullptr);
  Drain(*consumer);
  EXPECT_TRUE(violations.empty()) << violations.front();
  ASSERT_EQ(seen.Ids(a).size(), 3u);
  ASSERT_EQ(seen.Ids(b).size(), 3u);
  for (const OutboxRecord& e : seen.Records()) {
    if (e.tenant_id == a.id) {
      EXPECT_TRUE(absl::StartsWith(e.resource_name, a.prefix + "/")) << e.resource_name;
    }
    if (e.tenant_id == b.id) {
      EXPECT_TRUE(absl::StartsWith(e.resource_name, b.prefix + "/")) << e.resource_name;
    }
  }
}

TEST(OutboxConsumerTest, BackgroundLoopFollowsNotificationsUntilStopped) {
  const Tenant a = NewTenant("oc-loop");
  auto pool = NewPool();
  ASSERT_NE(pool, nullptr);
  OutboxListener listener(PgTestDatabase::Get().admin_dsn());
  Seen seen;
  auto consumer =
      NewConsumer(*pool, ConsumerName("loop"), {"test.loop"}, 4, RecordingHandler(seen), &listener);
  ASSERT_NE(consumer, nullptr);
  consumer->Start();
  consumer->Start();  // no second thread
  auto wait_for = [&](size_t n) {
    const absl::Time deadline = absl::Now() + absl::Seconds(30);
    while (seen.Ids(a).size() < n && absl::Now() < deadline) {
      absl::SleepFor(absl::Milliseconds(10));
    }
    return seen.Ids(a).size();
  };
  std::vector<int64_t> ids = AddEvents(a, "test.loop", 10);  // more than one batch
  EXPECT_EQ(wait_for(10), 10u);
  const std::vector<int64_t> more = AddEvents(a, "test.loop", 3, 10);
  ids.insert(ids.end(), more.begin(), more.end());
  EXPECT_EQ(wait_for(13), 13u);
  EXPECT_EQ(seen.Ids(a), ids);

  const absl::Time before_stop = absl::Now();
  consumer->Stop();
  consumer->Stop();
  EXPECT_LT(absl::Now() - before_stop, absl::Seconds(5));
  consumer->Start();  // after Stop: no thread
  // The stopped consumer's cursor still works when called directly.
  const std::vector<int64_t> last = AddEvents(a, "test.loop", 2, 20);
  ids.insert(ids.end(), last.begin(), last.end());
  Drain(*consumer);
  EXPECT_EQ(seen.Ids(a), ids);
}

}  // namespace
}  // namespace airr::pg
