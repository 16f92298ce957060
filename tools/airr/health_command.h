// `airr health`: asks the server's grpc.health.v1 service whether it is serving, for scripts and
// readiness checks (exit 0 only when SERVING).
#pragma once

#include "tools/airr/command.h"

namespace airr::cli {

// The `health` command.
Command HealthCommand();

}  // namespace airr::cli
