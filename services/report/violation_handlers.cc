// SCAFFOLD: replaced by the real handlers.
#include "services/report/report_grpc_service.h"

namespace airr::report {

grpc::Status ReportGrpcService::LinkViolation(grpc::ServerContext*, const v1::LinkViolationRequest*,
                                              v1::Violation*) {
  return grpc::Status(grpc::StatusCode::UNIMPLEMENTED, "not yet");
}

grpc::Status ReportGrpcService::GetViolation(grpc::ServerContext*, const v1::GetViolationRequest*,
                                             v1::Violation*) {
  return grpc::Status(grpc::StatusCode::UNIMPLEMENTED, "not yet");
}

grpc::Status ReportGrpcService::ListViolations(grpc::ServerContext*,
                                               const v1::ListViolationsRequest*,
                                               v1::ListViolationsResponse*) {
  return grpc::Status(grpc::StatusCode::UNIMPLEMENTED, "not yet");
}

grpc::Status ReportGrpcService::ConfirmViolation(grpc::ServerContext*,
                                                 const v1::ConfirmViolationRequest*,
                                                 v1::Violation*) {
  return grpc::Status(grpc::StatusCode::UNIMPLEMENTED, "not yet");
}

grpc::Status ReportGrpcService::UnlinkViolation(grpc::ServerContext*,
                                                const v1::UnlinkViolationRequest*, v1::Violation*) {
  return grpc::Status(grpc::StatusCode::UNIMPLEMENTED, "not yet");
}

grpc::Status ReportGrpcService::SuggestViolations(grpc::ServerContext*,
                                                  const v1::SuggestViolationsRequest*,
                                                  v1::SuggestViolationsResponse*) {
  return grpc::Status(grpc::StatusCode::UNIMPLEMENTED, "not yet");
}

grpc::Status ReportGrpcService::ListSuggestionRules(grpc::ServerContext*,
                                                    const v1::ListSuggestionRulesRequest*,
                                                    v1::ListSuggestionRulesResponse*) {
  return grpc::Status(grpc::StatusCode::UNIMPLEMENTED, "not yet");
}

}  // namespace airr::report
