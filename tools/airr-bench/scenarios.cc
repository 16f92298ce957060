#include "tools/airr-bench/scenarios.h"

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "tools/airr-bench/create_incident_scenario.h"
#include "tools/airr-bench/health_check_scenario.h"
#include "tools/airr-bench/ingest_signals_scenario.h"

namespace airr::bench {

const std::vector<ScenarioInfo>& ScenarioCatalog() {
  static const auto* const kCatalog = new std::vector<ScenarioInfo>{
      {"create_incident", "unary CreateIncident, a new incident per request"},
      {"ingest_signals",
       "client-streaming IngestSignals; a request is one stream of --batches-per-stream batches "
       "of --batch-size signals"},
      {"ingest_signal_batch", "unary IngestSignalBatch, one batch of --batch-size signals"},
      {"health_check",
       "unary grpc.health.v1.Health/Check: the RPC stack without the database, a ceiling"},
  };
  return *kCatalog;
}

absl::StatusOr<std::unique_ptr<Scenario>> MakeScenario(const std::string& name,
                                                       const ScenarioOptions& options,
                                                       const CallSettings& call) {
  if (name == "health_check") {
    return std::make_unique<HealthCheckScenario>(call);
  }
  if (options.ai_systems.empty()) {
    return absl::InvalidArgumentError("--ai-systems: name at least one AI system");
  }
  for (const std::string& id : options.ai_systems) {
    if (id.empty()) {
      return absl::InvalidArgumentError("--ai-systems: empty AI system id");
    }
  }
  if (name == "create_incident") {
    return std::make_unique<CreateIncidentScenario>(options, call);
  }
  if (name == "ingest_signals" || name == "ingest_signal_batch") {
    if (options.batch_size < 1) {
      return absl::InvalidArgumentError("--batch-size must be at least 1");
    }
    if (options.fingerprints < 1) {
      return absl::InvalidArgumentError("--fingerprints must be at least 1");
    }
    if (options.batches_per_stream < 1) {
      return absl::InvalidArgumentError("--batches-per-stream must be at least 1");
    }
    return std::make_unique<IngestSignalsScenario>(name == "ingest_signals"
                                                       ? IngestSignalsScenario::Rpc::kStream
                                                       : IngestSignalsScenario::Rpc::kUnary,
                                                   options, call);
  }
  std::string known;
  for (const ScenarioInfo& info : ScenarioCatalog()) {
    absl::StrAppend(&known, known.empty() ? "" : ", ", info.name);
  }
  return absl::InvalidArgumentError(
      absl::StrCat("--scenario: unknown scenario \"", name, "\"; known: ", known));
}

}  // namespace airr::bench
