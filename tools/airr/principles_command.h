// `principles list` and `principles get`: the AI Guidelines for Business catalog
// (common principles, their sub-items and the advanced-AI principles) as the report service
// holds it.
#pragma once

#include <vector>

#include "tools/airr/command.h"

namespace airr::cli {

// The commands of the `principles` group.
std::vector<Command> PrinciplesCommands();

}  // namespace airr::cli
