// Tests of RunLoad with a fake scenario (no server): request-count mode measures exactly the
// asked number of requests over all clients, sorts outcomes into OK (with latency and items) and
// errors by code, and bad configurations are refused.
#include "tools/airr-bench/load_runner.h"

#include <atomic>
#include <set>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace airr::bench {
namespace {

using ::testing::ElementsAre;
using ::testing::Pair;

// Every third request of a worker fails with UNAVAILABLE; OK ones carry 10 items.
class FakeScenario final : public Scenario {
 public:
  std::string name() const override { return "fake"; }
  std::string item_unit() const override { return "things"; }
  absl::Status Prepare(const std::shared_ptr<grpc::Channel>& /*channel*/) override {
    ++prepared;
    return prepare_status;
  }
  std::unique_ptr<Worker> NewWorker(std::shared_ptr<grpc::Channel> /*channel*/,
                                    int client_index) override {
    clients.insert(client_index);
    return std::make_unique<FakeWorker>(calls);
  }

  absl::Status prepare_status = absl::OkStatus();
  int prepared = 0;
  std::set<int> clients;
  std::atomic<int64_t> calls{0};

 private:
  class FakeWorker final : public Worker {
   public:
    explicit FakeWorker(std::atomic<int64_t>& calls) : calls_(calls) {}
    CallOutcome Call() override {
      ++calls_;
      CallOutcome outcome;
      if (++n_ % 3 == 0) {
        outcome.code = "UNAVAILABLE";
      } else {
        outcome.items = 10;
      }
      return outcome;
    }

   private:
    std::atomic<int64_t>& calls_;
    int n_ = 0;
  };
};

ChannelProvider NoChannels() {
  return [](int) { return std::shared_ptr<grpc::Channel>(); };
}

TEST(RunLoadTest, MeasuresExactlyTheRequestedNumberOverAllClients) {
  FakeScenario scenario;
  RunConfig config;
  config.clients = 4;
  config.warmup = absl::ZeroDuration();
  config.requests = 3000;
  absl::StatusOr<RunResult> result = RunLoad(scenario, config, NoChannels());
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_EQ(scenario.prepared, 1);
  EXPECT_THAT(scenario.clients, ElementsAre(0, 1, 2, 3));
  EXPECT_EQ(result->scenario, "fake");
  EXPECT_EQ(result->item_unit, "things");
  EXPECT_EQ(result->clients, 4);
  EXPECT_EQ(result->requests, 3000);
  EXPECT_EQ(scenario.calls.load(), 3000);
  EXPECT_EQ(result->ok + result->errors["UNAVAILABLE"], 3000);
  EXPECT_EQ(result->latency_ns.count(), result->ok);
  EXPECT_EQ(result->items, 10 * result->ok);
  // Each worker fails every third of its own requests, so about a third fail overall.
  EXPECT_NEAR(static_cast<double>(result->errors["UNAVAILABLE"]), 1000.0, 4.0);
  EXPECT_GT(result->measured, absl::ZeroDuration());
  EXPECT_GT(result->throughput(), 0.0);
  EXPECT_DOUBLE_EQ(result->items_per_second(), 10 * result->throughput());
}

TEST(RunLoadTest, OnlyFailuresAreErrors) {
  FakeScenario scenario;
  RunConfig config;
  config.warmup = absl::ZeroDuration();
  config.requests = 2;  // One client: requests 1 and 2 succeed.
  absl::StatusOr<RunResult> result = RunLoad(scenario, config, NoChannels());
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_EQ(result->ok, 2);
  EXPECT_TRUE(result->errors.empty());
  config.requests = 3;
  FakeScenario again;
  result = RunLoad(again, config, NoChannels());
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_THAT(result->errors, ElementsAre(Pair("UNAVAILABLE", 1)));
}

TEST(RunLoadTest, APrepareFailureAbortsTheRun) {
  FakeScenario scenario;
  scenario.prepare_status = absl::FailedPreconditionError("no incidents to read");
  RunConfig config;
  config.requests = 10;
  absl::StatusOr<RunResult> result = RunLoad(scenario, config, NoChannels());
  EXPECT_EQ(result.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(scenario.calls.load(), 0);
}

TEST(RunLoadTest, RefusesBadConfigurations) {
  FakeScenario scenario;
  RunConfig no_clients;
  no_clients.clients = 0;
  EXPECT_EQ(RunLoad(scenario, no_clients, NoChannels()).status().code(),
            absl::StatusCode::kInvalidArgument);
  RunConfig no_window;
  no_window.duration = absl::ZeroDuration();
  EXPECT_EQ(RunLoad(scenario, no_window, NoChannels()).status().code(),
            absl::StatusCode::kInvalidArgument);
  RunConfig negative;
  negative.warmup = absl::Seconds(-1);
  EXPECT_EQ(RunLoad(scenario, negative, NoChannels()).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(scenario.prepared, 0);
}

}  // namespace
}  // namespace airr::bench
