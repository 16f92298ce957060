// Collects every broken rule of one request into a single INVALID_ARGUMENT, and the field checks
// that validators of several services share (enums, enum and text lists, jurisdiction codes,
// caller-set timestamps). Each check adds violations instead of returning the first one.
#pragma once

#include <cstddef>
#include <limits>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "google/protobuf/repeated_field.h"
#include "google/protobuf/timestamp.pb.h"
#include "libs/common/errors.h"

namespace airr::api {

// The path of entry `i` of the repeated field at `path`, e.g. IndexPath("steps", 2) is
// "steps[2]". Thread-safe.
std::string IndexPath(absl::string_view path, int i);

// The most entries a jurisdictions list may have.
inline constexpr size_t kMaxJurisdictions = 50;

// The field violations found so far while validating one request. Not thread-safe.
class Violations {
 public:
  // Field paths get `prefix` and a dot in front ("ai_system" + "owner" -> "ai_system.owner"); an
  // empty prefix leaves them as they are. At most `max_violations` are kept: a huge bad request
  // gives a bounded error, and callers may stop checking once full().
  explicit Violations(absl::string_view prefix,
                      size_t max_violations = std::numeric_limits<size_t>::max());

  // The full path of `field`.
  std::string Path(absl::string_view field) const;

  // Records that `field` (a path relative to the prefix) breaks `rule`.
  void Add(absl::string_view field, absl::string_view rule);

  // Records the BadRequest violations of `status` as they are (their paths must already be full,
  // see Path). A non-OK status without violations is kept and returned by ToStatus, so an
  // unexpected error is never swallowed.
  void Merge(const absl::Status& status);

  // True when max_violations are recorded and further ones would be dropped.
  bool full() const { return list_.size() >= max_; }

  // OK when nothing was recorded; else INVALID_ARGUMENT carrying every recorded violation (see
  // InvalidFields), or the first non-field error passed to Merge.
  absl::Status ToStatus() &&;

 private:
  std::string prefix_;
  size_t max_;
  std::vector<FieldViolation> list_;
  absl::Status other_;
};

// The generated <Enum>_IsValid function of a protobuf enum.
using EnumIsValid = bool (*)(int);

// A required enum field: set (non-zero) and a value this server knows. Adds "is required" or
// "has unknown enum value <n>" on `field`.
void RequireEnum(Violations& v, absl::string_view field, int value, EnumIsValid is_valid);

// An optional enum field: unset (zero) or a value this server knows. Adds "has unknown enum value
// <n>" on `field`.
void CheckOptionalEnum(Violations& v, absl::string_view field, int value, EnumIsValid is_valid);

// A repeated enum field: `min_entries` to `max_entries` entries, each set, known and not repeated.
// The count is reported on `field` (and then the entries are not looked at); a bad entry on
// `field[i]` ("must not be unspecified", "has unknown enum value <n>", "must not repeat a value").
void CheckEnumList(Violations& v, absl::string_view field,
                   const google::protobuf::RepeatedField<int>& values, size_t min_entries,
                   size_t max_entries, EnumIsValid is_valid);

// A repeated free-text field: at most `max_entries` entries (reported on `field`, and then the
// entries are not looked at), each single-line text of 1 to `max_chars` characters (reported on
// `field[i]`, see CheckText).
void CheckTextList(Violations& v, absl::string_view field,
                   const google::protobuf::RepeatedPtrField<std::string>& values,
                   size_t max_entries, size_t max_chars);

// Jurisdiction codes: upper-case ISO 3166-1 alpha-2 codes (e.g. "JP") or "EU", each at most once,
// at most kMaxJurisdictions, and at least one when `required`. The list rules are reported on
// `field`, a bad or repeated code on `field[i]`.
void CheckJurisdictions(Violations& v, absl::string_view field,
                        const google::protobuf::RepeatedPtrField<std::string>& codes,
                        bool required);

// A timestamp the caller set for something that already happened: a valid Timestamp (see
// IsValidTimestamp) that is not after `now` + `max_clock_skew` (the skew tolerates callers whose
// clocks run a little ahead). Adds "must be a valid timestamp ..." or "must not be in the future"
// on `field`. Returns whether `ts` is a valid Timestamp, i.e. whether comparing it with other
// times is meaningful.
bool CheckPastTimestamp(Violations& v, absl::string_view field,
                        const google::protobuf::Timestamp& ts, absl::Time now,
                        absl::Duration max_clock_skew);

}  // namespace airr::api
