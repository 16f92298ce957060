#include "libs/grpcutil/status.h"

#include <gtest/gtest.h>

#include "airr/inventory/v1/inventory_service.pb.h"
#include "libs/common/errors.h"
#include "libs/grpcutil/explained_parse.h"

namespace airr::grpcutil {
namespace {

TEST(StatusTest, DetailsSurviveTheRoundTrip) {
  absl::Status original = InvalidFields(
      {{"ai_system.owner", "must be 1 to 200 characters"}, {"request_id", "must be a UUID"}});
  grpc::Status wire = ToGrpcStatus(original);
  EXPECT_EQ(wire.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_FALSE(wire.error_details().empty());
  absl::Status back = FromGrpcStatus(wire);
  EXPECT_EQ(back.code(), absl::StatusCode::kInvalidArgument);
  auto violations = FieldViolations(back);
  ASSERT_EQ(violations.size(), 2u);
  EXPECT_EQ(violations[0].field, "ai_system.owner");
  EXPECT_EQ(violations[1].field, "request_id");
  EXPECT_EQ(ErrorReason(back), "FIELD_INVALID");
}

TEST(StatusTest, OkStaysOk) {
  EXPECT_TRUE(ToGrpcStatus(absl::OkStatus()).ok());
  EXPECT_TRUE(FromGrpcStatus(grpc::Status::OK).ok());
}

grpc::ByteBuffer Buffer(const std::string& bytes) {
  grpc::Slice slice(bytes);
  return grpc::ByteBuffer(&slice, 1);
}

TEST(ExplainedParseTest, ValidBytesParse) {
  inventory::v1::CreateAiSystemRequest request;
  request.mutable_ai_system()->set_display_name("ok");
  grpc::ByteBuffer buffer = Buffer(request.SerializeAsString());
  inventory::v1::CreateAiSystemRequest parsed;
  EXPECT_TRUE(DeserializeExplained(&buffer, &parsed).ok());
  EXPECT_EQ(parsed.ai_system().display_name(), "ok");
}

TEST(ExplainedParseTest, InvalidUtf8NamesTheNestedField) {
  // ai_system (1) { display_name (2): "\xff" }, written by hand.
  const std::string bytes("\x0a\x03\x12\x01\xff", 5);
  grpc::ByteBuffer buffer = Buffer(bytes);
  inventory::v1::CreateAiSystemRequest parsed;
  grpc::Status status = DeserializeExplained(&buffer, &parsed);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  auto violations = FieldViolations(FromGrpcStatus(status));
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].field, "ai_system.display_name");
  EXPECT_EQ(violations[0].description, "must be valid UTF-8");
}

TEST(ExplainedParseTest, TruncatedMessageIsInvalidArgument) {
  const std::string bytes("\x0a\x10\x12", 3);  // claims 16 bytes, has 1
  grpc::ByteBuffer buffer = Buffer(bytes);
  inventory::v1::CreateAiSystemRequest parsed;
  grpc::Status status = DeserializeExplained(&buffer, &parsed);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_FALSE(FieldViolations(FromGrpcStatus(status)).empty());
}

// Serializes `request`, then swaps the marker "@@" for two bytes that are not UTF-8.
std::string WithInvalidUtf8(const inventory::v1::CreateAiSystemRequest& request) {
  std::string bytes = request.SerializeAsString();
  const size_t at = bytes.find("@@");
  EXPECT_NE(at, std::string::npos);
  bytes.replace(at, 2, "\xff\xfe");
  return bytes;
}

std::vector<FieldViolation> ParseViolations(const std::string& bytes) {
  grpc::ByteBuffer buffer = Buffer(bytes);
  inventory::v1::CreateAiSystemRequest parsed;
  return FieldViolations(FromGrpcStatus(DeserializeExplained(&buffer, &parsed)));
}

TEST(ExplainedParseTest, NamesTheEntryOfARepeatedField) {
  inventory::v1::CreateAiSystemRequest request;
  request.mutable_ai_system()->add_vendors("fine");
  request.mutable_ai_system()->add_vendors("@@");
  const auto violations = ParseViolations(WithInvalidUtf8(request));
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].field, "ai_system.vendors[1]");
}

TEST(ExplainedParseTest, NamesAMapEntryByItsKey) {
  inventory::v1::CreateAiSystemRequest request;
  (*request.mutable_ai_system()->mutable_labels())["team"] = "@@";
  auto violations = ParseViolations(WithInvalidUtf8(request));
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].field, "ai_system.labels[\"team\"]");

  request.mutable_ai_system()->clear_labels();
  (*request.mutable_ai_system()->mutable_labels())["@@"] = "x";
  violations = ParseViolations(WithInvalidUtf8(request));
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].field, "ai_system.labels");
  EXPECT_EQ(violations[0].description, "has a key that must be valid UTF-8");
}

TEST(ExplainedParseTest, RemembersTheLastFailureOfTheThreadOnce) {
  TakeParseFailure();
  grpc::ByteBuffer good = Buffer(inventory::v1::CreateAiSystemRequest().SerializeAsString());
  inventory::v1::CreateAiSystemRequest parsed;
  ASSERT_TRUE(DeserializeExplained(&good, &parsed).ok());
  EXPECT_FALSE(TakeParseFailure().has_value());
  grpc::ByteBuffer bad = Buffer(std::string("\x0a\x10\x12", 3));
  ASSERT_FALSE(DeserializeExplained(&bad, &parsed).ok());
  const auto failure = TakeParseFailure();
  ASSERT_TRUE(failure.has_value());
  EXPECT_EQ(failure->error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_FALSE(TakeParseFailure().has_value());
}

}  // namespace
}  // namespace airr::grpcutil
