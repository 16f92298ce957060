// The AI-system lifecycle through the real server and database: create, get, list, update,
// delete and undelete, with every field round-tripping, update masks, etags, idempotent creates,
// and one chained audit row plus one outbox event for every successful mutation.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <optional>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "google/protobuf/util/message_differencer.h"
#include "tests/services/inventory/inventory_test_util.h"
#include "tools/admin/pg_admin_store.h"

namespace airr::inventory::testing {
namespace {

using google::protobuf::util::MessageDifferencer;

constexpr char kRequestId[] = "6f1c2b9e-3d4a-4c8e-9b7a-0e5d2f1a3c47";

// A system with every field set, including text that needs escaping in SQL arrays and JSON.
v1::AiSystem FullSystem() {
  v1::AiSystem s;
  s.set_display_name("Recruiting screener «β»");
  s.set_description("Ranks applicants.\nSecond line\twith a tab.");
  s.set_business_purpose("Faster hiring.");
  s.set_owner("hr-tech");
  s.set_accountable_officer("Chief People Officer");
  s.add_actor_roles(v1::ACTOR_ROLE_DEVELOPER);
  s.add_actor_roles(v1::ACTOR_ROLE_BUSINESS_USER);
  s.set_lifecycle_stage(v1::LIFECYCLE_STAGE_DEPLOYMENT);
  s.set_model_type(v1::MODEL_TYPE_MULTIMODAL);
  s.set_advanced_ai(true);
  s.set_generative_ai(true);
  s.add_upstream_models("gpt-4o");
  s.add_upstream_models("llama \"3\" {70b}, q\\4");
  s.add_vendors("Acme, Inc.");
  s.add_vendors("NULL");
  s.add_data_categories(v1::DATA_CATEGORY_PERSONAL);
  s.add_data_categories(v1::DATA_CATEGORY_HEALTH);
  s.add_jurisdictions("JP");
  s.add_jurisdictions("DE");
  s.mutable_eu_ai_act()->set_category(v1::EU_RISK_CATEGORY_HIGH_RISK);
  s.mutable_eu_ai_act()->set_high_risk_area(v1::EU_HIGH_RISK_AREA_EMPLOYMENT);
  s.mutable_eu_ai_act()->set_gpai(v1::EU_GPAI_CLASS_GPAI_SYSTEMIC_RISK);
  s.set_human_oversight(v1::HUMAN_OVERSIGHT_IN_THE_LOOP);
  s.set_risk_tier(v1::RISK_TIER_CRITICAL);
  (*s.mutable_labels())["business_unit"] = "retail";
  (*s.mutable_labels())["cost-center"] = "42 \"quoted\" \\ {}";
  (*s.mutable_labels())["empty"] = "";
  return s;
}

// The system without its output-only fields.
v1::AiSystem UserFields(v1::AiSystem s) {
  s.clear_name();
  s.clear_create_time();
  s.clear_update_time();
  s.clear_delete_time();
  s.clear_etag();
  return s;
}

int64_t Micros(const google::protobuf::Timestamp& ts) {
  return ts.seconds() * 1000000 + ts.nanos() / 1000;
}

::testing::AssertionResult SameMessage(const google::protobuf::Message& a,
                                       const google::protobuf::Message& b) {
  std::string diff;
  MessageDifferencer differencer;
  differencer.ReportDifferencesToString(&diff);
  if (differencer.Compare(a, b)) {
    return ::testing::AssertionSuccess();
  }
  return ::testing::AssertionFailure() << diff;
}

std::vector<std::string> Names(const v1::ListAiSystemsResponse& response) {
  std::vector<std::string> names;
  for (const auto& s : response.ai_systems()) {
    names.push_back(s.name());
  }
  return names;
}

class InventoryCrudTest : public InventoryServerTest {
 protected:
  void SetUp() override { client_ = NewTenantClient("crud", auth::Role::kAnalyst, &tenant_); }

  // Creates FullSystem() (with another display name) under `id`; fails the test otherwise.
  v1::AiSystem MustCreate(const std::string& id, const std::string& display_name = "") {
    v1::AiSystem system = FullSystem();
    if (!display_name.empty()) {
      system.set_display_name(display_name);
    }
    auto created = client_->Create(system, id);
    EXPECT_TRUE(created.ok()) << created.status();
    return created.ok() ? *created : v1::AiSystem();
  }

  std::string tenant_;
  std::optional<Client> client_;
};

TEST_F(InventoryCrudTest, CreateGetListRoundTripEveryField) {
  MutationProbe probe(tenant_);
  auto created = client_->Create(FullSystem(), "screener", kRequestId);
  ASSERT_TRUE(created.ok()) << created.status();
  EXPECT_EQ(created->name(), "aiSystems/screener");
  EXPECT_TRUE(SameMessage(UserFields(*created), FullSystem()));
  EXPECT_TRUE(created->has_create_time());
  EXPECT_TRUE(created->has_update_time());
  EXPECT_EQ(Micros(created->update_time()), Micros(created->create_time()));
  EXPECT_FALSE(created->has_delete_time());
  EXPECT_FALSE(created->etag().empty());
  probe.Expect("CreateAiSystem", "aiSystems/screener", "ai_system.created");

  // The outbox event carries the created system.
  EXPECT_EQ(PgTestDatabase::Get().QueryValue(absl::StrCat(
                "SELECT o.payload->>'display_name' FROM outbox_events o JOIN tenants t ON t.id = "
                "o.tenant_id WHERE t.name = '",
                tenant_, "' ORDER BY o.id DESC LIMIT 1")),
            FullSystem().display_name());

  auto got = client_->Get("aiSystems/screener");
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_TRUE(SameMessage(*got, *created));

  auto listed = client_->List();
  ASSERT_TRUE(listed.ok()) << listed.status();
  ASSERT_EQ(listed->ai_systems_size(), 1);
  EXPECT_TRUE(SameMessage(listed->ai_systems(0), *created));
  EXPECT_EQ(listed->next_page_token(), "");
  probe.ExpectNothingWritten();
}

TEST_F(InventoryCrudTest, CreateWithoutIdAssignsALowercaseUuid) {
  MutationProbe probe(tenant_);
  auto created = client_->Create(InventoryEnv::ValidSystem("No id"));
  ASSERT_TRUE(created.ok()) << created.status();
  EXPECT_TRUE(std::regex_match(
      created->name(),
      std::regex("aiSystems/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")))
      << created->name();
  probe.Expect("CreateAiSystem", created->name(), "ai_system.created");
  auto got = client_->Get(created->name());
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_TRUE(SameMessage(*got, *created));
}

TEST_F(InventoryCrudTest, UpdateMaskChangesOnlyTheNamedFields) {
  const v1::AiSystem original = MustCreate("masked");
  MutationProbe probe(tenant_);

  v1::AiSystem patch = InventoryEnv::ValidSystem("Renamed");
  patch.set_name(original.name());
  patch.set_owner("someone-else");
  patch.set_risk_tier(v1::RISK_TIER_LOW);
  (*patch.mutable_labels())["team"] = "new";
  auto updated = client_->Update(patch, {"display_name", "labels"});
  ASSERT_TRUE(updated.ok()) << updated.status();

  v1::AiSystem expected = UserFields(original);
  expected.set_display_name("Renamed");
  *expected.mutable_labels() = patch.labels();
  EXPECT_TRUE(SameMessage(UserFields(*updated), expected));
  EXPECT_EQ(updated->name(), original.name());
  EXPECT_NE(updated->etag(), original.etag());
  EXPECT_EQ(Micros(updated->create_time()), Micros(original.create_time()));
  EXPECT_GE(Micros(updated->update_time()), Micros(original.update_time()));
  probe.Expect("UpdateAiSystem", original.name(), "ai_system.updated");

  auto got = client_->Get(original.name());
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_TRUE(SameMessage(*got, *updated));
}

TEST_F(InventoryCrudTest, EmptyMaskUpdatesThePopulatedFields) {
  const v1::AiSystem original = MustCreate("empty-mask");
  ASSERT_TRUE(original.advanced_ai());
  MutationProbe probe(tenant_);

  v1::AiSystem patch;
  patch.set_name(original.name());
  patch.set_etag(original.etag());
  patch.set_display_name("Only this");
  patch.set_risk_tier(v1::RISK_TIER_LOW);
  patch.add_vendors("New vendor");
  // advanced_ai=false is the default, so it is not populated and must not be written.
  auto updated = client_->Update(patch, {});
  ASSERT_TRUE(updated.ok()) << updated.status();

  v1::AiSystem expected = UserFields(original);
  expected.set_display_name("Only this");
  expected.set_risk_tier(v1::RISK_TIER_LOW);
  expected.clear_vendors();
  expected.add_vendors("New vendor");
  EXPECT_TRUE(SameMessage(UserFields(*updated), expected));
  probe.Expect("UpdateAiSystem", original.name(), "ai_system.updated");
}

TEST_F(InventoryCrudTest, NamedFieldsThatAreUnsetInThePatchAreCleared) {
  const v1::AiSystem original = MustCreate("clearing");
  MutationProbe probe(tenant_);

  v1::AiSystem patch;
  patch.set_name(original.name());
  patch.add_jurisdictions("JP");
  auto updated =
      client_->Update(patch, {"description", "labels", "eu_ai_act", "jurisdictions", "vendors"});
  ASSERT_TRUE(updated.ok()) << updated.status();

  v1::AiSystem expected = UserFields(original);
  expected.clear_description();
  expected.clear_labels();
  expected.clear_eu_ai_act();
  expected.clear_jurisdictions();
  expected.add_jurisdictions("JP");
  expected.clear_vendors();
  EXPECT_TRUE(SameMessage(UserFields(*updated), expected));
  EXPECT_FALSE(updated->has_eu_ai_act());
  probe.Expect("UpdateAiSystem", original.name(), "ai_system.updated");
}

TEST_F(InventoryCrudTest, NestedMaskPathsChangeOnlyThatPartOfTheClassification) {
  const v1::AiSystem original = MustCreate("nested");  // HIGH_RISK, EMPLOYMENT, systemic GPAI
  MutationProbe probe(tenant_);
  v1::AiSystem patch;
  patch.set_name(original.name());
  patch.mutable_eu_ai_act()->set_category(v1::EU_RISK_CATEGORY_MINIMAL);
  // Alone, the category change leaves a high-risk area on a minimal-risk system.
  EXPECT_TRUE(IsInvalidField(client_->Update(patch, {"eu_ai_act.category"}).status(),
                             "ai_system.eu_ai_act.high_risk_area"));
  probe.ExpectNothingWritten();
  // With the area cleared too it is valid, and gpai stays as it was.
  auto updated = client_->Update(patch, {"eu_ai_act.category", "eu_ai_act.high_risk_area"});
  ASSERT_TRUE(updated.ok()) << updated.status();
  v1::AiSystem expected = UserFields(original);
  expected.mutable_eu_ai_act()->set_category(v1::EU_RISK_CATEGORY_MINIMAL);
  expected.mutable_eu_ai_act()->clear_high_risk_area();
  EXPECT_TRUE(SameMessage(UserFields(*updated), expected));
  probe.Expect("UpdateAiSystem", original.name(), "ai_system.updated");
}

TEST_F(InventoryCrudTest, StarMaskReplacesEveryUpdatableField) {
  const v1::AiSystem original = MustCreate("starred");
  MutationProbe probe(tenant_);

  v1::AiSystem patch = InventoryEnv::ValidSystem("Replaced");
  patch.set_name(original.name());
  auto updated = client_->Update(patch, {"*"});
  ASSERT_TRUE(updated.ok()) << updated.status();
  EXPECT_TRUE(SameMessage(UserFields(*updated), InventoryEnv::ValidSystem("Replaced")));
  probe.Expect("UpdateAiSystem", original.name(), "ai_system.updated");
}

TEST_F(InventoryCrudTest, InvalidMergedResultIsRejectedAndWritesNothing) {
  const v1::AiSystem original = MustCreate("merge-check");
  MutationProbe probe(tenant_);
  // Dropping DE/JP for EU-free jurisdictions while keeping the EU classification breaks a rule
  // that only the merged system shows.
  v1::AiSystem patch;
  patch.set_name(original.name());
  patch.add_jurisdictions("US");
  auto updated = client_->Update(patch, {"jurisdictions"});
  EXPECT_TRUE(IsInvalidField(updated.status(), "ai_system.eu_ai_act"));
  probe.ExpectNothingWritten();
  auto got = client_->Get(original.name());
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_TRUE(SameMessage(*got, original));
}

TEST_F(InventoryCrudTest, StaleEtagIsAbortedAndChangesNothing) {
  const v1::AiSystem v1_state = MustCreate("etagged");
  v1::AiSystem patch;
  patch.set_name(v1_state.name());
  patch.set_etag(v1_state.etag());
  patch.set_display_name("Second");
  auto v2_state = client_->Update(patch, {"display_name"});
  ASSERT_TRUE(v2_state.ok()) << v2_state.status();
  ASSERT_NE(v2_state->etag(), v1_state.etag());

  MutationProbe probe(tenant_);
  // Update with the etag read before the last change.
  patch.set_display_name("Third");
  auto stale_update = client_->Update(patch, {"display_name"});
  EXPECT_TRUE(HasCodeAndReason(stale_update.status(), absl::StatusCode::kAborted, "ETAG_MISMATCH"));
  // The strong form of the stale etag is just as stale.
  const std::string strong = v1_state.etag().substr(2);
  patch.set_etag(strong);
  EXPECT_TRUE(HasCodeAndReason(client_->Update(patch, {"display_name"}).status(),
                               absl::StatusCode::kAborted, "ETAG_MISMATCH"));
  auto stale_delete = client_->Delete(v1_state.name(), v1_state.etag());
  EXPECT_TRUE(HasCodeAndReason(stale_delete.status(), absl::StatusCode::kAborted, "ETAG_MISMATCH"));
  probe.ExpectNothingWritten();
  auto got = client_->Get(v1_state.name());
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_TRUE(SameMessage(*got, *v2_state));

  // The current etag works, in both forms.
  auto deleted = client_->Delete(v1_state.name(), v2_state->etag().substr(2));
  ASSERT_TRUE(deleted.ok()) << deleted.status();
  probe.Expect("DeleteAiSystem", v1_state.name(), "ai_system.deleted");
  auto stale_undelete = client_->Undelete(v1_state.name(), v2_state->etag());
  EXPECT_TRUE(
      HasCodeAndReason(stale_undelete.status(), absl::StatusCode::kAborted, "ETAG_MISMATCH"));
  probe.ExpectNothingWritten();
  auto undeleted = client_->Undelete(v1_state.name(), deleted->etag());
  ASSERT_TRUE(undeleted.ok()) << undeleted.status();
  probe.Expect("UndeleteAiSystem", v1_state.name(), "ai_system.undeleted");
}

TEST_F(InventoryCrudTest, RetriedCreateReturnsTheFirstResultAndWritesOnce) {
  for (const std::string id : {"", "retried"}) {
    SCOPED_TRACE(absl::StrCat("ai_system_id=\"", id, "\""));
    const std::string request_id = PgTestDatabase::Get().QueryValue("SELECT gen_random_uuid()");
    MutationProbe probe(tenant_);
    auto first = client_->Create(FullSystem(), id, request_id);
    ASSERT_TRUE(first.ok()) << first.status();
    probe.Expect("CreateAiSystem", first->name(), "ai_system.created");
    auto second = client_->Create(FullSystem(), id, request_id);
    ASSERT_TRUE(second.ok()) << second.status();
    EXPECT_TRUE(SameMessage(*second, *first));
    // A retry that differs returns the first result too, and changes nothing.
    auto third = client_->Create(InventoryEnv::ValidSystem("Different"), id, request_id);
    ASSERT_TRUE(third.ok()) << third.status();
    EXPECT_EQ(third->name(), first->name());
    EXPECT_EQ(Micros(third->create_time()), Micros(first->create_time()));
    EXPECT_EQ(third->display_name(), FullSystem().display_name());
    probe.ExpectNothingWritten();
    EXPECT_EQ(PgTestDatabase::Get().QueryValue(absl::StrCat(
                  "SELECT count(*) FROM ai_systems a JOIN tenants t ON t.id = a.tenant_id "
                  "WHERE t.name = '",
                  tenant_, "' AND a.create_request_id = '", request_id, "'")),
              "1");
  }
}

// Sends the same create `kThreads` times at once, `rounds` times over, each round with a fresh
// request id (and, when `with_id`, a fresh ai_system_id); every call must return the one system
// created, and each round must add exactly one row.
void ExpectConcurrentRetriesCreateOne(Client& client, const std::string& tenant, bool with_id,
                                      int rounds) {
  constexpr int kThreads = 8;
  for (int round = 0; round < rounds; ++round) {
    const std::string id = with_id ? absl::StrCat("raced-", round) : "";
    const std::string request_id = PgTestDatabase::Get().QueryValue("SELECT gen_random_uuid()");
    SCOPED_TRACE(absl::StrCat("round ", round, " ai_system_id=\"", id, "\""));
    const int64_t before = TenantRowCount("ai_systems", tenant);
    std::vector<absl::StatusOr<v1::AiSystem>> results(kThreads, absl::UnknownError("not run"));
    std::vector<std::thread> threads;
    for (int i = 0; i < kThreads; ++i) {
      threads.emplace_back([&, i] { results[i] = client.Create(FullSystem(), id, request_id); });
    }
    for (auto& t : threads) {
      t.join();
    }
    for (const auto& r : results) {
      ASSERT_TRUE(r.ok()) << r.status();
      EXPECT_EQ(r->name(), results[0]->name());
    }
    EXPECT_EQ(TenantRowCount("ai_systems", tenant), before + 1);
  }
}

TEST_F(InventoryCrudTest, ConcurrentRetriesCreateOneSystem) {
  ExpectConcurrentRetriesCreateOne(*client_, tenant_, /*with_id=*/false, /*rounds=*/5);
}

// Retries racing each other with a client-chosen id must behave like sequential ones: the
// request id makes them one operation, so none of them may see ALREADY_EXISTS. The race is hit
// in a minority of rounds, hence many rounds; a correct server passes every round, so the test
// cannot fail spuriously.
TEST_F(InventoryCrudTest, ConcurrentRetriesWithAnIdCreateOneSystem) {
  ExpectConcurrentRetriesCreateOne(*client_, tenant_, /*with_id=*/true, /*rounds=*/50);
}

TEST_F(InventoryCrudTest, TakenIdIsAlreadyExists) {
  const v1::AiSystem original = MustCreate("taken");
  MutationProbe probe(tenant_);
  auto again = client_->Create(InventoryEnv::ValidSystem("Other"), "taken");
  EXPECT_TRUE(
      HasCodeAndReason(again.status(), absl::StatusCode::kAlreadyExists, "RESOURCE_EXISTS"));
  probe.ExpectNothingWritten();

  // A soft-deleted system keeps its id.
  ASSERT_TRUE(client_->Delete(original.name()).ok());
  probe.Reset();
  again = client_->Create(InventoryEnv::ValidSystem("Other"), "taken");
  EXPECT_EQ(again.status().code(), absl::StatusCode::kAlreadyExists) << again.status();
  probe.ExpectNothingWritten();
  auto got = client_->Get(original.name());
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(got->display_name(), original.display_name());
}

TEST_F(InventoryCrudTest, DeleteAndUndeleteLifecycle) {
  const v1::AiSystem original = MustCreate("doomed");
  const v1::AiSystem bystander = MustCreate("bystander");
  MutationProbe probe(tenant_);

  auto deleted = client_->Delete(original.name());
  ASSERT_TRUE(deleted.ok()) << deleted.status();
  EXPECT_TRUE(deleted->has_delete_time());
  EXPECT_NE(deleted->etag(), original.etag());
  EXPECT_TRUE(SameMessage(UserFields(*deleted), UserFields(original)));
  probe.Expect("DeleteAiSystem", original.name(), "ai_system.deleted");

  // Get still returns it, with delete_time.
  auto got = client_->Get(original.name());
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_TRUE(got->has_delete_time());
  EXPECT_TRUE(SameMessage(*got, *deleted));

  // List hides it unless show_deleted.
  auto live = client_->List();
  ASSERT_TRUE(live.ok()) << live.status();
  EXPECT_THAT(Names(*live), ::testing::ElementsAre(bystander.name()));
  auto all = client_->List("", /*show_deleted=*/true);
  ASSERT_TRUE(all.ok()) << all.status();
  EXPECT_THAT(Names(*all), ::testing::UnorderedElementsAre(original.name(), bystander.name()));

  // Deleting twice is NOT_FOUND; updating a deleted system FAILED_PRECONDITION.
  EXPECT_TRUE(HasCodeAndReason(client_->Delete(original.name()).status(),
                               absl::StatusCode::kNotFound, "RESOURCE_NOT_FOUND"));
  v1::AiSystem patch;
  patch.set_name(original.name());
  patch.set_display_name("Zombie");
  EXPECT_TRUE(HasCodeAndReason(client_->Update(patch, {"display_name"}).status(),
                               absl::StatusCode::kFailedPrecondition, "RESOURCE_DELETED"));
  probe.ExpectNothingWritten();

  auto undeleted = client_->Undelete(original.name());
  ASSERT_TRUE(undeleted.ok()) << undeleted.status();
  EXPECT_FALSE(undeleted->has_delete_time());
  EXPECT_TRUE(SameMessage(UserFields(*undeleted), UserFields(original)));
  probe.Expect("UndeleteAiSystem", original.name(), "ai_system.undeleted");
  got = client_->Get(original.name());
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_FALSE(got->has_delete_time());
  live = client_->List();
  ASSERT_TRUE(live.ok()) << live.status();
  EXPECT_THAT(Names(*live), ::testing::UnorderedElementsAre(original.name(), bystander.name()));

  // Undeleting a live system is FAILED_PRECONDITION.
  EXPECT_TRUE(HasCodeAndReason(client_->Undelete(original.name()).status(),
                               absl::StatusCode::kFailedPrecondition, "RESOURCE_NOT_DELETED"));
  EXPECT_TRUE(HasCodeAndReason(client_->Undelete(bystander.name()).status(),
                               absl::StatusCode::kFailedPrecondition, "RESOURCE_NOT_DELETED"));
  probe.ExpectNothingWritten();
}

TEST_F(InventoryCrudTest, UnknownNamesAreNotFound) {
  MutationProbe probe(tenant_);
  const std::string name = "aiSystems/never-created";
  EXPECT_TRUE(HasCodeAndReason(client_->Get(name).status(), absl::StatusCode::kNotFound,
                               "RESOURCE_NOT_FOUND"));
  v1::AiSystem patch = InventoryEnv::ValidSystem("Ghost");
  patch.set_name(name);
  EXPECT_EQ(client_->Update(patch, {"display_name"}).status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(client_->Delete(name).status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(client_->Undelete(name).status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(client_->Get("aiSystems/00000000-0000-4000-8000-000000000000").status().code(),
            absl::StatusCode::kNotFound);
  probe.ExpectNothingWritten();
}

TEST_F(InventoryCrudTest, ListFiltersSelectTheMatchingSystems) {
  const v1::AiSystem full = MustCreate("full", "Alpha");  // JP+DE, CRITICAL, retail
  auto plain_or = client_->Create(InventoryEnv::ValidSystem("Beta"), "plain");  // JP, MEDIUM, cs
  ASSERT_TRUE(plain_or.ok()) << plain_or.status();
  const v1::AiSystem plain = *plain_or;
  const v1::AiSystem gone = MustCreate("gone", "Gamma");
  ASSERT_TRUE(client_->Delete(gone.name()).ok());

  struct Case {
    std::string filter;
    bool show_deleted;
    std::vector<std::string> names;
  };
  const std::vector<Case> cases = {
      {"", false, {full.name(), plain.name()}},
      {"risk_tier = CRITICAL", false, {full.name()}},
      {"risk_tier = RISK_TIER_CRITICAL", true, {full.name(), gone.name()}},
      {"risk_tier != CRITICAL", false, {plain.name()}},
      {"jurisdictions:\"DE\"", false, {full.name()}},
      {"jurisdictions:JP AND NOT jurisdictions:DE", false, {plain.name()}},
      {"labels.business_unit = \"retail\"", false, {full.name()}},
      {"labels.business_unit:*", false, {full.name(), plain.name()}},
      {"labels.cost-center:*", false, {full.name()}},
      {"display_name = \"Beta\" OR display_name = \"Gamma\"", true, {plain.name(), gone.name()}},
      {"eu_ai_act.category = HIGH_RISK", false, {full.name()}},
      {"advanced_ai = true", false, {full.name()}},
      {"vendors:\"NULL\"", false, {full.name()}},
      {"actor_roles:DEVELOPER", false, {full.name()}},
      {"data_categories:HEALTH", false, {full.name()}},
      {"display_name = \"x\\\"); DROP TABLE ai_systems; --\"", false, {}},
  };
  for (const Case& c : cases) {
    auto listed = client_->List(c.filter, c.show_deleted);
    ASSERT_TRUE(listed.ok()) << c.filter << ": " << listed.status();
    EXPECT_THAT(Names(*listed), ::testing::UnorderedElementsAreArray(c.names)) << c.filter;
  }
}

TEST_F(InventoryCrudTest, AuditChainVerifiesAfterEveryKindOfMutation) {
  const v1::AiSystem s = MustCreate("audited");
  v1::AiSystem patch;
  patch.set_name(s.name());
  patch.set_owner("new-owner");
  ASSERT_TRUE(client_->Update(patch, {"owner"}).ok());
  ASSERT_TRUE(client_->Delete(s.name()).ok());
  ASSERT_TRUE(client_->Undelete(s.name()).ok());

  auto admin = admin::PgAdminStore::Connect(PgTestDatabase::Get().admin_dsn());
  ASSERT_TRUE(admin.ok()) << admin.status();
  auto reports = (*admin)->VerifyAudit(tenant_);
  ASSERT_TRUE(reports.ok()) << reports.status();
  ASSERT_EQ(reports->size(), 1u);
  EXPECT_EQ((*reports)[0].broken_seq, 0) << (*reports)[0].problem;
  EXPECT_EQ((*reports)[0].rows, TenantRowCount("audit_log", tenant_));
  // One row per mutation of this system, in order.
  const auto rows = QueryRows(absl::StrCat(
      "SELECT a.rpc FROM audit_log a JOIN tenants t ON t.id = a.tenant_id WHERE t.name = '",
      tenant_, "' AND a.resource_name = '", s.name(), "' ORDER BY a.seq"));
  std::vector<std::string> rpcs;
  for (const auto& row : rows) {
    rpcs.push_back(row[0]);
  }
  EXPECT_THAT(rpcs, ::testing::ElementsAre("airr.inventory.v1.InventoryService/CreateAiSystem",
                                           "airr.inventory.v1.InventoryService/UpdateAiSystem",
                                           "airr.inventory.v1.InventoryService/DeleteAiSystem",
                                           "airr.inventory.v1.InventoryService/UndeleteAiSystem"));
}

}  // namespace
}  // namespace airr::inventory::testing
