// What the load generator runs: a Scenario describes one kind of request (CreateIncident, a
// signal batch, ...) and hands every client thread a Worker that issues such requests one at a
// time. New scenarios (get, list, lifecycle) plug in here and in the registry (scenarios.h).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "grpcpp/channel.h"
#include "grpcpp/client_context.h"
#include "grpcpp/support/status.h"

namespace airr::bench {

// What a scenario may be configured with; each uses what it needs.
struct ScenarioOptions {
  // AI system ids (without "aiSystems/") the requests refer to, spread evenly. Not empty.
  std::vector<std::string> ai_systems;
  // Signals per batch (ingest scenarios).
  int batch_size = 1000;
  // Distinct signal fingerprints, spread evenly over the AI systems (ingest scenarios).
  int fingerprints = 100;
  // Whether each client has `fingerprints` of its own (monitors watching different things)
  // instead of all clients sharing them. Batches that share a fingerprint serialize on the
  // server, so this decides whether concurrent streams can run in parallel at all.
  bool fingerprints_per_client = false;
  // Batches sent on one IngestSignals stream before it is half-closed; the stream is one request.
  int batches_per_stream = 1;
};

// How every call is made: its deadline and its credentials.
struct CallSettings {
  absl::Duration timeout = absl::Seconds(10);
  // The bearer token; empty sends none. Never printed.
  std::string token;

  // Sets the deadline (now + timeout) and the authorization metadata on `context`.
  void Apply(grpc::ClientContext& context) const;
};

// The outcome of one request.
struct CallOutcome {
  // "OK", a gRPC status code name (e.g. "DEADLINE_EXCEEDED"), or a scenario-specific name for a
  // response that is OK on the wire but wrong (e.g. "ACK_MISMATCH").
  std::string code = "OK";
  // Units of work the request completed, e.g. signals accepted; 0 for plain requests.
  int64_t items = 0;

  bool ok() const { return code == "OK"; }
};

// The name of a gRPC status code as in the gRPC docs, e.g. "DEADLINE_EXCEEDED".
std::string StatusCodeName(grpc::StatusCode code);

// Issues requests of one scenario for one client thread, one at a time. Not thread-safe: each
// client thread has its own.
class Worker {
 public:
  virtual ~Worker() = default;
  // Sends one request and waits for its outcome. Never throws; failures are outcomes.
  virtual CallOutcome Call() = 0;
};

// One kind of load. Thread-safe: NewWorker may be called from any thread.
class Scenario {
 public:
  virtual ~Scenario() = default;
  // The scenario's name on the command line, e.g. "create_incident".
  virtual std::string name() const = 0;
  // The unit counted by CallOutcome::items ("signals"), or "" when a request is the only unit.
  virtual std::string item_unit() const { return ""; }
  // Runs once before any worker exists, e.g. to create the incidents a read scenario reads.
  // A non-OK status aborts the run.
  virtual absl::Status Prepare(const std::shared_ptr<grpc::Channel>& /*channel*/) {
    return absl::OkStatus();
  }
  // A worker for client `client_index` (0-based) that sends on `channel`. The scenario must
  // outlive its workers (they share its configuration).
  virtual std::unique_ptr<Worker> NewWorker(std::shared_ptr<grpc::Channel> channel,
                                            int client_index) = 0;
};

}  // namespace airr::bench
