#include "tools/airr-bench/load_runner.h"

#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>
#include <utility>
#include <vector>

#include "absl/status/status.h"

namespace airr::bench {
namespace {

using SteadyClock = std::chrono::steady_clock;

// What one client thread measured.
struct ClientTally {
  int64_t requests = 0;
  int64_t ok = 0;
  int64_t items = 0;
  LatencyHistogram latency_ns;
  std::map<std::string, int64_t> errors;
  SteadyClock::time_point last_finish{};
};

double ProcessCpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const auto seconds = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
  };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

SteadyClock::duration ToSteady(absl::Duration d) {
  return std::chrono::duration_cast<SteadyClock::duration>(absl::ToChronoNanoseconds(d));
}

// The closed loop of one client.
void RunClient(Worker& worker, const RunConfig& config, SteadyClock::time_point measure_start,
               SteadyClock::time_point measure_end, std::atomic<int64_t>& claimed,
               ClientTally& tally) {
  const bool by_requests = config.requests > 0;
  while (true) {
    const SteadyClock::time_point start = SteadyClock::now();
    if (!by_requests && start >= measure_end) {
      break;
    }
    const bool measuring = start >= measure_start;
    if (by_requests && measuring &&
        claimed.fetch_add(1, std::memory_order_relaxed) >= config.requests) {
      break;
    }
    const CallOutcome outcome = worker.Call();
    const SteadyClock::time_point finish = SteadyClock::now();
    // In duration mode a request that ends after the window would stretch it; it is dropped.
    if (!measuring || (!by_requests && finish > measure_end)) {
      continue;
    }
    ++tally.requests;
    tally.last_finish = finish;
    if (outcome.ok()) {
      ++tally.ok;
      tally.items += outcome.items;
      tally.latency_ns.Record(
          std::chrono::duration_cast<std::chrono::nanoseconds>(finish - start).count());
    } else {
      ++tally.errors[outcome.code];
    }
  }
}

}  // namespace

absl::StatusOr<RunResult> RunLoad(Scenario& scenario, const RunConfig& config,
                                  const ChannelProvider& channels) {
  if (config.clients < 1) {
    return absl::InvalidArgumentError("--clients must be at least 1");
  }
  if (config.warmup < absl::ZeroDuration() || config.duration < absl::ZeroDuration() ||
      config.requests < 0) {
    return absl::InvalidArgumentError("--warmup, --duration and --requests must not be negative");
  }
  if (config.requests == 0 && config.duration <= absl::ZeroDuration()) {
    return absl::InvalidArgumentError("give a --duration above 0 or a number of --requests");
  }
  std::vector<std::shared_ptr<grpc::Channel>> client_channels;
  for (int i = 0; i < config.clients; ++i) {
    client_channels.push_back(channels(i));
  }
  if (absl::Status prepared = scenario.Prepare(client_channels[0]); !prepared.ok()) {
    return prepared;
  }
  std::vector<std::unique_ptr<Worker>> workers;
  for (int i = 0; i < config.clients; ++i) {
    workers.push_back(scenario.NewWorker(client_channels[static_cast<size_t>(i)], i));
  }

  std::vector<ClientTally> tallies(static_cast<size_t>(config.clients));
  std::atomic<int64_t> claimed{0};
  const SteadyClock::time_point begin = SteadyClock::now();
  const SteadyClock::time_point measure_start = begin + ToSteady(config.warmup);
  const SteadyClock::time_point measure_end = measure_start + ToSteady(config.duration);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < workers.size(); ++i) {
    threads.emplace_back(RunClient, std::ref(*workers[i]), std::cref(config), measure_start,
                         measure_end, std::ref(claimed), std::ref(tallies[i]));
  }
  // The CPU time of the window: the warm-up (connecting, first calls) is left out.
  std::this_thread::sleep_until(measure_start);
  const double cpu_start = ProcessCpuSeconds();
  for (std::thread& t : threads) {
    t.join();
  }
  const double cpu_end = ProcessCpuSeconds();

  RunResult result;
  result.scenario = scenario.name();
  result.item_unit = scenario.item_unit();
  result.clients = config.clients;
  result.client_cpu_seconds = cpu_end - cpu_start;
  SteadyClock::time_point last_finish = measure_start;
  for (const ClientTally& tally : tallies) {
    result.requests += tally.requests;
    result.ok += tally.ok;
    result.items += tally.items;
    result.latency_ns.Merge(tally.latency_ns);
    for (const auto& [code, n] : tally.errors) {
      result.errors[code] += n;
    }
    last_finish = std::max(last_finish, tally.last_finish);
  }
  result.measured =
      config.requests > 0 ? absl::FromChrono(last_finish - measure_start) : config.duration;
  return result;
}

}  // namespace airr::bench
