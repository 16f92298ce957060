#include "tools/airr/field_flags.h"

#include <algorithm>
#include <set>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "google/protobuf/timestamp.pb.h"
#include "google/protobuf/util/time_util.h"
#include "tools/airr/enum_names.h"

namespace airr::cli {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

// The fields along `path` from `root`, the last one being the field the flag sets; empty when
// the path does not resolve.
std::vector<const FieldDescriptor*> ResolvePath(const google::protobuf::Descriptor& root,
                                                const std::string& path) {
  std::vector<const FieldDescriptor*> fields;
  const google::protobuf::Descriptor* type = &root;
  for (absl::string_view part : absl::StrSplit(path, '.')) {
    const FieldDescriptor* field =
        type == nullptr ? nullptr : type->FindFieldByName(std::string(part));
    if (field == nullptr) {
      return {};
    }
    fields.push_back(field);
    type = field->message_type();
  }
  return fields;
}

bool IsTimestamp(const FieldDescriptor& field) {
  return field.message_type() != nullptr &&
         field.message_type()->full_name() == "google.protobuf.Timestamp";
}

absl::Status SetMap(const std::string& flag, const std::vector<std::string>& values,
                    Message* message, const FieldDescriptor& field) {
  const Reflection& r = *message->GetReflection();
  r.ClearField(message, &field);
  std::set<std::string> seen;
  for (const std::string& value : values) {
    if (value.empty()) {
      continue;
    }
    const size_t eq = value.find('=');
    if (eq == std::string::npos || eq == 0) {
      return absl::InvalidArgumentError(absl::StrCat(flag, ": \"", value, "\" is not KEY=VALUE"));
    }
    const std::string key = value.substr(0, eq);
    if (!seen.insert(key).second) {
      return absl::InvalidArgumentError(absl::StrCat(flag, ": key \"", key, "\" given twice"));
    }
    Message* entry = r.AddMessage(message, &field);
    const google::protobuf::Descriptor& entry_type = *entry->GetDescriptor();
    entry->GetReflection()->SetString(entry, entry_type.map_key(), key);
    entry->GetReflection()->SetString(entry, entry_type.map_value(), value.substr(eq + 1));
  }
  return absl::OkStatus();
}

// Parses `value` as a T and sets it with `set`.
template <typename T>
absl::Status SetInteger(const std::string& flag, const std::string& value, Message* message,
                        const FieldDescriptor& field,
                        void (Reflection::*set)(Message*, const FieldDescriptor*, T) const) {
  T number = 0;
  if (!absl::SimpleAtoi(value, &number)) {
    return absl::InvalidArgumentError(
        absl::StrCat(flag, ": \"", value, "\" is not a whole number"));
  }
  (message->GetReflection()->*set)(message, &field, number);
  return absl::OkStatus();
}

// Sets singular `field` of `message` from `value`; an empty value clears it.
absl::Status SetSingular(const std::string& flag, const std::string& value, Message* message,
                         const FieldDescriptor& field) {
  const Reflection& r = *message->GetReflection();
  if (value.empty() && field.cpp_type() != FieldDescriptor::CPPTYPE_BOOL) {
    r.ClearField(message, &field);
    return absl::OkStatus();
  }
  switch (field.cpp_type()) {
    case FieldDescriptor::CPPTYPE_BOOL:
      r.SetBool(message, &field, value == "true");
      return absl::OkStatus();
    case FieldDescriptor::CPPTYPE_ENUM: {
      absl::StatusOr<int> number = ParseEnumName(*field.enum_type(), value, flag);
      if (!number.ok()) {
        return number.status();
      }
      r.SetEnumValue(message, &field, *number);
      return absl::OkStatus();
    }
    case FieldDescriptor::CPPTYPE_STRING:
      r.SetString(message, &field, value);
      return absl::OkStatus();
    case FieldDescriptor::CPPTYPE_INT32:
      return SetInteger<int32_t>(flag, value, message, field, &Reflection::SetInt32);
    case FieldDescriptor::CPPTYPE_INT64:
      return SetInteger<int64_t>(flag, value, message, field, &Reflection::SetInt64);
    case FieldDescriptor::CPPTYPE_MESSAGE:
      if (IsTimestamp(field)) {
        google::protobuf::Timestamp time;
        if (!google::protobuf::util::TimeUtil::FromString(value, &time)) {
          return absl::InvalidArgumentError(absl::StrCat(
              flag, ": \"", value, "\" is not an RFC 3339 time such as 2026-11-23T10:00:00Z"));
        }
        r.MutableMessage(message, &field)->CopyFrom(time);
        return absl::OkStatus();
      }
      break;
    default:
      break;
  }
  return absl::InternalError(absl::StrCat(flag, ": unsupported field type"));
}

// Sets `field` of `message` from the flag's values (all of them for lists, the last otherwise).
absl::Status SetField(const std::string& flag, const std::vector<std::string>& values,
                      Message* message, const FieldDescriptor& field) {
  if (field.is_map()) {
    return SetMap(flag, values, message, field);
  }
  if (!field.is_repeated()) {
    return SetSingular(flag, values.back(), message, field);
  }
  const Reflection& r = *message->GetReflection();
  r.ClearField(message, &field);
  for (const std::string& value : values) {
    if (value.empty()) {
      continue;
    }
    if (field.cpp_type() == FieldDescriptor::CPPTYPE_ENUM) {
      absl::StatusOr<int> number = ParseEnumName(*field.enum_type(), value, flag);
      if (!number.ok()) {
        return number.status();
      }
      r.AddEnumValue(message, &field, *number);
    } else if (field.cpp_type() == FieldDescriptor::CPPTYPE_STRING) {
      r.AddString(message, &field, value);
    } else {
      return absl::InternalError(absl::StrCat(flag, ": unsupported list type"));
    }
  }
  return absl::OkStatus();
}

}  // namespace

std::vector<FlagSpec> FieldFlagSpecs(const google::protobuf::Descriptor& root,
                                     absl::Span<const FieldFlag> flags) {
  std::vector<FlagSpec> specs;
  for (const FieldFlag& flag : flags) {
    const std::vector<const FieldDescriptor*> fields = ResolvePath(root, flag.path);
    FlagSpec spec;
    spec.name = flag.flag;
    spec.value_name = flag.value_name;
    spec.help = flag.help;
    if (!fields.empty()) {
      const FieldDescriptor& field = *fields.back();
      spec.repeated = field.is_repeated();
      if (field.cpp_type() == FieldDescriptor::CPPTYPE_BOOL) {
        spec.kind = FlagSpec::Kind::kBool;
      }
      if (field.cpp_type() == FieldDescriptor::CPPTYPE_ENUM) {
        absl::StrAppend(&spec.help,
                        " One of: ", absl::StrJoin(AllowedEnumNames(*field.enum_type()), ", "),
                        ".");
      }
    }
    specs.push_back(std::move(spec));
  }
  return specs;
}

void AddMaskPath(const std::string& path, std::vector<std::string>* paths) {
  const bool covered = std::any_of(paths->begin(), paths->end(), [&](const std::string& p) {
    return path == p || absl::StartsWith(path, p + ".");
  });
  if (!covered) {
    paths->push_back(path);
  }
}

absl::Status ApplyFieldFlags(const ParsedArgs& args, absl::Span<const FieldFlag> flags,
                             Message* message, std::vector<std::string>* paths) {
  for (const FieldFlag& flag : flags) {
    if (!args.Has(flag.flag)) {
      continue;
    }
    const std::vector<const FieldDescriptor*> fields =
        ResolvePath(*message->GetDescriptor(), flag.path);
    if (fields.empty()) {
      return absl::InternalError(absl::StrCat("--", flag.flag, ": no field ", flag.path));
    }
    Message* parent = message;
    for (size_t i = 0; i + 1 < fields.size(); ++i) {
      parent = parent->GetReflection()->MutableMessage(parent, fields[i]);
    }
    absl::Status status =
        SetField(absl::StrCat("--", flag.flag), args.GetAll(flag.flag), parent, *fields.back());
    if (!status.ok()) {
      return status;
    }
    AddMaskPath(flag.path, paths);
  }
  return absl::OkStatus();
}

}  // namespace airr::cli
