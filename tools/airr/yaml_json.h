// Converts a YAML document to JSON text (libyaml), so that a file written by hand in YAML can be
// read as protobuf JSON: mappings become objects, sequences arrays, plain scalars true/false/null
// and JSON-style numbers the JSON literals, every other scalar a string. Anything YAML can say that
// JSON cannot (anchors, aliases, merge keys, tags, non-string keys, several documents) is refused.
#pragma once

#include <cstddef>
#include <string>

#include "absl/status/statusor.h"

namespace airr::cli {

// The largest YAML input ConvertYamlToJson accepts.
inline constexpr size_t kMaxYamlBytes = 1024 * 1024;

// The deepest nesting of mappings and sequences ConvertYamlToJson accepts.
inline constexpr int kMaxYamlDepth = 64;

// Converts `yaml`, one YAML 1.1 document in UTF-8 (a byte order mark is allowed), to compact JSON
// with the keys in document order.
// Scalars: a plain (unquoted) `true`, `false` (also True/TRUE, False/FALSE), `null`, `~` or empty
// value, and a plain number as JSON writes it (-12, 3.5, 1e3), become JSON literals; everything
// else, quoted scalars included, becomes a JSON string ("015", "+1", "yes" and "1_000" stay
// strings). Returns INVALID_ARGUMENT, starting with "`source`:LINE:COLUMN: " (1-based) where the
// position is known, for: input over kMaxYamlBytes, malformed YAML or UTF-8, an empty stream,
// more than one document, anchors (&a), aliases (*a), merge keys (<<), explicit tags (!!str),
// keys that are not strings (mappings, sequences, or plain true/false/null/numbers), duplicate
// keys, and nesting deeper than kMaxYamlDepth. Thread-safe.
absl::StatusOr<std::string> ConvertYamlToJson(const std::string& yaml, const std::string& source);

}  // namespace airr::cli
