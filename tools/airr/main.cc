// The `airr` command-line client: hands the command line, the environment and the standard
// streams to RunCli (cli.h), which does everything else.
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "grpc/support/log.h"
#include "tools/airr/cli.h"
#include "tools/airr/global_options.h"

namespace {

void DiscardGrpcLog(gpr_log_func_args* /*args*/) {}

}  // namespace

int main(int argc, char** argv) {
  // Every failure reaches the user once, as "airr: CODE: message"; gRPC's own log lines (e.g. a
  // TLS handshake error) would repeat it in another format. GRPC_VERBOSITY brings them back.
  if (std::getenv("GRPC_VERBOSITY") == nullptr) {
    gpr_set_log_function(DiscardGrpcLog);
  }
  const std::vector<std::string> args(argv + 1, argv + argc);
  return airr::cli::RunCli(args, airr::cli::ProcessEnvironment(), std::cout, std::cerr);
}
