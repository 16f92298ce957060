// The registry of scenarios the load generator knows, by command-line name. Adding a scenario
// means one entry here (scenarios.cc) and one Scenario implementation.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "tools/airr-bench/scenario.h"

namespace airr::bench {

struct ScenarioInfo {
  std::string name;  // e.g. "create_incident"
  std::string help;  // One line for --help.
};

// Every scenario, in the order --help lists them.
const std::vector<ScenarioInfo>& ScenarioCatalog();

// The scenario called `name`, configured. INVALID_ARGUMENT for an unknown name or options the
// scenario cannot use (no AI systems, a batch size or fingerprint count below 1).
absl::StatusOr<std::unique_ptr<Scenario>> MakeScenario(const std::string& name,
                                                       const ScenarioOptions& options,
                                                       const CallSettings& call);

}  // namespace airr::bench
