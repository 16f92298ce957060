// IncidentFeedStore over the outbox_events table.
#pragma once

#include "libs/pg/pool.h"
#include "services/incident/incident_feed_store.h"

namespace airr::incident {

// Thread-safe (each call leases its own connection).
class PgIncidentFeedStore final : public IncidentFeedStore {
 public:
  explicit PgIncidentFeedStore(pg::ConnectionPool& pool) : pool_(pool) {}

  absl::StatusOr<int64_t> Head(const RequestScope& scope) override;
  absl::StatusOr<std::vector<FeedEvent>> ReadAfter(const RequestScope& scope, int64_t cursor,
                                                   int limit) override;

 private:
  pg::ConnectionPool& pool_;
};

}  // namespace airr::incident
