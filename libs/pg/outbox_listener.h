// Wakes the threads that follow the outbox (WatchIncidents streams). One dedicated connection per
// process LISTENs on airr_outbox; every notification moves a generation counter, and waiters
// block until it moves past the value they saw, then read the outbox by cursor themselves. While
// the connection is down the counter moves every second, so waiters poll rather than hang.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <thread>

#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace airr::pg {

// Thread-safe.
class OutboxListener {
 public:
  // Starts listening on a connection of its own to `dsn` (reconnecting as needed; never fails).
  explicit OutboxListener(std::string dsn);
  ~OutboxListener();

  OutboxListener(const OutboxListener&) = delete;
  OutboxListener& operator=(const OutboxListener&) = delete;

  // The current generation; read it before reading the outbox, then wait with it.
  uint64_t generation() const;

  // Blocks until the generation differs from `seen`, `deadline` passes or Stop() is called.
  // Returns the generation then.
  uint64_t WaitForChange(uint64_t seen, absl::Time deadline) const;

  // Stops listening and wakes every waiter for good; stopped() is then true. Idempotent.
  void Stop();
  bool stopped() const;

 private:
  void Run();
  void Bump();

  const std::string dsn_;
  mutable absl::Mutex mu_;
  uint64_t generation_ ABSL_GUARDED_BY(mu_) = 0;
  bool stop_ ABSL_GUARDED_BY(mu_) = false;
  std::thread thread_;
};

}  // namespace airr::pg
