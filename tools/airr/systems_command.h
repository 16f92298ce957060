// `airr systems ...`: create, get, list, update, delete and undelete the AI systems of the
// inventory service (airr.inventory.v1.InventoryService).
#pragma once

#include <string>
#include <vector>

#include "tools/airr/command.h"

namespace airr::cli {

// The `systems` commands, in help order.
std::vector<Command> SystemsCommands();

// The resource name for a user's NAME argument: "x" becomes "aiSystems/x"; anything with a '/'
// is passed on as it is, for the server to judge.
std::string SystemName(const std::string& arg);

}  // namespace airr::cli
