#include "services/inventory/inventory_grpc_service.h"

#include "absl/strings/str_cat.h"
#include "libs/api/etag.h"
#include "libs/api/field_mask.h"
#include "libs/api/page_size.h"
#include "libs/api/query_fingerprint.h"
#include "libs/api/resource_name.h"
#include "libs/common/status_macros.h"
#include "services/inventory/ai_system_fields.h"
#include "services/inventory/ai_system_validator.h"

namespace airr::inventory {
namespace {

constexpr char kService[] = "airr.inventory.v1.InventoryService/";
constexpr char kCollection[] = "aiSystems";
constexpr int kDefaultPageSize = 50;
constexpr int kMaxPageSize = 1000;

using auth::Permission;
using grpcutil::Call;

std::string Method(absl::string_view name) { return absl::StrCat(kService, name); }

}  // namespace

grpc::Status InventoryGrpcService::CreateAiSystem(grpc::ServerContext* context,
                                                  const v1::CreateAiSystemRequest* request,
                                                  v1::AiSystem* response) {
  return edge_.Run(context, Method("CreateAiSystem"), Permission::kManageInventory,
                   [&](const Call& call) -> absl::Status {
                     AIRR_RETURN_IF_ERROR(ValidateCreateRequest(*request));
                     AIRR_ASSIGN_OR_RETURN(
                         *response, store_.Create(call.scope, request->ai_system(),
                                                  request->ai_system_id(), request->request_id()));
                     return absl::OkStatus();
                   });
}

grpc::Status InventoryGrpcService::GetAiSystem(grpc::ServerContext* context,
                                               const v1::GetAiSystemRequest* request,
                                               v1::AiSystem* response) {
  return edge_.Run(
      context, Method("GetAiSystem"), Permission::kRead, [&](const Call& call) -> absl::Status {
        AIRR_ASSIGN_OR_RETURN(std::string id,
                              api::ParseResourceName(request->name(), kCollection, "name"));
        AIRR_ASSIGN_OR_RETURN(*response, store_.Get(call.scope, id));
        return absl::OkStatus();
      });
}

grpc::Status InventoryGrpcService::ListAiSystems(grpc::ServerContext* context,
                                                 const v1::ListAiSystemsRequest* request,
                                                 v1::ListAiSystemsResponse* response) {
  return edge_.Run(
      context, Method("ListAiSystems"), Permission::kRead, [&](const Call& call) -> absl::Status {
        AiSystemPageQuery query;
        AIRR_ASSIGN_OR_RETURN(
            query.page_size,
            api::ResolvePageSize(request->page_size(), kDefaultPageSize, kMaxPageSize));
        AIRR_ASSIGN_OR_RETURN(query.filter,
                              api::TranslateFilter(request->filter(), AiSystemFilterFields(),
                                                   AiSystemPageQuery::kFirstFilterParam));
        AIRR_ASSIGN_OR_RETURN(query.order, api::ParseOrderBy(request->order_by(),
                                                             AiSystemSortFields(), "create_time"));
        query.show_deleted = request->show_deleted();
        // A token is valid only for the tenant and query it was issued for.
        const std::string fingerprint = api::QueryFingerprint(
            {call.scope.tenant_id, "ListAiSystems", request->filter(),
             absl::StrCat(query.order.field->name, query.order.desc ? " desc" : ""),
             query.show_deleted ? "deleted" : "live"});
        if (!request->page_token().empty()) {
          AIRR_ASSIGN_OR_RETURN(query.after,
                                page_tokens_.Decode(request->page_token(), fingerprint));
        }
        AIRR_ASSIGN_OR_RETURN(AiSystemPage page, store_.List(call.scope, query));
        for (auto& system : page.systems) {
          *response->add_ai_systems() = std::move(system);
        }
        if (page.next) {
          response->set_next_page_token(page_tokens_.Encode(*page.next, fingerprint));
        }
        return absl::OkStatus();
      });
}

grpc::Status InventoryGrpcService::UpdateAiSystem(grpc::ServerContext* context,
                                                  const v1::UpdateAiSystemRequest* request,
                                                  v1::AiSystem* response) {
  return edge_.Run(
      context, Method("UpdateAiSystem"), Permission::kManageInventory,
      [&](const Call& call) -> absl::Status {
        const v1::AiSystem& patch = request->ai_system();
        AIRR_ASSIGN_OR_RETURN(std::string id,
                              api::ParseResourceName(patch.name(), kCollection, "ai_system.name"));
        AIRR_ASSIGN_OR_RETURN(auto expected,
                              api::ParseOptionalEtag(patch.etag(), "ai_system.etag"));
        AIRR_ASSIGN_OR_RETURN(
            std::vector<std::string> paths,
            api::ResolveUpdateMask(request->update_mask(), AiSystemUpdatableFields(), patch));
        AIRR_ASSIGN_OR_RETURN(
            *response,
            store_.Update(call.scope, id, expected, [&](v1::AiSystem& current) -> absl::Status {
              api::ApplyFieldMask(patch, paths, &current);
              return ValidateAiSystem(current, "ai_system");
            }));
        return absl::OkStatus();
      });
}

grpc::Status InventoryGrpcService::DeleteAiSystem(grpc::ServerContext* context,
                                                  const v1::DeleteAiSystemRequest* request,
                                                  v1::AiSystem* response) {
  return SetDeleted(context, "DeleteAiSystem", request->name(), request->etag(), true, response);
}

grpc::Status InventoryGrpcService::UndeleteAiSystem(grpc::ServerContext* context,
                                                    const v1::UndeleteAiSystemRequest* request,
                                                    v1::AiSystem* response) {
  return SetDeleted(context, "UndeleteAiSystem", request->name(), request->etag(), false, response);
}

grpc::Status InventoryGrpcService::SetDeleted(grpc::ServerContext* context, absl::string_view rpc,
                                              const std::string& name, const std::string& etag,
                                              bool deleted, v1::AiSystem* response) {
  return edge_.Run(
      context, Method(rpc), Permission::kManageInventory, [&](const Call& call) -> absl::Status {
        AIRR_ASSIGN_OR_RETURN(std::string id, api::ParseResourceName(name, kCollection, "name"));
        AIRR_ASSIGN_OR_RETURN(auto expected, api::ParseOptionalEtag(etag, "etag"));
        AIRR_ASSIGN_OR_RETURN(*response, store_.SetDeleted(call.scope, id, deleted, expected));
        return absl::OkStatus();
      });
}

}  // namespace airr::inventory
