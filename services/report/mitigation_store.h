// Mitigations of incidents. The gRPC adapter talks only to this interface; PgMitigationStore
// implements it over PostgreSQL. Every mutation writes a chained audit row and an outbox event in
// the same transaction.
#pragma once

namespace airr::report {

// Thread-safe.
class MitigationStore {
 public:
  virtual ~MitigationStore() = default;
};

}  // namespace airr::report
