// `airr incidents watch`: follows the change stream of the tenant's incidents (WatchIncidents)
// and prints one line per change, flushed at once so that pipes see it: a readable line, or with
// `-o json` one JSON object (JSON Lines). Every line carries the cursor to resume from.
#pragma once

#include <string>

#include "airr/incident/v1/incident_service.pb.h"
#include "tools/airr/command.h"

namespace airr::cli {

// The `incidents watch` command.
Command IncidentWatchCommand();

// One change as a line for people, without the newline: the change time, the change type, the
// incident and what changed (state, severity and title; the type and text of an added timeline
// event; the signal count), then "cursor=...". Text from the server is sanitized.
std::string FormatChangeLine(const incident::v1::WatchIncidentsResponse& change);

}  // namespace airr::cli
