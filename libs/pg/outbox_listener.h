// Wakes the threads that follow the outbox (WatchIncidents streams). One dedicated connection per
// process LISTENs on airr_outbox; every notification moves a generation counter, and waiters
// block until it moves past the value they saw, then read the outbox by cursor themselves. While
// the connection is down the counter moves every second, so waiters poll rather than hang. The
// connection opens when the first follower asks, so a process without followers has none.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace airr::pg {

// Thread-safe.
class OutboxListener {
 public:
  // Will listen on a connection of its own to `dsn` once first used (reconnecting as needed;
  // never fails).
  explicit OutboxListener(std::string dsn) : dsn_(std::move(dsn)) {}
  ~OutboxListener();

  OutboxListener(const OutboxListener&) = delete;
  OutboxListener& operator=(const OutboxListener&) = delete;

  // The current generation; read it before reading the outbox, then wait with it. Starts
  // listening on first use.
  uint64_t generation();

  // Blocks until the generation differs from `seen`, `deadline` passes or Stop() is called.
  // Returns the generation then.
  uint64_t WaitForChange(uint64_t seen, absl::Time deadline);

  // Stops listening and wakes every waiter for good; stopped() is then true. Idempotent.
  void Stop();
  bool stopped() const;

 private:
  void Run();
  void Bump();
  void StartOnce();

  const std::string dsn_;
  mutable absl::Mutex mu_;
  uint64_t generation_ ABSL_GUARDED_BY(mu_) = 0;
  bool stop_ ABSL_GUARDED_BY(mu_) = false;
  std::once_flag started_;
  std::thread thread_;
};

}  // namespace airr::pg
