// Tests of airr-bench's command line: defaults, flags over the environment, and refusals that
// name the flag.
#include "tools/airr-bench/bench_options.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace airr::bench {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

using Env = std::map<std::string, std::string>;

TEST(ParseBenchOptionsTest, Defaults) {
  absl::StatusOr<BenchOptions> o = ParseBenchOptions({"--scenario", "create_incident"}, {});
  ASSERT_TRUE(o.ok()) << o.status();
  EXPECT_EQ(o->scenario, "create_incident");
  EXPECT_EQ(o->run.clients, 1);
  EXPECT_EQ(o->run.duration, absl::Seconds(10));
  EXPECT_EQ(o->run.warmup, absl::Seconds(2));
  EXPECT_EQ(o->run.requests, 0);
  EXPECT_EQ(o->call.timeout, absl::Seconds(10));
  EXPECT_EQ(o->call.token, "");
  EXPECT_EQ(o->channels.address, "127.0.0.1:50051");
  EXPECT_EQ(o->channels.mode, ChannelMode::kPerClient);
  EXPECT_EQ(o->scenario_options.batch_size, 1000);
  EXPECT_EQ(o->scenario_options.fingerprints, 100);
  EXPECT_FALSE(o->scenario_options.fingerprints_per_client);
  EXPECT_THAT(o->scenario_options.ai_systems,
              ElementsAre("support-chatbot", "cv-screening", "credit-scoring"));
}

TEST(ParseBenchOptionsTest, FlagsWinOverTheEnvironment) {
  const Env env = {{"AIRR_ADDR", "10.0.0.1:1"}, {"AIRR_TOKEN", "airr_env"}};
  absl::StatusOr<BenchOptions> from_env = ParseBenchOptions({"--scenario=create_incident"}, env);
  ASSERT_TRUE(from_env.ok()) << from_env.status();
  EXPECT_EQ(from_env->channels.address, "10.0.0.1:1");
  EXPECT_EQ(from_env->call.token, "airr_env");
  absl::StatusOr<BenchOptions> from_flags = ParseBenchOptions(
      {"--scenario=create_incident", "--addr", "h:2", "--token", "airr_flag"}, env);
  ASSERT_TRUE(from_flags.ok()) << from_flags.status();
  EXPECT_EQ(from_flags->channels.address, "h:2");
  EXPECT_EQ(from_flags->call.token, "airr_flag");
}

TEST(ParseBenchOptionsTest, ReadsEveryFlag) {
  // clang-format off
  const std::vector<std::string> args = {
      "--scenario", "ingest_signals", "-c", "16", "--duration", "1m", "--warmup", "500ms",
      "--timeout", "2.5", "--channels", "shared", "--ai-systems", "a, b,c", "--batch-size", "50",
      "--fingerprints", "7", "--fingerprints-per-client", "--batches-per-stream", "3",
      "--json", "out.json"};
  // clang-format on
  absl::StatusOr<BenchOptions> o = ParseBenchOptions(args, {});
  ASSERT_TRUE(o.ok()) << o.status();
  EXPECT_EQ(o->run.clients, 16);
  EXPECT_EQ(o->run.duration, absl::Minutes(1));
  EXPECT_EQ(o->run.warmup, absl::Milliseconds(500));
  EXPECT_EQ(o->call.timeout, absl::Milliseconds(2500));
  EXPECT_EQ(o->channels.mode, ChannelMode::kShared);
  EXPECT_THAT(o->scenario_options.ai_systems, ElementsAre("a", " b", "c"));
  EXPECT_EQ(o->scenario_options.batch_size, 50);
  EXPECT_EQ(o->scenario_options.fingerprints, 7);
  EXPECT_TRUE(o->scenario_options.fingerprints_per_client);
  EXPECT_EQ(o->scenario_options.batches_per_stream, 3);
  EXPECT_EQ(o->json_path, "out.json");
}

TEST(ParseBenchOptionsTest, RequestsReplaceTheDuration) {
  absl::StatusOr<BenchOptions> o =
      ParseBenchOptions({"--scenario=create_incident", "-n", "500"}, {});
  ASSERT_TRUE(o.ok()) << o.status();
  EXPECT_EQ(o->run.requests, 500);
  EXPECT_THAT(o->SettingsJson().ToString(), HasSubstr("\"requests\": 500"));
}

TEST(ParseBenchOptionsTest, RefusalsNameTheFlag) {
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{}, "--scenario"},
      {{"--scenario=x", "--clients", "0"}, "--clients"},
      {{"--scenario=x", "--clients", "many"}, "--clients"},
      {{"--scenario=x", "--duration", "soon"}, "--duration"},
      {{"--scenario=x", "--duration", "0"}, "--duration"},
      {{"--scenario=x", "--warmup", "-1"}, "--warmup"},
      {{"--scenario=x", "--timeout", "0"}, "--timeout"},
      {{"--scenario=x", "--duration", "5", "--requests", "5"}, "--requests"},
      {{"--scenario=x", "--channels", "pooled"}, "--channels"},
      {{"--scenario=x", "--batch-size", "0"}, "--batch-size"},
      {{"--scenario=x", "--colour", "red"}, "colour"},
  };
  for (const auto& [args, flag] : cases) {
    absl::StatusOr<BenchOptions> o = ParseBenchOptions(args, {});
    ASSERT_FALSE(o.ok()) << flag;
    EXPECT_EQ(o.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(std::string(o.status().message()), HasSubstr(flag));
  }
}

TEST(ParseBenchOptionsTest, TheTokenIsNotInTheRecordedSettings) {
  absl::StatusOr<BenchOptions> o =
      ParseBenchOptions({"--scenario=create_incident"}, {{"AIRR_TOKEN", "airr_secret"}});
  ASSERT_TRUE(o.ok()) << o.status();
  EXPECT_THAT(o->SettingsJson().ToString(), Not(HasSubstr("airr_secret")));
}

TEST(ParseBenchOptionsTest, HelpNeedsNothingElse) {
  absl::StatusOr<BenchOptions> o = ParseBenchOptions({"--help"}, {});
  ASSERT_TRUE(o.ok()) << o.status();
  EXPECT_TRUE(o->help);
  EXPECT_THAT(BenchUsage(), HasSubstr("create_incident"));
  EXPECT_THAT(BenchUsage(), HasSubstr("--clients"));
}

}  // namespace
}  // namespace airr::bench
