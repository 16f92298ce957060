// A fingerprint of the parameters a List query was made with (tenant, method, filter, order_by,
// show_deleted, ...). Page tokens are bound to it, so a token cannot be replayed against another
// query (AIP-158: every other request field must match the call that produced the token).
#pragma once

#include <initializer_list>
#include <string>

#include "absl/strings/string_view.h"

namespace airr::api {

// Returns the lowercase hex SHA-256 of `parts`, each length-prefixed so that different splits of
// the same characters (("ab", "c") vs ("a", "bc")) give different fingerprints. Order matters.
// Thread-safe.
std::string QueryFingerprint(std::initializer_list<absl::string_view> parts);

}  // namespace airr::api
