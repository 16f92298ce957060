// `airr incidents triage|start-mitigation|resolve|close|reopen|reject|merge`: the lifecycle
// methods of the incident service, which alone change an incident's state. Each takes the
// incident's id, the method's own flags and an optional --etag guard, and prints the incident.
#pragma once

#include <vector>

#include "tools/airr/command.h"

namespace airr::cli {

// The lifecycle commands, in the order an incident usually meets them.
std::vector<Command> IncidentLifecycleCommands();

}  // namespace airr::cli
