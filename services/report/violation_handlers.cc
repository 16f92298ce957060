// The ReportService handlers of principle violations, suggestions and suggestion rules.
#include "absl/strings/str_cat.h"
#include "libs/api/etag.h"
#include "libs/api/page_size.h"
#include "libs/api/query_fingerprint.h"
#include "libs/api/resource_name.h"
#include "libs/common/errors.h"
#include "libs/common/status_macros.h"
#include "libs/common/uuid.h"
#include "services/report/principle_names.h"
#include "services/report/report_grpc_service.h"
#include "services/report/resource_names.h"
#include "services/report/violation_lifecycle.h"
#include "services/report/violation_suggester.h"
#include "services/report/violation_validator.h"

namespace airr::report {
namespace {

constexpr int kDefaultPageSize = 100;
constexpr int kMaxPageSize = 1000;

using auth::Permission;
using grpcutil::Call;

absl::StatusOr<api::ChildName> ViolationIds(const std::string& name) {
  return api::ParseChildResourceName(name, kIncidentCollection, kViolationCollection, "name");
}

}  // namespace

grpc::Status ReportGrpcService::LinkViolation(grpc::ServerContext* context,
                                              const v1::LinkViolationRequest* request,
                                              v1::Violation* response) {
  return d_.edge.Run(context, ReportMethod("LinkViolation"), Permission::kRiskWork,
                     [&](const Call& call) -> absl::Status {
                       AIRR_ASSIGN_OR_RETURN(std::string incident_id,
                                             api::ParseResourceName(request->parent(),
                                                                    kIncidentCollection, "parent"));
                       AIRR_RETURN_IF_ERROR(ValidateLinkViolation(*request));
                       NewViolation v;
                       v.incident_id = incident_id;
                       v.id = NewRandomUuid();
                       v.link = request->violation();
                       v.assessor = call.principal.AuditName();
                       v.assessor_id = call.principal.principal_id;
                       v.assess_time = d_.clock.Now();
                       AIRR_ASSIGN_OR_RETURN(*response, d_.violations.Link(call.scope, v));
                       return absl::OkStatus();
                     });
}

grpc::Status ReportGrpcService::GetViolation(grpc::ServerContext* context,
                                             const v1::GetViolationRequest* request,
                                             v1::Violation* response) {
  return d_.edge.Run(context, ReportMethod("GetViolation"), Permission::kRead,
                     [&](const Call& call) -> absl::Status {
                       AIRR_ASSIGN_OR_RETURN(api::ChildName ids, ViolationIds(request->name()));
                       AIRR_ASSIGN_OR_RETURN(*response,
                                             d_.violations.Get(call.scope, ids.parent_id, ids.id));
                       return absl::OkStatus();
                     });
}

grpc::Status ReportGrpcService::ListViolations(grpc::ServerContext* context,
                                               const v1::ListViolationsRequest* request,
                                               v1::ListViolationsResponse* response) {
  return d_.edge.Run(
      context, ReportMethod("ListViolations"), Permission::kRead,
      [&](const Call& call) -> absl::Status {
        ViolationPageQuery query;
        AIRR_ASSIGN_OR_RETURN(
            std::string parent,
            api::ParseParentOrAny(request->parent(), kIncidentCollection, "parent"));
        query.incident_id = parent == api::kAnyParent ? "" : parent;
        AIRR_ASSIGN_OR_RETURN(
            query.page_size,
            api::ResolvePageSize(request->page_size(), kDefaultPageSize, kMaxPageSize));
        if (!request->principle().empty()) {
          AIRR_ASSIGN_OR_RETURN(query.principle_id,
                                ParsePrincipleName(request->principle(), "principle"));
          absl::Status known = d_.principles.GetPrinciple(call.scope, query.principle_id).status();
          if (absl::IsNotFound(known)) {
            return InvalidField("principle", absl::StrCat("must name a principle of the catalog; ",
                                                          request->principle(), " does not exist"));
          }
          AIRR_RETURN_IF_ERROR(known);
        }
        query.show_unlinked = request->show_unlinked();
        const std::string fingerprint = api::QueryFingerprint(
            {call.scope.tenant_id, "ListViolations", request->parent(), request->principle(),
             request->show_unlinked() ? "unlinked" : "active"});
        if (!request->page_token().empty()) {
          AIRR_ASSIGN_OR_RETURN(query.after,
                                d_.page_tokens.Decode(request->page_token(), fingerprint));
        }
        AIRR_ASSIGN_OR_RETURN(ViolationPage page, d_.violations.List(call.scope, query));
        for (auto& violation : page.violations) {
          *response->add_violations() = std::move(violation);
        }
        if (page.next) {
          response->set_next_page_token(d_.page_tokens.Encode(*page.next, fingerprint));
        }
        return absl::OkStatus();
      });
}

grpc::Status ReportGrpcService::ConfirmViolation(grpc::ServerContext* context,
                                                 const v1::ConfirmViolationRequest* request,
                                                 v1::Violation* response) {
  return d_.edge.Run(
      context, ReportMethod("ConfirmViolation"), Permission::kRiskWork,
      [&](const Call& call) -> absl::Status {
        AIRR_ASSIGN_OR_RETURN(api::ChildName ids, ViolationIds(request->name()));
        AIRR_ASSIGN_OR_RETURN(auto expected, api::ParseOptionalEtag(request->etag(), "etag"));
        AIRR_RETURN_IF_ERROR(ValidateConfirmViolation(*request));
        const absl::Time now = d_.clock.Now();
        AIRR_ASSIGN_OR_RETURN(
            *response, d_.violations.Mutate(
                           call.scope, ids.parent_id, ids.id, expected,
                           "report.violation.confirmed", [&](ViolationRecord& record) {
                             return ApplyConfirm(record, call.principal.AuditName(),
                                                 call.principal.principal_id, request->note(), now);
                           }));
        return absl::OkStatus();
      });
}

grpc::Status ReportGrpcService::UnlinkViolation(grpc::ServerContext* context,
                                                const v1::UnlinkViolationRequest* request,
                                                v1::Violation* response) {
  return d_.edge.Run(
      context, ReportMethod("UnlinkViolation"), Permission::kRiskWork,
      [&](const Call& call) -> absl::Status {
        AIRR_ASSIGN_OR_RETURN(api::ChildName ids, ViolationIds(request->name()));
        AIRR_ASSIGN_OR_RETURN(auto expected, api::ParseOptionalEtag(request->etag(), "etag"));
        AIRR_RETURN_IF_ERROR(ValidateUnlinkViolation(*request));
        const absl::Time now = d_.clock.Now();
        AIRR_ASSIGN_OR_RETURN(
            *response,
            d_.violations.Mutate(call.scope, ids.parent_id, ids.id, expected,
                                 "report.violation.unlinked", [&](ViolationRecord& record) {
                                   return ApplyUnlink(record, call.principal.AuditName(),
                                                      request->reason(), now);
                                 }));
        return absl::OkStatus();
      });
}

grpc::Status ReportGrpcService::SuggestViolations(grpc::ServerContext* context,
                                                  const v1::SuggestViolationsRequest* request,
                                                  v1::SuggestViolationsResponse* response) {
  return d_.edge.Run(
      context, ReportMethod("SuggestViolations"), Permission::kRead,
      [&](const Call& call) -> absl::Status {
        AIRR_ASSIGN_OR_RETURN(
            std::string incident_id,
            api::ParseResourceName(request->parent(), kIncidentCollection, "parent"));
        AIRR_ASSIGN_OR_RETURN(IncidentWithSystem facts,
                              d_.facts.ReadIncident(call.scope, incident_id));
        AIRR_ASSIGN_OR_RETURN(SuggestionInputs inputs,
                              d_.violations.LoadSuggestionInputs(call.scope, incident_id));
        for (auto& suggestion : BuildSuggestions(facts.incident, inputs)) {
          *response->add_suggestions() = std::move(suggestion);
        }
        return absl::OkStatus();
      });
}

grpc::Status ReportGrpcService::ListSuggestionRules(grpc::ServerContext* context,
                                                    const v1::ListSuggestionRulesRequest* request,
                                                    v1::ListSuggestionRulesResponse* response) {
  return d_.edge.Run(
      context, ReportMethod("ListSuggestionRules"), Permission::kRead,
      [&](const Call& call) -> absl::Status {
        AIRR_ASSIGN_OR_RETURN(int page_size, api::ResolvePageSize(request->page_size(),
                                                                  kDefaultPageSize, kMaxPageSize));
        const std::string fingerprint = api::QueryFingerprint({"ListSuggestionRules"});
        std::string after;
        if (!request->page_token().empty()) {
          AIRR_ASSIGN_OR_RETURN(api::PageCursor cursor,
                                d_.page_tokens.Decode(request->page_token(), fingerprint));
          after = cursor.sort_value;
        }
        AIRR_ASSIGN_OR_RETURN(SuggestionRulePage page,
                              d_.violations.ListSuggestionRules(call.scope, after, page_size));
        for (auto& rule : page.rules) {
          *response->add_rules() = std::move(rule);
        }
        if (page.next_after) {
          response->set_next_page_token(
              d_.page_tokens.Encode(api::PageCursor{*page.next_after, ""}, fingerprint));
        }
        return absl::OkStatus();
      });
}

}  // namespace airr::report
