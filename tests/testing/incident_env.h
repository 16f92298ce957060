// An in-process airr server hosting the inventory and incident services on port 0 over the test
// database (incidents need AI systems), with stubs, a typed call helper that returns the
// server's absl::Status with its details, and sample incidents.
#pragma once

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "airr/incident/v1/incident_service.grpc.pb.h"
#include "airr/inventory/v1/inventory_service.grpc.pb.h"
#include "libs/grpcutil/status.h"
#include "services/incident/incident_module.h"
#include "tests/testing/server_env.h"

namespace airr::testing {

class IncidentEnv {
 public:
  using IncidentStub = incident::v1::IncidentService::Stub;

  // Starts the server (aborts the test binary when it cannot).
  explicit IncidentEnv(incident::IncidentOptions options = {});

  ServerEnv& server() { return server_; }
  IncidentStub& incidents() { return *incidents_; }
  inventory::v1::InventoryService::Stub& inventory() { return *inventory_; }

  // Restarts the server (new port, new stubs).
  void Restart();

  // Calls a unary IncidentService method as the holder of `token`; the server's status comes back
  // as the absl::Status it returned (code, message, details).
  template <typename Request, typename Response>
  absl::StatusOr<Response> Call(grpc::Status (IncidentStub::*method)(grpc::ClientContext*,
                                                                     const Request&, Response*),
                                const Request& request, const std::string& token) {
    return CallUnary(*incidents_, method, request, token);
  }

  // Creates the AI system `aiSystems/{id}` in the tenant of `token` (an analyst or admin) and
  // returns its name; aborts the test binary when that fails.
  std::string CreateAiSystem(const std::string& token, const std::string& id);

  // A valid incident to create against `ai_system`, detected an hour ago.
  static incident::v1::Incident ValidIncident(const std::string& ai_system,
                                              const std::string& title);

 private:
  void MakeStubs();

  ServerEnv server_;
  std::unique_ptr<IncidentStub> incidents_;
  std::unique_ptr<inventory::v1::InventoryService::Stub> inventory_;
};

}  // namespace airr::testing
