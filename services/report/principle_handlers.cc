// The ReportService handlers of the principle catalog and the tenant's policy principles.
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "libs/api/etag.h"
#include "libs/api/field_mask.h"
#include "libs/api/page_size.h"
#include "libs/api/query_fingerprint.h"
#include "libs/api/violations.h"
#include "libs/common/errors.h"
#include "libs/common/status_macros.h"
#include "services/report/policy_principle_validator.h"
#include "services/report/principle_names.h"
#include "services/report/report_grpc_service.h"

namespace airr::report {
namespace {

constexpr int kDefaultPageSize = 100;
constexpr int kMaxPageSize = 1000;

using auth::Permission;
using grpcutil::Call;

// The filters of ListPrinciples: an optional kind and an optional common principle as parent.
absl::Status CheckPrincipleFilters(const v1::ListPrinciplesRequest& request,
                                   std::string* parent_id) {
  api::Violations v("");
  api::CheckOptionalEnum(v, "kind", request.kind(), v1::PrincipleKind_IsValid);
  if (!request.parent().empty()) {
    absl::StatusOr<std::string> id = ParsePrincipleName(request.parent(), "parent");
    if (!id.ok()) {
      v.Merge(id.status());
    } else if (!IsCommonPrincipleId(*id)) {
      v.Add("parent", "must name a common principle (e.g. principles/C03)");
    } else {
      *parent_id = *id;
    }
  }
  return std::move(v).ToStatus();
}

}  // namespace

grpc::Status ReportGrpcService::ListPrinciples(grpc::ServerContext* context,
                                               const v1::ListPrinciplesRequest* request,
                                               v1::ListPrinciplesResponse* response) {
  return d_.edge.Run(
      context, ReportMethod("ListPrinciples"), Permission::kRead,
      [&](const Call& call) -> absl::Status {
        PrinciplePageQuery query;
        AIRR_ASSIGN_OR_RETURN(
            query.page_size,
            api::ResolvePageSize(request->page_size(), kDefaultPageSize, kMaxPageSize));
        AIRR_RETURN_IF_ERROR(CheckPrincipleFilters(*request, &query.parent_id));
        query.kind = request->kind();
        const std::string fingerprint =
            api::QueryFingerprint({call.scope.tenant_id, "ListPrinciples",
                                   absl::StrCat(request->kind()), request->parent()});
        if (!request->page_token().empty()) {
          AIRR_ASSIGN_OR_RETURN(api::PageCursor cursor,
                                d_.page_tokens.Decode(request->page_token(), fingerprint));
          int after = 0;
          if (!absl::SimpleAtoi(cursor.sort_value, &after)) {
            return InvalidField("page_token", "is not a token of this list");
          }
          query.after_sort_order = after;
        }
        AIRR_ASSIGN_OR_RETURN(PrinciplePage page, d_.principles.ListPrinciples(call.scope, query));
        for (auto& principle : page.principles) {
          *response->add_principles() = std::move(principle);
        }
        if (page.next_after) {
          response->set_next_page_token(d_.page_tokens.Encode(
              api::PageCursor{absl::StrCat(*page.next_after), ""}, fingerprint));
        }
        return absl::OkStatus();
      });
}

grpc::Status ReportGrpcService::GetPrinciple(grpc::ServerContext* context,
                                             const v1::GetPrincipleRequest* request,
                                             v1::Principle* response) {
  return d_.edge.Run(context, ReportMethod("GetPrinciple"), Permission::kRead,
                     [&](const Call& call) -> absl::Status {
                       AIRR_ASSIGN_OR_RETURN(std::string id,
                                             ParsePrincipleName(request->name(), "name"));
                       AIRR_ASSIGN_OR_RETURN(*response, d_.principles.GetPrinciple(call.scope, id));
                       return absl::OkStatus();
                     });
}

grpc::Status ReportGrpcService::CreatePolicyPrinciple(
    grpc::ServerContext* context, const v1::CreatePolicyPrincipleRequest* request,
    v1::PolicyPrinciple* response) {
  return d_.edge.Run(context, ReportMethod("CreatePolicyPrinciple"), Permission::kRiskWork,
                     [&](const Call& call) -> absl::Status {
                       AIRR_RETURN_IF_ERROR(ValidateCreatePolicyPrincipleRequest(*request));
                       AIRR_ASSIGN_OR_RETURN(*response, d_.principles.CreatePolicyPrinciple(
                                                            call.scope, request->policy_principle(),
                                                            request->policy_principle_id()));
                       return absl::OkStatus();
                     });
}

grpc::Status ReportGrpcService::GetPolicyPrinciple(grpc::ServerContext* context,
                                                   const v1::GetPolicyPrincipleRequest* request,
                                                   v1::PolicyPrinciple* response) {
  return d_.edge.Run(
      context, ReportMethod("GetPolicyPrinciple"), Permission::kRead,
      [&](const Call& call) -> absl::Status {
        AIRR_ASSIGN_OR_RETURN(std::string id, ParsePolicyPrincipleName(request->name(), "name"));
        AIRR_ASSIGN_OR_RETURN(*response, d_.principles.GetPolicyPrinciple(call.scope, id));
        return absl::OkStatus();
      });
}

grpc::Status ReportGrpcService::ListPolicyPrinciples(grpc::ServerContext* context,
                                                     const v1::ListPolicyPrinciplesRequest* request,
                                                     v1::ListPolicyPrinciplesResponse* response) {
  return d_.edge.Run(
      context, ReportMethod("ListPolicyPrinciples"), Permission::kRead,
      [&](const Call& call) -> absl::Status {
        PolicyPrinciplePageQuery query;
        AIRR_ASSIGN_OR_RETURN(
            query.page_size,
            api::ResolvePageSize(request->page_size(), kDefaultPageSize, kMaxPageSize));
        query.show_deleted = request->show_deleted();
        const std::string fingerprint =
            api::QueryFingerprint({call.scope.tenant_id, "ListPolicyPrinciples",
                                   request->show_deleted() ? "deleted" : "live"});
        if (!request->page_token().empty()) {
          AIRR_ASSIGN_OR_RETURN(query.after,
                                d_.page_tokens.Decode(request->page_token(), fingerprint));
        }
        AIRR_ASSIGN_OR_RETURN(PolicyPrinciplePage page,
                              d_.principles.ListPolicyPrinciples(call.scope, query));
        for (auto& principle : page.policy_principles) {
          *response->add_policy_principles() = std::move(principle);
        }
        if (page.next) {
          response->set_next_page_token(d_.page_tokens.Encode(*page.next, fingerprint));
        }
        return absl::OkStatus();
      });
}

grpc::Status ReportGrpcService::UpdatePolicyPrinciple(
    grpc::ServerContext* context, const v1::UpdatePolicyPrincipleRequest* request,
    v1::PolicyPrinciple* response) {
  return d_.edge.Run(
      context, ReportMethod("UpdatePolicyPrinciple"), Permission::kRiskWork,
      [&](const Call& call) -> absl::Status {
        const v1::PolicyPrinciple& patch = request->policy_principle();
        AIRR_ASSIGN_OR_RETURN(std::string id,
                              ParsePolicyPrincipleName(patch.name(), "policy_principle.name"));
        AIRR_ASSIGN_OR_RETURN(auto expected,
                              api::ParseOptionalEtag(patch.etag(), "policy_principle.etag"));
        if (request->update_mask().paths().empty()) {
          return InvalidField("update_mask",
                              "is required (code, title, description, "
                              "mapped_principles)");
        }
        AIRR_ASSIGN_OR_RETURN(std::vector<std::string> paths,
                              api::ResolveUpdateMask(request->update_mask(),
                                                     PolicyPrincipleUpdatableFields(), patch));
        AIRR_ASSIGN_OR_RETURN(*response,
                              d_.principles.UpdatePolicyPrinciple(
                                  call.scope, id, expected, [&](v1::PolicyPrinciple& current) {
                                    api::ApplyFieldMask(patch, paths, &current);
                                    return ValidatePolicyPrinciple(current, "policy_principle");
                                  }));
        return absl::OkStatus();
      });
}

grpc::Status ReportGrpcService::DeletePolicyPrinciple(
    grpc::ServerContext* context, const v1::DeletePolicyPrincipleRequest* request,
    v1::PolicyPrinciple* response) {
  return d_.edge.Run(
      context, ReportMethod("DeletePolicyPrinciple"), Permission::kRiskWork,
      [&](const Call& call) -> absl::Status {
        AIRR_ASSIGN_OR_RETURN(std::string id, ParsePolicyPrincipleName(request->name(), "name"));
        AIRR_ASSIGN_OR_RETURN(auto expected, api::ParseOptionalEtag(request->etag(), "etag"));
        AIRR_ASSIGN_OR_RETURN(*response,
                              d_.principles.DeletePolicyPrinciple(call.scope, id, expected));
        return absl::OkStatus();
      });
}

}  // namespace airr::report
