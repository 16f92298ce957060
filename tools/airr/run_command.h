// `airr run ...`: start a run of a playbook on an incident, list runs, show a run's steps, work
// them (run_step_command.h), finish the run with its evaluation, abort it, and print its report
// (airr.playbook.v1.PlaybookService). Drills are started with `airr drill start`.
#pragma once

#include <vector>

#include "tools/airr/command.h"

namespace airr::cli {

// The `run` commands, in help order.
std::vector<Command> RunCommands();

}  // namespace airr::cli
