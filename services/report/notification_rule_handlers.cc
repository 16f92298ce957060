// The notification rule RPCs of ReportService: list, get, create, version and enable rules.
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "libs/api/etag.h"
#include "libs/api/field_mask.h"
#include "libs/api/page_size.h"
#include "libs/api/query_fingerprint.h"
#include "libs/api/resource_name.h"
#include "libs/api/violations.h"
#include "libs/common/errors.h"
#include "libs/common/status_macros.h"
#include "services/report/notification_rule_validator.h"
#include "services/report/report_grpc_service.h"
#include "services/report/resource_names.h"

namespace airr::report {
namespace {

constexpr int kDefaultPageSize = 100;
constexpr int kMaxPageSize = 1000;

using auth::Permission;
using grpcutil::Call;

absl::StatusOr<std::string> RuleId(const std::string& name, absl::string_view field) {
  return api::ParseResourceName(name, kNotificationRuleCollection, field);
}

// The rule as a client sent it, without the output-only fields.
v1::NotificationRule InputRule(const v1::NotificationRule& rule) {
  v1::NotificationRule in = rule;
  in.clear_name();
  in.clear_version();
  in.clear_enabled();
  in.clear_enabled_reason();
  in.clear_tenant_defined();
  in.clear_create_time();
  in.clear_etag();
  return in;
}

}  // namespace

grpc::Status ReportGrpcService::ListNotificationRules(
    grpc::ServerContext* context, const v1::ListNotificationRulesRequest* request,
    v1::ListNotificationRulesResponse* response) {
  return d_.edge.Run(
      context, ReportMethod("ListNotificationRules"), Permission::kRead,
      [&](const Call& call) -> absl::Status {
        RuleListQuery query;
        AIRR_ASSIGN_OR_RETURN(
            query.page_size,
            api::ResolvePageSize(request->page_size(), kDefaultPageSize, kMaxPageSize));
        api::Violations v("");
        api::CheckOptionalEnum(v, "regime", request->regime(), v1::Regime_IsValid);
        AIRR_RETURN_IF_ERROR(std::move(v).ToStatus());
        query.regime = request->regime();
        query.all_versions = request->show_all_versions();
        const std::string fingerprint = api::QueryFingerprint(
            {call.scope.tenant_id, "ListNotificationRules", v1::Regime_Name(request->regime()),
             request->show_all_versions() ? "all" : "latest"});
        if (!request->page_token().empty()) {
          AIRR_ASSIGN_OR_RETURN(api::PageCursor cursor,
                                d_.page_tokens.Decode(request->page_token(), fingerprint));
          RuleCursor after{cursor.sort_value, 0};
          if (!absl::SimpleAtoi(cursor.tie_value, &after.version)) {
            return InvalidField("page_token", "is malformed");
          }
          query.after = after;
        }
        AIRR_ASSIGN_OR_RETURN(RulePage page, d_.notification_rules.List(call.scope, query));
        for (auto& rule : page.rules) {
          *response->add_rules() = std::move(rule);
        }
        if (page.next) {
          response->set_next_page_token(d_.page_tokens.Encode(
              api::PageCursor{page.next->id, absl::StrCat(page.next->version)}, fingerprint));
        }
        return absl::OkStatus();
      });
}

grpc::Status ReportGrpcService::GetNotificationRule(grpc::ServerContext* context,
                                                    const v1::GetNotificationRuleRequest* request,
                                                    v1::NotificationRule* response) {
  return d_.edge.Run(context, ReportMethod("GetNotificationRule"), Permission::kRead,
                     [&](const Call& call) -> absl::Status {
                       AIRR_ASSIGN_OR_RETURN(std::string id, RuleId(request->name(), "name"));
                       if (request->version() < 0) {
                         return InvalidField("version", "must be 0 (the latest) or a version >= 1");
                       }
                       AIRR_ASSIGN_OR_RETURN(*response, d_.notification_rules.Get(
                                                            call.scope, id, request->version()));
                       return absl::OkStatus();
                     });
}

grpc::Status ReportGrpcService::CreateNotificationRule(
    grpc::ServerContext* context, const v1::CreateNotificationRuleRequest* request,
    v1::NotificationRule* response) {
  return d_.edge.Run(context, ReportMethod("CreateNotificationRule"), Permission::kRiskWork,
                     [&](const Call& call) -> absl::Status {
                       AIRR_RETURN_IF_ERROR(ValidateCreateNotificationRule(*request));
                       AIRR_ASSIGN_OR_RETURN(
                           *response, d_.notification_rules.Create(call.scope, request->rule_id(),
                                                                   InputRule(request->rule())));
                       return absl::OkStatus();
                     });
}

grpc::Status ReportGrpcService::UpdateNotificationRule(
    grpc::ServerContext* context, const v1::UpdateNotificationRuleRequest* request,
    v1::NotificationRule* response) {
  return d_.edge.Run(
      context, ReportMethod("UpdateNotificationRule"), Permission::kRiskWork,
      [&](const Call& call) -> absl::Status {
        const v1::NotificationRule& patch = request->rule();
        AIRR_ASSIGN_OR_RETURN(std::string id, RuleId(patch.name(), "rule.name"));
        AIRR_ASSIGN_OR_RETURN(auto expected, api::ParseOptionalEtag(patch.etag(), "rule.etag"));
        AIRR_ASSIGN_OR_RETURN(std::vector<std::string> paths,
                              api::ResolveUpdateMask(request->update_mask(),
                                                     NotificationRuleUpdatableFields(), patch));
        AIRR_ASSIGN_OR_RETURN(*response, d_.notification_rules.Update(
                                             call.scope, id, expected, d_.clock.Now(),
                                             [&](v1::NotificationRule& current) -> absl::Status {
                                               v1::NotificationRule next = InputRule(current);
                                               api::ApplyFieldMask(patch, paths, &next);
                                               api::Violations v("rule");
                                               CheckNotificationRule(v, next);
                                               AIRR_RETURN_IF_ERROR(std::move(v).ToStatus());
                                               current = next;
                                               return absl::OkStatus();
                                             }));
        return absl::OkStatus();
      });
}

grpc::Status ReportGrpcService::SetNotificationRuleEnabled(
    grpc::ServerContext* context, const v1::SetNotificationRuleEnabledRequest* request,
    v1::NotificationRule* response) {
  return d_.edge.Run(context, ReportMethod("SetNotificationRuleEnabled"), Permission::kRiskWork,
                     [&](const Call& call) -> absl::Status {
                       AIRR_ASSIGN_OR_RETURN(std::string id, RuleId(request->name(), "name"));
                       AIRR_RETURN_IF_ERROR(ValidateSetNotificationRuleEnabled(*request));
                       AIRR_ASSIGN_OR_RETURN(
                           *response, d_.notification_rules.SetEnabled(
                                          call.scope, id, request->enabled(), request->reason()));
                       return absl::OkStatus();
                     });
}

}  // namespace airr::report
