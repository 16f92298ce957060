// Conversions between PostgreSQL column text and protobuf values used by every store: arrays,
// timestamps and JSON label maps. Connections run in UTC (see pool.cc).
#pragma once

#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "google/protobuf/generated_enum_reflection.h"
#include "google/protobuf/map.h"
#include "google/protobuf/repeated_field.h"
#include "google/protobuf/repeated_ptr_field.h"
#include "google/protobuf/timestamp.pb.h"

namespace airr::pg {

// A PostgreSQL text[] literal for the strings, e.g. {"a","b \"c\""}. Bind it as $n::text[].
std::string ToTextArray(const google::protobuf::RepeatedPtrField<std::string>& values);
std::string ToTextArray(const std::vector<std::string>& values);

// The elements of a text[] column (NULL elements are skipped).
std::vector<std::string> FromTextArray(const pqxx::field& field);

// A timestamptz column as a protobuf Timestamp; an unset Timestamp for NULL. The column must be
// selected as epoch microseconds: (extract(epoch FROM col) * 1000000)::bigint.
google::protobuf::Timestamp TimestampFromMicros(const pqxx::field& field);

// A Timestamp as a parameter: RFC 3339 UTC text with microseconds (PostgreSQL's precision), or ""
// for nullptr. Bind it as NULLIF($n, '')::timestamptz.
std::string TimestampText(const google::protobuf::Timestamp* ts);
// The same text for an absl::Time; bind it as $n::timestamptz.
std::string TimeText(absl::Time t);

// Enum columns hold the proto enum value's full name (e.g. 'SEVERITY_SEV1'). Unknown numbers are
// written, and unknown names read, as the type's zero value.
std::string EnumText(int value, const google::protobuf::EnumDescriptor* type);
int EnumFromText(const pqxx::field& field, const google::protobuf::EnumDescriptor* type);

// An enum value as a parameter, and an enum column as a value.
template <typename E>
std::string EnumParam(E value) {
  return EnumText(static_cast<int>(value), google::protobuf::GetEnumDescriptor<E>());
}
template <typename E>
E EnumColumn(const pqxx::field& field) {
  return static_cast<E>(EnumFromText(field, google::protobuf::GetEnumDescriptor<E>()));
}

// A repeated enum as a text[] parameter (bind as $n::text[]), and a text[] column back into one.
template <typename E>
std::string EnumArrayParam(const google::protobuf::RepeatedField<int>& values) {
  std::vector<std::string> names;
  names.reserve(values.size());
  for (int value : values) {
    names.push_back(EnumText(value, google::protobuf::GetEnumDescriptor<E>()));
  }
  return ToTextArray(names);
}
template <typename E>
void EnumArrayColumn(const pqxx::field& field, google::protobuf::RepeatedField<int>* out) {
  const auto* type = google::protobuf::GetEnumDescriptor<E>();
  for (const auto& name : FromTextArray(field)) {
    const auto* v = type->FindValueByName(name);
    out->Add(v != nullptr ? v->number() : 0);
  }
}

// A map<string,string> as a JSON object text, and back. Bind as $n::jsonb.
std::string LabelsToJson(const google::protobuf::Map<std::string, std::string>& labels);
void LabelsFromJson(const pqxx::field& field, google::protobuf::Map<std::string, std::string>* out);

// A protobuf message as JSON text (proto field names), for audit rows and outbox payloads.
std::string MessageToJson(const google::protobuf::Message& message);

// Parses what MessageToJson printed (unknown fields ignored, so rows written by a newer version
// still read). False when `json` is not such a message.
bool MessageFromJson(const std::string& json, google::protobuf::Message* message);

}  // namespace airr::pg
