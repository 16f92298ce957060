// PrincipleStore over PostgreSQL: the catalog table `principles` (V0002) and the tenant's
// `policy_principles` (V0006), every call in one transaction of the caller's tenant.
#pragma once

#include "libs/pg/pool.h"
#include "services/report/principle_store.h"

namespace airr::report {

// Thread-safe (each call leases its own connection).
class PgPrincipleStore final : public PrincipleStore {
 public:
  explicit PgPrincipleStore(pg::ConnectionPool& pool) : pool_(pool) {}

  absl::StatusOr<PrinciplePage> ListPrinciples(const RequestScope& scope,
                                               const PrinciplePageQuery& query) override;
  absl::StatusOr<v1::Principle> GetPrinciple(const RequestScope& scope,
                                             const std::string& id) override;
  absl::StatusOr<v1::PolicyPrinciple> CreatePolicyPrinciple(const RequestScope& scope,
                                                            const v1::PolicyPrinciple& principle,
                                                            const std::string& id) override;
  absl::StatusOr<v1::PolicyPrinciple> GetPolicyPrinciple(const RequestScope& scope,
                                                         const std::string& id) override;
  absl::StatusOr<PolicyPrinciplePage> ListPolicyPrinciples(
      const RequestScope& scope, const PolicyPrinciplePageQuery& query) override;
  absl::StatusOr<v1::PolicyPrinciple> UpdatePolicyPrinciple(
      const RequestScope& scope, const std::string& id, std::optional<int64_t> expected_version,
      const std::function<absl::Status(v1::PolicyPrinciple&)>& change) override;
  absl::StatusOr<v1::PolicyPrinciple> DeletePolicyPrinciple(
      const RequestScope& scope, const std::string& id,
      std::optional<int64_t> expected_version) override;

 private:
  pg::ConnectionPool& pool_;
};

}  // namespace airr::report
