// Random (version 4) UUIDs: idempotency keys chosen by clients and ids the server assigns.
#pragma once

#include <array>
#include <cstdint>
#include <string>

namespace airr {

// A fresh random v4 UUID in lower-case 8-4-4-4-12 form, from the OS's random source.
// Thread-safe.
std::string NewRandomUuid();

// The v4 UUID made of 16 random bytes (the version and variant bits are set here), in lower-case
// 8-4-4-4-12 form; for callers with a random source of their own. Thread-safe.
std::string UuidFromRandomBytes(std::array<uint8_t, 16> bytes);

}  // namespace airr
