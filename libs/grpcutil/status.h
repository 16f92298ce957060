// The one converter between absl::Status (used below the gRPC edge) and grpc::Status on the
// wire: codes, messages, and the google.rpc.Status details carried as status payloads.
#pragma once

#include <grpcpp/support/status.h>

#include "absl/status/status.h"

namespace airr::grpcutil {

// Converts a status for the wire. Payloads (ErrorInfo, BadRequest, ...) become the details of a
// google.rpc.Status serialized into grpc::Status::error_details().
grpc::Status ToGrpcStatus(const absl::Status& status);

// The reverse, for clients and tests: restores code, message and detail payloads.
absl::Status FromGrpcStatus(const grpc::Status& status);

}  // namespace airr::grpcutil
