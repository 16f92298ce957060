// Times and durations as people type and read them on the command line: RFC 3339 or relative
// times ("+72h", "-30m", "+3d"), durations ("45m", "1h30m", "2d", "900s") and their short display
// form ("6h10m", "45m").
#pragma once

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "google/protobuf/duration.pb.h"
#include "google/protobuf/timestamp.pb.h"

namespace airr::cli {

// Parses a non-negative duration: whole days ("3d", also followed by more, "1d12h") and anything
// absl::ParseDuration takes ("72h", "1h30m", "45m", "900s"). Returns false for anything else,
// a negative or an infinite duration, or more than 100,000 days.
bool ParseDurationText(absl::string_view text, absl::Duration* duration);

// ParseDurationText, with INVALID_ARGUMENT naming `flag` for a bad value.
absl::StatusOr<absl::Duration> ParseDurationFlag(const std::string& text, const std::string& flag);

// Parses a time flag: RFC 3339 ("2026-11-23T10:00:00Z", "...+09:00"), or a time relative to
// `now`: "+72h", "-30m", "+3d", "+1h30m" (d = 24 h). INVALID_ARGUMENT naming `flag` otherwise.
absl::StatusOr<google::protobuf::Timestamp> ParseTimeFlag(const std::string& text, absl::Time now,
                                                          const std::string& flag);

// A duration for people: whole days as days ("3d", "365d"), else hours and minutes ("8h00m",
// "26h30m"), minutes alone under an hour ("45m", "0m"), seconds appended only when not whole
// minutes ("1m05s"), "-" in front when negative.
std::string FormatDurationShort(absl::Duration duration);

// FormatDurationShort of a protobuf Duration.
std::string FormatDurationShort(const google::protobuf::Duration& duration);

// FormatDurationShort with a sign always: "+15m", "-5m", "+0m".
std::string FormatSignedDuration(const google::protobuf::Duration& duration);

// The absl::Duration of a protobuf Duration.
absl::Duration FromProtoDuration(const google::protobuf::Duration& duration);

// The protobuf Duration of `duration`, truncated to whole nanoseconds.
google::protobuf::Duration ToProtoDuration(absl::Duration duration);

}  // namespace airr::cli
