// A cap on the long-lived streaming calls (watches, signal streams) a server runs at once. Each
// holds a handler thread of the sync server for its whole life, so the cap is added to the
// server's thread limit and calls beyond it are refused instead of starving unary RPCs.
#pragma once

#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"

namespace airr::grpcutil {

// Thread-safe.
class StreamSlots {
 public:
  explicit StreamSlots(int capacity) : capacity_(capacity) {}

  // Holds one slot until destroyed. Move-only.
  class Slot {
   public:
    Slot(Slot&& other) noexcept : owner_(other.owner_) { other.owner_ = nullptr; }
    Slot& operator=(Slot&&) = delete;
    ~Slot() {
      if (owner_ != nullptr) {
        owner_->Release();
      }
    }

   private:
    friend class StreamSlots;
    explicit Slot(StreamSlots* owner) : owner_(owner) {}
    StreamSlots* owner_;
  };

  // A slot, or RESOURCE_EXHAUSTED when all `capacity` are taken.
  absl::StatusOr<Slot> Acquire();

  int capacity() const { return capacity_; }

 private:
  void Release();

  const int capacity_;
  absl::Mutex mu_;
  int used_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace airr::grpcutil
