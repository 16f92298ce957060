// Mitigations of incidents. The gRPC adapter talks only to this interface; PgMitigationStore
// implements it over PostgreSQL. Every mutation writes a chained audit row and an outbox event in
// the same transaction.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "airr/report/v1/report_service.pb.h"
#include "libs/api/page_cursor.h"
#include "libs/common/request_scope.h"
#include "services/report/mitigation_lifecycle.h"

namespace airr::report {

// One page of mitigations to read, ordered by due_time, incident id and id.
struct MitigationPageQuery {
  // The incident whose mitigations are listed; "" for every incident of the tenant.
  std::string incident_id;
  // Only these states; all when empty.
  std::vector<v1::MitigationState> states;
  // Only this owner; all when empty.
  std::string owner;
  // Only PLANNED or IN_PROGRESS mitigations due before `now`.
  bool overdue_only = false;
  absl::Time now;
  // The page starts after this cursor, as the store returned it in MitigationPage::next.
  std::optional<api::PageCursor> after;
  int page_size = 100;
};

struct MitigationPage {
  // Without `overdue`, which the adapter computes against its clock.
  std::vector<v1::Mitigation> mitigations;
  std::optional<api::PageCursor> next;  // set when more mitigations follow
};

// Thread-safe.
class MitigationStore {
 public:
  virtual ~MitigationStore() = default;

  // Stores a validated `mitigation` as PLANNED under incident `incident_id` with id `id` (the
  // adapter picks a UUID when the caller did not); the violation, when named, must have been
  // checked to belong to the same incident (ValidateMitigation). With a non-empty `request_id`, a
  // mitigation created earlier by the same request id is returned instead and nothing is written.
  // NOT_FOUND (IncidentNotFound) when the tenant has no such incident; INVALID_ARGUMENT on
  // "mitigation.violation" when the incident has no such violation; ALREADY_EXISTS when the id is
  // taken.
  virtual absl::StatusOr<v1::Mitigation> Create(const RequestScope& scope,
                                                const std::string& incident_id,
                                                const v1::Mitigation& mitigation,
                                                const std::string& id,
                                                const std::string& request_id) = 0;

  // NOT_FOUND when the tenant has no such mitigation.
  virtual absl::StatusOr<v1::Mitigation> Get(const RequestScope& scope,
                                             const std::string& incident_id,
                                             const std::string& id) = 0;

  // NOT_FOUND (IncidentNotFound) when `query.incident_id` is set and the tenant has no such
  // incident.
  virtual absl::StatusOr<MitigationPage> List(const RequestScope& scope,
                                              const MitigationPageQuery& query) = 0;

  // Locks the mitigation, lets `change` modify it and return the outbox topic, and stores the
  // result with its audit row and event. `change` returns a non-OK status to refuse (nothing is
  // written). NOT_FOUND; ABORTED when `expected_version` is set and stale; INVALID_ARGUMENT on
  // "mitigation.violation" when the changed mitigation names a violation the incident does not
  // have.
  virtual absl::StatusOr<v1::Mitigation> Mutate(
      const RequestScope& scope, const std::string& incident_id, const std::string& id,
      std::optional<int64_t> expected_version,
      const std::function<absl::StatusOr<std::string>(MitigationRecord&)>& change) = 0;
};

}  // namespace airr::report
