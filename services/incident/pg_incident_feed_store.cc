#include "services/incident/pg_incident_feed_store.h"

#include <pqxx/pqxx>

#include "airr/sql/queries.h"
#include "libs/common/status_macros.h"
#include "libs/pg/tx.h"

namespace airr::incident {

absl::StatusOr<int64_t> PgIncidentFeedStore::Head(const RequestScope& scope) {
  int64_t head = 0;
  AIRR_RETURN_IF_ERROR(pg::RunInTx(pool_, pg::TxScopeOf(scope), [&](pg::Tx& tx) {
    head = tx.exec_prepared1(sql::kIncidentFeedHead)[0].as<int64_t>();
    return absl::OkStatus();
  }));
  return head;
}

absl::StatusOr<std::vector<FeedEvent>> PgIncidentFeedStore::ReadAfter(const RequestScope& scope,
                                                                      int64_t cursor, int limit) {
  std::vector<FeedEvent> events;
  AIRR_RETURN_IF_ERROR(pg::RunInTx(pool_, pg::TxScopeOf(scope), [&](pg::Tx& tx) {
    for (const auto& row : tx.exec_prepared(sql::kReadIncidentFeed, cursor, limit)) {
      FeedEvent& e = events.emplace_back();
      e.cursor = row["id"].as<int64_t>();
      e.topic = row["topic"].c_str();
      e.resource_name = row["resource_name"].c_str();
      e.payload_json = row["payload"].c_str();
      e.time = absl::FromUnixMicros(row["create_time_us"].as<int64_t>());
    }
    return absl::OkStatus();
  }));
  return events;
}

}  // namespace airr::incident
