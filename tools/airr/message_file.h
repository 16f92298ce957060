// Reads a resource message from protobuf JSON for `--from-file` (as `airr -o json ... get` prints
// it), together with the paths of the fields the JSON names, which become the update_mask of an
// update. Works for any message type; the caller says which fields a file may not set.
#pragma once

#include <cstddef>
#include <limits>
#include <set>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "google/protobuf/message.h"

namespace airr::cli {

// Parses `json`, a protobuf-JSON object (proto or lowerCamel field names), into `message`, and
// returns the proto names of the top-level fields the object names (also when null or empty), in
// field order, leaving out those in `ignored` (output-only fields, say). Returns INVALID_ARGUMENT
// naming `source` for malformed JSON, an unknown field or a bad value.
absl::StatusOr<std::vector<std::string>> ParseMessageJson(const std::string& json,
                                                          const std::string& source,
                                                          const std::set<std::string>& ignored,
                                                          google::protobuf::Message* message);

// The field of `type` that JSON key `key` names: the proto name ("drill_interval") or the
// lowerCamel JSON name ("drillInterval"); null when there is none.
const google::protobuf::FieldDescriptor* FindJsonField(const google::protobuf::Descriptor& type,
                                                       const std::string& key);

// The contents of the file at `path`, or of standard input for "-". NOT_FOUND, naming `flag`,
// when it cannot be read; INVALID_ARGUMENT, naming the file, when it holds more than `max_bytes`
// bytes (reading stops there).
absl::StatusOr<std::string> ReadInputFile(const std::string& path, const std::string& flag,
                                          size_t max_bytes = std::numeric_limits<size_t>::max());

// The name to use for `path` in messages: "standard input" for "-".
std::string InputName(const std::string& path);

}  // namespace airr::cli
