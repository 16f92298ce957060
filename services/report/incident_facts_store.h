// Read access to what other services own and the report service needs: an incident's facts, its
// AI system's facts and its timeline, read through the views the incident and inventory services
// publish (incidents_v, ai_systems_v, incident_timeline_events_v). Never writes.
#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "airr/report/v1/report_service.pb.h"
#include "libs/api/resource_name.h"
#include "libs/common/errors.h"
#include "libs/common/request_scope.h"
#include "services/report/resource_names.h"

namespace airr::report {

struct IncidentWithSystem {
  v1::IncidentFacts incident;
  v1::AiSystemFacts ai_system;
};

// NOT_FOUND for an incident the tenant does not have, as every report store returns it.
inline absl::Status IncidentNotFound(const std::string& incident_id) {
  return ResourceNotFound("Incident", api::FormatResourceName(kIncidentCollection, incident_id),
                          "airr.incident.v1.Incident");
}

// Thread-safe.
class IncidentFactsStore {
 public:
  virtual ~IncidentFactsStore() = default;
  // The incident and its AI system. NOT_FOUND (IncidentNotFound) when the tenant has no incident
  // with this id.
  virtual absl::StatusOr<IncidentWithSystem> ReadIncident(const RequestScope& scope,
                                                          const std::string& incident_id) = 0;
  // The incident's whole timeline, in order; empty for an incident the tenant does not have
  // (callers read the incident first).
  virtual absl::StatusOr<std::vector<v1::ReportedTimelineEvent>> ReadTimeline(
      const RequestScope& scope, const std::string& incident_id) = 0;
};

}  // namespace airr::report
