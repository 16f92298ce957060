// Tests of LatencyHistogram: percentiles agree with exact nearest-rank percentiles of the same
// values within the stated relative error, merged per-thread histograms equal one histogram of
// all values, and the edges (empty, exact small values, clamping) behave as documented.
#include "tools/airr-bench/histogram.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

#include "gtest/gtest.h"

namespace airr::bench {
namespace {

// The nearest-rank percentile of `sorted` (ascending, not empty).
int64_t ExactPercentile(const std::vector<int64_t>& sorted, double percentile) {
  const auto n = static_cast<int64_t>(sorted.size());
  int64_t rank = static_cast<int64_t>(
      std::ceil(percentile / 100.0 * static_cast<double>(n) - 1e-9 * static_cast<double>(n)));
  rank = std::clamp<int64_t>(rank, 1, n);
  return sorted[static_cast<size_t>(rank - 1)];
}

// Log-uniform values from 1 µs to 10 s in nanoseconds, like request latencies.
std::vector<int64_t> LatencyLikeValues(size_t n, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> exponent(3.0, 10.0);
  std::vector<int64_t> values(n);
  for (int64_t& v : values) {
    v = static_cast<int64_t>(std::pow(10.0, exponent(rng)));
  }
  return values;
}

constexpr double kPercentiles[] = {0, 1, 10, 25, 50, 75, 90, 95, 99, 99.9, 99.99, 100};

void ExpectWithinRelativeError(const LatencyHistogram& h, std::vector<int64_t> values) {
  std::sort(values.begin(), values.end());
  for (double p : kPercentiles) {
    const double exact = static_cast<double>(ExactPercentile(values, p));
    const double reported = static_cast<double>(h.ValueAtPercentile(p));
    EXPECT_LE(std::abs(reported - exact), exact * LatencyHistogram::kMaxRelativeError)
        << "p" << p << ": reported " << reported << ", exact " << exact;
  }
}

TEST(LatencyHistogramTest, EmptyReportsZero) {
  LatencyHistogram h;
  EXPECT_EQ(h.count(), 0);
  EXPECT_EQ(h.ValueAtPercentile(50), 0);
  EXPECT_EQ(h.min(), 0);
  EXPECT_EQ(h.max(), 0);
  EXPECT_EQ(h.mean(), 0.0);
}

TEST(LatencyHistogramTest, SmallValuesAreExact) {
  LatencyHistogram h;
  for (int64_t v = 0; v < 256; ++v) {
    h.Record(v);
  }
  EXPECT_EQ(h.count(), 256);
  EXPECT_EQ(h.ValueAtPercentile(50), 127);  // rank 128 of 0..255
  EXPECT_EQ(h.ValueAtPercentile(100), 255);
  EXPECT_EQ(h.ValueAtPercentile(0), 0);
  EXPECT_DOUBLE_EQ(h.mean(), 127.5);
}

TEST(LatencyHistogramTest, StatedErrorBoundIsHalfABucket) {
  EXPECT_DOUBLE_EQ(LatencyHistogram::kMaxRelativeError, 1.0 / 256);
}

TEST(LatencyHistogramTest, EveryPowerOfTwoBoundaryStaysWithinTheError) {
  // Values right at and around bucket edges, where an off-by-one in the index math would show.
  for (int shift = 8; shift < 40; ++shift) {
    for (int64_t delta : {-1, 0, 1}) {
      const int64_t v = (int64_t{1} << shift) + delta;
      LatencyHistogram h;
      // Smaller and larger neighbours, so that clamping to min/max cannot hide an error.
      h.Record(v / 2);
      h.Record(v);
      h.Record(v);
      h.Record(v * 3);
      const auto reported = static_cast<double>(h.ValueAtPercentile(50));
      EXPECT_LE(std::abs(reported - static_cast<double>(v)),
                static_cast<double>(v) * LatencyHistogram::kMaxRelativeError)
          << v;
    }
  }
}

TEST(LatencyHistogramTest, PercentilesWithinRelativeErrorOfExact) {
  const std::vector<int64_t> values = LatencyLikeValues(200000, 1);
  LatencyHistogram h;
  for (int64_t v : values) {
    h.Record(v);
  }
  EXPECT_EQ(h.count(), 200000);
  EXPECT_EQ(h.min(), *std::min_element(values.begin(), values.end()));
  EXPECT_EQ(h.max(), *std::max_element(values.begin(), values.end()));
  ExpectWithinRelativeError(h, values);
}

TEST(LatencyHistogramTest, ANarrowDistributionIsResolved) {
  // Most requests of a fast service take about the same time: 1.0 to 1.1 ms. The histogram must
  // still tell p50 from p99 there.
  std::mt19937_64 rng(7);
  std::uniform_int_distribution<int64_t> latency(1000000, 1100000);
  std::vector<int64_t> values(50000);
  LatencyHistogram h;
  for (int64_t& v : values) {
    v = latency(rng);
    h.Record(v);
  }
  ExpectWithinRelativeError(h, values);
  EXPECT_LT(h.ValueAtPercentile(10), h.ValueAtPercentile(90));
}

TEST(LatencyHistogramTest, MergedPerThreadHistogramsEqualOneHistogram) {
  const std::vector<int64_t> values = LatencyLikeValues(100000, 3);
  LatencyHistogram all;
  std::vector<LatencyHistogram> per_thread(4);
  for (size_t i = 0; i < values.size(); ++i) {
    all.Record(values[i]);
    per_thread[i % per_thread.size()].Record(values[i]);
  }
  LatencyHistogram merged;
  for (const LatencyHistogram& h : per_thread) {
    merged.Merge(h);
  }
  EXPECT_EQ(merged.count(), all.count());
  EXPECT_EQ(merged.min(), all.min());
  EXPECT_EQ(merged.max(), all.max());
  EXPECT_DOUBLE_EQ(merged.mean(), all.mean());
  for (double p : kPercentiles) {
    EXPECT_EQ(merged.ValueAtPercentile(p), all.ValueAtPercentile(p)) << "p" << p;
  }
  ExpectWithinRelativeError(merged, values);
}

TEST(LatencyHistogramTest, MergingAnEmptyHistogramChangesNothing) {
  LatencyHistogram h;
  h.Record(5000);
  h.Merge(LatencyHistogram());
  EXPECT_EQ(h.count(), 1);
  EXPECT_EQ(h.min(), 5000);
  LatencyHistogram empty;
  empty.Merge(h);
  EXPECT_EQ(empty.min(), 5000);
  EXPECT_EQ(empty.max(), 5000);
}

TEST(LatencyHistogramTest, ValuesAboveTheTrackableRangeAreClampedButMaxIsExact) {
  LatencyHistogram h(1 << 20);
  h.Record(int64_t{1} << 30);
  h.Record(-5);
  EXPECT_EQ(h.count(), 2);
  EXPECT_EQ(h.max(), int64_t{1} << 30);
  EXPECT_EQ(h.min(), 0);
  EXPECT_LE(h.ValueAtPercentile(100), int64_t{1} << 30);
  EXPECT_GE(h.ValueAtPercentile(100), (1 << 20) - (1 << 20) / 128);
}

TEST(LatencyHistogramTest, ResetForgetsEverything) {
  LatencyHistogram h;
  h.Record(12345);
  h.Reset();
  EXPECT_EQ(h.count(), 0);
  EXPECT_EQ(h.ValueAtPercentile(99), 0);
  h.Record(7);
  EXPECT_EQ(h.min(), 7);
}

}  // namespace
}  // namespace airr::bench
