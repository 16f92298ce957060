// Conversions between PostgreSQL column text and protobuf values used by every store: arrays,
// timestamps and JSON label maps. Connections run in UTC (see pool.cc).
#pragma once

#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "google/protobuf/map.h"
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

// A map<string,string> as a JSON object text, and back. Bind as $n::jsonb.
std::string LabelsToJson(const google::protobuf::Map<std::string, std::string>& labels);
void LabelsFromJson(const pqxx::field& field, google::protobuf::Map<std::string, std::string>* out);

// A protobuf message as JSON text (proto field names), for audit rows and outbox payloads.
std::string MessageToJson(const google::protobuf::Message& message);

}  // namespace airr::pg
