#include "tools/airr/signal_lines.h"

#include <algorithm>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "libs/common/uuid.h"
#include "tools/airr/enum_names.h"
#include "tools/airr/resource_names.h"

namespace airr::cli {
namespace {

namespace pb = ::airr::incident::v1;

using google::protobuf::Struct;
using google::protobuf::Value;

// The value of `object`'s field under its proto or its JSON name, or nullptr.
Value* FindKey(Struct* object, const google::protobuf::FieldDescriptor& field) {
  for (const std::string& key : {field.name(), field.json_name()}) {
    auto it = object->mutable_fields()->find(key);
    if (it != object->mutable_fields()->end()) {
      return &it->second;
    }
  }
  return nullptr;
}

// Replaces a short enum name in the string value of `field` by the full name.
absl::Status ExpandEnum(Struct* object, const google::protobuf::FieldDescriptor& field) {
  Value* value = FindKey(object, field);
  if (value == nullptr || value->kind_case() != Value::kStringValue) {
    return absl::OkStatus();
  }
  absl::StatusOr<int> number =
      ParseEnumName(*field.enum_type(), value->string_value(), field.json_name());
  if (!number.ok()) {
    return number.status();
  }
  value->set_string_value(field.enum_type()->FindValueByNumber(*number)->name());
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<pb::Signal> ParseSignalLine(const std::string& line,
                                           const std::string& default_source) {
  Struct object;
  if (!google::protobuf::util::JsonStringToMessage(line, &object).ok()) {
    return absl::InvalidArgumentError("not a JSON object");
  }
  const google::protobuf::Descriptor& type = *pb::Signal::descriptor();
  for (const char* field : {"kind", "severity_hint"}) {
    if (absl::Status status = ExpandEnum(&object, *type.FindFieldByName(field)); !status.ok()) {
      return status;
    }
  }
  if (Value* system = FindKey(&object, *type.FindFieldByName("ai_system"));
      system != nullptr && system->kind_case() == Value::kStringValue &&
      !system->string_value().empty()) {
    system->set_string_value(SystemName(system->string_value()));
  }
  if (FindKey(&object, *type.FindFieldByName("source")) == nullptr && !default_source.empty()) {
    (*object.mutable_fields())["source"].set_string_value(default_source);
  }
  std::string json;
  if (!google::protobuf::util::MessageToJsonString(object, &json).ok()) {
    return absl::InvalidArgumentError("not a JSON object");
  }
  pb::Signal signal;
  const auto status = google::protobuf::util::JsonStringToMessage(json, &signal);
  if (!status.ok()) {
    return absl::InvalidArgumentError(absl::StrCat("not a JSON Signal: ", status.ToString()));
  }
  return signal;
}

absl::StatusOr<std::vector<pb::Signal>> ParseSignalLines(std::istream& in,
                                                         const std::string& default_source,
                                                         const std::string& input_name) {
  std::vector<pb::Signal> signals;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (absl::StripAsciiWhitespace(line).empty()) {
      continue;
    }
    absl::StatusOr<pb::Signal> signal = ParseSignalLine(line, default_source);
    if (!signal.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat(input_name, " line ", number, ": ", signal.status().message()));
    }
    signals.push_back(*std::move(signal));
  }
  return signals;
}

std::vector<pb::SignalBatch> MakeSignalBatches(std::vector<pb::Signal> signals, int batch_size) {
  const size_t size = static_cast<size_t>(std::max(batch_size, 1));
  std::vector<pb::SignalBatch> batches;
  for (size_t i = 0; i < signals.size(); ++i) {
    if (i % size == 0) {
      batches.emplace_back().set_batch_id(NewRandomUuid());
    }
    *batches.back().add_signals() = std::move(signals[i]);
  }
  return batches;
}

}  // namespace airr::cli
