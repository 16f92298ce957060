// The health_check scenario: unary grpc.health.v1.Health/Check of the whole server. It touches
// no database, so it measures the RPC stack alone (this machine's ceiling for the other
// scenarios) and what the load generator itself can drive (e.g. shared vs per-client channels).
#pragma once

#include <memory>
#include <string>

#include "tools/airr-bench/scenario.h"

namespace airr::bench {

// Thread-safe (holds only configuration).
class HealthCheckScenario final : public Scenario {
 public:
  explicit HealthCheckScenario(CallSettings call) : call_(std::move(call)) {}

  std::string name() const override { return "health_check"; }
  std::unique_ptr<Worker> NewWorker(std::shared_ptr<grpc::Channel> channel,
                                    int client_index) override;

 private:
  const CallSettings call_;
};

}  // namespace airr::bench
