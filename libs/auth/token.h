// Bearer tokens: 256 random bits shown once to the operator, stored only as a SHA-256 hash.
#pragma once

#include <string>

#include "absl/strings/string_view.h"

namespace airr::auth {

// A new token, "airr_" followed by 43 base64url characters. Thread-safe.
std::string GenerateToken();

// The lower-case hex SHA-256 of a token: what the database stores and looks up.
std::string HashToken(absl::string_view token);

}  // namespace airr::auth
