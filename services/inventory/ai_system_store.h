// The inventory's domain operations on stored AI systems. The gRPC service talks only to this
// interface; PgAiSystemStore implements it over PostgreSQL. Every mutation leaves a chained audit
// row and an outbox event in the same transaction.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "airr/inventory/v1/inventory_service.pb.h"
#include "libs/api/filter.h"
#include "libs/api/order_by.h"
#include "libs/api/page_cursor.h"
#include "libs/common/request_scope.h"

namespace airr::inventory {

// One page to read: a translated filter (its parameters numbered from kFirstFilterParam), the
// order, and the cursor after which the page starts.
struct AiSystemPageQuery {
  static constexpr int kFirstFilterParam = 3;
  api::SqlClause filter;
  api::OrderBy order;
  std::optional<api::PageCursor> after;
  int page_size = 50;
  bool show_deleted = false;
};

struct AiSystemPage {
  std::vector<v1::AiSystem> systems;
  // Set when more systems follow.
  std::optional<api::PageCursor> next;
};

// Thread-safe.
class AiSystemStore {
 public:
  virtual ~AiSystemStore() = default;

  // Stores a validated system under `id` ("" = a new UUID). With a non-empty `request_id`, a
  // system created earlier by the same request id is returned instead and nothing is written.
  // ALREADY_EXISTS when the id is taken.
  virtual absl::StatusOr<v1::AiSystem> Create(const RequestScope& scope, const v1::AiSystem& system,
                                              const std::string& id,
                                              const std::string& request_id) = 0;

  // NOT_FOUND when the tenant has no system with this id.
  virtual absl::StatusOr<v1::AiSystem> Get(const RequestScope& scope, const std::string& id) = 0;

  virtual absl::StatusOr<AiSystemPage> List(const RequestScope& scope,
                                            const AiSystemPageQuery& query) = 0;

  // Applies `change` to the current system while holding its lock and stores the result.
  // `change` returns a non-OK status to refuse (nothing is written). NOT_FOUND, ABORTED when
  // `expected_version` is set and stale, FAILED_PRECONDITION when the system is deleted.
  virtual absl::StatusOr<v1::AiSystem> Update(
      const RequestScope& scope, const std::string& id, std::optional<int64_t> expected_version,
      const std::function<absl::Status(v1::AiSystem&)>& change) = 0;

  // Soft-deletes (`deleted` = true) or restores a system. Deleting a deleted system gives
  // NOT_FOUND; restoring a live one FAILED_PRECONDITION; a stale `expected_version` ABORTED.
  virtual absl::StatusOr<v1::AiSystem> SetDeleted(const RequestScope& scope, const std::string& id,
                                                  bool deleted,
                                                  std::optional<int64_t> expected_version) = 0;
};

}  // namespace airr::inventory
