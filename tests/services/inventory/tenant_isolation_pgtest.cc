// Tenant isolation at both layers: through the API, one tenant can neither see nor touch another
// tenant's AI systems; in the database, the service role airr_app sees no tenant's rows unless
// airr.tenant_id names that tenant, and may not read or change the audit trail or the principals.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "google/protobuf/util/message_differencer.h"
#include "tests/services/inventory/inventory_test_util.h"

namespace airr::inventory::testing {
namespace {

using google::protobuf::util::MessageDifferencer;

constexpr char kSharedRequestId[] = "0b4f8a52-9e3c-4d1f-8a6b-7c2d5e9f1a30";

class TenantIsolationTest : public InventoryServerTest {
 protected:
  void SetUp() override {
    a_.emplace(NewTenantClient("iso-a", auth::Role::kAdmin, &tenant_a_));
    b_.emplace(NewTenantClient("iso-b", auth::Role::kAdmin, &tenant_b_));
    v1::AiSystem secret = InventoryEnv::ValidSystem("A secret system");
    secret.set_owner("a-owner");
    secret.add_jurisdictions("EU");
    secret.mutable_eu_ai_act()->set_category(v1::EU_RISK_CATEGORY_MINIMAL);
    auto live = a_->Create(secret, "shared-id", kSharedRequestId);
    ASSERT_TRUE(live.ok()) << live.status();
    live_ = *live;
    auto doomed = a_->Create(InventoryEnv::ValidSystem("A deleted system"), "a-deleted");
    ASSERT_TRUE(doomed.ok()) << doomed.status();
    auto deleted = a_->Delete(doomed->name());
    ASSERT_TRUE(deleted.ok()) << deleted.status();
    deleted_ = *deleted;
  }

  // A's systems are exactly as A left them.
  void ExpectAUnchanged() {
    for (const v1::AiSystem& expected : {live_, deleted_}) {
      auto got = a_->Get(expected.name());
      ASSERT_TRUE(got.ok()) << got.status();
      EXPECT_TRUE(MessageDifferencer::Equals(*got, expected)) << got->DebugString();
    }
  }

  std::string tenant_a_, tenant_b_;
  std::optional<Client> a_, b_;
  v1::AiSystem live_, deleted_;
};

TEST_F(TenantIsolationTest, OtherTenantsSystemsAreNotFound) {
  MutationProbe probe_a(tenant_a_);
  MutationProbe probe_b(tenant_b_);
  for (const v1::AiSystem& target : {live_, deleted_}) {
    SCOPED_TRACE(target.name());
    EXPECT_EQ(b_->Get(target.name()).status().code(), absl::StatusCode::kNotFound);

    v1::AiSystem patch = InventoryEnv::ValidSystem("Hijacked");
    patch.set_name(target.name());
    EXPECT_EQ(b_->Update(patch, {"display_name"}).status().code(), absl::StatusCode::kNotFound);
    patch.set_etag(target.etag());  // even with A's current etag
    EXPECT_EQ(b_->Update(patch, {}).status().code(), absl::StatusCode::kNotFound);

    EXPECT_EQ(b_->Delete(target.name()).status().code(), absl::StatusCode::kNotFound);
    EXPECT_EQ(b_->Delete(target.name(), target.etag()).status().code(),
              absl::StatusCode::kNotFound);
    EXPECT_EQ(b_->Undelete(target.name()).status().code(), absl::StatusCode::kNotFound);
    EXPECT_EQ(b_->Undelete(target.name(), target.etag()).status().code(),
              absl::StatusCode::kNotFound);
  }
  probe_a.ExpectNothingWritten();
  probe_b.ExpectNothingWritten();
  ExpectAUnchanged();
}

TEST_F(TenantIsolationTest, OtherTenantsListShowsNoneOfTheSystems) {
  const std::vector<std::string> filters = {
      "",
      "display_name = \"A secret system\"",
      "owner = \"a-owner\"",
      "jurisdictions:\"EU\"",
      "eu_ai_act.category = MINIMAL",
      "labels.business_unit = \"cs\"",
      "risk_tier = MEDIUM OR risk_tier != MEDIUM",
  };
  for (const std::string& filter : filters) {
    for (bool show_deleted : {false, true}) {
      auto listed = b_->List(filter, show_deleted, 1000);
      ASSERT_TRUE(listed.ok()) << filter << ": " << listed.status();
      EXPECT_EQ(listed->ai_systems_size(), 0) << filter << " show_deleted=" << show_deleted;
      EXPECT_EQ(listed->next_page_token(), "");
      // A sees its own for the same query (the filter is not what hides them).
      auto own = a_->List(filter, show_deleted, 1000);
      ASSERT_TRUE(own.ok()) << filter << ": " << own.status();
      EXPECT_GE(own->ai_systems_size(), 1) << filter << " show_deleted=" << show_deleted;
    }
  }
  ExpectAUnchanged();
}

TEST_F(TenantIsolationTest, IdsAndRequestIdsAreScopedToTheTenant) {
  MutationProbe probe_a(tenant_a_);
  // B may use the same id and the same request id: it gets a system of its own.
  auto own = b_->Create(InventoryEnv::ValidSystem("B's own"), "shared-id", kSharedRequestId);
  ASSERT_TRUE(own.ok()) << own.status();
  EXPECT_EQ(own->name(), live_.name());
  EXPECT_EQ(own->display_name(), "B's own");
  auto retry = b_->Create(InventoryEnv::ValidSystem("B's own"), "", kSharedRequestId);
  ASSERT_TRUE(retry.ok()) << retry.status();
  EXPECT_TRUE(MessageDifferencer::Equals(*retry, *own));

  // B changes its own system; A's is untouched.
  v1::AiSystem patch;
  patch.set_name(own->name());
  patch.set_display_name("B renamed");
  ASSERT_TRUE(b_->Update(patch, {"display_name"}).ok());
  ASSERT_TRUE(b_->Delete(own->name()).ok());
  probe_a.ExpectNothingWritten();
  ExpectAUnchanged();
  EXPECT_EQ(TenantRowCount("ai_systems", tenant_b_), 1);
}

TEST_F(TenantIsolationTest, PageTokensDoNotCrossTenants) {
  auto page = a_->List("", true, 1);
  ASSERT_TRUE(page.ok()) << page.status();
  ASSERT_FALSE(page->next_page_token().empty());
  auto replayed = b_->List("", true, 1, "", page->next_page_token());
  EXPECT_TRUE(IsInvalidField(replayed.status(), "page_token"));
}

// Direct database access as the service role.
class AppRoleTest : public InventoryServerTest {
 protected:
  void SetUp() override {
    a_.emplace(NewTenantClient("rls-a", auth::Role::kAnalyst, &tenant_a_));
    b_.emplace(NewTenantClient("rls-b", auth::Role::kAnalyst, &tenant_b_));
    for (int i = 0; i < 3; ++i) {
      ASSERT_TRUE(a_->Create(InventoryEnv::ValidSystem(absl::StrCat("A", i))).ok());
    }
    ASSERT_TRUE(b_->Create(InventoryEnv::ValidSystem("B0")).ok());
    tenant_a_id_ = TenantId(tenant_a_);
    tenant_b_id_ = TenantId(tenant_b_);
  }

  // Runs `sql` as airr_app in a fresh session after `setup`; the single value as text, or the
  // server's message prefixed with "error: " (pqxx 6 does not report the SQLSTATE here).
  static std::string AsApp(const std::string& sql, const std::string& setup = "") {
    pqxx::connection conn(PgTestDatabase::Get().app_dsn());
    pqxx::nontransaction tx(conn);
    try {
      if (!setup.empty()) {
        tx.exec(setup);
      }
      pqxx::result result = tx.exec(sql);
      if (result.columns() == 0 || result.empty()) {
        return "";
      }
      return result[0][0].is_null() ? "" : result[0][0].c_str();
    } catch (const pqxx::sql_error& e) {
      return absl::StrCat("error: ", e.what());
    }
  }

  std::string SetTenant(const std::string& id) const {
    return absl::StrCat("SELECT set_config('airr.tenant_id', '", id, "', false)");
  }

  std::string tenant_a_, tenant_b_, tenant_a_id_, tenant_b_id_;
  std::optional<Client> a_, b_;
};

// The privilege system refused the statement (SQLSTATE 42501 insufficient_privilege).
const auto kPermissionDenied = ::testing::StartsWith("error: ERROR:  permission denied for ");
// A row-level-security WITH CHECK refused the row (also 42501).
const auto kPolicyViolation = ::testing::AllOf(
    ::testing::StartsWith("error: "), ::testing::HasSubstr("violates row-level security policy"));

TEST_F(AppRoleTest, ConnectsAsTheUnprivilegedServiceRole) {
  EXPECT_EQ(AsApp("SELECT current_user"), "airr_app");
  EXPECT_EQ(AsApp("SELECT rolbypassrls::text FROM pg_roles WHERE rolname = current_user"), "false");
  EXPECT_EQ(AsApp("SELECT rolsuper::text FROM pg_roles WHERE rolname = current_user"), "false");
}

TEST_F(AppRoleTest, NoTenantSettingSeesNoRows) {
  ASSERT_GT(TenantRowCount("ai_systems", tenant_a_), 0);
  ASSERT_GT(TenantRowCount("outbox_events", tenant_a_), 0);
  for (const std::string& setup : {std::string(), std::string("SET airr.tenant_id = ''"),
                                   std::string("RESET airr.tenant_id")}) {
    SCOPED_TRACE(setup.empty() ? "unset" : setup);
    EXPECT_EQ(AsApp("SELECT count(*) FROM ai_systems", setup), "0");
    EXPECT_EQ(AsApp("SELECT count(*) FROM ai_systems_v", setup), "0");
    EXPECT_EQ(AsApp("SELECT count(*) FROM ai_system_rows", setup), "0");
    EXPECT_EQ(AsApp("SELECT count(*) FROM outbox_events", setup), "0");
    EXPECT_EQ(AsApp("SELECT count(*) FROM tenants", setup), "0");
    EXPECT_THAT(AsApp("SELECT count(*) FROM audit_log", setup), kPermissionDenied);
  }
}

TEST_F(AppRoleTest, TenantSettingSeesExactlyThatTenantsRows) {
  const std::string set_a = SetTenant(tenant_a_id_);
  EXPECT_EQ(AsApp("SELECT count(*) FROM ai_systems", set_a),
            std::to_string(TenantRowCount("ai_systems", tenant_a_)));
  EXPECT_EQ(AsApp("SELECT count(*) FROM ai_systems", set_a), "3");
  EXPECT_EQ(AsApp("SELECT count(*) FROM ai_systems WHERE tenant_id <> current_setting("
                  "'airr.tenant_id')::uuid",
                  set_a),
            "0");
  EXPECT_EQ(
      AsApp(absl::StrCat("SELECT count(*) FROM ai_systems WHERE tenant_id = '", tenant_b_id_, "'"),
            set_a),
      "0");
  EXPECT_EQ(AsApp("SELECT count(*) FROM ai_system_rows", set_a), "3");
  EXPECT_EQ(AsApp("SELECT count(*) FROM outbox_events", set_a),
            std::to_string(TenantRowCount("outbox_events", tenant_a_)));
  EXPECT_EQ(AsApp("SELECT count(DISTINCT tenant_id) FROM outbox_events", set_a), "1");
  EXPECT_EQ(AsApp("SELECT count(*) FROM tenants", set_a), "1");
  EXPECT_EQ(AsApp("SELECT name FROM tenants", set_a), tenant_a_);
  // Even with the tenant set, the audit trail stays unreadable.
  EXPECT_THAT(AsApp("SELECT count(*) FROM audit_log", set_a), kPermissionDenied);
  EXPECT_EQ(AsApp("SELECT count(*) FROM ai_systems", SetTenant(tenant_b_id_)), "1");
}

TEST_F(AppRoleTest, CannotWriteIntoAnotherTenant) {
  const std::string set_a = SetTenant(tenant_a_id_);
  // Updating B's rows while scoped to A touches nothing.
  EXPECT_EQ(AsApp("WITH u AS (UPDATE ai_systems SET display_name = 'pwned' RETURNING 1) "
                  "SELECT count(*) FROM u",
                  set_a),
            "3");  // its own three only
  EXPECT_EQ(PgTestDatabase::Get().QueryValue(absl::StrCat(
                "SELECT count(*) FROM ai_systems WHERE display_name = 'pwned' AND tenant_id = '",
                tenant_b_id_, "'")),
            "0");
  // Inserting a row for B while scoped to A violates the policy.
  EXPECT_THAT(AsApp(absl::StrCat("INSERT INTO outbox_events (tenant_id, topic, resource_name, "
                                 "payload) VALUES ('",
                                 tenant_b_id_, "', 'x', 'x', '{}')"),
                    set_a),
              kPolicyViolation);
  EXPECT_THAT(AsApp(absl::StrCat("INSERT INTO ai_systems (tenant_id, id, display_name, owner, "
                                 "actor_roles, lifecycle_stage, model_type, jurisdictions, "
                                 "human_oversight, risk_tier) VALUES ('",
                                 tenant_b_id_,
                                 "', 'planted', 'x', 'x', '{X}', 'X', 'X', '{JP}', 'X', 'X')"),
                    set_a),
              kPolicyViolation);
  EXPECT_EQ(TenantRowCount("ai_systems", tenant_b_), 1);
}

TEST_F(AppRoleTest, AuditLogIsAppendOnlyAndPrincipalsAreHidden) {
  const std::string set_a = SetTenant(tenant_a_id_);
  const int64_t audit_rows = TenantRowCount("audit_log", tenant_a_);
  EXPECT_THAT(AsApp("UPDATE audit_log SET actor = 'nobody'", set_a), kPermissionDenied);
  EXPECT_THAT(AsApp("DELETE FROM audit_log", set_a), kPermissionDenied);
  EXPECT_THAT(AsApp("TRUNCATE audit_log", set_a), kPermissionDenied);
  EXPECT_THAT(AsApp("UPDATE audit_chain_heads SET last_seq = 0", set_a), kPermissionDenied);
  EXPECT_THAT(AsApp("SELECT count(*) FROM api_principals"), kPermissionDenied);
  EXPECT_THAT(AsApp("SELECT count(*) FROM api_principals", set_a), kPermissionDenied);
  EXPECT_THAT(AsApp("SELECT count(*) FROM server_secrets", set_a), kPermissionDenied);
  // Soft delete only: rows of the inventory cannot be removed.
  EXPECT_THAT(AsApp("DELETE FROM ai_systems", set_a), kPermissionDenied);
  EXPECT_THAT(AsApp("DELETE FROM outbox_events", set_a), kPermissionDenied);
  EXPECT_EQ(TenantRowCount("audit_log", tenant_a_), audit_rows);
  EXPECT_EQ(TenantRowCount("ai_systems", tenant_a_), 3);
}

}  // namespace
}  // namespace airr::inventory::testing
