// Times within a run: google.protobuf.Duration to and from absl::Duration, and a step's due time
// (the run's start plus the step's target offset). Pure; shared by the run lifecycle, the derived
// fields of responses and the run report.
#pragma once

#include "absl/time/time.h"
#include "airr/playbook/v1/runs.pb.h"
#include "google/protobuf/duration.pb.h"
#include "libs/api/timestamps.h"

namespace airr::playbook {

// The span `d` denotes (seconds and nanos are added as they are). Thread-safe.
inline absl::Duration FromProtoDuration(const google::protobuf::Duration& d) {
  return absl::Seconds(d.seconds()) + absl::Nanoseconds(d.nanos());
}

// `d` as a Duration, exact to the nanosecond (rounded toward zero). Thread-safe.
inline google::protobuf::Duration ToProtoDuration(absl::Duration d) {
  google::protobuf::Duration out;
  const int64_t nanos = absl::ToInt64Nanoseconds(d);
  out.set_seconds(nanos / 1000000000);
  out.set_nanos(static_cast<int32_t>(nanos % 1000000000));
  return out;
}

// When the run started. Thread-safe.
inline absl::Time RunStartOf(const v1::Run& run) {
  return api::TimeFromTimestamp(run.start_time());
}

// When `step` of `run` is due: the run's start plus the step's target offset. Thread-safe.
inline absl::Time StepDueTime(const v1::Run& run, const v1::RunStep& step) {
  return RunStartOf(run) + FromProtoDuration(step.step().target_offset());
}

}  // namespace airr::playbook
