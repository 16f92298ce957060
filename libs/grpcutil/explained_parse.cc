#include "libs/grpcutil/explained_parse.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/stubs/common.h"
#include "google/protobuf/wire_format_lite.h"
#include "libs/api/validation.h"
#include "libs/common/errors.h"
#include "libs/grpcutil/status.h"

namespace airr::grpcutil {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::io::CodedInputStream;
using WireType = google::protobuf::internal::WireFormatLite::WireType;

constexpr int kMaxDepth = 32;

// The last failure of DeserializeExplained on this thread (see TakeParseFailure).
thread_local std::optional<grpc::Status> last_failure;

std::string Join(const std::string& prefix, const FieldDescriptor* field, uint32_t number) {
  const std::string name = field != nullptr ? field->name() : absl::StrCat("#", number);
  return prefix.empty() ? name : absl::StrCat(prefix, ".", name);
}

// The key (field 1) of an encoded map entry when it is a well-formed string, else nullopt.
std::optional<std::string> MapEntryKey(const std::string& entry) {
  constexpr uint32_t kKeyTag = (1u << 3) | 2u;  // field 1, length-delimited
  CodedInputStream in(reinterpret_cast<const uint8_t*>(entry.data()),
                      static_cast<int>(entry.size()));
  for (uint32_t tag = in.ReadTag(); tag != 0; tag = in.ReadTag()) {
    if (tag != kKeyTag) {
      if (!google::protobuf::internal::WireFormatLite::SkipField(&in, tag)) {
        return std::nullopt;
      }
      continue;
    }
    std::string key;
    if (!google::protobuf::internal::WireFormatLite::ReadString(&in, &key) ||
        !google::protobuf::internal::IsStructurallyValidUTF8(key.data(),
                                                             static_cast<int>(key.size()))) {
      return std::nullopt;
    }
    return key;
  }
  return std::nullopt;
}

// Walks the wire format of one message and returns the first field that makes it unparsable.
std::optional<FieldViolation> Diagnose(const Descriptor* type, CodedInputStream& in,
                                       const std::string& prefix, int depth) {
  if (depth > kMaxDepth) {
    return FieldViolation{prefix.empty() ? "request" : prefix, "is nested too deeply"};
  }
  // How many entries of each repeated field were read, to name the offending one.
  std::map<uint32_t, int> seen;
  while (true) {
    const uint32_t tag = in.ReadTag();
    if (tag == 0) {
      return std::nullopt;
    }
    const uint32_t number = tag >> 3;
    const FieldDescriptor* field = type != nullptr ? type->FindFieldByNumber(number) : nullptr;
    std::string path = Join(prefix, field, number);
    if (field != nullptr && field->is_repeated() && !field->is_map()) {
      absl::StrAppend(&path, "[", seen[number]++, "]");
    }
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
        if (field != nullptr && field->is_map()) {
          // Named by key, as the validators name map entries: labels["team"].
          std::string entry;
          if (!in.ReadString(&entry, static_cast<int>(length))) {
            return FieldViolation{path, "is truncated"};
          }
          CodedInputStream entry_in(reinterpret_cast<const uint8_t*>(entry.data()),
                                    static_cast<int>(entry.size()));
          if (auto v = Diagnose(field->message_type(), entry_in, "", depth + 1)) {
            const std::optional<std::string> key = MapEntryKey(entry);
            if (!key.has_value() || v->field.rfind("key", 0) == 0) {
              return FieldViolation{path, absl::StrCat("has a key that ", v->description)};
            }
            return FieldViolation{api::LabelPath(path, *key), v->description};
          }
          break;
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
  last_failure = ToGrpcStatus(InvalidFields({*violation}));
  return *last_failure;
}

std::optional<grpc::Status> TakeParseFailure() {
  std::optional<grpc::Status> failure = std::move(last_failure);
  last_failure.reset();
  return failure;
}

}  // namespace airr::grpcutil
