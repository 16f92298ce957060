// Signal intake through the real server and database: concurrent streams deduplicated into
// exactly one incident per fingerprint, idempotent resends by batch id, the deduplication window,
// closed and merged incidents, and the listing of an incident's signals.
#include <gtest/gtest.h>

#include <map>
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
using ::airr::testing::ServerEnv;
using ::airr::testing::TenantRowCount;
using Stub = IncidentEnv::IncidentStub;

constexpr absl::Duration kWindow = absl::Minutes(10);

class SignalsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    IncidentOptions options;
    options.signal_window = kWindow;
    env_ = new IncidentEnv(options);
  }
  static void TearDownTestSuite() {
    delete env_;
    env_ = nullptr;
  }

  void SetUp() override {
    PgTestDatabase& db = PgTestDatabase::Get();
    tenant_ = db.CreateTenant("signals");
    token_ = db.IssueToken(tenant_, auth::Role::kResponder);
    system_ = env_->CreateAiSystem(db.IssueToken(tenant_, auth::Role::kAdmin), "guarded-bot");
  }

  v1::Signal Signal(const std::string& fingerprint, absl::Time observed) {
    v1::Signal s;
    s.set_source("guardrail/chat-prod");
    s.set_ai_system(system_);
    s.set_kind(v1::SIGNAL_KIND_ABUSE);
    s.set_fingerprint(fingerprint);
    s.set_severity_hint(v1::SEVERITY_SEV3);
    *s.mutable_observe_time() = api::TimestampFromTime(observed);
    (*s.mutable_attributes())["rule"] = "prompt-injection";
    return s;
  }

  absl::StatusOr<v1::IngestSignalsResponse> Send(const v1::SignalBatch& batch) {
    v1::IngestSignalBatchRequest request;
    *request.mutable_batch() = batch;
    return env_->Call(&Stub::IngestSignalBatch, request, token_);
  }

  // fingerprint -> (incident count, summed signal_count) as stored.
  std::map<std::string, std::pair<int, int64_t>> ByFingerprint() {
    std::map<std::string, std::pair<int, int64_t>> out;
    for (const auto& row : ::airr::testing::QueryRows(absl::StrCat(
             "SELECT i.signal_fingerprint, count(*), sum(i.signal_count) FROM incidents i "
             "JOIN tenants t ON t.id = i.tenant_id WHERE t.name = '",
             tenant_, "' GROUP BY 1"))) {
      out[row[0]] = {std::stoi(row[1]), std::stoll(row[2])};
    }
    return out;
  }

  static inline IncidentEnv* env_ = nullptr;
  std::string tenant_;
  std::string token_;
  std::string system_;
};

TEST_F(SignalsTest, FourConcurrentStreamsDeduplicateIntoOneIncidentPerFingerprint) {
  constexpr int kStreams = 4;
  constexpr int kBatchesPerStream = 25;
  constexpr int kBatchSize = 100;  // 4 x 25 x 100 = 10,000 signals
  constexpr int kFingerprints = 50;
  const absl::Time base = absl::Now() - absl::Minutes(5);
  // Every stream's batches, kept to resend one afterwards.
  std::vector<std::vector<v1::SignalBatch>> batches(kStreams);
  for (int s = 0; s < kStreams; ++s) {
    for (int b = 0; b < kBatchesPerStream; ++b) {
      v1::SignalBatch batch;
      batch.set_batch_id(NewRandomUuid());
      for (int i = 0; i < kBatchSize; ++i) {
        const int n = (s * kBatchesPerStream + b) * kBatchSize + i;
        *batch.add_signals() =
            Signal(absl::StrCat("fp-", n % kFingerprints), base + absl::Milliseconds(n));
      }
      batches[s].push_back(std::move(batch));
    }
  }
  std::vector<std::thread> threads;
  std::vector<grpc::Status> results(kStreams);
  std::vector<v1::IngestSignalsResponse> responses(kStreams);
  for (int s = 0; s < kStreams; ++s) {
    threads.emplace_back([&, s] {
      auto context = ServerEnv::Context(token_);
      auto writer = env_->incidents().IngestSignals(context.get(), &responses[s]);
      for (const auto& batch : batches[s]) {
        v1::IngestSignalsRequest request;
        *request.mutable_batch() = batch;
        if (!writer->Write(request)) {
          break;
        }
      }
      writer->WritesDone();
      results[s] = writer->Finish();
    });
  }
  for (auto& t : threads) {
    t.join();
  }
  int64_t acked = 0;
  for (int s = 0; s < kStreams; ++s) {
    ASSERT_TRUE(results[s].ok()) << results[s].error_message();
    ASSERT_EQ(responses[s].acks_size(), kBatchesPerStream);
    for (const auto& ack : responses[s].acks()) {
      acked += ack.accepted();
      EXPECT_FALSE(ack.replayed());
    }
  }
  EXPECT_EQ(acked, 10000);

  const auto stored = ByFingerprint();
  ASSERT_EQ(stored.size(), static_cast<size_t>(kFingerprints));
  int64_t total = 0;
  for (const auto& [fp, counts] : stored) {
    EXPECT_EQ(counts.first, 1) << fp << " has more than one incident";
    EXPECT_EQ(counts.second, 10000 / kFingerprints) << fp;
    total += counts.second;
  }
  EXPECT_EQ(total, 10000);
  EXPECT_EQ(TenantRowCount("signals", tenant_), 10000);
  EXPECT_EQ(TenantRowCount("incidents", tenant_), kFingerprints);

  // Resending a committed batch writes nothing and returns its first acknowledgement.
  const int64_t audit = TenantRowCount("audit_log", tenant_);
  auto resent = Send(batches[2][7]);
  ASSERT_TRUE(resent.ok()) << resent.status();
  ASSERT_EQ(resent->acks_size(), 1);
  EXPECT_TRUE(resent->acks(0).replayed());
  EXPECT_EQ(resent->acks(0).accepted(), kBatchSize);
  EXPECT_EQ(resent->acks(0).batch_id(), batches[2][7].batch_id());
  EXPECT_EQ(TenantRowCount("signals", tenant_), 10000);
  EXPECT_EQ(TenantRowCount("audit_log", tenant_), audit);
  EXPECT_EQ(ByFingerprint(), stored);
}

TEST_F(SignalsTest, WindowClosedAndMergedIncidents) {
  const absl::Time t0 = absl::Now() - absl::Hours(2);
  v1::SignalBatch batch;
  batch.set_batch_id(NewRandomUuid());
  *batch.add_signals() = Signal("drift-a", t0);
  *batch.add_signals() = Signal("drift-a", t0 + absl::Minutes(9));   // within the window
  *batch.add_signals() = Signal("drift-a", t0 + absl::Minutes(30));  // beyond: a new incident
  batch.mutable_signals(0)->set_summary("Feature drift on income");
  auto first = Send(batch);
  ASSERT_TRUE(first.ok()) << first.status();
  ASSERT_EQ(first->acks(0).created_incidents_size(), 2);
  EXPECT_EQ(first->acks(0).updated_incidents_size(), 0);

  v1::GetIncidentRequest get;
  get.set_name(first->acks(0).created_incidents(0));
  auto opened = env_->Call(&Stub::GetIncident, get, token_);
  ASSERT_TRUE(opened.ok()) << opened.status();
  EXPECT_EQ(opened->kind(), v1::KIND_HAZARD);
  EXPECT_EQ(opened->detection_source(), v1::DETECTION_SOURCE_MONITOR);
  EXPECT_EQ(opened->title(), "Feature drift on income");
  EXPECT_EQ(opened->signal_count(), 2);
  EXPECT_EQ(opened->signal_fingerprint(), "drift-a");
  const std::string latest = first->acks(0).created_incidents(1);

  // The latest incident of the fingerprint takes the next signal.
  batch.set_batch_id(NewRandomUuid());
  batch.clear_signals();
  *batch.add_signals() = Signal("drift-a", t0 + absl::Minutes(31));
  auto second = Send(batch);
  ASSERT_TRUE(second.ok()) << second.status();
  ASSERT_EQ(second->acks(0).updated_incidents_size(), 1);
  EXPECT_EQ(second->acks(0).updated_incidents(0), latest);

  // Once it is merged into an open incident, its signals go to the survivor.
  v1::CreateIncidentRequest create;
  *create.mutable_incident() = IncidentEnv::ValidIncident(system_, "Drift, manual report");
  auto manual = env_->Call(&Stub::CreateIncident, create, token_);
  ASSERT_TRUE(manual.ok()) << manual.status();
  v1::MergeIncidentRequest merge;
  merge.set_name(latest);
  merge.set_into(manual->name());
  ASSERT_TRUE(env_->Call(&Stub::MergeIncident, merge, token_).ok());
  batch.set_batch_id(NewRandomUuid());
  auto third = Send(batch);
  ASSERT_TRUE(third.ok()) << third.status();
  ASSERT_EQ(third->acks(0).updated_incidents_size(), 1);
  EXPECT_EQ(third->acks(0).updated_incidents(0), manual->name());

  // Once the survivor is resolved, the fingerprint opens a new incident.
  v1::TriageIncidentRequest triage;
  triage.set_name(manual->name());
  triage.set_severity(v1::SEVERITY_SEV3);
  triage.set_owner("ml-ops");
  ASSERT_TRUE(env_->Call(&Stub::TriageIncident, triage, token_).ok());
  v1::ResolveIncidentRequest resolve;
  resolve.set_name(manual->name());
  resolve.set_resolution_summary("Retrained");
  ASSERT_TRUE(env_->Call(&Stub::ResolveIncident, resolve, token_).ok());
  batch.set_batch_id(NewRandomUuid());
  auto fourth = Send(batch);
  ASSERT_TRUE(fourth.ok()) << fourth.status();
  EXPECT_EQ(fourth->acks(0).created_incidents_size(), 1);

  // The survivor lists the one signal it received, with its number and batch.
  v1::ListSignalsRequest list;
  list.set_parent(manual->name());
  auto signals = env_->Call(&Stub::ListSignals, list, token_);
  ASSERT_TRUE(signals.ok()) << signals.status();
  ASSERT_EQ(signals->signals_size(), 1);
  EXPECT_EQ(signals->signals(0).name(), absl::StrCat(manual->name(), "/signals/1"));
  EXPECT_EQ(signals->signals(0).signal().attributes().at("rule"), "prompt-injection");
  EXPECT_EQ(signals->signals(0).batch_id(), third->acks(0).batch_id());
}

TEST_F(SignalsTest, ListSignalsPages) {
  v1::SignalBatch batch;
  batch.set_batch_id(NewRandomUuid());
  const absl::Time t0 = absl::Now() - absl::Minutes(1);
  for (int i = 0; i < 5; ++i) {
    *batch.add_signals() = Signal("pages", t0 + absl::Seconds(i));
  }
  auto sent = Send(batch);
  ASSERT_TRUE(sent.ok()) << sent.status();
  v1::ListSignalsRequest list;
  list.set_parent(sent->acks(0).created_incidents(0));
  list.set_page_size(2);
  std::vector<std::string> names;
  while (true) {
    auto page = env_->Call(&Stub::ListSignals, list, token_);
    ASSERT_TRUE(page.ok()) << page.status();
    for (const auto& s : page->signals()) {
      names.push_back(s.name());
    }
    if (page->next_page_token().empty()) {
      break;
    }
    list.set_page_token(page->next_page_token());
  }
  ASSERT_EQ(names.size(), 5u);
  EXPECT_EQ(names.back(), absl::StrCat(list.parent(), "/signals/5"));
}

}  // namespace
}  // namespace airr::incident
