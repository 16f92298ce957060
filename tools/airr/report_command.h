// `report show`: the whole incident report (incident and AI system, violated principles,
// mitigations, notifications with deadlines and timeliness, timeline) as a readable document, or
// with -o json the IncidentReport message.
#pragma once

#include <vector>

#include "tools/airr/command.h"

namespace airr::cli {

// The commands of the `report` group.
std::vector<Command> ReportCommands();

}  // namespace airr::cli
