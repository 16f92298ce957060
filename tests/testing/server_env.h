// An in-process airr server (the real ServiceHost) on port 0 over the test database, hosting the
// given service modules, with a channel to it. It can be restarted, as a deployment restarts a
// binary, to test what survives a restart.
#pragma once

#include <grpcpp/grpcpp.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/time/time.h"
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

}  // namespace airr::testing
