// The gRPC adapter of airr.inventory.v1.InventoryService: turns requests into validated domain
// calls on an AiSystemStore and their results into responses. No SQL, no business state.
#pragma once

#include "airr/inventory/v1/inventory_service.grpc.pb.h"
#include "libs/api/page_token.h"
#include "libs/grpcutil/rpc_edge.h"
#include "services/inventory/ai_system_store.h"

namespace airr::inventory {

// Thread-safe.
class InventoryGrpcService final : public v1::InventoryService::Service {
 public:
  InventoryGrpcService(AiSystemStore& store, grpcutil::RpcEdge& edge,
                       const api::PageTokenCodec& page_tokens)
      : store_(store), edge_(edge), page_tokens_(page_tokens) {}

  grpc::Status CreateAiSystem(grpc::ServerContext* context,
                              const v1::CreateAiSystemRequest* request,
                              v1::AiSystem* response) override;
  grpc::Status GetAiSystem(grpc::ServerContext* context, const v1::GetAiSystemRequest* request,
                           v1::AiSystem* response) override;
  grpc::Status ListAiSystems(grpc::ServerContext* context, const v1::ListAiSystemsRequest* request,
                             v1::ListAiSystemsResponse* response) override;
  grpc::Status UpdateAiSystem(grpc::ServerContext* context,
                              const v1::UpdateAiSystemRequest* request,
                              v1::AiSystem* response) override;
  grpc::Status DeleteAiSystem(grpc::ServerContext* context,
                              const v1::DeleteAiSystemRequest* request,
                              v1::AiSystem* response) override;
  grpc::Status UndeleteAiSystem(grpc::ServerContext* context,
                                const v1::UndeleteAiSystemRequest* request,
                                v1::AiSystem* response) override;

 private:
  // Delete (deleted = true) and Undelete share everything but the direction.
  grpc::Status SetDeleted(grpc::ServerContext* context, absl::string_view rpc,
                          const std::string& name, const std::string& etag, bool deleted,
                          v1::AiSystem* response);

  AiSystemStore& store_;
  grpcutil::RpcEdge& edge_;
  const api::PageTokenCodec& page_tokens_;
};

}  // namespace airr::inventory
