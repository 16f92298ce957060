// ViolationStore over PostgreSQL: `violations` and `suggestion_rules` (V0006, seeded by V0007),
// the catalog `principles` and the incident service's view `incidents_v`, every call in one
// transaction of the caller's tenant.
#pragma once

#include "libs/pg/pool.h"
#include "services/report/violation_store.h"

namespace airr::report {

// Thread-safe (each call leases its own connection).
class PgViolationStore final : public ViolationStore {
 public:
  explicit PgViolationStore(pg::ConnectionPool& pool) : pool_(pool) {}

  absl::StatusOr<v1::Violation> Link(const RequestScope& scope,
                                     const NewViolation& violation) override;
  absl::StatusOr<v1::Violation> Get(const RequestScope& scope, const std::string& incident_id,
                                    const std::string& id) override;
  absl::StatusOr<ViolationPage> List(const RequestScope& scope,
                                     const ViolationPageQuery& query) override;
  absl::StatusOr<v1::Violation> Mutate(
      const RequestScope& scope, const std::string& incident_id, const std::string& id,
      std::optional<int64_t> expected_version, const std::string& topic,
      const std::function<absl::Status(ViolationRecord&)>& change) override;
  absl::StatusOr<SuggestionRulePage> ListSuggestionRules(const RequestScope& scope,
                                                         const std::string& after,
                                                         int page_size) override;
  absl::StatusOr<SuggestionInputs> LoadSuggestionInputs(const RequestScope& scope,
                                                        const std::string& incident_id) override;

 private:
  pg::ConnectionPool& pool_;
};

}  // namespace airr::report
