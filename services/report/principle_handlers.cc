// SCAFFOLD: replaced by the real handlers.
#include "services/report/report_grpc_service.h"

namespace airr::report {

grpc::Status ReportGrpcService::ListPrinciples(grpc::ServerContext*,
                                               const v1::ListPrinciplesRequest*,
                                               v1::ListPrinciplesResponse*) {
  return grpc::Status(grpc::StatusCode::UNIMPLEMENTED, "not yet");
}

grpc::Status ReportGrpcService::GetPrinciple(grpc::ServerContext*, const v1::GetPrincipleRequest*,
                                             v1::Principle*) {
  return grpc::Status(grpc::StatusCode::UNIMPLEMENTED, "not yet");
}

grpc::Status ReportGrpcService::CreatePolicyPrinciple(grpc::ServerContext*,
                                                      const v1::CreatePolicyPrincipleRequest*,
                                                      v1::PolicyPrinciple*) {
  return grpc::Status(grpc::StatusCode::UNIMPLEMENTED, "not yet");
}

grpc::Status ReportGrpcService::GetPolicyPrinciple(grpc::ServerContext*,
                                                   const v1::GetPolicyPrincipleRequest*,
                                                   v1::PolicyPrinciple*) {
  return grpc::Status(grpc::StatusCode::UNIMPLEMENTED, "not yet");
}

grpc::Status ReportGrpcService::ListPolicyPrinciples(grpc::ServerContext*,
                                                     const v1::ListPolicyPrinciplesRequest*,
                                                     v1::ListPolicyPrinciplesResponse*) {
  return grpc::Status(grpc::StatusCode::UNIMPLEMENTED, "not yet");
}

grpc::Status ReportGrpcService::UpdatePolicyPrinciple(grpc::ServerContext*,
                                                      const v1::UpdatePolicyPrincipleRequest*,
                                                      v1::PolicyPrinciple*) {
  return grpc::Status(grpc::StatusCode::UNIMPLEMENTED, "not yet");
}

grpc::Status ReportGrpcService::DeletePolicyPrinciple(grpc::ServerContext*,
                                                      const v1::DeletePolicyPrincipleRequest*,
                                                      v1::PolicyPrinciple*) {
  return grpc::Status(grpc::StatusCode::UNIMPLEMENTED, "not yet");
}

}  // namespace airr::report
