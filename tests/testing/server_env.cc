#include "tests/testing/server_env.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "absl/strings/str_cat.h"
#include "tests/testing/pg_fixture.h"

namespace airr::testing {

ServerEnv::ServerEnv(std::vector<host::ServiceModule> modules) : modules_(std::move(modules)) {
  Start();
}

ServerEnv::~ServerEnv() { host_->Shutdown(absl::Seconds(1)); }

void ServerEnv::Start() {
  host::HostConfig config;
  config.server.listen = "127.0.0.1:0";
  config.database_url = PgTestDatabase::Get().admin_dsn();  // a superuser: exercises SET ROLE
  config.pool_size = 8;
  config.max_streams = 16;
  config.token_cache_ttl = absl::ZeroDuration();
  auto host = host::ServiceHost::Start(config, modules_);
  if (!host.ok()) {
    std::fprintf(stderr, "ServerEnv: %s\n", host.status().ToString().c_str());
    std::exit(1);
  }
  host_ = *std::move(host);
  channel_ = grpc::CreateChannel(absl::StrCat("127.0.0.1:", host_->port()),
                                 grpc::InsecureChannelCredentials());
}

void ServerEnv::Restart(absl::Duration drain) {
  host_->Shutdown(drain);
  host_.reset();
  Start();
}

std::unique_ptr<grpc::ClientContext> ServerEnv::Context(const std::string& token) {
  auto context = std::make_unique<grpc::ClientContext>();
  if (!token.empty()) {
    context->AddMetadata("authorization", "Bearer " + token);
  }
  context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
  return context;
}

}  // namespace airr::testing
