#include "tests/testing/inventory_env.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "absl/strings/str_cat.h"
#include "services/inventory/inventory_module.h"

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
  v1::AiSystem s;
  s.set_display_name(display_name);
  s.set_description("Answers customer questions.");
  s.set_owner("customer-support");
  s.set_accountable_officer("Head of CS");
  s.add_actor_roles(v1::ACTOR_ROLE_PROVIDER);
  s.set_lifecycle_stage(v1::LIFECYCLE_STAGE_OPERATION);
  s.set_model_type(v1::MODEL_TYPE_LLM);
  s.set_generative_ai(true);
  s.add_data_categories(v1::DATA_CATEGORY_PERSONAL);
  s.add_jurisdictions("JP");
  s.set_human_oversight(v1::HUMAN_OVERSIGHT_ON_THE_LOOP);
  s.set_risk_tier(v1::RISK_TIER_MEDIUM);
  (*s.mutable_labels())["business_unit"] = "cs";
  return s;
}

}  // namespace airr::testing
