// The principle catalog (read-only reference data) and the tenant's policy principles. The gRPC
// adapter talks only to this interface; PgPrincipleStore implements it over PostgreSQL. Every
// mutation writes a chained audit row and an outbox event in the same transaction.
#pragma once

namespace airr::report {

// Thread-safe.
class PrincipleStore {
 public:
  virtual ~PrincipleStore() = default;
};

}  // namespace airr::report
