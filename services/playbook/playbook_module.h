// The playbook service as a module any airr server binary can host.
#pragma once

#include <optional>

#include "absl/status/statusor.h"
#include "libs/common/clock.h"
#include "services/host/service_host.h"

namespace airr::playbook {

struct PlaybookOptions {
  // Whether this process consumes the incident outbox to start runs of matching automatic
  // playbooks. Several processes may; each tenant's events are handled once.
  bool auto_start = true;
  // The clock the service reads instead of the host's; for tests (must outlive the module).
  const Clock* clock = nullptr;
};

// Reads AIRR_PLAYBOOK_AUTO_START ("on" or "off"; default on). INVALID_ARGUMENT names the
// variable.
absl::StatusOr<PlaybookOptions> PlaybookOptionsFromEnv();

// The module; without `options` it reads them from the environment when built.
host::ServiceModule PlaybookModule(std::optional<PlaybookOptions> options = std::nullopt);

}  // namespace airr::playbook
