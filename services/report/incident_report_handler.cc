// SCAFFOLD: replaced by the real handlers.
#include "services/report/report_grpc_service.h"

namespace airr::report {

grpc::Status ReportGrpcService::GetIncidentReport(grpc::ServerContext*,
                                                  const v1::GetIncidentReportRequest*,
                                                  v1::IncidentReport*) {
  return grpc::Status(grpc::StatusCode::UNIMPLEMENTED, "not yet");
}

}  // namespace airr::report
