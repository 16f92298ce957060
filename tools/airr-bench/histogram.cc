#include "tools/airr-bench/histogram.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace airr::bench {
namespace {

constexpr int64_t kHalf = int64_t{1} << LatencyHistogram::kSubBucketBits;  // 128
constexpr int kLinearBits = LatencyHistogram::kSubBucketBits + 1;          // values < 256 exact

int BitWidth(uint64_t v) { return v == 0 ? 0 : 64 - __builtin_clzll(v); }

}  // namespace

LatencyHistogram::LatencyHistogram(int64_t highest_trackable)
    : highest_trackable_(std::max<int64_t>(highest_trackable, 2 * kHalf)),
      counts_(IndexOf(highest_trackable_) + 1, 0) {}

// Values below 2^kLinearBits get a bucket each. Above, a value is shifted right until it fits in
// kLinearBits bits; its top bit is then always set, so only the upper half of those sub-buckets
// is used, and each shift step adds kHalf buckets. That makes the index space contiguous.
size_t LatencyHistogram::IndexOf(int64_t value) {
  const int shift = std::max(0, BitWidth(static_cast<uint64_t>(value)) - kLinearBits);
  return static_cast<size_t>(shift * kHalf + (value >> shift));
}

int64_t LatencyHistogram::LowerBound(size_t index) {
  const auto i = static_cast<int64_t>(index);
  if (i < 2 * kHalf) {
    return i;
  }
  const int64_t shift = i / kHalf - 1;
  return (i - shift * kHalf) << shift;
}

int64_t LatencyHistogram::Width(size_t index) {
  const auto i = static_cast<int64_t>(index);
  return i < 2 * kHalf ? 1 : int64_t{1} << (i / kHalf - 1);
}

void LatencyHistogram::Record(int64_t value) {
  value = std::max<int64_t>(value, 0);
  if (count_ == 0) {
    min_ = max_ = value;
  } else {
    min_ = std::min(min_, value);
    max_ = std::max(max_, value);
  }
  ++counts_[IndexOf(std::min(value, highest_trackable_))];
  ++count_;
  sum_ += static_cast<double>(value);
}

void LatencyHistogram::Merge(const LatencyHistogram& other) {
  assert(other.highest_trackable_ == highest_trackable_);
  if (other.count_ == 0) {
    return;
  }
  for (size_t i = 0; i < counts_.size(); ++i) {
    counts_[i] += other.counts_[i];
  }
  if (count_ == 0) {
    min_ = other.min_;
    max_ = other.max_;
  } else {
    min_ = std::min(min_, other.min_);
    max_ = std::max(max_, other.max_);
  }
  count_ += other.count_;
  sum_ += other.sum_;
}

void LatencyHistogram::Reset() {
  std::fill(counts_.begin(), counts_.end(), 0);
  count_ = 0;
  min_ = max_ = 0;
  sum_ = 0;
}

int64_t LatencyHistogram::ValueAtPercentile(double percentile) const {
  if (count_ == 0) {
    return 0;
  }
  percentile = std::clamp(percentile, 0.0, 100.0);
  // Nearest rank. The small slack keeps e.g. 99.9 % of 1000 at rank 999 although 0.999 * 1000
  // comes out a hair above 999 in binary floating point.
  const double exact_rank = percentile / 100.0 * static_cast<double>(count_);
  const int64_t rank = std::clamp<int64_t>(
      static_cast<int64_t>(std::ceil(exact_rank - 1e-9 * static_cast<double>(count_))), 1, count_);
  int64_t seen = 0;
  for (size_t i = 0; i < counts_.size(); ++i) {
    seen += counts_[i];
    if (seen >= rank) {
      const int64_t midpoint = LowerBound(i) + (Width(i) - 1) / 2;
      return std::clamp(midpoint, min_, max_);
    }
  }
  return max_;
}

double LatencyHistogram::mean() const {
  return count_ == 0 ? 0.0 : sum_ / static_cast<double>(count_);
}

}  // namespace airr::bench
