// Test helper for libs/api: checks that a status is INVALID_ARGUMENT with exactly one BadRequest
// field violation naming the expected field, whose description contains the expected text.
#pragma once

#include <string>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "libs/common/errors.h"

namespace airr::api::testing {

inline ::testing::AssertionResult IsInvalidField(const absl::Status& status,
                                                 const std::string& field,
                                                 const std::string& description_part = "") {
  if (status.code() != absl::StatusCode::kInvalidArgument) {
    return ::testing::AssertionFailure() << "expected INVALID_ARGUMENT, got " << status;
  }
  const auto violations = FieldViolations(status);
  if (violations.size() != 1) {
    return ::testing::AssertionFailure()
           << "expected 1 field violation, got " << violations.size() << ": " << status;
  }
  if (violations[0].field != field) {
    return ::testing::AssertionFailure()
           << "expected field \"" << field << "\", got \"" << violations[0].field << "\"";
  }
  if (!absl::StrContains(violations[0].description, description_part)) {
    return ::testing::AssertionFailure() << "description \"" << violations[0].description
                                         << "\" lacks \"" << description_part << "\"";
  }
  return ::testing::AssertionSuccess();
}

}  // namespace airr::api::testing
