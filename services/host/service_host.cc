#include "services/host/service_host.h"

#include <cstdio>
#include <cstdlib>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "libs/auth/pg_principal_store.h"
#include "libs/pg/secrets.h"

namespace airr::host {
namespace {

std::string Env(const char* name, const char* fallback = "") {
  const char* value = std::getenv(name);
  return value != nullptr ? value : fallback;
}

}  // namespace

absl::StatusOr<HostConfig> HostConfigFromEnv() {
  HostConfig config;
  config.database_url = Env("AIRR_DATABASE_URL");
  if (config.database_url.empty()) {
    return absl::InvalidArgumentError("AIRR_DATABASE_URL is not set (a libpq connection string)");
  }
  config.server.listen = Env("AIRR_LISTEN", "127.0.0.1:50051");
  config.server.tls_cert_file = Env("AIRR_TLS_CERT");
  config.server.tls_key_file = Env("AIRR_TLS_KEY");
  config.server.tls_client_ca_file = Env("AIRR_TLS_CLIENT_CA");
  const std::string pool = Env("AIRR_DB_POOL_SIZE", "8");
  int pool_size = 0;
  if (!absl::SimpleAtoi(pool, &pool_size) || pool_size < 1 || pool_size > 256) {
    return absl::InvalidArgumentError("AIRR_DB_POOL_SIZE must be an integer from 1 to 256");
  }
  config.pool_size = static_cast<size_t>(pool_size);
  int cache_seconds = 0;
  if (!absl::SimpleAtoi(Env("AIRR_TOKEN_CACHE_SECONDS", "10"), &cache_seconds) ||
      cache_seconds < 0 || cache_seconds > 3600) {
    return absl::InvalidArgumentError("AIRR_TOKEN_CACHE_SECONDS must be an integer from 0 to 3600");
  }
  config.token_cache_ttl = absl::Seconds(cache_seconds);
  if (!absl::SimpleAtoi(Env("AIRR_MAX_STREAMS", "32"), &config.max_streams) ||
      config.max_streams < 1 || config.max_streams > 10000) {
    return absl::InvalidArgumentError("AIRR_MAX_STREAMS must be an integer from 1 to 10000");
  }
  return config;
}

absl::StatusOr<std::unique_ptr<ServiceHost>> ServiceHost::Start(
    const HostConfig& config, const std::vector<ServiceModule>& modules) {
  std::unique_ptr<ServiceHost> host(new ServiceHost());
  auto pool = pg::ConnectionPool::Create({config.database_url, config.pool_size, true});
  if (!pool.ok()) {
    return pool.status();
  }
  host->pool_ = *std::move(pool);
  auto key = pg::LoadServerSecret(*host->pool_, "page_token_key");
  if (!key.ok()) {
    return key.status();
  }
  host->page_tokens_ = std::make_unique<api::PageTokenCodec>(*std::move(key));
  host->principals_ = std::make_unique<auth::PgPrincipalStore>(*host->pool_);
  const Clock& clock = SystemClock::Get();
  host->authenticator_ =
      std::make_unique<auth::Authenticator>(*host->principals_, clock, config.token_cache_ttl);
  host->edge_ = std::make_unique<grpcutil::RpcEdge>(*host->authenticator_, clock);
  host->outbox_ = std::make_unique<pg::OutboxListener>(config.database_url);
  host->streams_ = std::make_unique<grpcutil::StreamSlots>(config.max_streams);
  HostDeps deps{*host->pool_, *host->edge_,   *host->page_tokens_,
                clock,        *host->outbox_, *host->streams_};
  std::vector<grpcutil::HostedService> services;
  for (const auto& module : modules) {
    auto built = module.build(deps);
    if (!built.ok()) {
      return built.status();
    }
    host->modules_.push_back(*std::move(built));
    services.push_back({host->modules_.back()->service(), module.full_name});
  }
  // Unary handler threads beyond the pool would only queue for a connection; streaming calls
  // hold a thread each for their whole life.
  grpcutil::ServerOptions server_options = config.server;
  server_options.max_threads = static_cast<int>(config.pool_size) * 2 + config.max_streams;
  auto server = grpcutil::Server::Start(server_options, services);
  if (!server.ok()) {
    return server.status();
  }
  host->server_ = *std::move(server);
  return host;
}

ServiceHost::~ServiceHost() { Shutdown(absl::ZeroDuration()); }

void ServiceHost::Shutdown(absl::Duration drain) {
  if (outbox_ != nullptr) {
    outbox_->Stop();
  }
  for (const auto& module : modules_) {
    module->Stop();
  }
  if (server_ != nullptr) {
    server_->Shutdown(drain);
  }
}

int RunServiceMain(const char* binary, const std::vector<ServiceModule>& modules) {
  grpcutil::BlockShutdownSignals();
  auto config = HostConfigFromEnv();
  if (!config.ok()) {
    std::fprintf(stderr, "%s: %s\n", binary, config.status().ToString().c_str());
    return 2;
  }
  auto host = ServiceHost::Start(*config, modules);
  if (!host.ok()) {
    std::fprintf(stderr, "%s: cannot start: %s\n", binary, host.status().ToString().c_str());
    return 1;
  }
  const std::string::size_type colon = config->server.listen.rfind(':');
  std::printf("%s listening on %s:%d\n", binary, config->server.listen.substr(0, colon).c_str(),
              (*host)->port());
  std::fflush(stdout);
  const int sig = grpcutil::WaitForShutdownSignal();
  std::fprintf(stderr, "%s: signal %d, draining for up to %s\n", binary, sig,
               absl::FormatDuration(config->drain_timeout).c_str());
  (*host)->Shutdown(config->drain_timeout);
  return 0;
}

}  // namespace airr::host
