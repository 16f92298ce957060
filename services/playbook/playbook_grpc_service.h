// The gRPC adapter of airr.playbook.v1.PlaybookService: turns requests into validated domain calls
// on the playbook and run stores and their results into responses. No SQL, no business state. The
// handlers live in one file per resource: playbooks, versions and the drill cadence
// (playbook_handlers.cc) and runs, steps, drills, evaluations and reports (run_handlers.cc).
#pragma once

#include <string>

#include "airr/playbook/v1/playbook_service.grpc.pb.h"
#include "libs/api/page_token.h"
#include "libs/common/clock.h"
#include "libs/grpcutil/rpc_edge.h"
#include "services/playbook/playbook_store.h"
#include "services/playbook/run_store.h"

namespace airr::playbook {

// What the adapter works with; everything outlives it.
struct PlaybookServiceDeps {
  PlaybookStore& playbooks;
  RunStore& runs;
  grpcutil::RpcEdge& edge;
  const api::PageTokenCodec& page_tokens;
  const Clock& clock;
};

// Thread-safe.
class PlaybookGrpcService final : public v1::PlaybookService::Service {
 public:
  explicit PlaybookGrpcService(PlaybookServiceDeps deps) : d_(deps) {}

  grpc::Status CreatePlaybook(grpc::ServerContext* context,
                              const v1::CreatePlaybookRequest* request,
                              v1::Playbook* response) override;
  grpc::Status GetPlaybook(grpc::ServerContext* context, const v1::GetPlaybookRequest* request,
                           v1::Playbook* response) override;
  grpc::Status ListPlaybooks(grpc::ServerContext* context, const v1::ListPlaybooksRequest* request,
                             v1::ListPlaybooksResponse* response) override;
  grpc::Status UpdatePlaybook(grpc::ServerContext* context,
                              const v1::UpdatePlaybookRequest* request,
                              v1::Playbook* response) override;
  grpc::Status ArchivePlaybook(grpc::ServerContext* context,
                               const v1::ArchivePlaybookRequest* request,
                               v1::Playbook* response) override;
  grpc::Status ListPlaybookVersions(grpc::ServerContext* context,
                                    const v1::ListPlaybookVersionsRequest* request,
                                    v1::ListPlaybookVersionsResponse* response) override;
  grpc::Status StartRun(grpc::ServerContext* context, const v1::StartRunRequest* request,
                        v1::Run* response) override;
  grpc::Status StartDrill(grpc::ServerContext* context, const v1::StartDrillRequest* request,
                          v1::Run* response) override;
  grpc::Status GetRun(grpc::ServerContext* context, const v1::GetRunRequest* request,
                      v1::Run* response) override;
  grpc::Status ListRuns(grpc::ServerContext* context, const v1::ListRunsRequest* request,
                        v1::ListRunsResponse* response) override;
  grpc::Status StartStep(grpc::ServerContext* context, const v1::StartStepRequest* request,
                         v1::Run* response) override;
  grpc::Status CompleteStep(grpc::ServerContext* context, const v1::CompleteStepRequest* request,
                            v1::Run* response) override;
  grpc::Status SkipStep(grpc::ServerContext* context, const v1::SkipStepRequest* request,
                        v1::Run* response) override;
  grpc::Status AddInject(grpc::ServerContext* context, const v1::AddInjectRequest* request,
                         v1::Run* response) override;
  grpc::Status AbortRun(grpc::ServerContext* context, const v1::AbortRunRequest* request,
                        v1::Run* response) override;
  grpc::Status CompleteRun(grpc::ServerContext* context, const v1::CompleteRunRequest* request,
                           v1::Run* response) override;
  grpc::Status UpdateRunEvaluation(grpc::ServerContext* context,
                                   const v1::UpdateRunEvaluationRequest* request,
                                   v1::Run* response) override;
  grpc::Status GetRunReport(grpc::ServerContext* context, const v1::GetRunReportRequest* request,
                            v1::RunReport* response) override;
  grpc::Status ListDrillsDue(grpc::ServerContext* context, const v1::ListDrillsDueRequest* request,
                             v1::ListDrillsDueResponse* response) override;

 private:
  PlaybookServiceDeps d_;
};

// The full method name of a PlaybookService RPC, e.g.
// "airr.playbook.v1.PlaybookService/StartDrill".
std::string PlaybookMethod(absl::string_view rpc);

}  // namespace airr::playbook
