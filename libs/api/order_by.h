// Parses a List request's `order_by` (AIP-132) against an allow-list of sortable fields. Only one
// field is supported, because keyset pagination (keyset.h) orders by that field plus a unique
// tie-breaker.
#pragma once

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "libs/api/field_kind.h"

namespace airr::api {

// One field users may sort on.
struct SortField {
  std::string name;    // as users write it, e.g. "display_name"
  std::string column;  // trusted SQL column; must be NOT NULL for keyset pagination to be exact
  FieldKind kind;  // picks the cast of the cursor value (kString, kEnum, kBool, kInt, kTimestamp)
};

// A parsed order: `field` points into the allow-list passed to ParseOrderBy, which must outlive it.
struct OrderBy {
  const SortField* field;
  bool desc;
};

// Parses `order_by` of the form "<field>" or "<field> asc|desc" (direction case-insensitive,
// ascending by default, surrounding blanks ignored). A blank `order_by` parses `default_order`
// instead, which is written the same way ("create_time desc").
// Returns INVALID_ARGUMENT on field "order_by" for an unknown field (listing the allowed ones), an
// unknown direction, more than one field, or trailing text; INTERNAL when `default_order` itself
// does not parse. Thread-safe.
absl::StatusOr<OrderBy> ParseOrderBy(absl::string_view order_by,
                                     absl::Span<const SortField> allowed,
                                     absl::string_view default_order);

}  // namespace airr::api
