// The gRPC adapter of airr.incident.v1.IncidentService: turns requests into validated domain calls
// on the incident, signal and feed stores and their results into responses. No SQL, no business
// state. The handlers live in three files: incidents and timelines (incident_grpc_service.cc),
// signals (signal_handlers.cc) and the change stream (watch_handler.cc).
#pragma once

#include "airr/incident/v1/incident_service.grpc.pb.h"
#include "libs/api/page_token.h"
#include "libs/common/clock.h"
#include "libs/grpcutil/rpc_edge.h"
#include "libs/grpcutil/stream_slots.h"
#include "libs/pg/outbox_listener.h"
#include "services/incident/incident_feed_store.h"
#include "services/incident/incident_store.h"
#include "services/incident/signal_store.h"

namespace airr::incident {

// What the adapter works with; everything outlives it.
struct IncidentServiceDeps {
  IncidentStore& incidents;
  SignalStore& signals;
  IncidentFeedStore& feed;
  grpcutil::RpcEdge& edge;
  const api::PageTokenCodec& page_tokens;
  const Clock& clock;
  pg::OutboxListener& outbox;
  grpcutil::StreamSlots& streams;
};

// Thread-safe.
class IncidentGrpcService final : public v1::IncidentService::Service {
 public:
  explicit IncidentGrpcService(IncidentServiceDeps deps) : d_(deps) {}

  grpc::Status CreateIncident(grpc::ServerContext* context,
                              const v1::CreateIncidentRequest* request,
                              v1::Incident* response) override;
  grpc::Status GetIncident(grpc::ServerContext* context, const v1::GetIncidentRequest* request,
                           v1::Incident* response) override;
  grpc::Status ListIncidents(grpc::ServerContext* context, const v1::ListIncidentsRequest* request,
                             v1::ListIncidentsResponse* response) override;
  grpc::Status UpdateIncident(grpc::ServerContext* context,
                              const v1::UpdateIncidentRequest* request,
                              v1::Incident* response) override;
  grpc::Status TriageIncident(grpc::ServerContext* context,
                              const v1::TriageIncidentRequest* request,
                              v1::Incident* response) override;
  grpc::Status StartMitigation(grpc::ServerContext* context,
                               const v1::StartMitigationRequest* request,
                               v1::Incident* response) override;
  grpc::Status ResolveIncident(grpc::ServerContext* context,
                               const v1::ResolveIncidentRequest* request,
                               v1::Incident* response) override;
  grpc::Status CloseIncident(grpc::ServerContext* context, const v1::CloseIncidentRequest* request,
                             v1::Incident* response) override;
  grpc::Status ReopenIncident(grpc::ServerContext* context,
                              const v1::ReopenIncidentRequest* request,
                              v1::Incident* response) override;
  grpc::Status RejectIncident(grpc::ServerContext* context,
                              const v1::RejectIncidentRequest* request,
                              v1::Incident* response) override;
  grpc::Status MergeIncident(grpc::ServerContext* context, const v1::MergeIncidentRequest* request,
                             v1::Incident* response) override;
  grpc::Status AddTimelineEvent(grpc::ServerContext* context,
                                const v1::AddTimelineEventRequest* request,
                                v1::TimelineEvent* response) override;
  grpc::Status ListTimelineEvents(grpc::ServerContext* context,
                                  const v1::ListTimelineEventsRequest* request,
                                  v1::ListTimelineEventsResponse* response) override;
  grpc::Status IngestSignals(grpc::ServerContext* context,
                             grpc::ServerReader<v1::IngestSignalsRequest>* reader,
                             v1::IngestSignalsResponse* response) override;
  grpc::Status IngestSignalBatch(grpc::ServerContext* context,
                                 const v1::IngestSignalBatchRequest* request,
                                 v1::IngestSignalsResponse* response) override;
  grpc::Status ListSignals(grpc::ServerContext* context, const v1::ListSignalsRequest* request,
                           v1::ListSignalsResponse* response) override;
  grpc::Status WatchIncidents(grpc::ServerContext* context,
                              const v1::WatchIncidentsRequest* request,
                              grpc::ServerWriter<v1::WatchIncidentsResponse>* writer) override;

 private:
  // A lifecycle method: parses the name and etag, then applies `apply` to the locked incident.
  using Apply = std::function<absl::StatusOr<IncidentChange>(v1::Incident&, absl::Time now)>;
  grpc::Status Transition(grpc::ServerContext* context, absl::string_view rpc,
                          const std::string& name, const std::string& etag,
                          const std::function<absl::Status()>& validate, const Apply& apply,
                          v1::Incident* response);

  IncidentServiceDeps d_;
};

// The full method name of an IncidentService RPC, e.g.
// "airr.incident.v1.IncidentService/GetIncident".
std::string IncidentMethod(absl::string_view rpc);

}  // namespace airr::incident
