// An in-process airr server (the real ServiceHost) on port 0 over the test database, hosting the
// given service modules, with a channel to it. It can be restarted, as a deployment restarts a
// binary, to test what survives a restart.
#pragma once

#include <grpcpp/grpcpp.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "libs/grpcutil/status.h"
#include "services/host/service_host.h"

namespace airr::testing {

class ServerEnv {
 public:
  // Starts the server (aborts the test binary when it cannot).
  explicit ServerEnv(std::vector<host::ServiceModule> modules);
  ~ServerEnv();

  int port() const { return host_->port(); }
  std::shared_ptr<grpc::Channel> channel() { return channel_; }

  // Shuts the server down (draining up to `drain`), then starts a new one on a new port and
  // channel; stubs made from the old channel must be made again.
  void Restart(absl::Duration drain = absl::Seconds(1));

  // A client context carrying `token` (none when empty) and a 30 s deadline.
  static std::unique_ptr<grpc::ClientContext> Context(const std::string& token);

 private:
  void Start();

  std::vector<host::ServiceModule> modules_;
  std::unique_ptr<host::ServiceHost> host_;
  std::shared_ptr<grpc::Channel> channel_;
};

// Calls a unary method of `stub` as the holder of `token` (ServerEnv::Context); the server's
// status comes back as the absl::Status it returned (code, message, details).
template <typename Stub, typename Request, typename Response>
absl::StatusOr<Response> CallUnary(Stub& stub,
                                   grpc::Status (Stub::*method)(grpc::ClientContext*,
                                                                const Request&, Response*),
                                   const Request& request, const std::string& token) {
  Response response;
  auto context = ServerEnv::Context(token);
  const grpc::Status status = (stub.*method)(context.get(), request, &response);
  if (!status.ok()) {
    return grpcutil::FromGrpcStatus(status);
  }
  return response;
}

}  // namespace airr::testing
