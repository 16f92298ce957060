// The command line of airr-bench: which scenario, how many clients, for how long, against which
// server and with which credentials. Flags win over the environment (AIRR_ADDR, AIRR_TOKEN,
// AIRR_TLS_CA), which wins over the defaults.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "tools/airr-bench/channels.h"
#include "tools/airr-bench/json.h"
#include "tools/airr-bench/load_runner.h"
#include "tools/airr-bench/scenario.h"

namespace airr::bench {

// Everything the command line decides.
struct BenchOptions {
  std::string scenario;
  ScenarioOptions scenario_options;
  CallSettings call;  // The token in here is a secret: never printed.
  ChannelOptions channels;
  RunConfig run;
  std::string json_path;  // Where to write the JSON result; empty for none.
  bool help = false;      // --help was given; nothing else is resolved.

  // The settings as recorded in the JSON result (without the token).
  JsonObject SettingsJson() const;
};

// Parses `args` (without the program name) over `env`. Returns INVALID_ARGUMENT, with a message
// naming the flag, for unknown flags and values out of range, and when --duration and
// --requests are both given.
absl::StatusOr<BenchOptions> ParseBenchOptions(const std::vector<std::string>& args,
                                               const std::map<std::string, std::string>& env);

// The --help text.
std::string BenchUsage();

}  // namespace airr::bench
