#include "tools/airr/proto_json_check.h"

#include <algorithm>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "google/protobuf/util/time_util.h"
#include "tools/airr/enum_names.h"
#include "tools/airr/message_file.h"
#include "tools/airr/time_text.h"

namespace airr::cli {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Value;
using google::protobuf::util::TimeUtil;

absl::Status Problem(const std::string& path, const std::string& problem) {
  return absl::InvalidArgumentError(absl::StrCat(path, ": ", problem));
}

std::string Child(const std::string& path, const std::string& name) {
  return path.empty() ? name : absl::StrCat(path, ".", name);
}

// "-15m" as well as "15m": the sign is the server's to judge.
absl::Status CheckDuration(const std::string& path, Value* value) {
  if (value->kind_case() != Value::kStringValue) {
    return Problem(path, "must be a duration in quotes, such as \"15m\", \"2h\" or \"900s\"");
  }
  const std::string& text = value->string_value();
  const bool negative = !text.empty() && text[0] == '-';
  absl::Duration duration;
  if (!ParseDurationText(negative ? text.substr(1) : text, &duration)) {
    return Problem(path, absl::StrCat("\"", text,
                                      "\" is not a duration such as \"15m\", \"2h\", \"1d\" or "
                                      "\"900s\""));
  }
  value->set_string_value(TimeUtil::ToString(ToProtoDuration(negative ? -duration : duration)));
  return absl::OkStatus();
}

absl::Status CheckTimestamp(const std::string& path, const Value& value) {
  google::protobuf::Timestamp unused;
  if (value.kind_case() != Value::kStringValue ||
      !TimeUtil::FromString(value.string_value(), &unused)) {
    return Problem(path, "must be an RFC 3339 time in quotes, such as \"2026-11-23T10:00:00Z\"");
  }
  return absl::OkStatus();
}

absl::Status CheckEnum(const FieldDescriptor& field, const std::string& path, Value* value) {
  if (value->kind_case() == Value::kNumberValue) {
    return absl::OkStatus();
  }
  if (value->kind_case() != Value::kStringValue) {
    return Problem(path,
                   "must be a value name such as \"" + ShortEnumName(*field.enum_type(), 1) + "\"");
  }
  absl::StatusOr<int> number = ParseEnumName(*field.enum_type(), value->string_value(), path);
  if (!number.ok()) {
    return number.status();
  }
  value->set_string_value(field.enum_type()->FindValueByNumber(*number)->name());
  return absl::OkStatus();
}

absl::Status CheckMessage(const Descriptor& type, const std::string& path, Value* value);

// One value of `field` (an element, for a repeated field).
absl::Status CheckSingle(const FieldDescriptor& field, const std::string& path, Value* value) {
  if (value->kind_case() == Value::kNullValue) {
    return absl::OkStatus();
  }
  switch (field.cpp_type()) {
    case FieldDescriptor::CPPTYPE_ENUM:
      return CheckEnum(field, path, value);
    case FieldDescriptor::CPPTYPE_MESSAGE: {
      const std::string& name = field.message_type()->full_name();
      if (name == "google.protobuf.Duration") {
        return CheckDuration(path, value);
      }
      if (name == "google.protobuf.Timestamp") {
        return CheckTimestamp(path, *value);
      }
      return CheckMessage(*field.message_type(), path, value);
    }
    case FieldDescriptor::CPPTYPE_STRING:
      if (value->kind_case() != Value::kStringValue) {
        return Problem(path, "must be text; put it in quotes");
      }
      return absl::OkStatus();
    case FieldDescriptor::CPPTYPE_BOOL:
      if (value->kind_case() != Value::kBoolValue) {
        return Problem(path, "must be true or false");
      }
      return absl::OkStatus();
    default:  // Numbers: protobuf takes a JSON number or a number in quotes.
      if (value->kind_case() != Value::kNumberValue && value->kind_case() != Value::kStringValue) {
        return Problem(path, "must be a number");
      }
      return absl::OkStatus();
  }
}

absl::Status CheckField(const FieldDescriptor& field, const std::string& path, Value* value) {
  if (value->kind_case() == Value::kNullValue) {
    return absl::OkStatus();
  }
  if (field.is_map()) {
    if (value->kind_case() != Value::kStructValue) {
      return Problem(path, "must be a mapping of keys to values");
    }
    const FieldDescriptor& map_value = *field.message_type()->map_value();
    for (auto& [key, entry] : *value->mutable_struct_value()->mutable_fields()) {
      if (absl::Status status = CheckSingle(map_value, absl::StrCat(path, "[", key, "]"), &entry);
          !status.ok()) {
        return status;
      }
    }
    return absl::OkStatus();
  }
  if (field.is_repeated()) {
    if (value->kind_case() != Value::kListValue) {
      return Problem(path, "must be a list");
    }
    for (int i = 0; i < value->list_value().values_size(); ++i) {
      if (absl::Status status = CheckSingle(field, absl::StrCat(path, "[", i, "]"),
                                            value->mutable_list_value()->mutable_values(i));
          !status.ok()) {
        return status;
      }
    }
    return absl::OkStatus();
  }
  return CheckSingle(field, path, value);
}

absl::Status CheckMessage(const Descriptor& type, const std::string& path, Value* value) {
  if (value->kind_case() != Value::kStructValue) {
    return Problem(path.empty() ? type.name() : path,
                   path.empty() ? "the file must hold a mapping (an object) of its fields"
                                : "must be a mapping of fields");
  }
  auto& fields = *value->mutable_struct_value()->mutable_fields();
  // In key order, so that the same file always reports the same first problem.
  std::vector<std::string> keys;
  for (const auto& [key, unused] : fields) {
    keys.push_back(key);
  }
  std::sort(keys.begin(), keys.end());
  for (const std::string& key : keys) {
    Value& field_value = fields[key];
    const FieldDescriptor* field = FindJsonField(type, key);
    const std::string field_path = Child(path, field == nullptr ? key : field->name());
    if (field == nullptr) {
      return Problem(field_path, absl::StrCat("unknown field of ", type.name()));
    }
    if (absl::Status status = CheckField(*field, field_path, &field_value); !status.ok()) {
      return status;
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status CheckProtoJson(const Descriptor& type, const std::string& path, Value* value) {
  return CheckMessage(type, path, value);
}

}  // namespace airr::cli
