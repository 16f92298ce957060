// The page size of a List request (AIP-158): 0 means the method's default, larger than the maximum
// is lowered to the maximum, negative is an error.
#pragma once

#include <cstdint>

#include "absl/status/statusor.h"

namespace airr::api {

// Returns the number of rows to return for `page_size`: `default_size` when it is 0, `max_size`
// when it is larger, else `page_size`. Returns INVALID_ARGUMENT on field "page_size" when it is
// negative. Thread-safe.
absl::StatusOr<int> ResolvePageSize(int32_t page_size, int default_size, int max_size);

}  // namespace airr::api
