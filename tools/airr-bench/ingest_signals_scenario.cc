#include "tools/airr-bench/ingest_signals_scenario.h"

#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "airr/incident/v1/incident_service.grpc.pb.h"
#include "tools/airr-bench/random_source.h"
#include "tools/airr-bench/timestamps.h"

namespace airr::bench {
namespace {

namespace v1 = ::airr::incident::v1;

// What a monitor reports for one fingerprint; fixed per fingerprint, as for a real monitor.
struct SignalGroup {
  std::string fingerprint;
  std::string ai_system;
  std::string summary;
  v1::SignalKind kind;
  v1::Severity severity_hint;
};

struct Detector {
  v1::SignalKind kind;
  const char* what;
};

const Detector kDetectors[] = {
    {v1::SIGNAL_KIND_GUARDRAIL, "Guardrail blocked an output"},
    {v1::SIGNAL_KIND_DRIFT, "Input drift above threshold"},
    {v1::SIGNAL_KIND_BIAS, "Selection-rate ratio below 0.8"},
    {v1::SIGNAL_KIND_ABUSE, "Prompt-injection attempt detected"},
    {v1::SIGNAL_KIND_PERFORMANCE, "Hallucination rate above threshold"},
    {v1::SIGNAL_KIND_PRIVACY, "Personal data seen in an output"},
};

// The groups client `client_index` draws from.
std::vector<SignalGroup> MakeGroups(const ScenarioOptions& options, int client_index) {
  const int first = options.fingerprints_per_client ? client_index * options.fingerprints : 0;
  std::vector<SignalGroup> groups;
  for (int i = first; i < first + options.fingerprints; ++i) {
    const std::string& system =
        options.ai_systems[static_cast<size_t>(i) % options.ai_systems.size()];
    const Detector& detector = kDetectors[static_cast<size_t>(i) % std::size(kDetectors)];
    groups.push_back({IngestSignalsScenario::Fingerprint(i), absl::StrCat("aiSystems/", system),
                      absl::StrCat(detector.what, " (", system, ", airr-bench group ", i, ")"),
                      detector.kind, i % 3 == 0 ? v1::SEVERITY_SEV3 : v1::SEVERITY_SEV4});
  }
  return groups;
}

class IngestSignalsWorker final : public Worker {
 public:
  IngestSignalsWorker(IngestSignalsScenario::Rpc rpc, const ScenarioOptions& options,
                      const CallSettings& call, const std::shared_ptr<grpc::Channel>& channel,
                      int client_index)
      : rpc_(rpc),
        batches_per_call_(rpc == IngestSignalsScenario::Rpc::kStream ? options.batches_per_stream
                                                                     : 1),
        call_(call),
        stub_(v1::IncidentService::NewStub(channel)),
        groups_(MakeGroups(options, client_index)) {
    // The batch is built once; every request rewrites only the per-signal choices and times.
    v1::SignalBatch& batch = this->batch();
    const std::string source = absl::StrCat("airr-bench/monitor-", client_index);
    for (int i = 0; i < options.batch_size; ++i) {
      v1::Signal& signal = *batch.add_signals();
      signal.set_source(source);
      (*signal.mutable_attributes())["detector_version"] = "2.4.1";
      (*signal.mutable_attributes())["score"] = absl::StrCat("0.", 80 + i % 20);
    }
  }

  CallOutcome Call() override {
    std::vector<std::string> batch_ids;
    grpc::ClientContext context;
    call_.Apply(context);
    v1::IngestSignalsResponse response;
    grpc::Status status;
    if (rpc_ == IngestSignalsScenario::Rpc::kUnary) {
      batch_ids.push_back(FillBatch());
      status = stub_->IngestSignalBatch(&context, unary_request_, &response);
    } else {
      std::unique_ptr<grpc::ClientWriter<v1::IngestSignalsRequest>> writer =
          stub_->IngestSignals(&context, &response);
      for (int i = 0; i < batches_per_call_; ++i) {
        batch_ids.push_back(FillBatch());
        // Write returns false once the call is over (the server failed it); Finish says why.
        if (!writer->Write(stream_request_)) {
          break;
        }
      }
      writer->WritesDone();
      status = writer->Finish();
    }
    CallOutcome outcome;
    if (!status.ok()) {
      outcome.code = StatusCodeName(status.error_code());
      return outcome;
    }
    // Everything acknowledged is committed: count what the acks say, and flag acks that do not
    // match what was sent (a replay would mean a batch id was reused, i.e. nothing was written).
    const auto batch_size = batch().signals_size();
    bool matches = response.acks_size() == static_cast<int>(batch_ids.size());
    for (int i = 0; i < response.acks_size(); ++i) {
      const v1::SignalBatchAck& ack = response.acks(i);
      outcome.items += ack.accepted();
      if (ack.replayed()) {
        outcome.code = "REPLAYED";
      }
      matches = matches && ack.batch_id() == batch_ids[static_cast<size_t>(i)] &&
                ack.accepted() == batch_size;
    }
    if (!matches && outcome.ok()) {
      outcome.code = "ACK_MISMATCH";
    }
    return outcome;
  }

 private:
  v1::SignalBatch& batch() {
    return rpc_ == IngestSignalsScenario::Rpc::kUnary ? *unary_request_.mutable_batch()
                                                      : *stream_request_.mutable_batch();
  }

  // Gives the batch a fresh id and every signal a random group and an observe_time in the last
  // minute; returns the batch id.
  std::string FillBatch() {
    v1::SignalBatch& b = batch();
    b.set_batch_id(random_.Uuid());
    const absl::Time now = absl::Now();
    for (v1::Signal& signal : *b.mutable_signals()) {
      const SignalGroup& group = groups_[random_.Index(groups_.size())];
      signal.set_fingerprint(group.fingerprint);
      signal.set_ai_system(group.ai_system);
      signal.set_kind(group.kind);
      signal.set_severity_hint(group.severity_hint);
      signal.set_summary(group.summary);
      // At least a second old: the server rejects observations from the future.
      SetTimestamp(now - absl::Milliseconds(random_.Uniform(1000, 59000)),
                   signal.mutable_observe_time());
    }
    return b.batch_id();
  }

  const IngestSignalsScenario::Rpc rpc_;
  const int batches_per_call_;
  const CallSettings& call_;
  std::unique_ptr<v1::IncidentService::Stub> stub_;
  const std::vector<SignalGroup> groups_;
  RandomSource random_;
  v1::IngestSignalsRequest stream_request_;
  v1::IngestSignalBatchRequest unary_request_;
};

}  // namespace

std::string IngestSignalsScenario::Fingerprint(int index) {
  return absl::StrCat("airr-bench.fp-", index);
}

std::unique_ptr<Worker> IngestSignalsScenario::NewWorker(std::shared_ptr<grpc::Channel> channel,
                                                         int client_index) {
  return std::make_unique<IngestSignalsWorker>(rpc_, options_, call_, channel, client_index);
}

}  // namespace airr::bench
