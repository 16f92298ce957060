#include "tests/testing/inventory_env.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "absl/strings/str_cat.h"
#include "services/inventory/inventory_module.h"
#include "tests/testing/sample_ai_system.h"

namespace airr::testing {

namespace v1 = ::airr::inventory::v1;

InventoryEnv::InventoryEnv() {
  host::HostConfig config;
  config.server.listen = "127.0.0.1:0";
  config.database_url = PgTestDatabase::Get().admin_dsn();  // a superuser: exercises SET ROLE
  config.pool_size = 8;
  config.token_cache_ttl = absl::ZeroDuration();
  auto host = host::ServiceHost::Start(config, {inventory::InventoryModule()});
  if (!host.ok()) {
    std::fprintf(stderr, "InventoryEnv: %s\n", host.status().ToString().c_str());
    std::exit(1);
  }
  host_ = *std::move(host);
  channel_ = grpc::CreateChannel(absl::StrCat("127.0.0.1:", host_->port()),
                                 grpc::InsecureChannelCredentials());
  stub_ = v1::InventoryService::NewStub(channel_);
}

InventoryEnv::~InventoryEnv() { host_->Shutdown(absl::Seconds(1)); }

std::unique_ptr<grpc::ClientContext> InventoryEnv::Context(const std::string& token) {
  auto context = std::make_unique<grpc::ClientContext>();
  if (!token.empty()) {
    context->AddMetadata("authorization", "Bearer " + token);
  }
  context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
  return context;
}

v1::AiSystem InventoryEnv::ValidSystem(const std::string& display_name) {
  return SampleAiSystem(display_name);
}

}  // namespace airr::testing
