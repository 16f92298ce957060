// The create_incident scenario: every request is a unary CreateIncident of a realistic incident
// (about 300 characters of description, two harm types, a label) with a fresh request_id, so
// each one creates a row and none is answered from the idempotency record.
#pragma once

#include <memory>
#include <string>

#include "tools/airr-bench/scenario.h"

namespace airr::bench {

// Thread-safe (holds only configuration).
class CreateIncidentScenario final : public Scenario {
 public:
  CreateIncidentScenario(ScenarioOptions options, CallSettings call)
      : options_(std::move(options)), call_(std::move(call)) {}

  std::string name() const override { return "create_incident"; }
  std::unique_ptr<Worker> NewWorker(std::shared_ptr<grpc::Channel> channel,
                                    int client_index) override;

 private:
  const ScenarioOptions options_;
  const CallSettings call_;
};

}  // namespace airr::bench
