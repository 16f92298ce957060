// The incident service's domain operations on stored incidents and their timelines. The gRPC
// adapter talks only to this interface; PgIncidentStore implements it over PostgreSQL. Every
// mutation appends a timeline event, a chained audit row and an outbox event in the same
// transaction as the change.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "airr/incident/v1/incident_service.pb.h"
#include "libs/api/filter.h"
#include "libs/api/order_by.h"
#include "libs/api/page_cursor.h"
#include "libs/common/request_scope.h"
#include "services/incident/incident_lifecycle.h"

namespace airr::incident {

// One page of incidents to read: a translated filter (its parameters numbered from
// kFirstFilterParam), the order, and the cursor after which the page starts.
struct IncidentPageQuery {
  static constexpr int kFirstFilterParam = 2;
  api::SqlClause filter;
  api::OrderBy order;
  std::optional<api::PageCursor> after;
  int page_size = 50;
};

struct IncidentPage {
  std::vector<v1::Incident> incidents;
  std::optional<api::PageCursor> next;  // set when more incidents follow
};

struct TimelinePage {
  std::vector<v1::TimelineEvent> events;
  std::optional<int64_t> next_after;  // the last event number, when more events follow
};

// Thread-safe.
class IncidentStore {
 public:
  virtual ~IncidentStore() = default;

  // Stores a validated incident (defaults applied) under `id` ("" = a new UUID) with a CREATED
  // timeline event. With a non-empty `request_id`, an incident created earlier by the same request
  // id is returned instead and nothing is written. INVALID_ARGUMENT on "incident.ai_system" when
  // the tenant has no such AI system; ALREADY_EXISTS when the id is taken.
  virtual absl::StatusOr<v1::Incident> Create(const RequestScope& scope,
                                              const v1::Incident& incident, const std::string& id,
                                              const std::string& request_id) = 0;

  // NOT_FOUND when the tenant has no incident with this id.
  virtual absl::StatusOr<v1::Incident> Get(const RequestScope& scope, const std::string& id) = 0;

  virtual absl::StatusOr<IncidentPage> List(const RequestScope& scope,
                                            const IncidentPageQuery& query) = 0;

  // Locks the incident, lets `change` modify it and say what to record, and stores the result.
  // `change` returns a non-OK status to refuse (nothing is written). NOT_FOUND; ABORTED when
  // `expected_version` is set and stale; INVALID_ARGUMENT on "incident.ai_system" when the
  // changed incident names an AI system the tenant does not have.
  virtual absl::StatusOr<v1::Incident> Mutate(
      const RequestScope& scope, const std::string& id, std::optional<int64_t> expected_version,
      const std::function<absl::StatusOr<IncidentChange>(v1::Incident&)>& change) = 0;

  // Locks both incidents (in a fixed order, so concurrent merges cannot deadlock) and lets
  // `change` modify the merged one and the survivor; stores both with their events. Returns the
  // merged incident. NOT_FOUND for either; ABORTED when `expected_version` (of the merged one) is
  // stale.
  virtual absl::StatusOr<v1::Incident> Merge(
      const RequestScope& scope, const std::string& id, const std::string& into_id,
      std::optional<int64_t> expected_version,
      const std::function<absl::StatusOr<std::pair<IncidentChange, IncidentChange>>(
          v1::Incident& merged, v1::Incident& survivor)>& change) = 0;

  // Appends a caller's event to the incident's timeline. NOT_FOUND.
  virtual absl::StatusOr<v1::TimelineEvent> AddTimelineEvent(const RequestScope& scope,
                                                             const std::string& id,
                                                             const v1::TimelineEvent& event) = 0;

  // Up to `page_size` events numbered after `after`, in order. NOT_FOUND.
  virtual absl::StatusOr<TimelinePage> ListTimelineEvents(const RequestScope& scope,
                                                          const std::string& id, int64_t after,
                                                          int page_size) = 0;
};

}  // namespace airr::incident
