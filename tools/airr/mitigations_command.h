// `mitigations create|list|get|begin|complete|verify|cancel`: the measures taken about an
// incident, with owner and due time, through PLANNED -> IN_PROGRESS -> DONE -> VERIFIED (the
// verifier being another person) or CANCELLED.
#pragma once

#include <vector>

#include "tools/airr/command.h"

namespace airr::cli {

// The commands of the `mitigations` group.
std::vector<Command> MitigationsCommands();

}  // namespace airr::cli
