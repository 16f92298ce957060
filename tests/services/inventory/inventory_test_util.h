// Shared helpers of the inventory service tests: a typed client that turns each RPC's
// grpc::Status back into the absl::Status (with its detail payloads) the server returned, an
// assertion on BadRequest field violations, and direct reads of a tenant's rows as the superuser.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <pqxx/pqxx>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "airr/inventory/v1/inventory_service.grpc.pb.h"
#include "libs/common/errors.h"
#include "libs/grpcutil/status.h"
#include "tests/testing/db_queries.h"
#include "tests/testing/inventory_env.h"
#include "tests/testing/pg_fixture.h"
#include "tests/testing/status_assertions.h"

namespace airr::inventory::testing {

namespace v1 = ::airr::inventory::v1;
using ::airr::testing::HasCodeAndReason;
using ::airr::testing::InventoryEnv;
using ::airr::testing::IsInvalidField;
using ::airr::testing::PgTestDatabase;
using ::airr::testing::QueryRows;
using ::airr::testing::TenantId;
using ::airr::testing::TenantRowCount;
using ::airr::testing::ViolatedFields;

// Calls the inventory service as the holder of one token (none when empty).
class Client {
 public:
  Client(InventoryEnv& env, std::string token) : env_(&env), token_(std::move(token)) {}

  const std::string& token() const { return token_; }

  absl::StatusOr<v1::AiSystem> Create(const v1::CreateAiSystemRequest& request) {
    v1::AiSystem response;
    auto context = InventoryEnv::Context(token_);
    const grpc::Status status = env_->stub().CreateAiSystem(context.get(), request, &response);
    return Done(status, std::move(response));
  }
  absl::StatusOr<v1::AiSystem> Create(const v1::AiSystem& system, const std::string& id = "",
                                      const std::string& request_id = "") {
    v1::CreateAiSystemRequest request;
    *request.mutable_ai_system() = system;
    request.set_ai_system_id(id);
    request.set_request_id(request_id);
    return Create(request);
  }

  absl::StatusOr<v1::AiSystem> Get(const std::string& name) {
    v1::GetAiSystemRequest request;
    request.set_name(name);
    v1::AiSystem response;
    auto context = InventoryEnv::Context(token_);
    const grpc::Status status = env_->stub().GetAiSystem(context.get(), request, &response);
    return Done(status, std::move(response));
  }

  absl::StatusOr<v1::ListAiSystemsResponse> List(const v1::ListAiSystemsRequest& request) {
    v1::ListAiSystemsResponse response;
    auto context = InventoryEnv::Context(token_);
    const grpc::Status status = env_->stub().ListAiSystems(context.get(), request, &response);
    return Done(status, std::move(response));
  }
  absl::StatusOr<v1::ListAiSystemsResponse> List(const std::string& filter = "",
                                                 bool show_deleted = false, int page_size = 0,
                                                 const std::string& order_by = "",
                                                 const std::string& page_token = "") {
    v1::ListAiSystemsRequest request;
    request.set_filter(filter);
    request.set_show_deleted(show_deleted);
    request.set_page_size(page_size);
    request.set_order_by(order_by);
    request.set_page_token(page_token);
    return List(request);
  }

  absl::StatusOr<v1::AiSystem> Update(const v1::UpdateAiSystemRequest& request) {
    v1::AiSystem response;
    auto context = InventoryEnv::Context(token_);
    const grpc::Status status = env_->stub().UpdateAiSystem(context.get(), request, &response);
    return Done(status, std::move(response));
  }
  absl::StatusOr<v1::AiSystem> Update(const v1::AiSystem& patch,
                                      const std::vector<std::string>& paths) {
    v1::UpdateAiSystemRequest request;
    *request.mutable_ai_system() = patch;
    for (const auto& path : paths) {
      request.mutable_update_mask()->add_paths(path);
    }
    return Update(request);
  }

  absl::StatusOr<v1::AiSystem> Delete(const std::string& name, const std::string& etag = "") {
    v1::DeleteAiSystemRequest request;
    request.set_name(name);
    request.set_etag(etag);
    v1::AiSystem response;
    auto context = InventoryEnv::Context(token_);
    const grpc::Status status = env_->stub().DeleteAiSystem(context.get(), request, &response);
    return Done(status, std::move(response));
  }

  absl::StatusOr<v1::AiSystem> Undelete(const std::string& name, const std::string& etag = "") {
    v1::UndeleteAiSystemRequest request;
    request.set_name(name);
    request.set_etag(etag);
    v1::AiSystem response;
    auto context = InventoryEnv::Context(token_);
    const grpc::Status status = env_->stub().UndeleteAiSystem(context.get(), request, &response);
    return Done(status, std::move(response));
  }

 private:
  // Takes the response only after the call filled it in.
  template <typename T>
  static absl::StatusOr<T> Done(const grpc::Status& status, T response) {
    if (!status.ok()) {
      return grpcutil::FromGrpcStatus(status);
    }
    return response;
  }

  InventoryEnv* env_;
  std::string token_;
};

// Watches one tenant's audit_log and outbox_events across a call: Expect() asserts that exactly
// one audit row and one outbox event were added for the mutation, and that the whole audit chain
// of the tenant is intact (seq 1..n without gaps, each prev_hash the previous row's hash, each
// hash matching the row); ExpectNothingWritten() that neither table grew.
class MutationProbe {
 public:
  explicit MutationProbe(std::string tenant) : tenant_(std::move(tenant)) { Reset(); }

  // Takes a new snapshot (after a checked mutation).
  void Reset() {
    audit_rows_ = TenantRowCount("audit_log", tenant_);
    outbox_rows_ = TenantRowCount("outbox_events", tenant_);
    systems_ = TenantRowCount("ai_systems", tenant_);
  }

  // `method` is the RPC's short name ("CreateAiSystem"), `topic` the outbox topic.
  void Expect(const std::string& method, const std::string& resource_name,
              const std::string& topic) {
    SCOPED_TRACE(absl::StrCat("mutation ", method, " of ", resource_name));
    EXPECT_EQ(TenantRowCount("audit_log", tenant_), audit_rows_ + 1);
    EXPECT_EQ(TenantRowCount("outbox_events", tenant_), outbox_rows_ + 1);
    const auto audit = QueryRows(absl::StrCat(
        "SELECT a.seq, encode(a.prev_hash, 'hex'), encode(a.hash, 'hex'), a.rpc, "
        "a.resource_name, (a.hash = audit_row_hash(a.prev_hash, a.tenant_id, a.seq, "
        "a.occurred_at, a.actor, a.rpc, a.resource_name, a.before, a.after, a.request_id))::text "
        "FROM audit_log a JOIN tenants t ON t.id = a.tenant_id WHERE t.name = '",
        tenant_, "' ORDER BY a.seq"));
    ASSERT_FALSE(audit.empty());
    for (size_t i = 0; i < audit.size(); ++i) {
      EXPECT_EQ(audit[i][0], std::to_string(i + 1)) << "seq has a gap";
      EXPECT_EQ(audit[i][1], i == 0 ? "" : audit[i - 1][2]) << "broken link at seq " << i + 1;
      EXPECT_EQ(audit[i][5], "true") << "hash does not match row " << i + 1;
    }
    EXPECT_EQ(audit.back()[3], absl::StrCat("airr.inventory.v1.InventoryService/", method));
    EXPECT_EQ(audit.back()[4], resource_name);
    const auto outbox = QueryRows(
        absl::StrCat("SELECT o.topic, o.resource_name FROM outbox_events o JOIN tenants t "
                     "ON t.id = o.tenant_id WHERE t.name = '",
                     tenant_, "' ORDER BY o.id DESC LIMIT 1"));
    ASSERT_EQ(outbox.size(), 1u);
    EXPECT_EQ(outbox[0][0], topic);
    EXPECT_EQ(outbox[0][1], resource_name);
    Reset();
  }

  void ExpectNothingWritten() {
    EXPECT_EQ(TenantRowCount("audit_log", tenant_), audit_rows_) << "audit_log grew";
    EXPECT_EQ(TenantRowCount("outbox_events", tenant_), outbox_rows_) << "outbox_events grew";
    EXPECT_EQ(TenantRowCount("ai_systems", tenant_), systems_) << "ai_systems grew";
  }

 private:
  std::string tenant_;
  int64_t audit_rows_ = 0;
  int64_t outbox_rows_ = 0;
  int64_t systems_ = 0;
};

// Starts one in-process server for all tests of a suite.
class InventoryServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { env_ = new InventoryEnv(); }
  static void TearDownTestSuite() {
    delete env_;
    env_ = nullptr;
  }
  static InventoryEnv& env() { return *env_; }

  // A fresh tenant and a client holding a token of `role` in it.
  static Client NewTenantClient(const std::string& prefix, auth::Role role,
                                std::string* tenant_out = nullptr) {
    PgTestDatabase& db = PgTestDatabase::Get();
    const std::string tenant = db.CreateTenant(prefix);
    if (tenant_out != nullptr) {
      *tenant_out = tenant;
    }
    return Client(*env_, db.IssueToken(tenant, role));
  }

 private:
  static inline InventoryEnv* env_ = nullptr;
};

}  // namespace airr::inventory::testing
