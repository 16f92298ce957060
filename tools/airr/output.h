// Renders results for people and for scripts: `-o table` prints aligned columns for lists and a
// key/value block for one resource (found through reflection, enums shown by their short names);
// `-o json` prints protobuf JSON with the proto field names.
#pragma once

#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "google/protobuf/message.h"
#include "google/protobuf/timestamp.pb.h"

namespace airr::cli {

enum class OutputFormat { kTable, kJson };

// Parses the value of `-o`: "table" or "json". INVALID_ARGUMENT for anything else.
absl::StatusOr<OutputFormat> ParseOutputFormat(const std::string& text);

// The message as indented protobuf JSON with proto field names and a final newline.
// INTERNAL if protobuf cannot serialize it.
absl::StatusOr<std::string> FormatJson(const google::protobuf::Message& message);

// The message as protobuf JSON on one line (for JSON Lines output), with proto field names and a
// final newline. INTERNAL if protobuf cannot serialize it.
absl::StatusOr<std::string> FormatJsonLine(const google::protobuf::Message& message);

// The fields of `message` as (key, value) rows, in field order: every singular and repeated scalar
// field (enums by short name, repeated values joined by ", ", maps as sorted "k=v" pairs), nested
// messages only when set, with dotted keys ("eu_ai_act.category"), Timestamps in RFC 3339.
// Values are raw (not yet sanitized for the terminal).
std::vector<std::pair<std::string, std::string>> KeyValueRows(
    const google::protobuf::Message& message);

// `rows` as an aligned block, "key:  value" per line; multi-line values are indented and values
// are sanitized for the terminal.
std::string FormatRows(const std::vector<std::pair<std::string, std::string>>& rows);

// FormatRows(KeyValueRows(message)).
std::string FormatKeyValues(const google::protobuf::Message& message);

// A table with a header row and columns aligned by display width, two spaces apart. Cells are
// sanitized for the terminal (control characters become spaces).
std::string FormatTable(const std::vector<std::string>& header,
                        const std::vector<std::vector<std::string>>& rows);

// RFC 3339 in UTC to the second ("2024-05-01T09:30:00Z"), or "" for an unset (zero) timestamp.
std::string FormatTimestampShort(const google::protobuf::Timestamp& timestamp);

// Prints one resource: FormatKeyValues for kTable, FormatJson for kJson. Returns FormatJson's
// error, having printed nothing.
absl::Status PrintResource(OutputFormat format, const google::protobuf::Message& message,
                           std::ostream& out);

}  // namespace airr::cli
