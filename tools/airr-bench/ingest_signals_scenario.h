// The signal ingestion scenarios: batches of monitor signals (fresh batch_id, observe_time within
// the last minute, fingerprints drawn from a fixed set) sent on the client-streaming
// IngestSignals RPC (ingest_signals) or on the unary IngestSignalBatch (ingest_signal_batch).
#pragma once

#include <memory>
#include <string>

#include "tools/airr-bench/scenario.h"

namespace airr::bench {

// Thread-safe (holds only configuration).
class IngestSignalsScenario final : public Scenario {
 public:
  enum class Rpc {
    kStream,  // IngestSignals: ScenarioOptions::batches_per_stream batches per stream.
    kUnary,   // IngestSignalBatch: one batch per call.
  };

  IngestSignalsScenario(Rpc rpc, ScenarioOptions options, CallSettings call)
      : rpc_(rpc), options_(std::move(options)), call_(std::move(call)) {}

  std::string name() const override {
    return rpc_ == Rpc::kStream ? "ingest_signals" : "ingest_signal_batch";
  }
  std::string item_unit() const override { return "signals"; }
  std::unique_ptr<Worker> NewWorker(std::shared_ptr<grpc::Channel> channel,
                                    int client_index) override;

  // The fingerprint of signal group `index`: "airr-bench.fp-<index>". Fixed across runs, so a
  // repeated run attaches signals to the incidents the earlier one opened (within the server's
  // deduplication window), as a monitor does.
  static std::string Fingerprint(int index);

 private:
  const Rpc rpc_;
  const ScenarioOptions options_;
  const CallSettings call_;
};

}  // namespace airr::bench
