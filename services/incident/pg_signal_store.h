// SignalStore over PostgreSQL: one transaction per batch, written with multi-row statements
// (arrays bound as parameters), never one statement per signal.
#pragma once

#include "absl/time/time.h"
#include "libs/pg/pool.h"
#include "services/incident/signal_store.h"

namespace airr::incident {

// Thread-safe (each call leases its own connection).
class PgSignalStore final : public SignalStore {
 public:
  // `window`: how long after a fingerprint's latest signal a new one still attaches to its open
  // incident.
  PgSignalStore(pg::ConnectionPool& pool, absl::Duration window) : pool_(pool), window_(window) {}

  absl::StatusOr<v1::SignalBatchAck> Ingest(const RequestScope& scope,
                                            const v1::SignalBatch& batch) override;
  absl::StatusOr<SignalPage> List(const RequestScope& scope, const std::string& incident_id,
                                  int64_t after, int page_size) override;

 private:
  pg::ConnectionPool& pool_;
  const absl::Duration window_;
};

}  // namespace airr::incident
