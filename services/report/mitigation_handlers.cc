// SCAFFOLD: replaced by the real handlers.
#include "services/report/report_grpc_service.h"

namespace airr::report {

grpc::Status ReportGrpcService::CreateMitigation(grpc::ServerContext*,
                                                 const v1::CreateMitigationRequest*,
                                                 v1::Mitigation*) {
  return grpc::Status(grpc::StatusCode::UNIMPLEMENTED, "not yet");
}

grpc::Status ReportGrpcService::GetMitigation(grpc::ServerContext*, const v1::GetMitigationRequest*,
                                              v1::Mitigation*) {
  return grpc::Status(grpc::StatusCode::UNIMPLEMENTED, "not yet");
}

grpc::Status ReportGrpcService::ListMitigations(grpc::ServerContext*,
                                                const v1::ListMitigationsRequest*,
                                                v1::ListMitigationsResponse*) {
  return grpc::Status(grpc::StatusCode::UNIMPLEMENTED, "not yet");
}

grpc::Status ReportGrpcService::UpdateMitigation(grpc::ServerContext*,
                                                 const v1::UpdateMitigationRequest*,
                                                 v1::Mitigation*) {
  return grpc::Status(grpc::StatusCode::UNIMPLEMENTED, "not yet");
}

grpc::Status ReportGrpcService::BeginMitigation(grpc::ServerContext*,
                                                const v1::BeginMitigationRequest*,
                                                v1::Mitigation*) {
  return grpc::Status(grpc::StatusCode::UNIMPLEMENTED, "not yet");
}

grpc::Status ReportGrpcService::CompleteMitigation(grpc::ServerContext*,
                                                   const v1::CompleteMitigationRequest*,
                                                   v1::Mitigation*) {
  return grpc::Status(grpc::StatusCode::UNIMPLEMENTED, "not yet");
}

grpc::Status ReportGrpcService::VerifyMitigation(grpc::ServerContext*,
                                                 const v1::VerifyMitigationRequest*,
                                                 v1::Mitigation*) {
  return grpc::Status(grpc::StatusCode::UNIMPLEMENTED, "not yet");
}

grpc::Status ReportGrpcService::CancelMitigation(grpc::ServerContext*,
                                                 const v1::CancelMitigationRequest*,
                                                 v1::Mitigation*) {
  return grpc::Status(grpc::StatusCode::UNIMPLEMENTED, "not yet");
}

}  // namespace airr::report
