// `airr systems ...`: create, get, list, update, delete and undelete the AI systems of the
// inventory service (airr.inventory.v1.InventoryService).
#pragma once

#include <vector>

#include "tools/airr/command.h"

namespace airr::cli {

// The `systems` commands, in help order.
std::vector<Command> SystemsCommands();

}  // namespace airr::cli
