// What the layers below the gRPC edge know about the request they serve: whose data it may touch,
// who is acting (for the audit trail) and until when the caller waits.
#pragma once

#include <string>

#include "absl/time/time.h"

namespace airr {

struct RequestScope {
  // The caller's tenant; every query runs scoped to it.
  std::string tenant_id;
  // The actor recorded in the audit trail, e.g. "alice (3f2a...)".
  std::string actor;
  // The full RPC name, e.g. "airr.inventory.v1.InventoryService/CreateAiSystem".
  std::string method;
  // The client's request id (idempotency key or x-request-id), for the audit trail.
  std::string request_id;
  // When the caller stops waiting.
  absl::Time deadline = absl::InfiniteFuture();
};

}  // namespace airr
