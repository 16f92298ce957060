// The edge of every RPC, run around each handler: authenticates the caller from the
// `authorization` metadata, checks the permission the RPC needs before the handler can reveal
// anything, converts the handler's absl::Status to a grpc::Status, and writes one structured log
// line. It plays the role of an auth interceptor (see docs/adr/0003-rpc-edge.md for why it is a
// wrapper rather than a gRPC interceptor).
#pragma once

#include <grpcpp/server_context.h>

#include <functional>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "libs/auth/authenticator.h"
#include "libs/common/clock.h"
#include "libs/common/request_scope.h"

namespace airr::grpcutil {

// What a handler knows about its call: the authenticated principal and the scope handed to
// stores (tenant, actor, method, the x-request-id metadata and the deadline).
struct Call {
  auth::Principal principal;
  RequestScope scope;
};

// Thread-safe.
class RpcEdge {
 public:
  RpcEdge(auth::Authenticator& authenticator, const Clock& clock)
      : authenticator_(authenticator), clock_(clock) {}

  // Runs `handler` for one call. UNAUTHENTICATED without a valid token, PERMISSION_DENIED when the
  // role lacks `permission` (before the handler runs), otherwise the handler's status.
  grpc::Status Run(grpc::ServerContext* context, absl::string_view method,
                   auth::Permission permission,
                   const std::function<absl::Status(const Call&)>& handler);

 private:
  auth::Authenticator& authenticator_;
  const Clock& clock_;
};

}  // namespace airr::grpcutil
