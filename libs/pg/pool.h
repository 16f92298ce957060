// A fixed-size pool of libpqxx connections shared by the handler threads of a server. Each
// connection is set up once: UTC time zone, the service role, and every named query of
// sql/queries prepared by name.
#pragma once

#include <cstddef>
#include <memory>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace airr::pg {

struct PoolOptions {
  // The libpq connection string or URI. Never logged.
  std::string dsn;
  // The most connections opened at once.
  size_t size = 8;
  // When true, every connection acts as the unprivileged service role `airr_app` (SET ROLE when
  // the DSN names another role, e.g. a superuser), so row-level security applies. Tools that
  // administer the database (airr-admin) set it to false.
  bool act_as_service_role = true;
};

class ConnectionPool;

// Exclusive use of one pooled connection; returns it on destruction. Not thread-safe.
class Lease {
 public:
  Lease(Lease&& other) noexcept;
  Lease& operator=(Lease&&) = delete;
  ~Lease();
  pqxx::connection& operator*() const { return *conn_; }
  pqxx::connection* operator->() const { return conn_.get(); }
  // Drops the connection instead of returning it (after a broken connection or unknown state).
  void Discard() { discard_ = true; }

 private:
  friend class ConnectionPool;
  Lease(ConnectionPool* pool, std::unique_ptr<pqxx::connection> conn);
  ConnectionPool* pool_;
  std::unique_ptr<pqxx::connection> conn_;
  bool discard_ = false;
};

// Thread-safe.
class ConnectionPool {
 public:
  // Opens one connection to check the DSN and the role. UNAVAILABLE when the database cannot be
  // reached, FAILED_PRECONDITION when the service role cannot be assumed.
  static absl::StatusOr<std::unique_ptr<ConnectionPool>> Create(PoolOptions options);
  ~ConnectionPool();

  // Waits until a connection is free (opening one if below size) or `deadline` passes
  // (DEADLINE_EXCEEDED). UNAVAILABLE when a new connection cannot be opened.
  absl::StatusOr<Lease> Acquire(absl::Time deadline);

 private:
  friend class Lease;
  explicit ConnectionPool(PoolOptions options) : options_(std::move(options)) {}
  absl::StatusOr<std::unique_ptr<pqxx::connection>> Open() const;
  void Release(std::unique_ptr<pqxx::connection> conn, bool discard);

  const PoolOptions options_;
  absl::Mutex mu_;
  std::vector<std::unique_ptr<pqxx::connection>> idle_ ABSL_GUARDED_BY(mu_);
  size_t open_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace airr::pg
