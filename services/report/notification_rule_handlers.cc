// SCAFFOLD: replaced by the real handlers.
#include "services/report/report_grpc_service.h"

namespace airr::report {

grpc::Status ReportGrpcService::ListNotificationRules(grpc::ServerContext*,
                                                      const v1::ListNotificationRulesRequest*,
                                                      v1::ListNotificationRulesResponse*) {
  return grpc::Status(grpc::StatusCode::UNIMPLEMENTED, "not yet");
}

grpc::Status ReportGrpcService::GetNotificationRule(grpc::ServerContext*,
                                                    const v1::GetNotificationRuleRequest*,
                                                    v1::NotificationRule*) {
  return grpc::Status(grpc::StatusCode::UNIMPLEMENTED, "not yet");
}

grpc::Status ReportGrpcService::CreateNotificationRule(grpc::ServerContext*,
                                                       const v1::CreateNotificationRuleRequest*,
                                                       v1::NotificationRule*) {
  return grpc::Status(grpc::StatusCode::UNIMPLEMENTED, "not yet");
}

grpc::Status ReportGrpcService::UpdateNotificationRule(grpc::ServerContext*,
                                                       const v1::UpdateNotificationRuleRequest*,
                                                       v1::NotificationRule*) {
  return grpc::Status(grpc::StatusCode::UNIMPLEMENTED, "not yet");
}

grpc::Status ReportGrpcService::SetNotificationRuleEnabled(
    grpc::ServerContext*, const v1::SetNotificationRuleEnabledRequest*, v1::NotificationRule*) {
  return grpc::Status(grpc::StatusCode::UNIMPLEMENTED, "not yet");
}

}  // namespace airr::report
