// The SQL-facing type of a field that users may filter or sort on. It decides which operators a
// filter accepts for the field, how a literal is checked, and which cast its bound parameter gets.
#pragma once

namespace airr::api {

enum class FieldKind {
  kString,       // text column; literals bound uncast.
  kEnum,         // text or PG enum column holding full enum value names; bound uncast.
  kBool,         // boolean column; bound as $n::boolean.
  kInt,          // integer column; bound as $n::bigint.
  kTimestamp,    // timestamptz column; bound as $n::timestamptz (RFC 3339, normalized to UTC).
  kStringArray,  // text[] column; only "has" (field:value).
  kEnumArray,    // text[] (or enum[]) column of full enum value names; only "has".
  kLabels,       // jsonb object of string -> string; addressed as labels.<key>.
};

}  // namespace airr::api
