#include "libs/pg/outbox_consumer.h"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <pqxx/pqxx>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "airr/sql/queries.h"
#include "libs/common/status_macros.h"
#include "libs/pg/rows.h"

namespace airr::pg {
namespace {

// How often a wait on the outbox listener looks at the stop flag.
constexpr absl::Duration kStopCheck = absl::Milliseconds(100);
constexpr int kMaxBatchSize = 10000;

// ^[a-z][a-z0-9_.-]{0,62}$, the CHECK of outbox_cursors.consumer.
bool IsConsumerName(const std::string& name) {
  if (name.empty() || name.size() > 63 || !absl::ascii_islower(name[0])) {
    return false;
  }
  return std::all_of(name.begin(), name.end(), [](char c) {
    return absl::ascii_islower(c) || absl::ascii_isdigit(c) || c == '_' || c == '.' || c == '-';
  });
}

}  // namespace

absl::StatusOr<std::unique_ptr<OutboxConsumer>> OutboxConsumer::Create(
    ConnectionPool& pool, OutboxListener* listener, OutboxConsumerOptions options,
    OutboxHandler handler) {
  if (!IsConsumerName(options.name)) {
    return absl::InvalidArgumentError(
        "an outbox consumer's name must match ^[a-z][a-z0-9_.-]{0,62}$");
  }
  if (options.topics.empty() ||
      std::any_of(options.topics.begin(), options.topics.end(),
                  [](const std::string& topic) { return topic.empty(); })) {
    return absl::InvalidArgumentError("an outbox consumer needs at least one non-empty topic");
  }
  if (options.batch_size < 1 || options.batch_size > kMaxBatchSize) {
    return absl::InvalidArgumentError(
        absl::StrCat("an outbox consumer's batch size must be from 1 to ", kMaxBatchSize));
  }
  if (options.poll_interval <= absl::ZeroDuration() ||
      options.max_backoff < options.poll_interval) {
    return absl::InvalidArgumentError(
        "an outbox consumer's poll interval must be positive and its longest backoff no shorter");
  }
  if (handler == nullptr) {
    return absl::InvalidArgumentError("an outbox consumer needs a handler");
  }
  return std::unique_ptr<OutboxConsumer>(
      new OutboxConsumer(pool, listener, std::move(options), std::move(handler)));
}

OutboxConsumer::OutboxConsumer(ConnectionPool& pool, OutboxListener* listener,
                               OutboxConsumerOptions options, OutboxHandler handler)
    : pool_(pool),
      listener_(listener),
      options_(std::move(options)),
      handler_(std::move(handler)) {}

OutboxConsumer::~OutboxConsumer() { Stop(); }

absl::Status OutboxConsumer::RunOnce(OutboxPass* pass) {
  OutboxPass local;
  OutboxPass& out = pass != nullptr ? *pass : local;
  out = OutboxPass{};
  std::vector<std::string> tenants;
  // The backlog function is the only cross-tenant read; it runs in a transaction of no tenant.
  AIRR_RETURN_IF_ERROR(RunInTx(pool_, TxScope{}, [&](Tx& tx) {
    for (const auto& row : tx.exec_prepared(sql::kOutboxBacklog, options_.name)) {
      tenants.push_back(row["tenant_id"].c_str());
    }
    return absl::OkStatus();
  }));
  absl::Status first_error;
  for (const std::string& tenant : tenants) {
    absl::Status status = RunTenant(tenant, out);
    if (!status.ok() && first_error.ok()) {
      first_error = std::move(status);
    }
  }
  return first_error;
}

absl::Status OutboxConsumer::RunTenant(const std::string& tenant_id, OutboxPass& pass) {
  bool skipped = false;
  bool advanced = false;
  int64_t handled = 0;
  absl::Status status = RunInTx(pool_, TxScope{tenant_id}, [&](Tx& tx) -> absl::Status {
    // Waits only for a replica that is creating the same cursor right now (until it commits).
    tx.exec_prepared0(sql::kInsertOutboxCursor, options_.name);
    const pqxx::result cursor = tx.exec_prepared(sql::kLockOutboxCursor, options_.name);
    if (cursor.empty()) {
      skipped = true;  // another consumer of this name is on the tenant
      return absl::OkStatus();
    }
    const int64_t last_id = cursor[0]["last_id"].as<int64_t>();
    // The head first: every event up to it has committed (ids follow commit order within a
    // tenant), so the bounded read below sees all of them even in a later snapshot, and moving
    // the cursor to the head can pass over nothing that commits meanwhile.
    const int64_t head = tx.exec_prepared1(sql::kMaxOutboxId)["head"].as<int64_t>();
    if (head <= last_id) {
      return absl::OkStatus();
    }
    const pqxx::result events = tx.exec_prepared(sql::kReadOutboxAfter, last_id, head,
                                                 ToTextArray(options_.topics), options_.batch_size);
    OutboxRecord record;
    record.tenant_id = tenant_id;
    for (const auto& row : events) {
      record.id = row["id"].as<int64_t>();
      record.topic = row["topic"].c_str();
      record.resource_name = row["resource_name"].c_str();
      record.payload_json = row["payload"].c_str();
      record.create_time = absl::FromUnixMicros(row["create_time_us"].as<int64_t>());
      AIRR_RETURN_IF_ERROR(handler_(tx, record));
      ++handled;
    }
    // A full batch stops at its last event (more may match); otherwise every event up to the
    // head was looked at, and events of other topics must not keep the tenant in the backlog.
    const bool full = static_cast<int>(events.size()) == options_.batch_size;
    const int64_t new_last = full ? record.id : head;
    tx.exec_prepared0(sql::kAdvanceOutboxCursor, options_.name, new_last);
    advanced = new_last > last_id;
    return absl::OkStatus();
  });
  if (!status.ok()) {
    return status;
  }
  pass.events_handled += handled;
  pass.tenants_advanced += advanced ? 1 : 0;
  pass.tenants_skipped += skipped ? 1 : 0;
  return absl::OkStatus();
}

void OutboxConsumer::Start() {
  absl::MutexLock thread_lock(&thread_mu_);
  if (started_) {
    return;
  }
  started_ = true;
  if (stopping()) {
    return;
  }
  thread_ = std::thread([this] { Loop(); });
}

void OutboxConsumer::Stop() {
  {
    absl::MutexLock lock(&mu_);
    stop_ = true;
  }
  absl::MutexLock thread_lock(&thread_mu_);
  started_ = true;  // no Start() after Stop()
  if (thread_.joinable()) {
    thread_.join();
  }
}

bool OutboxConsumer::stopping() {
  absl::MutexLock lock(&mu_);
  return stop_;
}

bool OutboxConsumer::SleepUntil(absl::Time deadline) {
  absl::MutexLock lock(&mu_);
  mu_.AwaitWithDeadline(absl::Condition(&stop_), deadline);
  return stop_;
}

void OutboxConsumer::WaitForWork(uint64_t generation, absl::Duration wait) {
  const absl::Time deadline = absl::Now() + wait;
  while (!stopping()) {
    const absl::Time now = absl::Now();
    if (now >= deadline) {
      return;
    }
    if (listener_ == nullptr || listener_->stopped()) {
      SleepUntil(deadline);
      return;
    }
    // The listener cannot see our stop flag: wait in slices so Stop() is not held up.
    if (listener_->WaitForChange(generation, std::min(deadline, now + kStopCheck)) != generation) {
      return;
    }
  }
}

void OutboxConsumer::Loop() {
  absl::Duration backoff = absl::ZeroDuration();
  while (!stopping()) {
    // Read before the pass: an event committed during the pass moves it, so the wait below
    // returns at once instead of missing the notification.
    const uint64_t generation = listener_ != nullptr ? listener_->generation() : 0;
    OutboxPass pass;
    const absl::Status status = RunOnce(&pass);
    if (!status.ok()) {
      // The code only: messages may carry details that do not belong in logs.
      std::fprintf(stderr, "airr outbox consumer %s: a batch failed (%s)\n", options_.name.c_str(),
                   absl::StatusCodeToString(status.code()).c_str());
      if (pass.tenants_advanced > 0) {
        continue;  // other tenants moved on: one failing tenant must not hold them back
      }
      backoff = std::min(options_.max_backoff,
                         backoff == absl::ZeroDuration() ? options_.poll_interval : backoff * 2);
      SleepUntil(absl::Now() + backoff);
      continue;
    }
    backoff = absl::ZeroDuration();
    if (pass.tenants_advanced > 0) {
      continue;  // a full batch may have left more behind
    }
    WaitForWork(generation, options_.poll_interval);
  }
}

}  // namespace airr::pg
