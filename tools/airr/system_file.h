// Reads an AiSystem from JSON for `systems create/update --from-file` (protobuf JSON, as
// `airr -o json systems get` prints it), together with the paths of the fields the file sets,
// which become the update_mask of an update. Output-only fields in the file are not updatable.
#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "airr/inventory/v1/inventory_service.pb.h"

namespace airr::cli {

// An AiSystem read from JSON.
struct SystemFile {
  inventory::v1::AiSystem system;
  // The fields the JSON object names (also when null or empty), in field order, without the
  // output-only ones (name, create_time, update_time, delete_time, etag).
  std::vector<std::string> paths;
};

// Parses `json`, a protobuf-JSON AiSystem (proto or lowerCamel field names). Returns
// INVALID_ARGUMENT naming `source` for malformed JSON, an unknown field or a bad value.
absl::StatusOr<SystemFile> ParseSystemJson(const std::string& json, const std::string& source);

// Reads the file at `path` ("-" for standard input) and parses it with ParseSystemJson.
// Returns NOT_FOUND when it cannot be read.
absl::StatusOr<SystemFile> ReadSystemFile(const std::string& path);

}  // namespace airr::cli
