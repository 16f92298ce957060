// `airr incidents ...`: the commands of the incident service (airr.incident.v1.IncidentService):
// create, get, list and update here, and, from their own files, the lifecycle commands, the
// timeline and watch.
#pragma once

#include <vector>

#include "tools/airr/command.h"

namespace airr::cli {

// Every `incidents` command, in help order.
std::vector<Command> IncidentsCommands();

}  // namespace airr::cli
