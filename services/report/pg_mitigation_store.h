// MitigationStore over PostgreSQL: mitigations, their audit rows and outbox events, each call in
// one transaction scoped to the caller's tenant.
#pragma once

#include "libs/pg/pool.h"
#include "services/report/mitigation_store.h"

namespace airr::report {

// Thread-safe (each call leases its own connection).
class PgMitigationStore final : public MitigationStore {
 public:
  explicit PgMitigationStore(pg::ConnectionPool& pool) : pool_(pool) {}

  absl::StatusOr<v1::Mitigation> Create(const RequestScope& scope, const std::string& incident_id,
                                        const v1::Mitigation& mitigation, const std::string& id,
                                        const std::string& request_id) override;
  absl::StatusOr<v1::Mitigation> Get(const RequestScope& scope, const std::string& incident_id,
                                     const std::string& id) override;
  absl::StatusOr<MitigationPage> List(const RequestScope& scope,
                                      const MitigationPageQuery& query) override;
  absl::StatusOr<v1::Mitigation> Mutate(
      const RequestScope& scope, const std::string& incident_id, const std::string& id,
      std::optional<int64_t> expected_version,
      const std::function<absl::StatusOr<std::string>(MitigationRecord&)>& change) override;

 private:
  pg::ConnectionPool& pool_;
};

}  // namespace airr::report
