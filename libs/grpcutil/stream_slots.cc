#include "libs/grpcutil/stream_slots.h"

#include "absl/strings/str_cat.h"
#include "libs/common/errors.h"

namespace airr::grpcutil {

absl::StatusOr<StreamSlots::Slot> StreamSlots::Acquire() {
  absl::MutexLock lock(&mu_);
  if (used_ >= capacity_) {
    return ErrorWithReason(absl::StatusCode::kResourceExhausted,
                           absl::StrCat("this server already runs its ", capacity_,
                                        " streaming calls (AIRR_MAX_STREAMS); retry later"),
                           "TOO_MANY_STREAMS");
  }
  ++used_;
  return Slot(this);
}

void StreamSlots::Release() {
  absl::MutexLock lock(&mu_);
  --used_;
}

}  // namespace airr::grpcutil
