// airr-bench: the load generator. Parses the command line (bench_options.h), connects, runs one
// scenario (scenarios.h) with the closed-loop runner (load_runner.h) and prints the result as a
// table, and as JSON with --json. See `airr-bench --help`.
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "grpc/support/log.h"
#include "tools/airr-bench/bench_options.h"
#include "tools/airr-bench/channels.h"
#include "tools/airr-bench/load_runner.h"
#include "tools/airr-bench/report.h"
#include "tools/airr-bench/scenarios.h"

namespace {

void DiscardGrpcLog(gpr_log_func_args* /*args*/) {}

std::map<std::string, std::string> ReadEnvironment() {
  std::map<std::string, std::string> env;
  for (const char* name : {"AIRR_ADDR", "AIRR_TOKEN", "AIRR_TLS_CA"}) {
    if (const char* value = std::getenv(name); value != nullptr) {
      env[name] = value;
    }
  }
  return env;
}

int Fail(const absl::Status& status, int exit_code) {
  std::cerr << "airr-bench: " << absl::StatusCodeToString(status.code()) << ": " << status.message()
            << "\n";
  return exit_code;
}

}  // namespace

int main(int argc, char** argv) {
  // Failed requests are counted and reported by code; gRPC's own log lines about them would
  // only interleave with the table. GRPC_VERBOSITY brings them back.
  if (std::getenv("GRPC_VERBOSITY") == nullptr) {
    gpr_set_log_function(DiscardGrpcLog);
  }
  const std::vector<std::string> args(argv + 1, argv + argc);
  absl::StatusOr<airr::bench::BenchOptions> options =
      airr::bench::ParseBenchOptions(args, ReadEnvironment());
  if (!options.ok()) {
    Fail(options.status(), 2);
    std::cerr << "Run airr-bench --help for usage.\n";
    return 2;
  }
  if (options->help) {
    std::cout << airr::bench::BenchUsage();
    return 0;
  }
  absl::StatusOr<std::unique_ptr<airr::bench::Scenario>> scenario =
      airr::bench::MakeScenario(options->scenario, options->scenario_options, options->call);
  if (!scenario.ok()) {
    return Fail(scenario.status(), 2);
  }
  absl::StatusOr<airr::bench::ChannelProvider> channels =
      airr::bench::MakeChannelProvider(options->channels);
  if (!channels.ok()) {
    return Fail(channels.status(), 2);
  }
  // Fail early and clearly when nothing listens, instead of after a run of UNAVAILABLEs.
  if (absl::Status connected = airr::bench::WaitForConnection(
          *(*channels)(0), options->channels.address, options->call.timeout);
      !connected.ok()) {
    return Fail(connected, 1);
  }

  std::cerr << "airr-bench: " << options->scenario << ", " << options->run.clients << " client(s), "
            << airr::bench::ChannelModeName(options->channels.mode) << " channels, warm-up "
            << absl::FormatDuration(options->run.warmup) << ", then "
            << (options->run.requests > 0 ? std::to_string(options->run.requests) + " requests"
                                          : absl::FormatDuration(options->run.duration))
            << "\n";
  absl::StatusOr<airr::bench::RunResult> result =
      airr::bench::RunLoad(**scenario, options->run, *channels);
  if (!result.ok()) {
    return Fail(result.status(), 1);
  }
  std::cout << airr::bench::FormatTable({*result});
  if (!options->json_path.empty()) {
    std::ofstream out(options->json_path);
    out << airr::bench::ResultToJson(*result, options->SettingsJson()).ToString() << "\n";
    if (!out) {
      return Fail(absl::UnavailableError("cannot write --json file " + options->json_path), 1);
    }
  }
  return result->ok > 0 ? 0 : 1;
}
