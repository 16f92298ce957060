// Which incident fields users may filter on, sort by and update, and how they map to the columns
// of the incident_rows view (sql/migrations/V0004__incident.sql). The allow-lists are the only way
// user text reaches the SQL of the incident service.
#pragma once

#include <string>
#include <vector>

#include "libs/api/filter.h"
#include "libs/api/order_by.h"

namespace airr::incident {

// Fields of ListIncidentsRequest.filter. Thread-safe.
const std::vector<api::FilterField>& IncidentFilterFields();

// Fields of ListIncidentsRequest.order_by. The id breaks ties. Thread-safe.
const std::vector<api::SortField>& IncidentSortFields();

// The order of ListIncidents when the request names none.
inline constexpr char kIncidentDefaultOrder[] = "detect_time desc";

// Paths UpdateIncident may change: top-level Incident fields, and the fields of `affected` and
// `personal_data` one by one (for api::ResolveUpdateMask). Thread-safe.
const std::vector<std::string>& IncidentUpdatableFields();

// The column holding the tie-breaking id.
inline constexpr char kIncidentIdColumn[] = "id";

}  // namespace airr::incident
