// `notifications evaluate|list|mark-sent|ack|not-required|rules`: the notification
// obligations an incident triggers under the regime rules (EU AI Act, GDPR, APPI, ...), their
// deadlines and what was sent, and the rules themselves (list, enable, disable).
#pragma once

#include <vector>

#include "tools/airr/command.h"

namespace airr::cli {

// The commands of the `notifications` group.
std::vector<Command> NotificationsCommands();

}  // namespace airr::cli
