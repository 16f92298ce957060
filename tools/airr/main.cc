// The `airr` command-line client: hands the command line, the environment and the standard
// streams to RunCli (cli.h), which does everything else.
#include <iostream>
#include <string>
#include <vector>

#include "tools/airr/cli.h"
#include "tools/airr/global_options.h"

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  return airr::cli::RunCli(args, airr::cli::ProcessEnvironment(), std::cout, std::cerr);
}
