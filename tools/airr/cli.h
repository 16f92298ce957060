// The whole CLI as one function: parses the global flags, finds the command (`<group> <verb>`),
// parses its flags, connects and runs it, and prints help at every level. main.cc only hands it
// argv, the environment and the standard streams, so tests can run the CLI in-process.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "tools/airr/global_options.h"

namespace airr::cli {

// Runs `airr` with `args` (without the program name) and returns its exit code (errors.h).
// Results go to `out`; errors, hints and diagnostics to `err`.
int RunCli(const std::vector<std::string>& args, const Environment& env, std::ostream& out,
           std::ostream& err);

}  // namespace airr::cli
