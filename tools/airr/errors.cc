#include "tools/airr/errors.h"

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "tools/airr/terminal_text.h"

namespace airr::cli {

int ReportUsageError(const std::string& message, const std::string& help_path, std::ostream& err) {
  err << "airr: " << message << "\n"
      << "Run 'airr " << (help_path.empty() ? "" : help_path + " ") << "--help' for usage.\n";
  return kExitUsage;
}

std::string FormatRpcError(const grpc::Status& status) {
  // gRPC and absl share the canonical code numbers, so absl names them for us.
  const std::string code =
      absl::StatusCodeToString(static_cast<absl::StatusCode>(status.error_code()));
  std::string out =
      absl::StrCat("airr: ", code, ": ", SanitizeForTerminal(status.error_message()), "\n");
  google::rpc::Status details;
  if (status.error_details().empty() || !details.ParseFromString(status.error_details())) {
    return out;
  }
  for (const google::protobuf::Any& any : details.details()) {
    google::rpc::BadRequest bad_request;
    google::rpc::PreconditionFailure precondition;
    google::rpc::ErrorInfo info;
    if (any.UnpackTo(&bad_request)) {
      for (const auto& violation : bad_request.field_violations()) {
        absl::StrAppend(&out, "  ", SanitizeForTerminal(violation.field()), ": ",
                        SanitizeForTerminal(violation.description()), "\n");
      }
    } else if (any.UnpackTo(&precondition)) {
      for (const auto& violation : precondition.violations()) {
        absl::StrAppend(&out, "  ", SanitizeForTerminal(violation.type()), " ",
                        SanitizeForTerminal(violation.subject()), ": ",
                        SanitizeForTerminal(violation.description()), "\n");
      }
    } else if (any.UnpackTo(&info) && !info.reason().empty()) {
      absl::StrAppend(&out, "  reason: ", SanitizeForTerminal(info.reason()), "\n");
    }
  }
  return out;
}

int ReportRpcError(const grpc::Status& status, std::ostream& err) {
  err << FormatRpcError(status);
  return kExitFailure;
}

}  // namespace airr::cli
