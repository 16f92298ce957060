// `airr incidents timeline ID`: lists an incident's append-only timeline (every page, in recording
// order), or with --add appends a note, action, communication, evidence or decision to it.
#pragma once

#include "tools/airr/command.h"

namespace airr::cli {

// The `incidents timeline` command.
Command IncidentTimelineCommand();

}  // namespace airr::cli
