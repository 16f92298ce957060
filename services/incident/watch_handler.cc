// IncidentService.WatchIncidents: follows the tenant's incident events in the outbox by cursor,
// woken by the process's OutboxListener, with heartbeats while idle.
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "libs/api/timestamps.h"
#include "libs/common/errors.h"
#include "libs/common/status_macros.h"
#include "libs/pg/rows.h"
#include "services/incident/incident_grpc_service.h"

namespace airr::incident {
namespace {

constexpr int kReadLimit = 256;
constexpr absl::Duration kHeartbeatInterval = absl::Seconds(15);
// How often a waiting stream checks whether its client went away.
constexpr absl::Duration kCancelCheckInterval = absl::Seconds(1);
// Each read of the outbox gets its own deadline: the stream itself may have none.
constexpr absl::Duration kReadTimeout = absl::Seconds(10);

absl::StatusOr<int64_t> ParseCursor(const std::string& cursor) {
  int64_t value = 0;
  if (!absl::SimpleAtoi(cursor, &value) || value < 0 || absl::StrCat(value) != cursor) {
    return InvalidField("cursor", "must be a cursor from a previous WatchIncidents message");
  }
  return value;
}

// The stream message for one outbox event; the change type is named by the topic
// ("incident.mitigation_started" -> CHANGE_TYPE_MITIGATION_STARTED).
v1::WatchIncidentsResponse ToMessage(const FeedEvent& event) {
  v1::WatchIncidentsResponse message;
  message.set_cursor(absl::StrCat(event.cursor));
  *message.mutable_change_time() = api::TimestampFromTime(event.time);
  const std::string type_name = absl::StrCat(
      "CHANGE_TYPE_", absl::AsciiStrToUpper(absl::StripPrefix(event.topic, "incident.")));
  v1::ChangeType type = v1::CHANGE_TYPE_UNSPECIFIED;
  v1::ChangeType_Parse(type_name, &type);
  message.set_change_type(type);
  if (type == v1::CHANGE_TYPE_TIMELINE_EVENT_ADDED) {
    pg::MessageFromJson(event.payload_json, message.mutable_timeline_event());
    const std::string& name = event.resource_name;
    message.set_incident_name(name.substr(0, name.find("/timelineEvents/")));
  } else {
    pg::MessageFromJson(event.payload_json, message.mutable_incident());
    message.set_incident_name(event.resource_name);
  }
  return message;
}

}  // namespace

grpc::Status IncidentGrpcService::WatchIncidents(
    grpc::ServerContext* context, const v1::WatchIncidentsRequest* request,
    grpc::ServerWriter<v1::WatchIncidentsResponse>* writer) {
  return d_.edge.Run(
      context, IncidentMethod("WatchIncidents"), auth::Permission::kRead,
      [&](const grpcutil::Call& call) -> absl::Status {
        AIRR_ASSIGN_OR_RETURN(grpcutil::StreamSlots::Slot slot, d_.streams.Acquire());
        RequestScope scope = call.scope;
        auto fresh_scope = [&] {
          scope.deadline = d_.clock.Now() + kReadTimeout;
          return scope;
        };
        int64_t cursor = 0;
        if (request->cursor().empty()) {
          AIRR_ASSIGN_OR_RETURN(cursor, d_.feed.Head(fresh_scope()));
        } else {
          AIRR_ASSIGN_OR_RETURN(cursor, ParseCursor(request->cursor()));
        }
        auto heartbeat = [&] {
          v1::WatchIncidentsResponse message;
          message.set_cursor(absl::StrCat(cursor));
          message.set_change_type(v1::CHANGE_TYPE_HEARTBEAT);
          *message.mutable_change_time() = api::TimestampFromTime(d_.clock.Now());
          return writer->Write(message);
        };
        if (!heartbeat()) {
          return absl::CancelledError("the client went away");
        }
        absl::Time last_sent = d_.clock.Now();
        while (true) {
          if (context->IsCancelled()) {
            return absl::CancelledError("the client went away");
          }
          if (d_.outbox.stopped()) {
            return ErrorWithReason(absl::StatusCode::kUnavailable,
                                   "the server is shutting down; resume from your last cursor",
                                   "SHUTTING_DOWN");
          }
          const uint64_t generation = d_.outbox.generation();
          AIRR_ASSIGN_OR_RETURN(std::vector<FeedEvent> events,
                                d_.feed.ReadAfter(fresh_scope(), cursor, kReadLimit));
          for (const FeedEvent& event : events) {
            if (!writer->Write(ToMessage(event))) {
              return absl::CancelledError("the client went away");
            }
            cursor = event.cursor;
          }
          const absl::Time now = d_.clock.Now();
          if (!events.empty()) {
            last_sent = now;
            if (events.size() == kReadLimit) {
              continue;  // more may be waiting already
            }
          } else if (now - last_sent >= kHeartbeatInterval) {
            if (!heartbeat()) {
              return absl::CancelledError("the client went away");
            }
            last_sent = now;
          }
          d_.outbox.WaitForChange(
              generation, std::min(now + kCancelCheckInterval, last_sent + kHeartbeatInterval));
        }
      });
}

}  // namespace airr::incident
