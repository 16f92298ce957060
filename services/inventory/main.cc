// airr-inventory: the inventory service alone. Configuration: see README (environment).
#include "services/host/service_host.h"
#include "services/inventory/inventory_module.h"

int main() {
  return airr::host::RunServiceMain("airr-inventory", {airr::inventory::InventoryModule()});
}
