// Composition shared by every airr server binary: reads the configuration from the environment,
// opens the database pool, loads the shared secrets, builds authentication and the RPC edge,
// hosts the given service modules and shuts down gracefully. A binary's main.cc only lists the
// modules it hosts.
#pragma once

#include <grpcpp/impl/service_type.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "libs/api/page_token.h"
#include "libs/common/clock.h"
#include "libs/grpcutil/rpc_edge.h"
#include "libs/grpcutil/server.h"
#include "libs/grpcutil/stream_slots.h"
#include "libs/pg/outbox_listener.h"
#include "libs/pg/pool.h"

namespace airr::host {

struct HostConfig {
  // Where and how to serve; max_threads is derived from pool_size and max_streams.
  grpcutil::ServerOptions server;
  // libpq DSN; the service role or a superuser (then connections SET ROLE airr_app).
  std::string database_url;
  size_t pool_size = 8;
  absl::Duration drain_timeout = absl::Seconds(10);
  // How long a successful token lookup is cached (revocation delay).
  absl::Duration token_cache_ttl = absl::Seconds(10);
  // How many streaming calls (watches, signal streams) may run at once.
  int max_streams = 32;
};

// Reads AIRR_DATABASE_URL (required), AIRR_LISTEN, AIRR_TLS_CERT, AIRR_TLS_KEY,
// AIRR_TLS_CLIENT_CA, AIRR_DB_POOL_SIZE, AIRR_TOKEN_CACHE_SECONDS and AIRR_MAX_STREAMS.
// INVALID_ARGUMENT names the bad variable.
absl::StatusOr<HostConfig> HostConfigFromEnv();

// What a service module may use to build itself.
struct HostDeps {
  pg::ConnectionPool& pool;
  grpcutil::RpcEdge& edge;
  const api::PageTokenCodec& page_tokens;
  const Clock& clock;
  // Wakes outbox followers when events commit.
  pg::OutboxListener& outbox;
  // The cap on concurrent streaming calls, shared by all modules.
  grpcutil::StreamSlots& streams;
};

// A built service and whatever it owns (stores, ...).
class HostedModule {
 public:
  virtual ~HostedModule() = default;
  virtual grpc::Service* service() = 0;
  // Stops the module's background work (e.g. outbox consumers) and waits for it. The host calls
  // it on shutdown, after the outbox listener stops and before the server drains; it must be
  // idempotent (the host may shut down twice, and the module's destructor may call it too).
  virtual void Stop() {}
};

// One service a binary can host.
struct ServiceModule {
  std::string full_name;  // e.g. "airr.inventory.v1.InventoryService"
  // Builds the module; a module may read its own settings from the environment and fail with
  // INVALID_ARGUMENT naming the variable.
  std::function<absl::StatusOr<std::unique_ptr<HostedModule>>(HostDeps&)> build;
};

// A running host. Thread-safe.
class ServiceHost {
 public:
  // Errors from the pool (UNAVAILABLE, FAILED_PRECONDITION), the secrets (NOT_FOUND when the
  // database is not migrated) and the server (UNAVAILABLE when the address is taken).
  static absl::StatusOr<std::unique_ptr<ServiceHost>> Start(
      const HostConfig& config, const std::vector<ServiceModule>& modules);
  ~ServiceHost();

  int port() const { return server_->port(); }
  // Health NOT_SERVING, end the outbox followers (their clients resume elsewhere by cursor),
  // stop the modules' background work (HostedModule::Stop), drain up to `drain`, stop.
  // Idempotent.
  void Shutdown(absl::Duration drain);

 private:
  ServiceHost() = default;
  std::unique_ptr<pg::ConnectionPool> pool_;
  std::unique_ptr<auth::PrincipalStore> principals_;
  std::unique_ptr<auth::Authenticator> authenticator_;
  std::unique_ptr<grpcutil::RpcEdge> edge_;
  std::unique_ptr<api::PageTokenCodec> page_tokens_;
  std::unique_ptr<pg::OutboxListener> outbox_;
  std::unique_ptr<grpcutil::StreamSlots> streams_;
  std::vector<std::unique_ptr<HostedModule>> modules_;
  std::unique_ptr<grpcutil::Server> server_;
};

// The whole life of a server binary: config, start, print the address, wait for SIGTERM/SIGINT,
// drain, exit. Returns the process exit code.
int RunServiceMain(const char* binary, const std::vector<ServiceModule>& modules);

}  // namespace airr::host
