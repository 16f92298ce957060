// The gRPC adapter of airr.report.v1.ReportService: turns requests into validated domain calls on
// the report stores and their results into responses. No SQL, no business state. The handlers
// live in one file per resource: principles and policy principles (principle_handlers.cc),
// violations and suggestions (violation_handlers.cc), mitigations (mitigation_handlers.cc),
// notification rules (notification_rule_handlers.cc), notification obligations
// (notification_handlers.cc) and the incident report (incident_report_handler.cc).
#pragma once

#include <string>

#include "airr/report/v1/report_service.grpc.pb.h"
#include "libs/api/page_token.h"
#include "libs/common/clock.h"
#include "libs/grpcutil/rpc_edge.h"
#include "services/report/incident_facts_store.h"
#include "services/report/mitigation_store.h"
#include "services/report/notification_rule_store.h"
#include "services/report/notification_store.h"
#include "services/report/principle_store.h"
#include "services/report/violation_store.h"

namespace airr::report {

// What the adapter works with; everything outlives it.
struct ReportServiceDeps {
  PrincipleStore& principles;
  ViolationStore& violations;
  MitigationStore& mitigations;
  NotificationRuleStore& notification_rules;
  NotificationStore& notifications;
  IncidentFactsStore& facts;
  grpcutil::RpcEdge& edge;
  const api::PageTokenCodec& page_tokens;
  const Clock& clock;
};

// Thread-safe.
class ReportGrpcService final : public v1::ReportService::Service {
 public:
  explicit ReportGrpcService(ReportServiceDeps deps) : d_(deps) {}

  grpc::Status ListPrinciples(grpc::ServerContext* context,
                              const v1::ListPrinciplesRequest* request,
                              v1::ListPrinciplesResponse* response) override;
  grpc::Status GetPrinciple(grpc::ServerContext* context, const v1::GetPrincipleRequest* request,
                            v1::Principle* response) override;
  grpc::Status CreatePolicyPrinciple(grpc::ServerContext* context,
                                     const v1::CreatePolicyPrincipleRequest* request,
                                     v1::PolicyPrinciple* response) override;
  grpc::Status GetPolicyPrinciple(grpc::ServerContext* context,
                                  const v1::GetPolicyPrincipleRequest* request,
                                  v1::PolicyPrinciple* response) override;
  grpc::Status ListPolicyPrinciples(grpc::ServerContext* context,
                                    const v1::ListPolicyPrinciplesRequest* request,
                                    v1::ListPolicyPrinciplesResponse* response) override;
  grpc::Status UpdatePolicyPrinciple(grpc::ServerContext* context,
                                     const v1::UpdatePolicyPrincipleRequest* request,
                                     v1::PolicyPrinciple* response) override;
  grpc::Status DeletePolicyPrinciple(grpc::ServerContext* context,
                                     const v1::DeletePolicyPrincipleRequest* request,
                                     v1::PolicyPrinciple* response) override;
  grpc::Status LinkViolation(grpc::ServerContext* context, const v1::LinkViolationRequest* request,
                             v1::Violation* response) override;
  grpc::Status GetViolation(grpc::ServerContext* context, const v1::GetViolationRequest* request,
                            v1::Violation* response) override;
  grpc::Status ListViolations(grpc::ServerContext* context,
                              const v1::ListViolationsRequest* request,
                              v1::ListViolationsResponse* response) override;
  grpc::Status ConfirmViolation(grpc::ServerContext* context,
                                const v1::ConfirmViolationRequest* request,
                                v1::Violation* response) override;
  grpc::Status UnlinkViolation(grpc::ServerContext* context,
                               const v1::UnlinkViolationRequest* request,
                               v1::Violation* response) override;
  grpc::Status SuggestViolations(grpc::ServerContext* context,
                                 const v1::SuggestViolationsRequest* request,
                                 v1::SuggestViolationsResponse* response) override;
  grpc::Status ListSuggestionRules(grpc::ServerContext* context,
                                   const v1::ListSuggestionRulesRequest* request,
                                   v1::ListSuggestionRulesResponse* response) override;
  grpc::Status CreateMitigation(grpc::ServerContext* context,
                                const v1::CreateMitigationRequest* request,
                                v1::Mitigation* response) override;
  grpc::Status GetMitigation(grpc::ServerContext* context, const v1::GetMitigationRequest* request,
                             v1::Mitigation* response) override;
  grpc::Status ListMitigations(grpc::ServerContext* context,
                               const v1::ListMitigationsRequest* request,
                               v1::ListMitigationsResponse* response) override;
  grpc::Status UpdateMitigation(grpc::ServerContext* context,
                                const v1::UpdateMitigationRequest* request,
                                v1::Mitigation* response) override;
  grpc::Status BeginMitigation(grpc::ServerContext* context,
                               const v1::BeginMitigationRequest* request,
                               v1::Mitigation* response) override;
  grpc::Status CompleteMitigation(grpc::ServerContext* context,
                                  const v1::CompleteMitigationRequest* request,
                                  v1::Mitigation* response) override;
  grpc::Status VerifyMitigation(grpc::ServerContext* context,
                                const v1::VerifyMitigationRequest* request,
                                v1::Mitigation* response) override;
  grpc::Status CancelMitigation(grpc::ServerContext* context,
                                const v1::CancelMitigationRequest* request,
                                v1::Mitigation* response) override;
  grpc::Status ListNotificationRules(grpc::ServerContext* context,
                                     const v1::ListNotificationRulesRequest* request,
                                     v1::ListNotificationRulesResponse* response) override;
  grpc::Status GetNotificationRule(grpc::ServerContext* context,
                                   const v1::GetNotificationRuleRequest* request,
                                   v1::NotificationRule* response) override;
  grpc::Status CreateNotificationRule(grpc::ServerContext* context,
                                      const v1::CreateNotificationRuleRequest* request,
                                      v1::NotificationRule* response) override;
  grpc::Status UpdateNotificationRule(grpc::ServerContext* context,
                                      const v1::UpdateNotificationRuleRequest* request,
                                      v1::NotificationRule* response) override;
  grpc::Status SetNotificationRuleEnabled(grpc::ServerContext* context,
                                          const v1::SetNotificationRuleEnabledRequest* request,
                                          v1::NotificationRule* response) override;
  grpc::Status EvaluateNotifications(grpc::ServerContext* context,
                                     const v1::EvaluateNotificationsRequest* request,
                                     v1::EvaluateNotificationsResponse* response) override;
  grpc::Status GetNotification(grpc::ServerContext* context,
                               const v1::GetNotificationRequest* request,
                               v1::Notification* response) override;
  grpc::Status ListNotifications(grpc::ServerContext* context,
                                 const v1::ListNotificationsRequest* request,
                                 v1::ListNotificationsResponse* response) override;
  grpc::Status MarkNotificationSent(grpc::ServerContext* context,
                                    const v1::MarkNotificationSentRequest* request,
                                    v1::Notification* response) override;
  grpc::Status AcknowledgeNotification(grpc::ServerContext* context,
                                       const v1::AcknowledgeNotificationRequest* request,
                                       v1::Notification* response) override;
  grpc::Status MarkNotificationNotRequired(grpc::ServerContext* context,
                                           const v1::MarkNotificationNotRequiredRequest* request,
                                           v1::Notification* response) override;
  grpc::Status GetIncidentReport(grpc::ServerContext* context,
                                 const v1::GetIncidentReportRequest* request,
                                 v1::IncidentReport* response) override;

 private:
  ReportServiceDeps d_;
};

// The full method name of a ReportService RPC, e.g. "airr.report.v1.ReportService/LinkViolation".
std::string ReportMethod(absl::string_view rpc);

}  // namespace airr::report
