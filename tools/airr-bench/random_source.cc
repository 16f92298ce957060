#include "tools/airr-bench/random_source.h"

#include <array>

#include "libs/common/uuid.h"

namespace airr::bench {
namespace {

std::mt19937_64 SeededEngine() {
  std::random_device device;
  std::seed_seq seed{device(), device(), device(), device()};
  return std::mt19937_64(seed);
}

}  // namespace

RandomSource::RandomSource() : rng_(SeededEngine()) {}

std::string RandomSource::Uuid() {
  std::array<uint8_t, 16> bytes;
  const uint64_t high = rng_();
  const uint64_t low = rng_();
  for (size_t i = 0; i < 8; ++i) {
    bytes[i] = static_cast<uint8_t>(high >> (8 * i));
    bytes[8 + i] = static_cast<uint8_t>(low >> (8 * i));
  }
  return UuidFromRandomBytes(bytes);
}

int64_t RandomSource::Uniform(int64_t low, int64_t high) {
  return std::uniform_int_distribution<int64_t>(low, high)(rng_);
}

}  // namespace airr::bench
