// Quotes user-supplied text for inclusion in error messages. The result is always valid, printable
// UTF-8 (error details travel in proto3 string fields) and bounded in length, so echoing what the
// user wrote can neither corrupt a response nor blow it up.
#pragma once

#include <cstddef>
#include <string>

#include "absl/strings/string_view.h"

namespace airr::api {

// Returns `text` in double quotes with `"` and `\` backslash-escaped, control characters written as
// \n, \t, \r or \uNNNN, bytes that are not valid UTF-8 written as \xNN, and anything after the
// first `max_chars` code points replaced by "...". Never fails. Thread-safe.
std::string QuoteForMessage(absl::string_view text, size_t max_chars = 64);

}  // namespace airr::api
