// RunStore over PostgreSQL: runs, their steps and timelines, their audit rows and outbox events,
// each call in one transaction scoped to the caller's tenant. Also defines InsertRun
// (pg_run_insert.h), which Start wraps.
#pragma once

#include "libs/pg/pool.h"
#include "services/playbook/run_store.h"

namespace airr::playbook {

// Thread-safe (each call leases its own connection).
class PgRunStore final : public RunStore {
 public:
  explicit PgRunStore(pg::ConnectionPool& pool) : pool_(pool) {}

  absl::StatusOr<v1::Run> Start(const RequestScope& scope, const RunStart& start) override;
  absl::StatusOr<v1::Run> Get(const RequestScope& scope, const std::string& playbook_id,
                              const std::string& run_id) override;
  absl::StatusOr<RunPage> List(const RequestScope& scope, const RunPageQuery& query) override;
  absl::StatusOr<v1::Run> Mutate(const RequestScope& scope, const std::string& playbook_id,
                                 const std::string& run_id, std::optional<int64_t> expected_version,
                                 const RunMutation& change) override;
  absl::StatusOr<RunReportSource> GetReportSource(const RequestScope& scope,
                                                  const std::string& playbook_id,
                                                  const std::string& run_id) override;

 private:
  pg::ConnectionPool& pool_;
};

}  // namespace airr::playbook
