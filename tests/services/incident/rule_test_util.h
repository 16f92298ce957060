// Shared pieces of the incident rule tests: a fixed "now", timestamp builders, table cases that
// mutate a valid message, and a check that a status carries exactly the expected BadRequest
// violations, each named by its field path and a part of the rule it states.
#pragma once

#include <cstdint>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/time/time.h"
#include "google/protobuf/timestamp.pb.h"
#include "gtest/gtest.h"
#include "libs/api/timestamps.h"
#include "libs/common/errors.h"

namespace airr::incident::testing {

// The server's clock in every test: 2026-01-01T00:00:00Z.
inline const absl::Time kNow = absl::FromUnixSeconds(1767225600);

inline google::protobuf::Timestamp Ts(absl::Time t) { return api::TimestampFromTime(t); }

// A Timestamp as sent on the wire, valid or not.
inline google::protobuf::Timestamp Raw(int64_t seconds, int32_t nanos) {
  google::protobuf::Timestamp ts;
  ts.set_seconds(seconds);
  ts.set_nanos(nanos);
  return ts;
}

// One expected violation: the exact field path and a part of its description ("" matches any).
struct Expected {
  std::string field;
  std::string rule = "";
};

// A table case: a mutation of a valid `Message` and the violations it must cause (none: valid).
template <typename Message>
struct RuleCase {
  std::string name;
  std::function<void(Message&)> mutate;
  std::vector<Expected> violations;
};

template <typename Message>
void PrintTo(const RuleCase<Message>& c, std::ostream* os) {
  *os << c.name;
}

// Names the instances of a parameterized test after their cases' `name`.
struct CaseName {
  template <typename Param>
  std::string operator()(const ::testing::TestParamInfo<Param>& param) const {
    return param.param.name;
  }
};

// OK when `expected` is empty and `status` is OK, or when `status` is INVALID_ARGUMENT with
// reason FIELD_INVALID and its violations pair up one to one with `expected` (in any order).
inline ::testing::AssertionResult HasViolations(const absl::Status& status,
                                                const std::vector<Expected>& expected) {
  if (expected.empty()) {
    if (status.ok()) {
      return ::testing::AssertionSuccess();
    }
    return ::testing::AssertionFailure() << "expected OK, got " << status;
  }
  if (status.code() != absl::StatusCode::kInvalidArgument ||
      ErrorReason(status) != "FIELD_INVALID") {
    return ::testing::AssertionFailure()
           << "expected INVALID_ARGUMENT/FIELD_INVALID, got " << status;
  }
  std::vector<FieldViolation> actual = FieldViolations(status);
  if (actual.size() != expected.size()) {
    return ::testing::AssertionFailure() << "expected " << expected.size() << " violations, got "
                                         << actual.size() << ": " << status;
  }
  std::vector<bool> used(actual.size(), false);
  for (const Expected& e : expected) {
    bool found = false;
    for (size_t i = 0; i < actual.size() && !found; ++i) {
      if (!used[i] && actual[i].field == e.field &&
          absl::StrContains(actual[i].description, e.rule)) {
        used[i] = found = true;
      }
    }
    if (!found) {
      return ::testing::AssertionFailure()
             << "no violation of \"" << e.field << "\" saying \"" << e.rule << "\" in: " << status;
    }
  }
  return ::testing::AssertionSuccess();
}

}  // namespace airr::incident::testing
