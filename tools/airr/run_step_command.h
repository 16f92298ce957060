// The `run` commands that work a run step by step (start-step, complete, skip) and add scenario
// events to a drill (inject); each prints the run's steps afterwards.
#pragma once

#include <vector>

#include "tools/airr/command.h"

namespace airr::cli {

// `run start-step`, `run complete`, `run skip` and `run inject`.
std::vector<Command> RunStepCommands();

}  // namespace airr::cli
