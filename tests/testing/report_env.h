// An in-process airr server hosting the inventory, incident and report services on port 0 over
// the test database (reports need incidents, incidents need AI systems), with stubs, a typed call
// helper that returns the server's absl::Status with its details, and sample data.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "airr/report/v1/report_service.grpc.pb.h"
#include "tests/testing/incident_env.h"

namespace airr::testing {

class ReportEnv {
 public:
  using ReportStub = report::v1::ReportService::Stub;

  // Starts the server, also hosting `more` modules (aborts the test binary when it cannot).
  explicit ReportEnv(std::vector<host::ServiceModule> more = {});

  ServerEnv& server() { return server_; }
  ReportStub& reports() { return *reports_; }
  IncidentEnv::IncidentStub& incidents() { return *incidents_; }

  // Restarts the server (new port, new stubs).
  void Restart();

  // Calls a unary ReportService method as the holder of `token`.
  template <typename Request, typename Response>
  absl::StatusOr<Response> Call(grpc::Status (ReportStub::*method)(grpc::ClientContext*,
                                                                   const Request&, Response*),
                                const Request& request, const std::string& token) {
    return CallUnary(*reports_, method, request, token);
  }

  // Creates the AI system `aiSystems/{id}` in the tenant of `token` (an analyst or admin) and
  // returns its name; aborts the test binary when that fails.
  std::string CreateAiSystem(const std::string& token, const std::string& id);

  // Creates `incident` (see IncidentEnv::ValidIncident) as the holder of `token` (a reporter,
  // responder or admin) and returns its name; aborts the test binary when that fails.
  std::string CreateIncident(const std::string& token, const incident::v1::Incident& incident);

 private:
  void MakeStubs();

  ServerEnv server_;
  std::unique_ptr<ReportStub> reports_;
  std::unique_ptr<IncidentEnv::IncidentStub> incidents_;
  std::unique_ptr<inventory::v1::InventoryService::Stub> inventory_;
};

}  // namespace airr::testing
