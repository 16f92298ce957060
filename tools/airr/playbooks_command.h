// `airr playbooks ...`: import playbooks from YAML or JSON files (create, update), list them,
// show one with its steps, list its versions and archive it (airr.playbook.v1.PlaybookService).
#pragma once

#include <vector>

#include "tools/airr/command.h"

namespace airr::cli {

// The `playbooks` commands, in help order.
std::vector<Command> PlaybooksCommands();

}  // namespace airr::cli
