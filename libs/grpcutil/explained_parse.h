// Request parsing that explains itself. gRPC answers a request it cannot parse with INTERNAL and
// no hint; for airr's request types (see airr_proto_library in cmake/airr.cmake) it instead
// answers INVALID_ARGUMENT with a BadRequest naming the field, e.g. a string that is not UTF-8.
#pragma once

#include <grpcpp/impl/codegen/proto_utils.h>
#include <grpcpp/support/byte_buffer.h>

#include <optional>

#include "google/protobuf/message.h"

namespace airr::grpcutil {

// Parses the request bytes into `message`. When they do not parse, returns INVALID_ARGUMENT whose
// BadRequest names the first offending field path (e.g. "ai_system.display_name") and why.
grpc::Status DeserializeExplained(grpc::ByteBuffer* buffer, google::protobuf::Message* message);

// Returns and clears the status of the last DeserializeExplained failure on this thread. A
// streaming handler's Read returns false both at the end of the stream and for a message that
// does not parse; call this first and after a false Read to tell the two apart.
std::optional<grpc::Status> TakeParseFailure();

}  // namespace airr::grpcutil

// Gives `Type` serialization traits that use DeserializeExplained. Used at global scope, in
// generated headers only.
#define AIRR_EXPLAIN_PARSE_FAILURES(Type)                                        \
  namespace grpc {                                                               \
  template <>                                                                    \
  class SerializationTraits<Type, void> {                                        \
   public:                                                                       \
    static Status Serialize(const Type& msg, ByteBuffer* bb, bool* own_buffer) { \
      return GenericSerialize<ProtoBufferWriter, Type>(msg, bb, own_buffer);     \
    }                                                                            \
    static Status Deserialize(ByteBuffer* buffer, Type* msg) {                   \
      return ::airr::grpcutil::DeserializeExplained(buffer, msg);                \
    }                                                                            \
  };                                                                             \
  }
