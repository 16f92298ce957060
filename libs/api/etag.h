// Entity tags for optimistic concurrency (AIP-154): a resource's row version, formatted as an
// RFC 7232 weak etag ("W/\"<base36>\"") and parsed back when a client sends it with an update.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace airr::api {

// Returns the etag of row version `version`, e.g. FormatEtag(1295) == "W/\"zz\"". Every int64
// round-trips through ParseEtag. Thread-safe.
std::string FormatEtag(int64_t version);

// Returns the version in `etag`, which must be exactly what FormatEtag produced, or the same
// without the "W/" prefix (a client may send the strong form). An empty etag means "not sent" and
// must be handled by the caller before calling this.
// Returns INVALID_ARGUMENT naming `field` for anything else (empty, unquoted, not base36, not
// canonical, out of range). Thread-safe.
absl::StatusOr<int64_t> ParseEtag(absl::string_view etag, absl::string_view field);

// The version in an optional etag: nullopt when `etag` is empty (the caller sent none), else as
// ParseEtag. Thread-safe.
absl::StatusOr<std::optional<int64_t>> ParseOptionalEtag(absl::string_view etag,
                                                         absl::string_view field);

// OK when `expected` is unset or equals `actual`; otherwise ABORTED with ErrorInfo reason
// ETAG_MISMATCH and metadata current_etag, saying that `resource_name` changed since the etag was
// read. Thread-safe.
absl::Status CheckEtagVersion(std::optional<int64_t> expected, int64_t actual,
                              absl::string_view resource_name);

}  // namespace airr::api
