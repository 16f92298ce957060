// JSON string literals for JSON written by hand rather than through protobuf: the YAML to JSON
// conversion of playbook files and the load generator's result files.
#pragma once

#include <string>

namespace airr::cli {

// The JSON string literal of UTF-8 `text`, quotes included: `"`, `\` and control characters are
// escaped; everything else, non-ASCII included, is kept as it is. Thread-safe.
std::string JsonQuote(const std::string& text);

}  // namespace airr::cli
