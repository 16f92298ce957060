// Cheap pseudo-random numbers and UUIDs for request contents. The load generator makes one per
// client thread: std::random_device per request (as airr::NewRandomUuid does) would cost a system
// call each, and the generator shares the machine's CPUs with the server it measures.
#pragma once

#include <cstddef>
#include <cstdint>
#include <random>
#include <string>

namespace airr::bench {

// A Mersenne Twister seeded with 128 bits from std::random_device, so two threads (or two runs)
// never produce the same request ids. Not thread-safe: one per thread.
class RandomSource {
 public:
  RandomSource();
  // A deterministic sequence, for tests.
  explicit RandomSource(uint64_t seed) : rng_(seed) {}

  // A random (version 4) UUID in lower-case 8-4-4-4-12 form.
  std::string Uuid();
  // A uniformly distributed integer in [low, high].
  int64_t Uniform(int64_t low, int64_t high);
  // A uniformly distributed index below `n` (n > 0).
  size_t Index(size_t n) { return static_cast<size_t>(Uniform(0, static_cast<int64_t>(n) - 1)); }

 private:
  std::mt19937_64 rng_;
};

}  // namespace airr::bench
