// The closed-loop load runner: N client threads each send one request, wait for its outcome and
// send the next, first for a warm-up that is discarded and then for a measured window (a
// duration or a number of requests). Each thread keeps its own latency histogram and counters,
// merged at the end, so measuring adds no locks to the request path.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "grpcpp/channel.h"
#include "tools/airr-bench/histogram.h"
#include "tools/airr-bench/scenario.h"

namespace airr::bench {

struct RunConfig {
  int clients = 1;
  absl::Duration warmup = absl::Seconds(2);
  // The measured window, when `requests` is 0.
  absl::Duration duration = absl::Seconds(10);
  // When above 0: measure exactly this many requests (shared by the clients) after the warm-up,
  // instead of a duration.
  int64_t requests = 0;
};

// What a run measured. Only requests inside the measured window count: in duration mode those
// that started and finished in it, in request mode the `requests` that started after the warm-up.
struct RunResult {
  std::string scenario;
  std::string item_unit;  // Scenario::item_unit(): "signals", or "" for none.
  int clients = 0;
  absl::Duration measured;  // The length of the measured window.
  int64_t requests = 0;     // Completed, whatever the outcome.
  int64_t ok = 0;
  int64_t items = 0;                      // Sum of CallOutcome::items of the OK requests.
  LatencyHistogram latency_ns;            // Latency of the OK requests, in nanoseconds.
  std::map<std::string, int64_t> errors;  // Failed requests by outcome code.
  double client_cpu_seconds = 0;          // This process's user + system CPU time in the window.

  // OK requests per second of the measured window.
  double throughput() const { return PerSecond(ok); }
  // Items of OK requests per second of the measured window.
  double items_per_second() const { return PerSecond(items); }

 private:
  double PerSecond(int64_t n) const {
    const double seconds = absl::ToDoubleSeconds(measured);
    return seconds > 0 ? static_cast<double>(n) / seconds : 0.0;
  }
};

// The channel client `client_index` sends on. Called once per client, from the calling thread,
// before the clients start.
using ChannelProvider = std::function<std::shared_ptr<grpc::Channel>(int client_index)>;

// Runs `scenario` as `config` says: Prepare, one worker per client, warm-up, measurement. Blocks
// until the run is over. Returns INVALID_ARGUMENT for a bad config (clients < 1, negative
// times, no window) and whatever Prepare returns. Failed requests are results, not errors.
absl::StatusOr<RunResult> RunLoad(Scenario& scenario, const RunConfig& config,
                                  const ChannelProvider& channels);

}  // namespace airr::bench
