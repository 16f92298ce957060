// Deduplication of monitor signals into incidents, as a pure function: given a batch and, per
// fingerprint, the open incident its signals currently go to, decides which signals attach to it
// and which open new incidents. The signal store runs the plan under the fingerprints' locks.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "airr/incident/v1/incident_service.pb.h"

namespace airr::incident {

// The open incident a fingerprint's signals go to, and its latest signal observation.
struct OpenIncident {
  std::string id;
  absl::Time last_signal_time;
};

// Where one signal goes: an existing incident (`existing_id`) or the plan's `opened`-th new one.
struct SignalTarget {
  std::string existing_id;
  int opened = -1;
};

struct DedupPlan {
  // The new incidents, each named by the batch index of the signal that opens it (the earliest
  // of its fingerprint's run).
  std::vector<int> opened;
  // One target per signal of the batch, in batch order.
  std::vector<SignalTarget> targets;
  // Per fingerprint of the batch, the incident its later signals go to.
  std::map<std::string, SignalTarget> group_targets;
};

// Plans `batch` given `current` (fingerprint -> open incident; fingerprints missing or mapped to
// nullopt have none). Each fingerprint's signals are taken in observation order (batch order
// breaking ties): a signal attaches to the fingerprint's incident when it was observed no later
// than `window` after that incident's latest signal; otherwise it opens a new incident, which the
// fingerprint's following signals then attach to. Thread-safe.
DedupPlan PlanSignalDedup(const v1::SignalBatch& batch,
                          const std::map<std::string, std::optional<OpenIncident>>& current,
                          absl::Duration window);

}  // namespace airr::incident
