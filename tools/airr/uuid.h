// Random (version 4) UUIDs for request ids, which make creates idempotent: a retry with the same
// id returns the first result instead of creating a second resource.
#pragma once

#include <string>

namespace airr::cli {

// A fresh random v4 UUID in lower-case 8-4-4-4-12 form, from std::random_device. Thread-safe.
std::string NewRandomUuid();

// Whether `text` has the 8-4-4-4-12 hexadecimal form of a UUID (any version, either case).
bool IsUuid(const std::string& text);

}  // namespace airr::cli
