// Resource names (AIP-122): "<collection>/<id>" (e.g. "incidents/7c9e6679-..."), child names
// "<parent collection>/<parent id>/<collection>/<id>" (e.g. "incidents/x/mitigations/y"), and the
// "<collection>/-" wildcard parent of list requests that span every parent (AIP-159): parsing a
// name a user sent back into its ids, and formatting ids as a name.
#pragma once

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace airr::api {

// The id that stands for every parent in a list request's parent ("incidents/-").
inline constexpr char kAnyParent[] = "-";

// Parses `name` as "<collection>/<id>" and returns the id. The id must be a user-chosen resource
// ID (see IsValidResourceId) or a canonical lowercase UUID.
// Returns INVALID_ARGUMENT naming `field` when `name` is empty, has another collection, has more
// or fewer segments, or has an invalid id. Thread-safe.
absl::StatusOr<std::string> ParseResourceName(absl::string_view name, absl::string_view collection,
                                              absl::string_view field);

// As ParseResourceName, but also accepts "<collection>/-" and then returns kAnyParent.
absl::StatusOr<std::string> ParseParentOrAny(absl::string_view name, absl::string_view collection,
                                             absl::string_view field);

// The ids of a child resource name.
struct ChildName {
  std::string parent_id;
  std::string id;
};

// Parses `name` as "<parent_collection>/<parent id>/<collection>/<id>", both ids as in
// ParseResourceName. INVALID_ARGUMENT naming `field` otherwise. Thread-safe.
absl::StatusOr<ChildName> ParseChildResourceName(absl::string_view name,
                                                 absl::string_view parent_collection,
                                                 absl::string_view collection,
                                                 absl::string_view field);

// Returns "<collection>/<id>". Does not validate. Thread-safe.
std::string FormatResourceName(absl::string_view collection, absl::string_view id);

// Returns "<parent_collection>/<parent_id>/<collection>/<id>". Does not validate. Thread-safe.
std::string FormatChildResourceName(absl::string_view parent_collection,
                                    absl::string_view parent_id, absl::string_view collection,
                                    absl::string_view id);

}  // namespace airr::api
