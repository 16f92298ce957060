// The inventory service as a module a server binary can host (see services/host).
#pragma once

#include "services/host/service_host.h"

namespace airr::inventory {

// Builds PgAiSystemStore and InventoryGrpcService over the host's pool and edge.
host::ServiceModule InventoryModule();

}  // namespace airr::inventory
