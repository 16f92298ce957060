// Keyset pagination of ListAiSystems under concurrent writes: 1,000 systems are walked page by
// page while another thread keeps creating systems in the same tenant. Every original system must
// appear exactly once, no system twice, and the walk must be strictly ordered by (sort key, name).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "tests/services/inventory/inventory_test_util.h"

namespace airr::inventory::testing {
namespace {

constexpr int kSystems = 1000;
constexpr int kCreateThreads = 4;
constexpr int kPageSize = 37;
// Bounds the background writer: it stops when the walk ends or after this many creates.
constexpr int kMaxBackgroundInserts = 300;
// Bounds a walk, so a token that never runs out fails the test instead of hanging it.
constexpr int kMaxPages = 200;

int64_t Micros(const google::protobuf::Timestamp& ts) {
  return ts.seconds() * 1000000 + ts.nanos() / 1000;
}

// The display name of original system i: 400 distinct names, so the sort key has ties (broken by
// the name) within and across pages.
std::string OriginalDisplayName(int i) { return absl::StrFormat("paged %03d", i % 400); }

// Creates systems in a tight loop until stopped or kMaxBackgroundInserts, in the background.
// Their display names sort among the originals', and they carry the label batch=bg.
class BackgroundWriter {
 public:
  explicit BackgroundWriter(Client& client) : client_(client), thread_([this] { Run(); }) {
    // Start the walk only once writes are really happening (a condition, not a sleep).
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [this] { return inserted_ > 0 || done_; });
  }
  ~BackgroundWriter() { Stop(); }

  // Stops the writer; returns how many systems it created. Fails the test on a failed create.
  int Stop() {
    stop_ = true;
    if (thread_.joinable()) {
      thread_.join();
    }
    EXPECT_EQ(failures_, 0) << "background creates failed, last: " << last_error_;
    return inserted_;
  }

 private:
  void Run() {
    for (int i = 0; i < kMaxBackgroundInserts && !stop_; ++i) {
      v1::AiSystem s = InventoryEnv::ValidSystem(absl::StrFormat("paged %03d bg", (i * 7) % 400));
      (*s.mutable_labels())["batch"] = "bg";
      auto created = client_.Create(s);
      std::lock_guard<std::mutex> lock(mu_);
      if (created.ok()) {
        ++inserted_;
      } else {
        ++failures_;
        last_error_ = created.status().ToString();
      }
      cv_.notify_all();
    }
    std::lock_guard<std::mutex> lock(mu_);
    done_ = true;
    cv_.notify_all();
  }

  Client& client_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::atomic<bool> stop_{false};
  int inserted_ = 0;
  int failures_ = 0;
  bool done_ = false;
  std::string last_error_;
  std::thread thread_;  // last: starts after every other member is initialized
};

// Lists every page of a query. Pages with a next token must be full.
std::vector<v1::AiSystem> Walk(Client& client, const std::string& filter,
                               const std::string& order_by, int page_size) {
  std::vector<v1::AiSystem> all;
  std::string token;
  for (int page = 0; page < kMaxPages; ++page) {
    auto response = client.List(filter, /*show_deleted=*/false, page_size, order_by, token);
    EXPECT_TRUE(response.ok()) << "page " << page << ": " << response.status();
    if (!response.ok()) {
      return all;
    }
    EXPECT_LE(response->ai_systems_size(), page_size);
    if (!response->next_page_token().empty()) {
      EXPECT_EQ(response->ai_systems_size(), page_size) << "short page " << page << " with a token";
    }
    for (const auto& s : response->ai_systems()) {
      all.push_back(s);
    }
    token = response->next_page_token();
    if (token.empty()) {
      return all;
    }
  }
  ADD_FAILURE() << "more than " << kMaxPages << " pages";
  return all;
}

// No name twice, and every original exactly once.
void ExpectCompleteAndUnique(const std::vector<v1::AiSystem>& walk,
                             const std::vector<std::string>& originals) {
  std::map<std::string, int> seen;
  for (const auto& s : walk) {
    ++seen[s.name()];
  }
  int repeated = 0;
  for (const auto& [name, count] : seen) {
    if (count != 1) {
      ADD_FAILURE() << name << " appears " << count << " times";
      if (++repeated > 5) break;
    }
  }
  int missing = 0;
  for (const auto& name : originals) {
    if (seen.count(name) == 0) {
      ADD_FAILURE() << name << " is missing from the walk";
      if (++missing > 5) break;
    }
  }
}

// Each element's key is strictly after the previous one's (names are unique, so ties are broken).
template <typename Key>
void ExpectStrictlyOrdered(const std::vector<v1::AiSystem>& walk, Key key, bool desc) {
  for (size_t i = 1; i < walk.size(); ++i) {
    const auto a = key(walk[i - 1]);
    const auto b = key(walk[i]);
    if (desc ? !(b < a) : !(a < b)) {
      ADD_FAILURE() << "out of order at " << i << ": " << walk[i - 1].ShortDebugString() << " then "
                    << walk[i].ShortDebugString();
      return;
    }
  }
}

auto ByCreateTime = [](const v1::AiSystem& s) {
  return std::make_tuple(Micros(s.create_time()), s.name());
};
auto ByUpdateTime = [](const v1::AiSystem& s) {
  return std::make_tuple(Micros(s.update_time()), s.name());
};
auto ByDisplayName = [](const v1::AiSystem& s) {
  return std::make_tuple(s.display_name(), s.name());
};
auto ByOwner = [](const v1::AiSystem& s) { return std::make_tuple(s.owner(), s.name()); };

class PagingTest : public InventoryServerTest {
 protected:
  // One tenant with kSystems originals for every test of the suite (creating them is the slow
  // part); each walk only relies on the originals, which nothing changes.
  static void SetUpTestSuite() {
    InventoryServerTest::SetUpTestSuite();
    client_ = new Client(NewTenantClient("paging", auth::Role::kAnalyst, &tenant_));
    originals_ = new std::vector<std::string>(kSystems);
    std::vector<std::thread> threads;
    std::atomic<int> failures{0};
    for (int t = 0; t < kCreateThreads; ++t) {
      threads.emplace_back([t, &failures] {
        for (int i = t; i < kSystems; i += kCreateThreads) {
          v1::AiSystem s = InventoryEnv::ValidSystem(OriginalDisplayName(i));
          s.set_owner(absl::StrCat("team-", i % 7));
          (*s.mutable_labels())["batch"] = "main";
          auto created = client_->Create(s);
          if (!created.ok()) {
            ++failures;
            continue;
          }
          (*originals_)[i] = created->name();
        }
      });
    }
    for (auto& t : threads) {
      t.join();
    }
    setup_failures_ = failures;
  }
  static void TearDownTestSuite() {
    delete client_;
    delete originals_;
    InventoryServerTest::TearDownTestSuite();
  }
  void SetUp() override {
    ASSERT_EQ(setup_failures_, 0) << "creating the originals failed";
    ASSERT_GE(TenantRowCount("ai_systems", tenant_), kSystems);
  }

  // Pages through the tenant with `order_by` while a background thread keeps creating systems;
  // the writer must have inserted at least one system during the walk.
  auto WalkWhileOthersWrite(const std::string& order_by) {
    BackgroundWriter writer(*client_);
    auto walk = Walk(*client_, "", order_by, kPageSize);
    const int inserted = writer.Stop();
    EXPECT_GT(inserted, 0);
    RecordProperty("background_inserts", inserted);
    return walk;
  }

  static inline Client* client_ = nullptr;
  static inline std::string tenant_;
  static inline std::vector<std::string>* originals_ = nullptr;
  static inline int setup_failures_ = 0;
};

TEST_F(PagingTest, DefaultOrderWalkSeesEveryOriginalOnceWhileOthersWrite) {
  const auto walk = WalkWhileOthersWrite("");
  EXPECT_GE(walk.size(), static_cast<size_t>(kSystems));
  ExpectCompleteAndUnique(walk, *originals_);
  ExpectStrictlyOrdered(walk, ByCreateTime, /*desc=*/false);
}

TEST_F(PagingTest, DisplayNameDescWalkSeesEveryOriginalOnceWhileOthersWrite) {
  const auto walk = WalkWhileOthersWrite("display_name desc");
  ExpectCompleteAndUnique(walk, *originals_);
  ExpectStrictlyOrdered(walk, ByDisplayName, /*desc=*/true);
}

TEST_F(PagingTest, FilteredWalkSeesExactlyTheOriginalsWhileOthersWrite) {
  BackgroundWriter writer(*client_);
  const auto walk = Walk(*client_, "labels.batch = \"main\"", "display_name", kPageSize);
  writer.Stop();
  EXPECT_EQ(walk.size(), static_cast<size_t>(kSystems));
  ExpectCompleteAndUnique(walk, *originals_);
  ExpectStrictlyOrdered(walk, ByDisplayName, /*desc=*/false);
}

TEST_F(PagingTest, OwnerWalkBreaksTiesByName) {
  // 7 owners for 1,000 systems: nearly every page boundary falls inside a tie.
  const auto walk = Walk(*client_, "labels.batch = \"main\"", "owner desc", kPageSize);
  EXPECT_EQ(walk.size(), static_cast<size_t>(kSystems));
  ExpectCompleteAndUnique(walk, *originals_);
  ExpectStrictlyOrdered(walk, ByOwner, /*desc=*/true);
}

TEST_F(PagingTest, PageSizeIsCappedAt1000AndDefaultsTo50) {
  const int64_t total = TenantRowCount("ai_systems", tenant_);
  ASSERT_GE(total, kSystems);
  for (int page_size : {1001, 5000, 2147483647}) {
    auto capped = client_->List("", false, page_size);
    ASSERT_TRUE(capped.ok()) << capped.status();
    EXPECT_EQ(capped->ai_systems_size(), 1000) << page_size;
    EXPECT_EQ(capped->next_page_token().empty(), total == 1000) << page_size;
  }
  auto exact = client_->List("", false, 1000);
  ASSERT_TRUE(exact.ok()) << exact.status();
  EXPECT_EQ(exact->ai_systems_size(), 1000);

  auto by_default = client_->List("", false, 0);
  ASSERT_TRUE(by_default.ok()) << by_default.status();
  EXPECT_EQ(by_default->ai_systems_size(), 50);
  EXPECT_FALSE(by_default->next_page_token().empty());
  // The default-size page is the first 50 of the same order.
  for (int i = 0; i < 50; ++i) {
    EXPECT_EQ(by_default->ai_systems(i).name(), exact->ai_systems(i).name()) << i;
  }
}

TEST_F(PagingTest, PageSizeMayChangeBetweenPages) {
  const std::string filter = "labels.batch = \"main\"";
  auto first = client_->List(filter, false, 10, "display_name");
  ASSERT_TRUE(first.ok()) << first.status();
  ASSERT_FALSE(first->next_page_token().empty());
  auto second = client_->List(filter, false, 25, "display_name", first->next_page_token());
  ASSERT_TRUE(second.ok()) << second.status();
  auto both = client_->List(filter, false, 35, "display_name");
  ASSERT_TRUE(both.ok()) << both.status();
  ASSERT_EQ(second->ai_systems_size(), 25);
  for (int i = 0; i < 35; ++i) {
    const auto& s = i < 10 ? first->ai_systems(i) : second->ai_systems(i - 10);
    EXPECT_EQ(s.name(), both->ai_systems(i).name()) << i;
  }
}

// Every order_by the API documents, on a small tenant whose sort keys are full of ties, walked
// two at a time: each must be accepted and give every system exactly once.
class OrderByTest : public InventoryServerTest {};

TEST_F(OrderByTest, EnumFieldsAreNotSortable) {
  Client client = NewTenantClient("order-enum", auth::Role::kAnalyst);
  for (const std::string order_by : {"risk_tier", "lifecycle_stage"}) {
    EXPECT_EQ(client.List("", false, 2, order_by).status().code(),
              absl::StatusCode::kInvalidArgument)
        << order_by;
  }
}

TEST_F(OrderByTest, EveryDocumentedOrderByWalksAllSystems) {
  Client client = NewTenantClient("order", auth::Role::kAnalyst);
  std::vector<std::string> names;
  const v1::RiskTier tiers[] = {v1::RISK_TIER_LOW, v1::RISK_TIER_MEDIUM, v1::RISK_TIER_HIGH};
  const v1::LifecycleStage stages[] = {v1::LIFECYCLE_STAGE_PLANNING, v1::LIFECYCLE_STAGE_OPERATION};
  for (int i = 0; i < 13; ++i) {
    v1::AiSystem s = InventoryEnv::ValidSystem(absl::StrCat("order ", i % 4));
    s.set_owner(absl::StrCat("owner-", i % 3));
    s.set_risk_tier(tiers[i % 3]);
    s.set_lifecycle_stage(stages[i % 2]);
    auto created = client.Create(s);
    ASSERT_TRUE(created.ok()) << created.status();
    names.push_back(created->name());
  }
  // ListAiSystemsRequest.order_by: "One of display_name, create_time, update_time or owner, with
  // an optional ` desc`."
  for (const std::string field : {"display_name", "create_time", "update_time", "owner"}) {
    for (const std::string direction : {"", " asc", " desc"}) {
      const std::string order_by = field + direction;
      SCOPED_TRACE(order_by);
      auto first = client.List("", false, 2, order_by);
      if (!first.ok()) {
        ADD_FAILURE() << "documented order_by \"" << order_by
                      << "\" is refused: " << first.status();
        continue;
      }
      const auto walk = Walk(client, "", order_by, 2);
      EXPECT_EQ(walk.size(), names.size());
      ExpectCompleteAndUnique(walk, names);
      const bool desc = direction == " desc";
      if (field == "display_name") ExpectStrictlyOrdered(walk, ByDisplayName, desc);
      if (field == "create_time") ExpectStrictlyOrdered(walk, ByCreateTime, desc);
      if (field == "update_time") ExpectStrictlyOrdered(walk, ByUpdateTime, desc);
      if (field == "owner") ExpectStrictlyOrdered(walk, ByOwner, desc);
    }
  }
}

}  // namespace
}  // namespace airr::inventory::testing
