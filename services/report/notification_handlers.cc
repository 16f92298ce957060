// SCAFFOLD: replaced by the real handlers.
#include "services/report/report_grpc_service.h"

namespace airr::report {

grpc::Status ReportGrpcService::EvaluateNotifications(grpc::ServerContext*,
                                                      const v1::EvaluateNotificationsRequest*,
                                                      v1::EvaluateNotificationsResponse*) {
  return grpc::Status(grpc::StatusCode::UNIMPLEMENTED, "not yet");
}

grpc::Status ReportGrpcService::GetNotification(grpc::ServerContext*,
                                                const v1::GetNotificationRequest*,
                                                v1::Notification*) {
  return grpc::Status(grpc::StatusCode::UNIMPLEMENTED, "not yet");
}

grpc::Status ReportGrpcService::ListNotifications(grpc::ServerContext*,
                                                  const v1::ListNotificationsRequest*,
                                                  v1::ListNotificationsResponse*) {
  return grpc::Status(grpc::StatusCode::UNIMPLEMENTED, "not yet");
}

grpc::Status ReportGrpcService::MarkNotificationSent(grpc::ServerContext*,
                                                     const v1::MarkNotificationSentRequest*,
                                                     v1::Notification*) {
  return grpc::Status(grpc::StatusCode::UNIMPLEMENTED, "not yet");
}

grpc::Status ReportGrpcService::AcknowledgeNotification(grpc::ServerContext*,
                                                        const v1::AcknowledgeNotificationRequest*,
                                                        v1::Notification*) {
  return grpc::Status(grpc::StatusCode::UNIMPLEMENTED, "not yet");
}

grpc::Status ReportGrpcService::MarkNotificationNotRequired(
    grpc::ServerContext*, const v1::MarkNotificationNotRequiredRequest*, v1::Notification*) {
  return grpc::Status(grpc::StatusCode::UNIMPLEMENTED, "not yet");
}

}  // namespace airr::report
