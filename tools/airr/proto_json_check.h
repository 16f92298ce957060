// Checks parsed JSON against a protobuf message type before the protobuf JSON parser reads it, so
// that a mistake in a hand-written file is reported with its JSON path ("steps[2].role"), and
// rewrites the friendlier forms people write into protobuf JSON: enum short names ("legal" for
// RESPONSIBLE_ROLE_LEGAL, "sev1") and durations such as "15m", "2h" or "1d" (protobuf: "900s").
#pragma once

#include <string>

#include "absl/status/status.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/struct.pb.h"

namespace airr::cli {

// Walks `value`, which must be a JSON object for a message of type `type` (null anywhere means
// unset), and rewrites in place: enum values given by short name (any case, '-' for '_') or full
// name become the full name; Duration values given as ParseDurationText takes them ("45m",
// "1h30m", "1d", also with a leading '-') become protobuf's "2700s". Keys may be proto or
// lowerCamel field names. Returns INVALID_ARGUMENT "PATH: problem" (PATH from `path`, e.g.
// "steps[2].role"; the field alone at the top when `path` is empty) for the first unknown field,
// unknown enum value, bad duration or timestamp, or value of the wrong JSON type (an object where
// a list is expected, a number for a text field, ...). Thread-safe.
absl::Status CheckProtoJson(const google::protobuf::Descriptor& type, const std::string& path,
                            google::protobuf::Value* value);

}  // namespace airr::cli
