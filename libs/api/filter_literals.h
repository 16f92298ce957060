// Typed literals as users write them in filters: 64-bit integers, booleans and RFC 3339
// timestamps. Each is checked strictly and normalized to text that PostgreSQL casts back exactly
// ($n::bigint, $n::boolean, $n::timestamptz).
#pragma once

#include <optional>
#include <string>

#include "absl/strings/string_view.h"

namespace airr::api {

// "-42" -> "-42": optional '-', then decimal digits, within int64. No '+', blanks or leading
// junk. Returns nullopt otherwise. Thread-safe.
std::optional<std::string> ParseInt64Literal(absl::string_view text);

// "true" / "false" in any ASCII case -> "true" / "false". Returns nullopt otherwise. Thread-safe.
std::optional<std::string> ParseBoolLiteral(absl::string_view text);

// An RFC 3339 date-time with offset ("2024-05-01T02:30:00.25+02:00") -> the same instant in UTC,
// "2024-05-01T00:30:00.25Z". The year must be 0001 to 9999. Returns nullopt otherwise (including
// absl's "infinite-future"/"infinite-past"). Thread-safe.
std::optional<std::string> ParseTimestampLiteral(absl::string_view text);

}  // namespace airr::api
