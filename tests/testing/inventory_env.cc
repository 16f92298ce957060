#include "tests/testing/inventory_env.h"

#include "services/inventory/inventory_module.h"
#include "tests/testing/sample_ai_system.h"

namespace airr::testing {

InventoryEnv::InventoryEnv()
    : server_({inventory::InventoryModule()}),
      stub_(inventory::v1::InventoryService::NewStub(server_.channel())) {}

inventory::v1::AiSystem InventoryEnv::ValidSystem(const std::string& display_name) {
  return SampleAiSystem(display_name);
}

}  // namespace airr::testing
