// A named background consumer of the outbox of every tenant (playbook auto-start, later risk
// review triggers and export schedules): it hands each event of its topics to a handler exactly
// once, in outbox id (= commit) order per tenant, inside one transaction per tenant batch that
// also moves the tenant's cursor (outbox_cursors, V0010), so effects and cursor commit together
// across crashes, restarts and concurrent replicas.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "libs/pg/outbox_listener.h"
#include "libs/pg/pool.h"
#include "libs/pg/tx.h"

namespace airr::pg {

// One outbox event as a consumer receives it.
struct OutboxRecord {
  // The tenant the event belongs to (the handler's transaction is scoped to it).
  std::string tenant_id;
  // Its outbox id; ids grow in commit order within a tenant (ADR 0007).
  int64_t id = 0;
  // e.g. "incident.triaged".
  std::string topic;
  // The resource the event is about, e.g. "incidents/inc-1".
  std::string resource_name;
  // The event's payload as JSON text.
  std::string payload_json;
  // When the event was written (the committing transaction's time).
  absl::Time create_time;
};

// Handles one event inside the tenant's batch transaction `tx` (scoped to event.tenant_id). OK
// means handled (including "nothing to do"); any other status, or an exception, rolls the whole
// batch of the tenant back, so its events come again on a later pass. A handler that always fails
// for an event therefore stops its tenant's progress: it should return errors only for failures
// that a retry can fix (the database), and OK for events it decides to ignore.
using OutboxHandler = std::function<absl::Status(Tx& tx, const OutboxRecord& event)>;

struct OutboxConsumerOptions {
  // The consumer's name, its cursor's key: ^[a-z][a-z0-9_.-]{0,62}$, e.g. "playbook.auto_start".
  std::string name;
  // The topics it handles (at least one); other events are passed over.
  std::vector<std::string> topics;
  // The most events handled in one tenant transaction, 1 to 10,000.
  int batch_size = 100;
  // How long the background loop sleeps without a notification before it looks anyway.
  absl::Duration poll_interval = absl::Seconds(1);
  // The longest wait after failed passes in which no tenant moved on (the wait doubles from
  // poll_interval up to this); at least poll_interval. While other tenants move on, a failing
  // tenant is retried with them at once.
  absl::Duration max_backoff = absl::Seconds(30);
};

// What one pass did.
struct OutboxPass {
  // Events handed to the handler in transactions that committed.
  int64_t events_handled = 0;
  // Tenants whose cursor moved.
  int tenants_advanced = 0;
  // Tenants passed over because another consumer of the same name held their cursor.
  int tenants_skipped = 0;
};

// Thread-safety: RunOnce may be called from several threads and processes at once (each tenant is
// processed by one of them at a time, the others pass it over); Start and Stop are thread-safe.
// The handler is called from the calling thread of RunOnce or from the background thread, never
// for two batches of one tenant at once.
class OutboxConsumer {
 public:
  // INVALID_ARGUMENT when the name, topics, batch size or durations break the rules above. `pool`
  // (and `listener`, when not null) must outlive the consumer; without a listener the background
  // loop only polls.
  static absl::StatusOr<std::unique_ptr<OutboxConsumer>> Create(ConnectionPool& pool,
                                                                OutboxListener* listener,
                                                                OutboxConsumerOptions options,
                                                                OutboxHandler handler);
  // Stops the background loop (Stop()).
  ~OutboxConsumer();

  OutboxConsumer(const OutboxConsumer&) = delete;
  OutboxConsumer& operator=(const OutboxConsumer&) = delete;

  // One pass over every tenant with events after its cursor: for each, in one transaction scoped
  // to the tenant, locks the cursor (passing the tenant over when another consumer holds it),
  // hands up to batch_size matching events to the handler in id order and moves the cursor past
  // them (past every event of the tenant when fewer matched), then commits. A failed tenant batch
  // rolls back and the pass goes on with the other tenants. Returns OK, or the first error (the
  // handler's, or the database's: UNAVAILABLE, DEADLINE_EXCEEDED, ABORTED, INTERNAL); `pass`, when
  // not null, receives what was done either way.
  absl::Status RunOnce(OutboxPass* pass = nullptr);

  // Starts the background loop: passes until one moves no cursor, then waits for an outbox
  // notification (or poll_interval) or Stop(). Failed passes are reported as one line on stderr
  // (the consumer's name and the status code only) and retried with a growing wait. Calling it
  // again, or after Stop(), does nothing.
  void Start();

  // Ends the background loop and waits for it (a pass under way finishes first). Idempotent.
  void Stop();

 private:
  OutboxConsumer(ConnectionPool& pool, OutboxListener* listener, OutboxConsumerOptions options,
                 OutboxHandler handler);
  // Processes one tenant's batch; adds to `pass`.
  absl::Status RunTenant(const std::string& tenant_id, OutboxPass& pass);
  void Loop();
  // Waits until the outbox generation moves past `generation`, `wait` passes or Stop() is called.
  void WaitForWork(uint64_t generation, absl::Duration wait);
  // Waits until `deadline` or Stop(); returns whether Stop() was called.
  bool SleepUntil(absl::Time deadline);
  bool stopping();

  ConnectionPool& pool_;
  OutboxListener* const listener_;
  const OutboxConsumerOptions options_;
  const OutboxHandler handler_;

  absl::Mutex mu_;
  bool stop_ ABSL_GUARDED_BY(mu_) = false;
  // Serializes Start and Stop, which create and join the thread.
  absl::Mutex thread_mu_ ABSL_ACQUIRED_BEFORE(mu_);
  bool started_ ABSL_GUARDED_BY(thread_mu_) = false;
  std::thread thread_ ABSL_GUARDED_BY(thread_mu_);
};

}  // namespace airr::pg
