// `airr drill start`: starts a drill of a playbook (tabletop, functional or full-scale) with its
// scenario, objectives and participants; `airr drills due`: the playbooks whose drill is due.
#pragma once

#include <vector>

#include "tools/airr/command.h"

namespace airr::cli {

// The `drill` and `drills` commands.
std::vector<Command> DrillCommands();

}  // namespace airr::cli
