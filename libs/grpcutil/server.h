// Starts a gRPC server the way every airr binary runs one: health checking (per service and
// overall), server reflection, optional TLS (mTLS when a client CA is set), a thread cap, and a
// graceful shutdown that first reports NOT_SERVING and then drains in-flight calls.
#pragma once

#include <grpcpp/server.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace airr::grpcutil {

struct ServerOptions {
  // host:port to listen on; port 0 picks a free port (see Server::port()).
  std::string listen = "127.0.0.1:50051";
  // PEM files. With cert and key the server speaks TLS; with a client CA too, it requires and
  // verifies client certificates (mTLS). All empty: plaintext.
  std::string tls_cert_file;
  std::string tls_key_file;
  std::string tls_client_ca_file;
  // The most threads serving calls; matched to the database pool.
  int max_threads = 16;
};

// A service to host and the name clients use for it in health checks.
struct HostedService {
  grpc::Service* service;
  std::string full_name;  // e.g. "airr.inventory.v1.InventoryService"
};

// A running server. Thread-safe.
class Server {
 public:
  // INVALID_ARGUMENT for inconsistent TLS options, NOT_FOUND for unreadable PEM files,
  // UNAVAILABLE when the address cannot be bound.
  static absl::StatusOr<std::unique_ptr<Server>> Start(const ServerOptions& options,
                                                       const std::vector<HostedService>& services);
  ~Server();

  // The bound port.
  int port() const { return port_; }

  // Reports NOT_SERVING, stops accepting calls, waits up to `drain` for in-flight calls, then
  // cancels what remains. Idempotent.
  void Shutdown(absl::Duration drain);

 private:
  Server(std::unique_ptr<grpc::Server> server, int port, std::vector<std::string> names)
      : server_(std::move(server)), port_(port), names_(std::move(names)) {}
  std::unique_ptr<grpc::Server> server_;
  int port_;
  std::vector<std::string> names_;
  bool shut_down_ = false;
};

// Blocks SIGTERM and SIGINT in the calling thread and every thread it creates afterwards; call
// first thing in main, before any thread exists.
void BlockShutdownSignals();

// Waits for SIGTERM or SIGINT (blocked by BlockShutdownSignals) and returns its number.
int WaitForShutdownSignal();

}  // namespace airr::grpcutil
