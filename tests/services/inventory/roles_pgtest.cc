// Authentication and authorization of every inventory RPC: no, unknown or revoked tokens are
// UNAUTHENTICATED; roles without the manage-inventory permission are PERMISSION_DENIED on every
// mutation, before the request is validated or the resource looked up, and write nothing; every
// role may read; analysts and admins may manage the inventory.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "tests/services/inventory/inventory_test_util.h"
#include "tools/admin/pg_admin_store.h"

namespace airr::inventory::testing {
namespace {

using auth::Role;

struct Rpc {
  std::string name;
  std::function<absl::Status(Client&, const std::string& existing)> call;
};

// One call of every RPC; the mutations are valid requests against `existing`.
std::vector<Rpc> EveryRpc() {
  return {
      {"CreateAiSystem",
       [](Client& c, const std::string&) {
         return c.Create(InventoryEnv::ValidSystem("By role")).status();
       }},
      {"GetAiSystem", [](Client& c, const std::string& name) { return c.Get(name).status(); }},
      {"ListAiSystems", [](Client& c, const std::string&) { return c.List().status(); }},
      {"UpdateAiSystem",
       [](Client& c, const std::string& name) {
         v1::AiSystem patch;
         patch.set_name(name);
         patch.set_display_name("Renamed by role");
         return c.Update(patch, {"display_name"}).status();
       }},
      {"DeleteAiSystem",
       [](Client& c, const std::string& name) { return c.Delete(name).status(); }},
      {"UndeleteAiSystem",
       [](Client& c, const std::string& name) { return c.Undelete(name).status(); }},
  };
}

// Calls that would fail for other reasons (bad input, unknown names): the auth answer must come
// first.
std::vector<Rpc> EveryRpcWithBadInput() {
  return {
      {"CreateAiSystem/invalid",
       [](Client& c, const std::string&) { return c.Create(v1::AiSystem(), "Bad ID").status(); }},
      {"GetAiSystem/malformed", [](Client& c, const std::string&) { return c.Get("x").status(); }},
      {"ListAiSystems/bad-filter",
       [](Client& c, const std::string&) { return c.List("(((", false, -1).status(); }},
      {"UpdateAiSystem/bad-mask",
       [](Client& c, const std::string&) {
         v1::AiSystem patch;
         patch.set_name("aiSystems/UPPER");
         return c.Update(patch, {"name"}).status();
       }},
      {"DeleteAiSystem/missing",
       [](Client& c, const std::string&) { return c.Delete("aiSystems/missing").status(); }},
      {"UndeleteAiSystem/missing",
       [](Client& c, const std::string&) { return c.Undelete("aiSystems/missing").status(); }},
      {"DeleteAiSystem/malformed",
       [](Client& c, const std::string&) { return c.Delete("", "garbage").status(); }},
  };
}

bool IsMutation(const std::string& rpc) {
  return rpc.rfind("GetAiSystem", 0) != 0 && rpc.rfind("ListAiSystems", 0) != 0;
}

class RolesTest : public InventoryServerTest {
 protected:
  void SetUp() override {
    tenant_ = PgTestDatabase::Get().CreateTenant("roles");
    admin_.emplace(env(), PgTestDatabase::Get().IssueToken(tenant_, Role::kAdmin));
    Client& admin = *admin_;
    auto live = admin.Create(InventoryEnv::ValidSystem("Live"), "live");
    ASSERT_TRUE(live.ok()) << live.status();
    live_ = *live;
    auto dead = admin.Create(InventoryEnv::ValidSystem("Dead"), "dead");
    ASSERT_TRUE(dead.ok()) << dead.status();
    auto deleted = admin.Delete(dead->name());
    ASSERT_TRUE(deleted.ok()) << deleted.status();
    dead_ = *deleted;
  }

  // Issuing a token writes an audit row of the tenant: do it before taking a MutationProbe.
  Client ClientWithRole(Role role) {
    return Client(env(), PgTestDatabase::Get().IssueToken(tenant_, role));
  }

  // Both systems are as SetUp left them.
  void ExpectSystemsUnchanged() {
    for (const v1::AiSystem& s : {live_, dead_}) {
      auto got = admin_->Get(s.name());
      ASSERT_TRUE(got.ok()) << got.status();
      EXPECT_EQ(got->etag(), s.etag()) << s.name();
    }
  }

  std::string tenant_;
  std::optional<Client> admin_;
  v1::AiSystem live_, dead_;
};

TEST_F(RolesTest, MissingTokenIsUnauthenticatedOnEveryRpc) {
  MutationProbe probe(tenant_);
  Client anonymous(env(), "");
  for (const auto& rpcs : {EveryRpc(), EveryRpcWithBadInput()}) {
    for (const Rpc& rpc : rpcs) {
      const std::string target = rpc.name == "UndeleteAiSystem" ? dead_.name() : live_.name();
      EXPECT_TRUE(HasCodeAndReason(rpc.call(anonymous, target), absl::StatusCode::kUnauthenticated,
                                   "UNAUTHENTICATED"))
          << rpc.name;
    }
  }
  probe.ExpectNothingWritten();
  ExpectSystemsUnchanged();
}

TEST_F(RolesTest, UnknownOrMalformedTokenIsUnauthenticated) {
  const std::string real = admin_->token();
  MutationProbe probe(tenant_);
  const std::vector<std::string> tokens = {
      "garbage",
      "airr_0000000000000000000000000000000000000000",
      real.substr(0, real.size() - 1),  // truncated
      real + "x",                       // extended
      std::string(600, 'a'),            // over the length limit
      absl::StrCat(" ", real),          // a second blank after "Bearer"
  };
  for (const std::string& token : tokens) {
    Client client(env(), token);
    for (const Rpc& rpc : EveryRpc()) {
      EXPECT_TRUE(HasCodeAndReason(rpc.call(client, live_.name()),
                                   absl::StatusCode::kUnauthenticated, "UNAUTHENTICATED"))
          << rpc.name << " with token \"" << token.substr(0, 20) << "...\"";
    }
  }
  // Other schemes and bare tokens in the authorization metadata.
  for (const std::string& header : {absl::StrCat("Basic ", real), real, std::string("Bearer "),
                                    absl::StrCat("Bearer  ", real)}) {
    grpc::ClientContext context;
    context.AddMetadata("authorization", header);
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
    v1::GetAiSystemRequest request;
    request.set_name(live_.name());
    v1::AiSystem response;
    const grpc::Status status = env().stub().GetAiSystem(&context, request, &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED)
        << "authorization: " << header.substr(0, 12) << "...";
  }
  probe.ExpectNothingWritten();
  ExpectSystemsUnchanged();
}

TEST_F(RolesTest, RevokedTokenIsUnauthenticatedImmediately) {
  const std::string token = PgTestDatabase::Get().IssueToken(tenant_, Role::kAnalyst);
  Client client(env(), token);
  auto before = client.Create(InventoryEnv::ValidSystem("Before revocation"));
  ASSERT_TRUE(before.ok()) << before.status();

  // The fixture names principals "<role>-<n>"; this tenant has one active analyst.
  const std::string principal = PgTestDatabase::Get().QueryValue(absl::StrCat(
      "SELECT p.name FROM api_principals p JOIN tenants t ON t.id = p.tenant_id WHERE t.name = '",
      tenant_, "' AND p.role = 'analyst' AND p.revoke_time IS NULL"));
  ASSERT_EQ(principal.rfind("analyst-", 0), 0u) << principal;
  auto admin = admin::PgAdminStore::Connect(PgTestDatabase::Get().admin_dsn());
  ASSERT_TRUE(admin.ok()) << admin.status();
  ASSERT_TRUE((*admin)->RevokeToken(tenant_, principal).ok());

  MutationProbe probe(tenant_);
  for (const Rpc& rpc : EveryRpc()) {
    EXPECT_TRUE(HasCodeAndReason(rpc.call(client, before->name()),
                                 absl::StatusCode::kUnauthenticated, "UNAUTHENTICATED"))
        << rpc.name;
  }
  probe.ExpectNothingWritten();
  // Other principals of the tenant are unaffected.
  EXPECT_TRUE(admin_->Get(before->name()).ok());
}

class ReadOnlyRoleTest : public RolesTest, public ::testing::WithParamInterface<Role> {};

TEST_P(ReadOnlyRoleTest, MutationsAreDeniedBeforeAnythingElseAndReadsWork) {
  Client client = ClientWithRole(GetParam());
  MutationProbe probe(tenant_);
  for (const auto& rpcs : {EveryRpc(), EveryRpcWithBadInput()}) {
    for (const Rpc& rpc : rpcs) {
      if (!IsMutation(rpc.name)) {
        continue;
      }
      const std::string target = rpc.name == "UndeleteAiSystem" ? dead_.name() : live_.name();
      const absl::Status status = rpc.call(client, target);
      EXPECT_TRUE(
          HasCodeAndReason(status, absl::StatusCode::kPermissionDenied, "PERMISSION_DENIED"))
          << rpc.name;
    }
  }
  probe.ExpectNothingWritten();
  ExpectSystemsUnchanged();

  auto live = client.Get(live_.name());
  ASSERT_TRUE(live.ok()) << live.status();
  EXPECT_EQ(live->display_name(), "Live");
  auto dead = client.Get(dead_.name());
  ASSERT_TRUE(dead.ok()) << dead.status();
  EXPECT_TRUE(dead->has_delete_time());
  auto listed = client.List("", /*show_deleted=*/true);
  ASSERT_TRUE(listed.ok()) << listed.status();
  EXPECT_EQ(listed->ai_systems_size(), 2);
  // Reads still validate their input and report missing systems.
  EXPECT_TRUE(IsInvalidField(client.Get("x").status(), "name"));
  EXPECT_EQ(client.Get("aiSystems/missing").status().code(), absl::StatusCode::kNotFound);
  probe.ExpectNothingWritten();
}

INSTANTIATE_TEST_SUITE_P(Roles, ReadOnlyRoleTest,
                         ::testing::Values(Role::kViewer, Role::kReporter, Role::kResponder,
                                           Role::kAuditor),
                         [](const auto& test_info) { return auth::RoleName(test_info.param); });

class ManagerRoleTest : public RolesTest, public ::testing::WithParamInterface<Role> {};

TEST_P(ManagerRoleTest, CanManageTheInventory) {
  Client client = ClientWithRole(GetParam());
  MutationProbe probe(tenant_);
  auto created = client.Create(InventoryEnv::ValidSystem("Managed"), "managed");
  ASSERT_TRUE(created.ok()) << created.status();
  probe.Expect("CreateAiSystem", created->name(), "ai_system.created");
  v1::AiSystem patch;
  patch.set_name(created->name());
  patch.set_display_name("Managed again");
  ASSERT_TRUE(client.Update(patch, {"display_name"}).ok());
  probe.Expect("UpdateAiSystem", created->name(), "ai_system.updated");
  ASSERT_TRUE(client.Delete(created->name()).ok());
  probe.Expect("DeleteAiSystem", created->name(), "ai_system.deleted");
  ASSERT_TRUE(client.Undelete(created->name()).ok());
  probe.Expect("UndeleteAiSystem", created->name(), "ai_system.undeleted");
  EXPECT_TRUE(client.Get(created->name()).ok());
  EXPECT_TRUE(client.List().ok());

  // The audit row names the acting principal's role.
  EXPECT_THAT(PgTestDatabase::Get().QueryValue(absl::StrCat(
                  "SELECT a.actor FROM audit_log a JOIN tenants t ON t.id = a.tenant_id WHERE "
                  "t.name = '",
                  tenant_, "' ORDER BY a.seq DESC LIMIT 1")),
              ::testing::HasSubstr(auth::RoleName(GetParam())));
}

INSTANTIATE_TEST_SUITE_P(Roles, ManagerRoleTest, ::testing::Values(Role::kAnalyst, Role::kAdmin),
                         [](const auto& test_info) { return auth::RoleName(test_info.param); });

}  // namespace
}  // namespace airr::inventory::testing
