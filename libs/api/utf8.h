// A strict UTF-8 decoder (RFC 3629): rejects overlong forms, surrogates, code points above
// U+10FFFF and truncated sequences. User input is checked with it before anything else looks at
// the text, so the rest of libs/api can assume well-formed UTF-8.
#pragma once

#include <cstddef>

#include "absl/strings/string_view.h"

namespace airr::api {

// Decodes the code point that starts at byte `*pos` of `text` (which must be < text.size()).
// On success stores it in `*code_point`, advances `*pos` past it and returns true. On an invalid
// or truncated sequence returns false and leaves `*pos` and `*code_point` unchanged.
// Thread-safe (pure function).
bool DecodeUtf8(absl::string_view text, size_t* pos, char32_t* code_point);

// True when `text` is entirely well-formed UTF-8 (the empty string is). Thread-safe.
bool IsValidUtf8(absl::string_view text);

}  // namespace airr::api
