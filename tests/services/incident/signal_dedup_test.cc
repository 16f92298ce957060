// PlanSignalDedup as a pure function: which signals attach to a fingerprint's open incident and
// which open new ones, by fingerprint, observation order and the window.
#include "services/incident/signal_dedup.h"

#include <gtest/gtest.h>

#include "libs/api/timestamps.h"

namespace airr::incident {
namespace {

const absl::Time kT0 = absl::FromUnixSeconds(1'800'000'000);
constexpr absl::Duration kWindow = absl::Minutes(10);

v1::SignalBatch Batch(std::vector<std::pair<std::string, absl::Duration>> signals) {
  v1::SignalBatch batch;
  for (const auto& [fp, offset] : signals) {
    v1::Signal* s = batch.add_signals();
    s->set_fingerprint(fp);
    *s->mutable_observe_time() = api::TimestampFromTime(kT0 + offset);
  }
  return batch;
}

TEST(SignalDedupTest, NewFingerprintsOpenOneIncidentEach) {
  const DedupPlan plan = PlanSignalDedup(
      Batch({{"b", absl::Minutes(1)}, {"a", absl::ZeroDuration()}, {"b", absl::ZeroDuration()}}),
      {}, kWindow);
  // Each fingerprint's earliest signal opens its incident: "a" (index 1) first, then "b" (2).
  EXPECT_EQ(plan.opened, (std::vector<int>{1, 2}));
  EXPECT_EQ(plan.targets[0].opened, 1);
  EXPECT_EQ(plan.targets[1].opened, 0);
  EXPECT_EQ(plan.targets[2].opened, 1);
  EXPECT_EQ(plan.group_targets.at("a").opened, 0);
  EXPECT_EQ(plan.group_targets.at("b").opened, 1);
}

TEST(SignalDedupTest, AttachesWithinTheWindowOfTheLatestSignal) {
  std::map<std::string, std::optional<OpenIncident>> current = {{"a", OpenIncident{"inc-a", kT0}},
                                                                {"b", std::nullopt}};
  const DedupPlan plan = PlanSignalDedup(Batch({{"a", absl::Minutes(9)},
                                                {"a", absl::Minutes(18)},  // 9 after the last
                                                {"a", absl::Minutes(29)},  // 11 after: new
                                                {"a", -absl::Hours(5)},    // older: attaches
                                                {"b", absl::ZeroDuration()}}),
                                         current, kWindow);
  EXPECT_EQ(plan.targets[3].existing_id, "inc-a");
  EXPECT_EQ(plan.targets[0].existing_id, "inc-a");
  EXPECT_EQ(plan.targets[1].existing_id, "inc-a");
  // Fingerprints are walked in order, so "a"'s late signal opens the first new incident and "b"
  // (no open incident) the second.
  EXPECT_EQ(plan.opened, (std::vector<int>{2, 4}));
  EXPECT_EQ(plan.targets[2].opened, 0);
  EXPECT_EQ(plan.targets[4].opened, 1);
  EXPECT_EQ(plan.group_targets.at("a").opened, 0);
  EXPECT_TRUE(plan.group_targets.at("a").existing_id.empty());
}

TEST(SignalDedupTest, AnOpenIncidentWithoutSignalsTakesThemAll) {
  std::map<std::string, std::optional<OpenIncident>> current = {
      {"a", OpenIncident{"survivor", absl::InfiniteFuture()}}};
  const DedupPlan plan =
      PlanSignalDedup(Batch({{"a", absl::Hours(100)}, {"a", absl::Hours(200)}}), current, kWindow);
  EXPECT_TRUE(plan.opened.empty());
  EXPECT_EQ(plan.targets[0].existing_id, "survivor");
  EXPECT_EQ(plan.targets[1].existing_id, "survivor");
}

}  // namespace
}  // namespace airr::incident
