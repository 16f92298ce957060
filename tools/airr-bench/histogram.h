// A latency histogram with bounded relative error, in the style of HdrHistogram: log-linear
// buckets (each power of two split into 128 linear sub-buckets), so any recorded value is
// reported within 1/256 of itself, in constant memory, and per-thread copies merge exactly.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace airr::bench {

// Counts non-negative integer values (the load generator records nanoseconds) in log-linear
// buckets. Values below 256 are counted exactly; above that a bucket is 1/128 of its lower bound
// wide, and percentiles report the bucket's midpoint, clamped to the recorded minimum and maximum.
// Not thread-safe: give every thread its own histogram and Merge them afterwards.
class LatencyHistogram {
 public:
  // Linear sub-buckets per power of two are 2^kSubBucketBits.
  static constexpr int kSubBucketBits = 7;
  // The largest relative difference between a value reported by ValueAtPercentile and the value
  // of the same rank among the recorded ones: half a bucket width over the bucket's lower bound.
  static constexpr double kMaxRelativeError = 1.0 / (2 << kSubBucketBits);
  // The default largest value tracked: 2^40 ns, about 18 minutes.
  static constexpr int64_t kDefaultHighestTrackable = int64_t{1} << 40;

  // `highest_trackable` bounds the bucket array; larger values are counted as this value (and
  // still set max()). Must be at least 256.
  explicit LatencyHistogram(int64_t highest_trackable = kDefaultHighestTrackable);

  // Counts `value` once; a negative value counts as 0.
  void Record(int64_t value);

  // Adds every count of `other`, which must have the same highest_trackable, as if its values had
  // been recorded here.
  void Merge(const LatencyHistogram& other);

  // Forgets every value.
  void Reset();

  // The value at or below which `percentile` percent (0 to 100) of the recorded values lie, by
  // nearest rank, within kMaxRelativeError; 0 when nothing was recorded.
  int64_t ValueAtPercentile(double percentile) const;

  int64_t count() const { return count_; }
  // The smallest and largest recorded values, exact; 0 when nothing was recorded.
  int64_t min() const { return count_ == 0 ? 0 : min_; }
  int64_t max() const { return count_ == 0 ? 0 : max_; }
  // The arithmetic mean of the recorded values, exact up to double rounding; 0 when empty.
  double mean() const;
  int64_t highest_trackable() const { return highest_trackable_; }

 private:
  // The index of the bucket that counts `value` (0 <= value <= highest_trackable_).
  static size_t IndexOf(int64_t value);
  // The smallest value and the width of the bucket at `index`.
  static int64_t LowerBound(size_t index);
  static int64_t Width(size_t index);

  int64_t highest_trackable_;
  std::vector<int64_t> counts_;
  int64_t count_ = 0;
  int64_t min_ = 0;
  int64_t max_ = 0;
  double sum_ = 0;
};

}  // namespace airr::bench
