// Tests of the scenarios against an in-process fake IncidentService on a free port: what each
// request carries (fresh ids, deadline, token, realistic contents) and how outcomes are judged
// (status codes, acknowledgements that do not match the batches sent).
#include "tools/airr-bench/scenarios.h"

#include <map>
#include <set>
#include <string>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "airr/incident/v1/incident_service.grpc.pb.h"
#include "gmock/gmock.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/server_credentials.h"
#include "grpcpp/server.h"
#include "grpcpp/server_builder.h"
#include "gtest/gtest.h"

namespace airr::bench {
namespace {

namespace v1 = ::airr::incident::v1;
using ::testing::Each;
using ::testing::HasSubstr;
using ::testing::SizeIs;
using ::testing::StartsWith;

// Records every request with its authorization header and remaining deadline, and answers as
// configured.
class FakeIncidentService final : public v1::IncidentService::Service {
 public:
  grpc::Status CreateIncident(grpc::ServerContext* context,
                              const v1::CreateIncidentRequest* request,
                              v1::Incident* response) override {
    absl::MutexLock lock(&mu_);
    Note(*context);
    creates_.push_back(*request);
    if (fail_with_ != grpc::StatusCode::OK) {
      return grpc::Status(fail_with_, "configured to fail");
    }
    response->set_name("incidents/" + request->request_id());
    return grpc::Status::OK;
  }

  grpc::Status IngestSignals(grpc::ServerContext* context,
                             grpc::ServerReader<v1::IngestSignalsRequest>* reader,
                             v1::IngestSignalsResponse* response) override {
    v1::IngestSignalsRequest request;
    absl::MutexLock lock(&mu_);
    Note(*context);
    while (reader->Read(&request)) {
      batches_.push_back(request.batch());
      Acknowledge(request.batch(), response);
    }
    return grpc::Status::OK;
  }

  grpc::Status IngestSignalBatch(grpc::ServerContext* context,
                                 const v1::IngestSignalBatchRequest* request,
                                 v1::IngestSignalsResponse* response) override {
    absl::MutexLock lock(&mu_);
    Note(*context);
    batches_.push_back(request->batch());
    Acknowledge(request->batch(), response);
    return grpc::Status::OK;
  }

  void FailWith(grpc::StatusCode code) {
    absl::MutexLock lock(&mu_);
    fail_with_ = code;
  }
  void AckWrongly() {
    absl::MutexLock lock(&mu_);
    ack_wrongly_ = true;
  }
  std::vector<v1::CreateIncidentRequest> creates() {
    absl::MutexLock lock(&mu_);
    return creates_;
  }
  std::vector<v1::SignalBatch> batches() {
    absl::MutexLock lock(&mu_);
    return batches_;
  }
  std::vector<std::string> authorizations() {
    absl::MutexLock lock(&mu_);
    return authorizations_;
  }
  std::vector<absl::Duration> deadlines() {
    absl::MutexLock lock(&mu_);
    return deadlines_;
  }

 private:
  void Note(const grpc::ServerContext& context) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    auto it = context.client_metadata().find("authorization");
    authorizations_.push_back(it == context.client_metadata().end()
                                  ? ""
                                  : std::string(it->second.data(), it->second.size()));
    deadlines_.push_back(absl::FromChrono(context.deadline()) - absl::Now());
  }
  void Acknowledge(const v1::SignalBatch& batch, v1::IngestSignalsResponse* response)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    v1::SignalBatchAck& ack = *response->add_acks();
    ack.set_batch_id(ack_wrongly_ ? "not-" + batch.batch_id() : batch.batch_id());
    ack.set_accepted(batch.signals_size());
  }

  absl::Mutex mu_;
  grpc::StatusCode fail_with_ ABSL_GUARDED_BY(mu_) = grpc::StatusCode::OK;
  bool ack_wrongly_ ABSL_GUARDED_BY(mu_) = false;
  std::vector<v1::CreateIncidentRequest> creates_ ABSL_GUARDED_BY(mu_);
  std::vector<v1::SignalBatch> batches_ ABSL_GUARDED_BY(mu_);
  std::vector<std::string> authorizations_ ABSL_GUARDED_BY(mu_);
  std::vector<absl::Duration> deadlines_ ABSL_GUARDED_BY(mu_);
};

class ScenariosTest : public ::testing::Test {
 protected:
  void SetUp() override {
    grpc::ServerBuilder builder;
    int port = 0;
    builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port);
    builder.RegisterService(&service_);
    server_ = builder.BuildAndStart();
    ASSERT_NE(server_, nullptr);
    channel_ = grpc::CreateChannel("127.0.0.1:" + std::to_string(port),
                                   grpc::InsecureChannelCredentials());
    options_.ai_systems = {"chatbot", "screening"};
    options_.batch_size = 50;
    options_.fingerprints = 7;
    call_.token = "airr_test_token";
    call_.timeout = absl::Seconds(30);
  }
  void TearDown() override { server_->Shutdown(); }

  std::unique_ptr<Worker> NewWorker(const std::string& scenario_name) {
    absl::StatusOr<std::unique_ptr<Scenario>> scenario =
        MakeScenario(scenario_name, options_, call_);
    EXPECT_TRUE(scenario.ok()) << scenario.status();
    scenario_ = *std::move(scenario);
    return scenario_->NewWorker(channel_, 3);
  }

  FakeIncidentService service_;
  std::unique_ptr<grpc::Server> server_;
  std::shared_ptr<grpc::Channel> channel_;
  ScenarioOptions options_;
  CallSettings call_;
  std::unique_ptr<Scenario> scenario_;
};

TEST_F(ScenariosTest, CreateIncidentSendsFreshRealisticIncidents) {
  std::unique_ptr<Worker> worker = NewWorker("create_incident");
  const absl::Time before = absl::Now();
  for (int i = 0; i < 20; ++i) {
    const CallOutcome outcome = worker->Call();
    EXPECT_TRUE(outcome.ok()) << outcome.code;
    EXPECT_EQ(outcome.items, 0);
  }
  const std::vector<v1::CreateIncidentRequest> creates = service_.creates();
  ASSERT_THAT(creates, SizeIs(20));
  std::set<std::string> request_ids;
  std::set<std::string> systems;
  for (const v1::CreateIncidentRequest& r : creates) {
    request_ids.insert(r.request_id());
    const v1::Incident& incident = r.incident();
    systems.insert(incident.ai_system());
    EXPECT_THAT(r.request_id(), SizeIs(36));
    EXPECT_FALSE(incident.title().empty());
    EXPECT_GE(incident.description().size(), 250u);
    EXPECT_LE(incident.description().size(), 350u);
    EXPECT_THAT(incident.ai_system(), StartsWith("aiSystems/"));
    EXPECT_NE(incident.kind(), v1::KIND_UNSPECIFIED);
    EXPECT_NE(incident.severity(), v1::SEVERITY_UNSPECIFIED);
    EXPECT_NE(incident.detection_source(), v1::DETECTION_SOURCE_UNSPECIFIED);
    ASSERT_THAT(incident.harm_types(), SizeIs(2));
    EXPECT_NE(incident.harm_types(0), incident.harm_types(1));
    EXPECT_EQ(incident.labels().at("source"), "airr-bench");
    // Detected a bit in the past, after it began.
    const absl::Time detect = absl::FromUnixSeconds(incident.detect_time().seconds());
    EXPECT_LT(detect, before);
    EXPECT_GT(detect, before - absl::Hours(3));
    EXPECT_LE(incident.occur_time().seconds(), incident.detect_time().seconds());
  }
  EXPECT_THAT(request_ids, SizeIs(20));  // A fresh request id every time.
  EXPECT_THAT(systems, SizeIs(2));       // Both systems used (1 in 2^19 to fail by chance).
  EXPECT_THAT(service_.authorizations(), Each(std::string("Bearer airr_test_token")));
  // The deadline travels as a grpc-timeout header, which gRPC rounds up (to 100 ms here).
  for (absl::Duration left : service_.deadlines()) {
    EXPECT_GT(left, absl::Seconds(20));
    EXPECT_LE(left, absl::Seconds(31));
  }
}

TEST_F(ScenariosTest, CreateIncidentReportsTheStatusCode) {
  service_.FailWith(grpc::StatusCode::INVALID_ARGUMENT);
  std::unique_ptr<Worker> worker = NewWorker("create_incident");
  EXPECT_EQ(worker->Call().code, "INVALID_ARGUMENT");
}

TEST_F(ScenariosTest, IngestSignalsSendsFreshBatchesOfRecentSignals) {
  options_.batches_per_stream = 3;
  std::unique_ptr<Worker> worker = NewWorker("ingest_signals");
  const absl::Time before = absl::Now();
  for (int i = 0; i < 2; ++i) {
    const CallOutcome outcome = worker->Call();
    EXPECT_TRUE(outcome.ok()) << outcome.code;
    EXPECT_EQ(outcome.items, 3 * 50);  // Counted from the acknowledgements.
  }
  const std::vector<v1::SignalBatch> batches = service_.batches();
  ASSERT_THAT(batches, SizeIs(6));
  std::set<std::string> batch_ids;
  std::set<std::string> fingerprints;
  for (const v1::SignalBatch& batch : batches) {
    batch_ids.insert(batch.batch_id());
    ASSERT_THAT(batch.signals(), SizeIs(50));
    for (const v1::Signal& s : batch.signals()) {
      fingerprints.insert(s.fingerprint());
      EXPECT_THAT(s.fingerprint(), StartsWith("airr-bench.fp-"));
      EXPECT_THAT(s.ai_system(), StartsWith("aiSystems/"));
      EXPECT_EQ(s.source(), "airr-bench/monitor-3");
      EXPECT_NE(s.kind(), v1::SIGNAL_KIND_UNSPECIFIED);
      EXPECT_THAT(s.summary(), HasSubstr("airr-bench group"));
      const absl::Time observed = absl::FromUnixSeconds(s.observe_time().seconds());
      EXPECT_LT(observed, before);
      EXPECT_GT(observed, before - absl::Minutes(1));
    }
  }
  EXPECT_THAT(batch_ids, SizeIs(6));                  // A fresh batch id every time.
  EXPECT_THAT(fingerprints, SizeIs(7));               // All of --fingerprints, none beyond.
  EXPECT_THAT(service_.authorizations(), SizeIs(2));  // One stream per request.
}

TEST_F(ScenariosTest, ASignalGroupAlwaysBelongsToTheSameSystem) {
  std::unique_ptr<Worker> worker = NewWorker("ingest_signal_batch");
  ASSERT_TRUE(worker->Call().ok());
  const std::vector<v1::SignalBatch> batches = service_.batches();
  ASSERT_THAT(batches, SizeIs(1));
  std::map<std::string, std::string> system_of;
  for (const v1::Signal& s : batches[0].signals()) {
    const auto it = system_of.emplace(s.fingerprint(), s.ai_system()).first;
    EXPECT_EQ(it->second, s.ai_system()) << s.fingerprint();
  }
}

TEST_F(ScenariosTest, FingerprintsPerClientDoNotOverlap) {
  options_.fingerprints_per_client = true;
  absl::StatusOr<std::unique_ptr<Scenario>> scenario =
      MakeScenario("ingest_signal_batch", options_, call_);
  ASSERT_TRUE(scenario.ok()) << scenario.status();
  ASSERT_TRUE((*scenario)->NewWorker(channel_, 0)->Call().ok());
  ASSERT_TRUE((*scenario)->NewWorker(channel_, 1)->Call().ok());
  const std::vector<v1::SignalBatch> batches = service_.batches();
  ASSERT_THAT(batches, SizeIs(2));
  std::set<std::string> first;
  std::set<std::string> second;
  for (const v1::Signal& s : batches[0].signals()) {
    first.insert(s.fingerprint());
  }
  for (const v1::Signal& s : batches[1].signals()) {
    EXPECT_EQ(first.count(s.fingerprint()), 0u) << s.fingerprint();
    second.insert(s.fingerprint());
  }
  EXPECT_THAT(first, SizeIs(7));
  EXPECT_THAT(second, SizeIs(7));
}

TEST_F(ScenariosTest, AnAcknowledgementForAnotherBatchIsAFailure) {
  service_.AckWrongly();
  std::unique_ptr<Worker> worker = NewWorker("ingest_signal_batch");
  const CallOutcome outcome = worker->Call();
  EXPECT_EQ(outcome.code, "ACK_MISMATCH");
}

TEST_F(ScenariosTest, UnknownScenariosAndMissingSystemsAreRefused) {
  EXPECT_EQ(MakeScenario("delete_everything", options_, call_).status().code(),
            absl::StatusCode::kInvalidArgument);
  options_.ai_systems.clear();
  EXPECT_EQ(MakeScenario("create_incident", options_, call_).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(MakeScenario("health_check", options_, call_).ok());
}

}  // namespace
}  // namespace airr::bench
