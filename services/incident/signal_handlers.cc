// IncidentService's signal RPCs: the streaming and unary intake and the per-incident listing.
#include "absl/strings/str_cat.h"
#include "libs/api/page_size.h"
#include "libs/api/page_token.h"
#include "libs/api/query_fingerprint.h"
#include "libs/api/resource_name.h"
#include "libs/common/status_macros.h"
#include "libs/grpcutil/stream_read.h"
#include "services/incident/incident_grpc_service.h"
#include "services/incident/incident_rows.h"
#include "services/incident/signal_validator.h"

namespace airr::incident {
namespace {

constexpr int kDefaultPageSize = 100;
constexpr int kMaxPageSize = 1000;

using auth::Permission;
using grpcutil::Call;

// Validates and commits one batch; appends its acknowledgement.
absl::Status IngestOne(SignalStore& store, const Clock& clock, const RequestScope& scope,
                       const v1::SignalBatch& batch, v1::IngestSignalsResponse* response) {
  AIRR_RETURN_IF_ERROR(ValidateSignalBatch(batch, "batch", clock.Now()));
  AIRR_ASSIGN_OR_RETURN(*response->add_acks(), store.Ingest(scope, batch));
  return absl::OkStatus();
}

}  // namespace

grpc::Status IncidentGrpcService::IngestSignals(
    grpc::ServerContext* context, grpc::ServerReader<v1::IngestSignalsRequest>* reader,
    v1::IngestSignalsResponse* response) {
  return d_.edge.Run(
      context, IncidentMethod("IngestSignals"), Permission::kReportIncident,
      [&](const Call& call) -> absl::Status {
        AIRR_ASSIGN_OR_RETURN(grpcutil::StreamSlots::Slot slot, d_.streams.Acquire());
        v1::IngestSignalsRequest request;
        while (true) {
          AIRR_ASSIGN_OR_RETURN(bool read, grpcutil::ReadRequest(reader, &request));
          if (!read) {
            return absl::OkStatus();
          }
          AIRR_RETURN_IF_ERROR(
              IngestOne(d_.signals, d_.clock, call.scope, request.batch(), response));
        }
      });
}

grpc::Status IncidentGrpcService::IngestSignalBatch(grpc::ServerContext* context,
                                                    const v1::IngestSignalBatchRequest* request,
                                                    v1::IngestSignalsResponse* response) {
  return d_.edge.Run(context, IncidentMethod("IngestSignalBatch"), Permission::kReportIncident,
                     [&](const Call& call) -> absl::Status {
                       return IngestOne(d_.signals, d_.clock, call.scope, request->batch(),
                                        response);
                     });
}

grpc::Status IncidentGrpcService::ListSignals(grpc::ServerContext* context,
                                              const v1::ListSignalsRequest* request,
                                              v1::ListSignalsResponse* response) {
  return d_.edge.Run(
      context, IncidentMethod("ListSignals"), Permission::kRead,
      [&](const Call& call) -> absl::Status {
        AIRR_ASSIGN_OR_RETURN(
            std::string id,
            api::ParseResourceName(request->parent(), kIncidentCollection, "parent"));
        AIRR_ASSIGN_OR_RETURN(int page_size, api::ResolvePageSize(request->page_size(),
                                                                  kDefaultPageSize, kMaxPageSize));
        const std::string fingerprint =
            api::QueryFingerprint({call.scope.tenant_id, "ListSignals", id});
        AIRR_ASSIGN_OR_RETURN(
            int64_t after,
            api::DecodeNumberToken(d_.page_tokens, request->page_token(), fingerprint));
        AIRR_ASSIGN_OR_RETURN(SignalPage page, d_.signals.List(call.scope, id, after, page_size));
        for (auto& signal : page.signals) {
          *response->add_signals() = std::move(signal);
        }
        if (page.next_after) {
          response->set_next_page_token(
              api::EncodeNumberToken(d_.page_tokens, *page.next_after, fingerprint));
        }
        return absl::OkStatus();
      });
}

}  // namespace airr::incident
