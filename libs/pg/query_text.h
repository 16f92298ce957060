// Looks up the text of an embedded query by name, for the few statements a store must complete
// before running (the `_template` queries, filled in from allow-listed fragments).
#pragma once

#include <string>

#include "absl/strings/string_view.h"

namespace airr::pg {

// The text of the query file with this stem. Aborts when there is none: names are compile-time
// constants from airr/sql/queries.h, so a miss is a build defect.
std::string QueryText(absl::string_view name);

}  // namespace airr::pg
