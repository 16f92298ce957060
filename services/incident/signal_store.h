// The incident service's domain operations on monitor signals: committing a batch with its
// deduplication into incidents, and reading an incident's signals. PgSignalStore implements it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "airr/incident/v1/incident_service.pb.h"
#include "libs/common/request_scope.h"

namespace airr::incident {

struct SignalPage {
  std::vector<v1::StoredSignal> signals;
  std::optional<int64_t> next_after;  // the last signal number, when more signals follow
};

// Thread-safe.
class SignalStore {
 public:
  virtual ~SignalStore() = default;

  // Commits a validated batch in one transaction: stores its signals, opens or updates incidents
  // (see PlanSignalDedup) and records one audit row for the batch and an outbox event per
  // incident touched. A batch id committed before is answered with its first acknowledgement
  // (`replayed` set) and nothing is written. INVALID_ARGUMENT on "batch.signals[i].ai_system"
  // when the tenant has no such AI system.
  virtual absl::StatusOr<v1::SignalBatchAck> Ingest(const RequestScope& scope,
                                                    const v1::SignalBatch& batch) = 0;

  // Up to `page_size` signals of incident `incident_id` numbered after `after`. NOT_FOUND.
  virtual absl::StatusOr<SignalPage> List(const RequestScope& scope, const std::string& incident_id,
                                          int64_t after, int page_size) = 0;
};

}  // namespace airr::incident
