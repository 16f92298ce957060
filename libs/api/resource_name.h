// Resource names of the form "<collection>/<id>" (AIP-122), e.g. "incidents/7c9e6679-...": parsing
// a name a user sent back into its ID, and formatting an ID as a name.
#pragma once

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace airr::api {

// Parses `name` as "<collection>/<id>" and returns the id. The id must be a user-chosen resource
// ID (see IsValidResourceId) or a canonical lowercase UUID.
// Returns INVALID_ARGUMENT naming `field` when `name` is empty, has another collection, has more
// or fewer segments, or has an invalid id. Thread-safe.
absl::StatusOr<std::string> ParseResourceName(absl::string_view name, absl::string_view collection,
                                              absl::string_view field);

// Returns "<collection>/<id>". Does not validate. Thread-safe.
std::string FormatResourceName(absl::string_view collection, absl::string_view id);

}  // namespace airr::api
