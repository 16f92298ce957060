// The rules a batch of monitor signals must satisfy before any of it is written: the batch id,
// its size, and every signal's fields. A bad batch is refused whole, with a bounded list of what
// is wrong.
#pragma once

#include <cstddef>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "airr/incident/v1/incident_service.pb.h"

namespace airr::incident {

// The most signals one batch may carry (each batch is one transaction).
inline constexpr size_t kMaxSignalsPerBatch = 1000;

// How old an observation may be: older signals describe problems the deduplication window has
// long forgotten, and a monitor replaying them would open stale incidents.
inline constexpr absl::Duration kMaxSignalAge = absl::Hours(24 * 30);

// The most violations one bad batch reports; the rest are dropped so the error stays small.
inline constexpr size_t kMaxReportedSignalViolations = 100;

// True when `fingerprint` is 1 to 128 characters of A-Z a-z 0-9 and . _ : / + = -, starting with
// a letter or digit. Thread-safe.
bool IsValidFingerprint(absl::string_view fingerprint);

// Checks a batch. Field paths start with `prefix` ("batch" gives "batch.batch_id",
// "batch.signals[3].fingerprint").
//   batch_id      required; a UUID.
//   signals       1 to kMaxSignalsPerBatch (a larger batch is refused without looking at its
//                 signals).
//   each signal   source 1 to 200 characters, single line; ai_system a well-formed
//                 `aiSystems/{id}` name; kind required and known; fingerprint per
//                 IsValidFingerprint; severity_hint known when set; attributes as labels;
//                 observe_time required, valid, not after `now` + kMaxClockSkew and not before
//                 `now` - kMaxSignalAge; summary up to 200 characters, single line.
// Returns OK, or INVALID_ARGUMENT with the first kMaxReportedSignalViolations violations (in
// signal order). Thread-safe.
absl::Status ValidateSignalBatch(const v1::SignalBatch& batch, absl::string_view prefix,
                                 absl::Time now);

}  // namespace airr::incident
