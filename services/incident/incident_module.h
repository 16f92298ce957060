// The incident service as a module any airr server binary can host.
#pragma once

#include <optional>

#include "absl/time/time.h"
#include "services/host/service_host.h"

namespace airr::incident {

struct IncidentOptions {
  // How long after a fingerprint's latest signal a new one still attaches to its open incident.
  absl::Duration signal_window = absl::Hours(24);
};

// Reads AIRR_SIGNAL_WINDOW_SECONDS (1 to 31,536,000; default 86,400). INVALID_ARGUMENT names the
// variable.
absl::StatusOr<IncidentOptions> IncidentOptionsFromEnv();

// The module; without `options` it reads them from the environment when built.
host::ServiceModule IncidentModule(std::optional<IncidentOptions> options = std::nullopt);

}  // namespace airr::incident
