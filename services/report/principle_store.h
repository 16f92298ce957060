// The principle catalog (read-only reference data) and the tenant's policy principles. The gRPC
// adapter talks only to this interface; PgPrincipleStore implements it over PostgreSQL. Every
// mutation writes a chained audit row and an outbox event in the same transaction.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "airr/report/v1/report_service.pb.h"
#include "libs/api/page_cursor.h"
#include "libs/common/request_scope.h"

namespace airr::report {

// One page of the catalog to read, in document order.
struct PrinciplePageQuery {
  // Only entries of this kind; all when unspecified.
  v1::PrincipleKind kind = v1::PRINCIPLE_KIND_UNSPECIFIED;
  // Only the sub-items of this common principle id ("C03"); all when empty.
  std::string parent_id;
  // The sort order of the previous page's last entry (sort orders are unique); the first page
  // when unset.
  std::optional<int> after_sort_order;
  int page_size = 100;
};

struct PrinciplePage {
  std::vector<v1::Principle> principles;
  std::optional<int> next_after;  // the last sort order, when more entries follow
};

// One page of the tenant's policy principles, by code then id.
struct PolicyPrinciplePageQuery {
  bool show_deleted = false;
  // (code, id) of the previous page's last principle; the first page when unset.
  std::optional<api::PageCursor> after;
  int page_size = 100;
};

struct PolicyPrinciplePage {
  std::vector<v1::PolicyPrinciple> policy_principles;
  std::optional<api::PageCursor> next;  // set when more principles follow
};

// Thread-safe.
class PrincipleStore {
 public:
  virtual ~PrincipleStore() = default;

  // One page of the catalog.
  virtual absl::StatusOr<PrinciplePage> ListPrinciples(const RequestScope& scope,
                                                       const PrinciplePageQuery& query) = 0;

  // One catalog entry. NOT_FOUND when there is no entry with this id.
  virtual absl::StatusOr<v1::Principle> GetPrinciple(const RequestScope& scope,
                                                     const std::string& id) = 0;

  // Stores a validated policy principle under `id` and records the mutation (topic
  // report.policy_principle.created). INVALID_ARGUMENT on "policy_principle.mapped_principles[i]"
  // for a mapped principle that is not in the catalog; ALREADY_EXISTS (reason RESOURCE_EXISTS)
  // when the id is taken, or when a non-deleted principle of the tenant has the same code (reason
  // CODE_TAKEN).
  virtual absl::StatusOr<v1::PolicyPrinciple> CreatePolicyPrinciple(
      const RequestScope& scope, const v1::PolicyPrinciple& principle, const std::string& id) = 0;

  // One policy principle, deleted ones included. NOT_FOUND.
  virtual absl::StatusOr<v1::PolicyPrinciple> GetPolicyPrinciple(const RequestScope& scope,
                                                                 const std::string& id) = 0;

  virtual absl::StatusOr<PolicyPrinciplePage> ListPolicyPrinciples(
      const RequestScope& scope, const PolicyPrinciplePageQuery& query) = 0;

  // Locks the principle, lets `change` modify its fields (it returns a non-OK status to refuse;
  // nothing is written), checks the result as CreatePolicyPrinciple does and stores it (topic
  // report.policy_principle.updated). NOT_FOUND also for a deleted one; ABORTED when
  // `expected_version` is set and stale; INVALID_ARGUMENT and ALREADY_EXISTS as Create.
  virtual absl::StatusOr<v1::PolicyPrinciple> UpdatePolicyPrinciple(
      const RequestScope& scope, const std::string& id, std::optional<int64_t> expected_version,
      const std::function<absl::Status(v1::PolicyPrinciple&)>& change) = 0;

  // Marks the principle deleted (topic report.policy_principle.deleted). NOT_FOUND also for a
  // deleted one; ABORTED for a stale `expected_version`.
  virtual absl::StatusOr<v1::PolicyPrinciple> DeletePolicyPrinciple(
      const RequestScope& scope, const std::string& id,
      std::optional<int64_t> expected_version) = 0;
};

}  // namespace airr::report
