// Checks for user-supplied fields: free text, UUIDs, resource IDs and label maps. Every failure is
// INVALID_ARGUMENT built with airr::InvalidField, naming the offending field and the rule broken,
// so handlers can return the status unchanged.
#pragma once

#include <cstddef>
#include <map>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/map.h"

namespace airr::api {

// The most entries a labels map may have, and the most characters a label value may have.
inline constexpr size_t kMaxLabels = 32;
inline constexpr size_t kMaxLabelValueChars = 200;

// Checks free text. `value` must be well-formed UTF-8 (no overlong forms, surrogates or truncated
// sequences), must contain no NUL, C0 or C1 control character nor DEL, except that `multiline`
// text may contain '\n', '\r' and '\t', and must be `min_chars` to `max_chars` code points long
// (so the empty string passes only when `min_chars` is 0).
// Returns OK, or INVALID_ARGUMENT naming `field` with one of the rules "must be valid UTF-8",
// "must not contain control characters" or "must be 1 to 200 characters". Thread-safe.
absl::Status CheckText(absl::string_view field, absl::string_view value, size_t min_chars,
                       size_t max_chars, bool multiline);

// True when `value` is a UUID in the canonical 8-4-4-4-12 hex form; with `lowercase_only`, hex
// letters must be lowercase. Thread-safe.
bool IsCanonicalUuid(absl::string_view value, bool lowercase_only);

// Checks that `value` is a UUID in canonical 8-4-4-4-12 hex form (either case, as RFC 9562 allows
// on input). Returns OK or INVALID_ARGUMENT naming `field`. Thread-safe.
absl::Status CheckUuid(absl::string_view field, absl::string_view value);

// True when `id` matches ^[a-z][a-z0-9-]{0,62}$ and does not end with '-'. Thread-safe.
bool IsValidResourceId(absl::string_view id);

// The rule IsValidResourceId checks, as error messages state it.
inline constexpr char kResourceIdRule[] =
    "must be 1 to 63 characters of lowercase letters, digits and '-', start with a letter and not "
    "end with '-'";

// Checks a user-chosen resource ID (see IsValidResourceId). Returns OK or INVALID_ARGUMENT naming
// `field`. Thread-safe.
absl::Status CheckResourceId(absl::string_view field, absl::string_view id);

// Checks one label key: ^[a-z][a-z0-9_-]{0,62}$. Returns OK or INVALID_ARGUMENT naming `field`.
// Thread-safe.
absl::Status CheckLabelKey(absl::string_view field, absl::string_view key);

// The path of one entry of a labels map in error details, e.g. LabelPath("ai_system.labels",
// "team") is `ai_system.labels["team"]` (the key is quoted with QuoteForMessage). Thread-safe.
std::string LabelPath(absl::string_view field, absl::string_view key);

// Checks a labels map named `field` (e.g. "ai_system.labels"): at most kMaxLabels entries, every
// key passes CheckLabelKey and every value is single-line text of at most kMaxLabelValueChars.
// Entries are checked in key order and the first violation is returned as INVALID_ARGUMENT naming
// `field` (too many entries) or the entry's LabelPath. Thread-safe.
absl::Status CheckLabels(absl::string_view field,
                         const google::protobuf::Map<std::string, std::string>& labels);
absl::Status CheckLabels(absl::string_view field, const std::map<std::string, std::string>& labels);

}  // namespace airr::api
