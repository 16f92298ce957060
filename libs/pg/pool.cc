#include "libs/pg/pool.h"

#include <pqxx/pqxx>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "airr/sql/queries.h"
#include "libs/pg/errors.h"

namespace airr::pg {
namespace {

constexpr char kServiceRole[] = "airr_app";

bool IsTemplate(absl::string_view name) { return absl::EndsWith(name, "_template"); }

}  // namespace

Lease::Lease(ConnectionPool* pool, std::unique_ptr<pqxx::connection> conn)
    : pool_(pool), conn_(std::move(conn)) {}

Lease::Lease(Lease&& other) noexcept
    : pool_(other.pool_), conn_(std::move(other.conn_)), discard_(other.discard_) {
  other.pool_ = nullptr;
}

Lease::~Lease() {
  if (pool_ != nullptr && conn_ != nullptr) {
    pool_->Release(std::move(conn_), discard_ || !conn_->is_open());
  }
}

absl::StatusOr<std::unique_ptr<ConnectionPool>> ConnectionPool::Create(PoolOptions options) {
  if (options.size == 0) {
    return absl::InvalidArgumentError("pool size must be positive");
  }
  std::unique_ptr<ConnectionPool> pool(new ConnectionPool(std::move(options)));
  auto conn = pool->Open();
  if (!conn.ok()) {
    return conn.status();
  }
  absl::MutexLock lock(&pool->mu_);
  pool->idle_.push_back(*std::move(conn));
  pool->open_ = 1;
  return pool;
}

ConnectionPool::~ConnectionPool() {
  absl::MutexLock lock(&mu_);
  idle_.clear();
}

absl::StatusOr<std::unique_ptr<pqxx::connection>> ConnectionPool::Open() const {
  try {
    auto conn = std::make_unique<pqxx::connection>(options_.dsn);
    pqxx::nontransaction setup(*conn);
    setup.exec0("SET TIME ZONE 'UTC'");
    if (options_.act_as_service_role) {
      const std::string user = setup.exec1("SELECT current_user")[0].as<std::string>();
      if (user != kServiceRole) {
        try {
          setup.exec0(absl::StrCat("SET ROLE ", kServiceRole));
        } catch (const pqxx::sql_error& e) {
          return absl::FailedPreconditionError(
              absl::StrCat("the database role cannot act as ", kServiceRole,
                           "; connect as it or as a member of it (run airr-admin migrate first)"));
        }
      }
    }
    setup.commit();
    for (const sql::NamedSql* q = sql::kQueries; q->name != nullptr; ++q) {
      if (!IsTemplate(q->name)) {
        conn->prepare(q->name, q->text);
      }
    }
    return conn;
  } catch (const std::exception& e) {
    return TranslateException(e);
  }
}

absl::StatusOr<Lease> ConnectionPool::Acquire(absl::Time deadline) {
  {
    absl::MutexLock lock(&mu_);
    auto ready = [this]() ABSL_SHARED_LOCKS_REQUIRED(mu_) {
      return !idle_.empty() || open_ < options_.size;
    };
    if (!mu_.AwaitWithDeadline(absl::Condition(&ready), deadline)) {
      return absl::DeadlineExceededError("no database connection became free before the deadline");
    }
    if (!idle_.empty()) {
      auto conn = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(conn));
    }
    ++open_;  // reserve the slot, then connect without holding the lock
  }
  auto conn = Open();
  if (!conn.ok()) {
    absl::MutexLock lock(&mu_);
    --open_;
    return conn.status();
  }
  return Lease(this, *std::move(conn));
}

void ConnectionPool::Release(std::unique_ptr<pqxx::connection> conn, bool discard) {
  absl::MutexLock lock(&mu_);
  if (discard) {
    --open_;
    return;
  }
  idle_.push_back(std::move(conn));
}

}  // namespace airr::pg
