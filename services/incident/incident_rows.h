// Conversions between the incidents table (the incident_rows view) and the API messages, shared
// by the incident and signal stores so the column list is mapped once.
#pragma once

#include <cstdint>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "airr/incident/v1/incident_service.pb.h"
#include "services/incident/resource_names.h"

namespace airr::incident {

// The parameters $2..$40 of insert_incident.sql and update_incident.sql, in order, as text (the
// statements cast them). The id ($1) is not included. `incident.ai_system` must be a valid
// `aiSystems/{id}` name.
std::vector<std::string> IncidentFieldParams(const v1::Incident& incident);

// A row of incident_rows as the API message; `*version` receives the row version.
v1::Incident IncidentFromRow(const pqxx::row& row, int64_t* version);

// A row of list_timeline_events.sql (or the RETURNING of append_timeline_event.sql merged into
// `event`) as the API message of incident `incident_id`.
v1::TimelineEvent TimelineEventFromRow(const pqxx::row& row, const std::string& incident_id);

// The resource name of event number `seq` of an incident.
std::string TimelineEventName(const std::string& incident_id, int64_t seq);

}  // namespace airr::incident
