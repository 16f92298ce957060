#include "services/inventory/inventory_module.h"

#include "services/inventory/inventory_grpc_service.h"
#include "services/inventory/pg_ai_system_store.h"

namespace airr::inventory {
namespace {

class Module final : public host::HostedModule {
 public:
  explicit Module(host::HostDeps& deps)
      : store_(deps.pool), service_(store_, deps.edge, deps.page_tokens) {}
  grpc::Service* service() override { return &service_; }

 private:
  PgAiSystemStore store_;
  InventoryGrpcService service_;
};

}  // namespace

host::ServiceModule InventoryModule() {
  return {v1::InventoryService::service_full_name(),
          [](host::HostDeps& deps) -> absl::StatusOr<std::unique_ptr<host::HostedModule>> {
            return std::make_unique<Module>(deps);
          }};
}

}  // namespace airr::inventory
