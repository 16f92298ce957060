// The change feed behind WatchIncidents: the tenant's incident events from the outbox, read by
// cursor (the outbox id). Within a tenant, outbox ids follow commit order (docs/adr/0007), so a
// reader that resumes after the last id it processed misses nothing and sees nothing twice.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "libs/common/request_scope.h"

namespace airr::incident {

struct FeedEvent {
  int64_t cursor = 0;
  std::string topic;          // e.g. "incident.triaged"
  std::string resource_name;  // the incident, or the timeline event for timeline topics
  std::string payload_json;   // the resource as committed
  absl::Time time;            // when the transaction ran
};

// Thread-safe.
class IncidentFeedStore {
 public:
  virtual ~IncidentFeedStore() = default;

  // The cursor of the tenant's latest event (0 when there is none).
  virtual absl::StatusOr<int64_t> Head(const RequestScope& scope) = 0;

  // Up to `limit` incident events after `cursor`, in cursor order.
  virtual absl::StatusOr<std::vector<FeedEvent>> ReadAfter(const RequestScope& scope,
                                                           int64_t cursor, int limit) = 0;
};

}  // namespace airr::incident
