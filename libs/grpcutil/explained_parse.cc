#include "libs/grpcutil/explained_parse.h"

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/stubs/common.h"
#include "google/protobuf/wire_format_lite.h"
#include "libs/common/errors.h"
#include "libs/grpcutil/status.h"

namespace airr::grpcutil {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::io::CodedInputStream;
using WireType = google::protobuf::internal::WireFormatLite::WireType;

constexpr int kMaxDepth = 32;

std::string Join(const std::string& prefix, const FieldDescriptor* field, uint32_t number) {
  const std::string name = field != nullptr ? field->name() : absl::StrCat("#", number);
  return prefix.empty() ? name : absl::StrCat(prefix, ".", name);
}

// Walks the wire format of one message and returns the first field that makes it unparsable.
std::optional<FieldViolation> Diagnose(const Descriptor* type, CodedInputStream& in,
                                       const std::string& prefix, int depth) {
  if (depth > kMaxDepth) {
    return FieldViolation{prefix.empty() ? "request" : prefix, "is nested too deeply"};
  }
  while (true) {
    const uint32_t tag = in.ReadTag();
    if (tag == 0) {
      return std::nullopt;
    }
    const uint32_t number = tag >> 3;
    const FieldDescriptor* field = type != nullptr ? type->FindFieldByNumber(number) : nullptr;
    const std::string path = Join(prefix, field, number);
    switch (static_cast<WireType>(tag & 7)) {
      case WireType::WIRETYPE_VARINT: {
        uint64_t ignored;
        if (!in.ReadVarint64(&ignored)) {
          return FieldViolation{path, "holds a malformed varint"};
        }
        break;
      }
      case WireType::WIRETYPE_FIXED64: {
        uint64_t ignored;
        if (!in.ReadLittleEndian64(&ignored)) {
          return FieldViolation{path, "is truncated"};
        }
        break;
      }
      case WireType::WIRETYPE_FIXED32: {
        uint32_t ignored;
        if (!in.ReadLittleEndian32(&ignored)) {
          return FieldViolation{path, "is truncated"};
        }
        break;
      }
      case WireType::WIRETYPE_LENGTH_DELIMITED: {
        uint32_t length;
        if (!in.ReadVarint32(&length)) {
          return FieldViolation{path, "has a malformed length"};
        }
        if (field != nullptr && field->type() == FieldDescriptor::TYPE_MESSAGE) {
          const auto limit = in.PushLimit(static_cast<int>(length));
          if (auto v = Diagnose(field->message_type(), in, path, depth + 1)) {
            return v;
          }
          if (!in.ConsumedEntireMessage()) {
            return FieldViolation{path, "is malformed"};
          }
          in.PopLimit(limit);
          break;
        }
        std::string bytes;
        if (!in.ReadString(&bytes, static_cast<int>(length))) {
          return FieldViolation{path, "is truncated"};
        }
        if (field != nullptr && field->type() == FieldDescriptor::TYPE_STRING &&
            !google::protobuf::internal::IsStructurallyValidUTF8(bytes.data(),
                                                                 static_cast<int>(bytes.size()))) {
          return FieldViolation{path, "must be valid UTF-8"};
        }
        break;
      }
      default:
        return FieldViolation{path, "uses an unsupported wire type (groups)"};
    }
  }
}

}  // namespace

grpc::Status DeserializeExplained(grpc::ByteBuffer* buffer, google::protobuf::Message* message) {
  std::vector<grpc::Slice> slices;
  if (!buffer->Dump(&slices).ok()) {
    return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "unreadable request payload");
  }
  buffer->Clear();
  std::string bytes;
  for (const auto& slice : slices) {
    bytes.append(reinterpret_cast<const char*>(slice.begin()), slice.size());
  }
  if (message->ParseFromString(bytes)) {
    return grpc::Status::OK;
  }
  CodedInputStream in(reinterpret_cast<const uint8_t*>(bytes.data()),
                      static_cast<int>(bytes.size()));
  std::optional<FieldViolation> violation = Diagnose(message->GetDescriptor(), in, "", 0);
  if (!violation) {
    violation = FieldViolation{"request", "is not a valid encoding of the request message"};
  }
  return ToGrpcStatus(InvalidFields({*violation}));
}

}  // namespace airr::grpcutil
