// Incident -> principle violation links and the suggestion rules. The gRPC adapter talks only to
// this interface; PgViolationStore implements it over PostgreSQL. Every mutation writes a chained
// audit row and an outbox event in the same transaction.
#pragma once

namespace airr::report {

// Thread-safe.
class ViolationStore {
 public:
  virtual ~ViolationStore() = default;
};

}  // namespace airr::report
