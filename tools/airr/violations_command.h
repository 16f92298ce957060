// `violations link|list|suggest|confirm|unlink`: which guideline principles an incident
// violated, proposed by one analyst and confirmed by another, and the suggestions the server
// derives from the incident's facts.
#pragma once

#include <vector>

#include "tools/airr/command.h"

namespace airr::cli {

// The commands of the `violations` group.
std::vector<Command> ViolationsCommands();

}  // namespace airr::cli
