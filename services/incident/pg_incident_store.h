// IncidentStore over PostgreSQL: incidents, their timelines, audit rows and outbox events, each
// mutation in one transaction scoped to the caller's tenant.
#pragma once

#include "libs/pg/pool.h"
#include "services/incident/incident_store.h"

namespace airr::incident {

// Thread-safe (each call leases its own connection).
class PgIncidentStore final : public IncidentStore {
 public:
  explicit PgIncidentStore(pg::ConnectionPool& pool) : pool_(pool) {}

  absl::StatusOr<v1::Incident> Create(const RequestScope& scope, const v1::Incident& incident,
                                      const std::string& id,
                                      const std::string& request_id) override;
  absl::StatusOr<v1::Incident> Get(const RequestScope& scope, const std::string& id) override;
  absl::StatusOr<IncidentPage> List(const RequestScope& scope,
                                    const IncidentPageQuery& query) override;
  absl::StatusOr<v1::Incident> Mutate(
      const RequestScope& scope, const std::string& id, std::optional<int64_t> expected_version,
      const std::function<absl::StatusOr<IncidentChange>(v1::Incident&)>& change) override;
  absl::StatusOr<v1::Incident> Merge(
      const RequestScope& scope, const std::string& id, const std::string& into_id,
      std::optional<int64_t> expected_version,
      const std::function<absl::StatusOr<std::pair<IncidentChange, IncidentChange>>(
          v1::Incident& merged, v1::Incident& survivor)>& change) override;
  absl::StatusOr<v1::TimelineEvent> AddTimelineEvent(const RequestScope& scope,
                                                     const std::string& id,
                                                     const v1::TimelineEvent& event) override;
  absl::StatusOr<TimelinePage> ListTimelineEvents(const RequestScope& scope, const std::string& id,
                                                  int64_t after, int page_size) override;

 private:
  pg::ConnectionPool& pool_;
};

}  // namespace airr::incident
