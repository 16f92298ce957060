#include "libs/common/errors.h"

#include <gtest/gtest.h>

namespace airr {
namespace {

TEST(ErrorsTest, InvalidFieldCarriesBadRequestAndReason) {
  absl::Status s = InvalidField("ai_system.owner", "is required");
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(), "ai_system.owner: is required");
  ASSERT_EQ(FieldViolations(s).size(), 1u);
  EXPECT_EQ(FieldViolations(s)[0].field, "ai_system.owner");
  EXPECT_EQ(ErrorReason(s), "FIELD_INVALID");
}

TEST(ErrorsTest, ErrorWithReasonKeepsCodeAndReason) {
  absl::Status s = ErrorWithReason(absl::StatusCode::kFailedPrecondition, "is resolved",
                                   "INVALID_STATE", {{"current_state", "RESOLVED"}});
  EXPECT_EQ(s.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(ErrorReason(s), "INVALID_STATE");
  EXPECT_TRUE(FieldViolations(s).empty());
  EXPECT_EQ(ErrorReason(absl::InternalError("x")), "");
}

}  // namespace
}  // namespace airr
