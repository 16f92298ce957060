// PlaybookStore over PostgreSQL: playbooks, their immutable versions (the definition as JSON, see
// playbook_json.h), audit rows and outbox events, each call in one transaction scoped to the
// caller's tenant; the drill cadence computed in SQL from each playbook's last completed drill.
#pragma once

#include "libs/pg/pool.h"
#include "services/playbook/playbook_store.h"

namespace airr::playbook {

// Thread-safe (each call leases its own connection).
class PgPlaybookStore final : public PlaybookStore {
 public:
  explicit PgPlaybookStore(pg::ConnectionPool& pool) : pool_(pool) {}

  absl::StatusOr<v1::Playbook> Create(const RequestScope& scope, const std::string& id,
                                      const v1::Playbook& definition, absl::Time now) override;
  absl::StatusOr<v1::Playbook> Get(const RequestScope& scope, const std::string& id) override;
  absl::StatusOr<PlaybookPage> List(const RequestScope& scope,
                                    const PlaybookPageQuery& query) override;
  absl::StatusOr<VersionPage> ListVersions(const RequestScope& scope, const std::string& id,
                                           const VersionPageQuery& query) override;
  absl::StatusOr<v1::Playbook> Update(
      const RequestScope& scope, const std::string& id, std::optional<int64_t> expected_version,
      const std::string& change_note, absl::Time now,
      const std::function<absl::Status(v1::Playbook&)>& change) override;
  absl::StatusOr<v1::Playbook> Archive(const RequestScope& scope, const std::string& id,
                                       std::optional<int64_t> expected_version,
                                       absl::Time now) override;
  absl::StatusOr<DrillsDuePage> ListDrillsDue(const RequestScope& scope,
                                              const DrillsDueQuery& query) override;

 private:
  pg::ConnectionPool& pool_;
};

}  // namespace airr::playbook
