// An in-process airr server hosting the inventory, incident, report and playbook services on port
// 0 over the test database (runs need incidents, incidents need AI systems), with stubs and a
// typed call helper that returns the server's absl::Status with its details.
#pragma once

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "airr/playbook/v1/playbook_service.grpc.pb.h"
#include "services/playbook/playbook_module.h"
#include "tests/testing/report_env.h"

namespace airr::testing {

class PlaybookEnv {
 public:
  using PlaybookStub = playbook::v1::PlaybookService::Stub;

  // Starts the server with the playbook module built from `options` (aborts the test binary when
  // it cannot).
  explicit PlaybookEnv(playbook::PlaybookOptions options = {});

  ServerEnv& server() { return env_.server(); }
  // The base environment: AI systems and incidents (CreateAiSystem, CreateIncident, incidents()).
  ReportEnv& base() { return env_; }
  PlaybookStub& playbooks() { return *playbooks_; }

  // Restarts the server (new port, new stubs).
  void Restart();

  // Calls a unary PlaybookService method as the holder of `token`.
  template <typename Request, typename Response>
  absl::StatusOr<Response> Call(grpc::Status (PlaybookStub::*method)(grpc::ClientContext*,
                                                                     const Request&, Response*),
                                const Request& request, const std::string& token) {
    return CallUnary(*playbooks_, method, request, token);
  }

 private:
  ReportEnv env_;
  std::unique_ptr<PlaybookStub> playbooks_;
};

}  // namespace airr::testing
