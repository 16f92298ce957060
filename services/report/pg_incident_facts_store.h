// IncidentFactsStore over the views incidents_v, ai_systems_v and incident_timeline_events_v.
#pragma once

#include "libs/pg/pool.h"
#include "services/report/incident_facts_store.h"

namespace airr::report {

// Thread-safe (each call leases its own connection).
class PgIncidentFactsStore final : public IncidentFactsStore {
 public:
  explicit PgIncidentFactsStore(pg::ConnectionPool& pool) : pool_(pool) {}
  absl::StatusOr<IncidentWithSystem> ReadIncident(const RequestScope& scope,
                                                  const std::string& incident_id) override;
  absl::StatusOr<std::vector<v1::ReportedTimelineEvent>> ReadTimeline(
      const RequestScope& scope, const std::string& incident_id) override;

 private:
  pg::ConnectionPool& pool_;
};

}  // namespace airr::report
