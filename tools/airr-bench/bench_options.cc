#include "tools/airr-bench/bench_options.h"

#include <cmath>
#include <optional>

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "tools/airr-bench/scenarios.h"
#include "tools/airr/args.h"
#include "tools/airr/usage.h"

namespace airr::bench {
namespace {

using cli::FlagSpec;
using Kind = cli::FlagSpec::Kind;

// The demo systems of `tools/dev run`, so that airr-bench works against it without flags.
constexpr char kDefaultAiSystems[] = "support-chatbot,cv-screening,credit-scoring";

const std::vector<FlagSpec>& Specs() {
  static const auto* const kSpecs = new std::vector<FlagSpec>{
      {"scenario", '\0', Kind::kValue, false, "NAME", "What to send (see below). Required."},
      {"clients", 'c', Kind::kValue, false, "N",
       "Concurrent clients, each a thread sending one request at a time (closed loop). "
       "Default 1."},
      {"duration", '\0', Kind::kValue, false, "SECONDS",
       "The measured window, in seconds or as a duration (90s, 2m). Default 10."},
      {"warmup", '\0', Kind::kValue, false, "SECONDS",
       "Load before the measured window, not counted (connections, caches). Default 2."},
      {"requests", 'n', Kind::kValue, false, "N",
       "Measure exactly N requests (over all clients) instead of a --duration."},
      {"timeout", '\0', Kind::kValue, false, "SECONDS",
       "The deadline of every request. Default 10."},
      {"channels", '\0', Kind::kValue, false, "MODE",
       "per-client (a connection per client; default) or shared (one connection for all)."},
      {"ai-systems", '\0', Kind::kValue, false, "A,B,...",
       "AI system ids the requests refer to, spread evenly; they must exist in the tenant. "
       "Default support-chatbot,cv-screening,credit-scoring (the `tools/dev run` demo)."},
      {"batch-size", '\0', Kind::kValue, false, "N", "Signals per batch. Default 1000."},
      {"fingerprints", '\0', Kind::kValue, false, "N",
       "Distinct signal fingerprints (each opens one incident). Default 100."},
      {"fingerprints-per-client", '\0', Kind::kBool, false, "",
       "Give every client --fingerprints of its own instead of sharing them. Batches sharing a "
       "fingerprint are serialized by the server."},
      {"batches-per-stream", '\0', Kind::kValue, false, "N",
       "Batches per IngestSignals stream; the stream is one request. Default 1."},
      {"json", '\0', Kind::kValue, false, "FILE", "Also write the result as JSON to FILE."},
      {"addr", '\0', Kind::kValue, false, "HOST:PORT",
       "The server. Env AIRR_ADDR; default 127.0.0.1:50051."},
      {"token", '\0', Kind::kValue, false, "TOKEN",
       "Bearer token. Env AIRR_TOKEN, which is safer: other users can see flags in `ps`."},
      {"tls-ca", '\0', Kind::kValue, false, "FILE",
       "Use TLS and trust this PEM root CA. Env AIRR_TLS_CA. Default plaintext."},
  };
  return *kSpecs;
}

// The flag's value if given, else the variable's if set and not empty, else `fallback`.
std::string Lookup(const cli::ParsedArgs& flags, const std::map<std::string, std::string>& env,
                   const std::string& flag, const std::string& variable,
                   const std::string& fallback) {
  if (std::optional<std::string> value = flags.Get(flag)) {
    return *value;
  }
  if (auto it = env.find(variable); !variable.empty() && it != env.end() && !it->second.empty()) {
    return it->second;
  }
  return fallback;
}

absl::StatusOr<int64_t> ParseCount(const cli::ParsedArgs& flags, const std::string& flag,
                                   int64_t fallback, int64_t low, int64_t high) {
  const std::optional<std::string> text = flags.Get(flag);
  if (!text) {
    return fallback;
  }
  int64_t value = 0;
  if (!absl::SimpleAtoi(*text, &value) || value < low || value > high) {
    return absl::InvalidArgumentError(
        absl::StrCat("--", flag, " must be an integer from ", low, " to ", high));
  }
  return value;
}

// Seconds ("20", "0.5") or an absl duration ("500ms", "2m"); not negative.
absl::StatusOr<absl::Duration> ParseSeconds(const cli::ParsedArgs& flags, const std::string& flag,
                                            absl::Duration fallback) {
  const std::optional<std::string> text = flags.Get(flag);
  if (!text) {
    return fallback;
  }
  double seconds = 0;
  absl::Duration d;
  if (absl::SimpleAtod(*text, &seconds) && std::isfinite(seconds)) {
    d = absl::Seconds(seconds);
  } else if (!absl::ParseDuration(*text, &d)) {
    return absl::InvalidArgumentError(
        absl::StrCat("--", flag, " must be seconds or a duration such as 500ms or 2m"));
  }
  if (d < absl::ZeroDuration()) {
    return absl::InvalidArgumentError(absl::StrCat("--", flag, " must not be negative"));
  }
  return d;
}

}  // namespace

JsonObject BenchOptions::SettingsJson() const {
  JsonObject settings;
  settings.Add("addr", channels.address)
      .Add("tls", !channels.tls_ca_file.empty())
      .Add("channels", ChannelModeName(channels.mode))
      .Add("warmup_seconds", absl::ToDoubleSeconds(run.warmup), 3)
      .Add("timeout_seconds", absl::ToDoubleSeconds(call.timeout), 3)
      .Add("ai_systems", absl::StrJoin(scenario_options.ai_systems, ","));
  if (run.requests > 0) {
    settings.Add("requests", run.requests);
  } else {
    settings.Add("duration_seconds", absl::ToDoubleSeconds(run.duration), 3);
  }
  if (scenario != "create_incident") {
    settings.Add("batch_size", scenario_options.batch_size)
        .Add("fingerprints", scenario_options.fingerprints)
        .Add("fingerprints_per_client", scenario_options.fingerprints_per_client)
        .Add("batches_per_stream", scenario_options.batches_per_stream);
  }
  return settings;
}

absl::StatusOr<BenchOptions> ParseBenchOptions(const std::vector<std::string>& args,
                                               const std::map<std::string, std::string>& env) {
  absl::StatusOr<cli::ParsedArgs> parsed = cli::ParseArgs(Specs(), args);
  if (!parsed.ok()) {
    return parsed.status();
  }
  BenchOptions options;
  if (parsed->help()) {
    options.help = true;
    return options;
  }
  if (!parsed->positional().empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("unexpected argument \"", parsed->positional()[0], "\""));
  }
  const cli::ParsedArgs& flags = *parsed;
  options.scenario = Lookup(flags, env, "scenario", "", "");
  if (options.scenario.empty()) {
    return absl::InvalidArgumentError("--scenario is required");
  }

  absl::StatusOr<int64_t> clients = ParseCount(flags, "clients", 1, 1, 1024);
  absl::StatusOr<int64_t> requests = ParseCount(flags, "requests", 0, 1, int64_t{1} << 40);
  absl::StatusOr<int64_t> batch_size = ParseCount(flags, "batch-size", 1000, 1, 100000);
  absl::StatusOr<int64_t> fingerprints = ParseCount(flags, "fingerprints", 100, 1, 1000000);
  absl::StatusOr<int64_t> per_stream = ParseCount(flags, "batches-per-stream", 1, 1, 1000000);
  absl::StatusOr<absl::Duration> duration = ParseSeconds(flags, "duration", absl::Seconds(10));
  absl::StatusOr<absl::Duration> warmup = ParseSeconds(flags, "warmup", absl::Seconds(2));
  absl::StatusOr<absl::Duration> timeout = ParseSeconds(flags, "timeout", absl::Seconds(10));
  for (const absl::Status& s :
       {clients.status(), requests.status(), batch_size.status(), fingerprints.status(),
        per_stream.status(), duration.status(), warmup.status(), timeout.status()}) {
    if (!s.ok()) {
      return s;
    }
  }
  if (flags.Has("duration") && flags.Has("requests")) {
    return absl::InvalidArgumentError("give --duration or --requests, not both");
  }
  if (*timeout <= absl::ZeroDuration()) {
    return absl::InvalidArgumentError("--timeout must be above 0");
  }
  if (*requests == 0 && *duration <= absl::ZeroDuration()) {
    return absl::InvalidArgumentError("--duration must be above 0");
  }
  options.run.clients = static_cast<int>(*clients);
  options.run.requests = *requests;
  options.run.duration = *duration;
  options.run.warmup = *warmup;
  options.call.timeout = *timeout;
  options.call.token = Lookup(flags, env, "token", "AIRR_TOKEN", "");
  options.scenario_options.batch_size = static_cast<int>(*batch_size);
  options.scenario_options.fingerprints = static_cast<int>(*fingerprints);
  options.scenario_options.fingerprints_per_client = flags.GetBool("fingerprints-per-client");
  options.scenario_options.batches_per_stream = static_cast<int>(*per_stream);
  std::vector<std::string> systems = absl::StrSplit(
      Lookup(flags, env, "ai-systems", "", kDefaultAiSystems), ',', absl::SkipWhitespace());
  options.scenario_options.ai_systems = std::move(systems);

  const std::string mode = Lookup(flags, env, "channels", "", "per-client");
  if (mode == "shared") {
    options.channels.mode = ChannelMode::kShared;
  } else if (mode == "per-client") {
    options.channels.mode = ChannelMode::kPerClient;
  } else {
    return absl::InvalidArgumentError("--channels must be per-client or shared");
  }
  options.channels.address = Lookup(flags, env, "addr", "AIRR_ADDR", "127.0.0.1:50051");
  options.channels.tls_ca_file = Lookup(flags, env, "tls-ca", "AIRR_TLS_CA", "");
  options.json_path = Lookup(flags, env, "json", "", "");
  return options;
}

std::string BenchUsage() {
  std::vector<std::pair<std::string, std::string>> rows;
  for (const ScenarioInfo& info : ScenarioCatalog()) {
    rows.emplace_back(info.name, info.help);
  }
  return absl::StrCat(
      "usage: airr-bench --scenario NAME [flags]\n\n"
      "A closed-loop load generator for an airr server: --clients threads each send a request,\n"
      "wait for it and send the next; after --warmup it measures throughput, latency\n"
      "percentiles (p50/p90/p99/p99.9, within 0.4 %) and failures by gRPC status code.\n"
      "Every request has a deadline (--timeout) and fresh ids (request_id, batch_id).\n\n"
      "Flags:\n",
      cli::FormatFlagHelp(Specs()), "\nScenarios:\n", cli::FormatTwoColumns(rows),
      "\nExit status: 0 when at least one request succeeded, 1 when none did, 2 for bad usage.\n");
}

}  // namespace airr::bench
