// Reading a client stream in a sync handler. grpc's Read returns false both at the end of the
// stream and for a message that does not parse; ReadRequest tells the two apart, so a bad message
// is refused like a bad unary request instead of ending the stream as if the client had finished.
#pragma once

#include <grpcpp/support/sync_stream.h>

#include "absl/status/statusor.h"
#include "libs/grpcutil/explained_parse.h"
#include "libs/grpcutil/status.h"

namespace airr::grpcutil {

// The next message of the stream into `request`: true when one was read, false at the end of the
// stream, INVALID_ARGUMENT naming the field when it does not parse (request types with explained
// parse failures, see cmake/airr.cmake). Not thread-safe (one reader).
template <typename Request>
absl::StatusOr<bool> ReadRequest(grpc::ServerReaderInterface<Request>* reader, Request* request) {
  TakeParseFailure();
  if (reader->Read(request)) {
    return true;
  }
  if (std::optional<grpc::Status> failure = TakeParseFailure()) {
    return FromGrpcStatus(*failure);
  }
  return false;
}

}  // namespace airr::grpcutil
