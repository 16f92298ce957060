#include "libs/pg/rows.h"

#include <pqxx/pqxx>

#include "absl/time/time.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"

namespace airr::pg {
namespace {

template <typename Container>
std::string ArrayLiteral(const Container& values) {
  std::string out = "{";
  bool first = true;
  for (const std::string& v : values) {
    if (!first) {
      out += ',';
    }
    first = false;
    out += '"';
    for (char c : v) {
      if (c == '"' || c == '\\') {
        out += '\\';
      }
      out += c;
    }
    out += '"';
  }
  out += '}';
  return out;
}

}  // namespace

std::string ToTextArray(const google::protobuf::RepeatedPtrField<std::string>& values) {
  return ArrayLiteral(values);
}

std::string ToTextArray(const std::vector<std::string>& values) { return ArrayLiteral(values); }

std::vector<std::string> FromTextArray(const pqxx::field& field) {
  std::vector<std::string> out;
  if (field.is_null()) {
    return out;
  }
  pqxx::array_parser parser = field.as_array();
  for (auto item = parser.get_next(); item.first != pqxx::array_parser::done;
       item = parser.get_next()) {
    if (item.first == pqxx::array_parser::string_value) {
      out.push_back(std::move(item.second));
    }
  }
  return out;
}

google::protobuf::Timestamp TimestampFromMicros(const pqxx::field& field) {
  google::protobuf::Timestamp ts;
  if (field.is_null()) {
    return ts;
  }
  const int64_t micros = field.as<int64_t>();
  int64_t seconds = micros / 1000000;
  int64_t rem = micros % 1000000;
  if (rem < 0) {
    rem += 1000000;
    --seconds;
  }
  ts.set_seconds(seconds);
  ts.set_nanos(static_cast<int32_t>(rem * 1000));
  return ts;
}

std::string TimestampText(const google::protobuf::Timestamp* ts) {
  if (ts == nullptr) {
    return "";
  }
  return TimeText(absl::FromUnixSeconds(ts->seconds()) + absl::Nanoseconds(ts->nanos()));
}

std::string TimeText(absl::Time t) {
  return absl::FormatTime("%E4Y-%m-%dT%H:%M:%E6SZ", t, absl::UTCTimeZone());
}

std::string EnumText(int value, const google::protobuf::EnumDescriptor* type) {
  const auto* v = type->FindValueByNumber(value);
  return v != nullptr ? v->name() : type->value(0)->name();
}

int EnumFromText(const pqxx::field& field, const google::protobuf::EnumDescriptor* type) {
  const auto* v = type->FindValueByName(field.c_str());
  return v != nullptr ? v->number() : 0;
}

std::string LabelsToJson(const google::protobuf::Map<std::string, std::string>& labels) {
  google::protobuf::Struct s;
  for (const auto& [key, value] : labels) {
    (*s.mutable_fields())[key].set_string_value(value);
  }
  return MessageToJson(s);
}

void LabelsFromJson(const pqxx::field& field,
                    google::protobuf::Map<std::string, std::string>* out) {
  google::protobuf::Struct s;
  if (field.is_null() || !google::protobuf::util::JsonStringToMessage(field.c_str(), &s).ok()) {
    return;
  }
  for (const auto& [key, value] : s.fields()) {
    (*out)[key] = value.string_value();
  }
}

std::string MessageToJson(const google::protobuf::Message& message) {
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  std::string json;
  // Printing a valid message cannot fail.
  (void)google::protobuf::util::MessageToJsonString(message, &json, options);
  return json;
}

bool MessageFromJson(const std::string& json, google::protobuf::Message* message) {
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = true;
  return google::protobuf::util::JsonStringToMessage(json, message, options).ok();
}

}  // namespace airr::pg
