// Translates a user's AIP-160 `filter` string into a parenthesized SQL boolean expression over an
// allow-list of fields. User text never reaches the SQL: field names map to the allow-list's
// column expressions and every literal is bound as a `$n` parameter, cast per the field's kind.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "google/protobuf/descriptor.h"
#include "libs/api/field_kind.h"

namespace airr::api {

// Limits on a filter string.
inline constexpr size_t kMaxFilterChars = 2000;
inline constexpr int kMaxFilterDepth = 20;
inline constexpr int kMaxFilterComparisons = 50;

// One field users may filter on.
struct FilterField {
  // As users write it: "risk_tier", "eu_ai_act.category"; for kLabels the map's name ("labels"),
  // which users address as "labels.<key>".
  std::string name;
  // Trusted SQL expression for the field, e.g. "risk_tier" or "s.labels". Copied verbatim.
  std::string column;
  FieldKind kind;
  // kEnum / kEnumArray only: the values users may write (see enum_names.h); bound as full names.
  const google::protobuf::EnumDescriptor* enum_type = nullptr;
};

// A SQL fragment and the text parameters it refers to: params[i] is bound to $(first_param + i).
struct SqlClause {
  std::string sql;
  std::vector<std::string> params;
};

// Translates `filter` into SQL usable in a WHERE clause (an empty or all-blank filter gives "TRUE"
// and no params). Supported subset of AIP-160:
//
//   expression := sequence { "AND" sequence }
//   sequence   := factor { factor }               juxtaposition also means AND
//   factor     := term { "OR" term }              so OR binds tighter than AND, as in AIP-160:
//   term       := { "NOT" | "-" } simple            a AND b OR c  ==  a AND (b OR c)
//   simple     := "(" expression ")" | field op value
//   op         := "=" | "!=" | "<" | "<=" | ">" | ">=" | ":"
//   value      := "quoted string" (escapes \" and \\ only) | bare word (no blanks, ( ) " = < > !)
//
// Keywords are upper case. Per field kind:
//   kString      = != < <= > >= (exact, collation order); ":" is the same as "=".
//   kEnum        = != and ":" (same as "="); value: full or short enum name (enum_names.h).
//   kBool        = !=; value: true or false.
//   kInt         = != < <= > >=; value: a 64-bit decimal integer.
//   kTimestamp   = != < <= > >=; value: RFC 3339 with offset, e.g. 2024-05-01T00:00:00Z.
//   kStringArray ":" only: the array contains the value ($n = ANY(col)).
//   kEnumArray   ":" only, with an enum value.
//   kLabels      labels.<key> = != and ":" (same as "="); labels.<key>:* and labels:<key> test
//                that the key is present. Keys and values are both bound, never inlined.
// SQL shapes: "(col = $1)", "(col IS DISTINCT FROM $1)" for "!=", "(col > $1::bigint)",
// "($1 = ANY(col))", "((col ->> $1) = $2)", "(col ? $1)" (jsonb key exists), "(a AND b)",
// "(a OR b)", "(NOT COALESCE(a, FALSE))". Strings and enums are bound uncast so PostgreSQL infers
// the column's type (text or a PG enum).
// A bare * is only accepted in labels.<key>:*; quote it ("*") to compare with a literal star.
// SQL NULLs read as "false" in every comparison, and "!=" / NOT are their exact complements (so
// rows missing a label match labels.k != "v").
//
// Returns INVALID_ARGUMENT on field "filter" when the filter is not valid UTF-8 or has control
// characters, exceeds kMaxFilterChars, kMaxFilterDepth (parentheses and negations) or
// kMaxFilterComparisons, has a syntax error or unbalanced parentheses, names a field that is not
// in `fields`, uses an operator the field's kind does not support, or has a value that does not
// fit the field; the message names the rule and the 1-based column (in characters). Returns
// INTERNAL when `first_param` < 1 or a kEnum/kEnumArray field has no enum_type. Thread-safe.
absl::StatusOr<SqlClause> TranslateFilter(absl::string_view filter,
                                          absl::Span<const FilterField> fields, int first_param);

}  // namespace airr::api
