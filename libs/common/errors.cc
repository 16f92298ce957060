#include "libs/common/errors.h"

#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"

namespace airr {
namespace {

void AttachErrorInfo(absl::Status& status, absl::string_view reason,
                     const std::vector<std::pair<std::string, std::string>>& metadata) {
  google::rpc::ErrorInfo info;
  info.set_reason(std::string(reason));
  info.set_domain(kErrorDomain);
  for (const auto& [key, value] : metadata) {
    (*info.mutable_metadata())[key] = value;
  }
  status.SetPayload(kErrorInfoTypeUrl, absl::Cord(info.SerializeAsString()));
}

}  // namespace

absl::Status InvalidField(absl::string_view field, absl::string_view rule) {
  return InvalidFields({{std::string(field), std::string(rule)}});
}

absl::Status InvalidFields(std::vector<FieldViolation> violations) {
  google::rpc::BadRequest bad_request;
  std::vector<std::string> parts;
  for (const auto& v : violations) {
    auto* fv = bad_request.add_field_violations();
    fv->set_field(v.field);
    fv->set_description(v.description);
    parts.push_back(absl::StrCat(v.field, ": ", v.description));
  }
  absl::Status status(absl::StatusCode::kInvalidArgument, absl::StrJoin(parts, "; "));
  status.SetPayload(kBadRequestTypeUrl, absl::Cord(bad_request.SerializeAsString()));
  AttachErrorInfo(status, "FIELD_INVALID", {});
  return status;
}

absl::Status ErrorWithReason(absl::StatusCode code, absl::string_view message,
                             absl::string_view reason,
                             std::vector<std::pair<std::string, std::string>> metadata) {
  absl::Status status(code, message);
  AttachErrorInfo(status, reason, metadata);
  return status;
}

absl::Status ResourceNotFound(absl::string_view what, absl::string_view name,
                              absl::string_view resource_type) {
  return ErrorWithReason(absl::StatusCode::kNotFound,
                         absl::StrCat(what, " ", name, " does not exist"), "RESOURCE_NOT_FOUND",
                         {{"resource_type", std::string(resource_type)}});
}

std::string ErrorReason(const absl::Status& status) {
  auto payload = status.GetPayload(kErrorInfoTypeUrl);
  google::rpc::ErrorInfo info;
  if (!payload || !info.ParseFromString(std::string(*payload))) {
    return "";
  }
  return info.reason();
}

std::vector<FieldViolation> FieldViolations(const absl::Status& status) {
  std::vector<FieldViolation> out;
  auto payload = status.GetPayload(kBadRequestTypeUrl);
  google::rpc::BadRequest bad_request;
  if (!payload || !bad_request.ParseFromString(std::string(*payload))) {
    return out;
  }
  for (const auto& fv : bad_request.field_violations()) {
    out.push_back({fv.field(), fv.description()});
  }
  return out;
}

absl::Status InvalidStateError(absl::string_view what, absl::string_view verb,
                               absl::string_view action, absl::string_view current,
                               const std::vector<std::string>& allowed,
                               absl::string_view enum_prefix) {
  std::vector<absl::string_view> short_names;
  for (const std::string& state : allowed) {
    short_names.push_back(absl::StripPrefix(state, enum_prefix));
  }
  return ErrorWithReason(absl::StatusCode::kFailedPrecondition,
                         absl::StrCat("cannot ", verb, " ", what, " in state ",
                                      absl::StripPrefix(current, enum_prefix), "; allowed from ",
                                      absl::StrJoin(short_names, ", ")),
                         "INVALID_STATE",
                         {{"current_state", std::string(current)},
                          {"action", std::string(action)},
                          {"allowed_states", absl::StrJoin(allowed, ",")}});
}

}  // namespace airr
