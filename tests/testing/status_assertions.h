// Assertions on the statuses the services return: the BadRequest field violations and the
// ErrorInfo reason, as the server attached them.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_join.h"
#include "libs/common/errors.h"

namespace airr::testing {

// The fields named by the BadRequest violations of `status`, in order.
inline std::vector<std::string> ViolatedFields(const absl::Status& status) {
  std::vector<std::string> fields;
  for (const auto& v : FieldViolations(status)) {
    fields.push_back(v.field);
  }
  return fields;
}

// INVALID_ARGUMENT whose BadRequest has exactly one violation, naming `field`.
inline ::testing::AssertionResult IsInvalidField(const absl::Status& status,
                                                 const std::string& field) {
  if (status.code() != absl::StatusCode::kInvalidArgument) {
    return ::testing::AssertionFailure()
           << "expected INVALID_ARGUMENT naming " << field << ", got " << status;
  }
  const std::vector<std::string> fields = ViolatedFields(status);
  if (fields.size() != 1 || fields[0] != field) {
    return ::testing::AssertionFailure() << "expected one violation of \"" << field << "\", got ["
                                         << absl::StrJoin(fields, ", ") << "]: " << status;
  }
  return ::testing::AssertionSuccess();
}

// The error code and ErrorInfo reason of `status`.
inline ::testing::AssertionResult HasCodeAndReason(const absl::Status& status,
                                                   absl::StatusCode code,
                                                   const std::string& reason) {
  if (status.code() != code || ErrorReason(status) != reason) {
    return ::testing::AssertionFailure()
           << "expected " << absl::StatusCodeToString(code) << " with reason " << reason << ", got "
           << status << " with reason \"" << ErrorReason(status) << "\"";
  }
  return ::testing::AssertionSuccess();
}

}  // namespace airr::testing
