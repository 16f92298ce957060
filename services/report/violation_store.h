// Incident -> principle violation links and the suggestion rules. The gRPC adapter talks only to
// this interface; PgViolationStore implements it over PostgreSQL. Every mutation writes a chained
// audit row and an outbox event in the same transaction.
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
#include "services/report/violation_lifecycle.h"
#include "services/report/violation_suggester.h"

namespace airr::report {

// A validated link to store in state PROPOSED.
struct NewViolation {
  std::string incident_id;
  std::string id;           // a fresh UUID
  v1::Violation link;       // principle, rationale, evidence_refs, confidence, suggestion_rule
  std::string assessor;     // the caller's audit name
  std::string assessor_id;  // the caller's principal id
  absl::Time assess_time;
};

// One page of violations to read, newest first.
struct ViolationPageQuery {
  // The incident's id; "" for every incident of the tenant.
  std::string incident_id;
  // Only links to this catalog id or, for a common principle, to its sub-items; all when empty.
  std::string principle_id;
  bool show_unlinked = false;
  // (create time in epoch microseconds, "incident/id") of the previous page's last violation.
  std::optional<api::PageCursor> after;
  int page_size = 100;
};

struct ViolationPage {
  std::vector<v1::Violation> violations;
  std::optional<api::PageCursor> next;  // set when more violations follow
};

struct SuggestionRulePage {
  std::vector<v1::SuggestionRule> rules;
  std::optional<std::string> next_after;  // the last rule id, when more rules follow
};

// Thread-safe.
class ViolationStore {
 public:
  virtual ~ViolationStore() = default;

  // Stores the link in state PROPOSED and records the mutation (topic report.violation.linked).
  // INVALID_ARGUMENT on "violation.principle" when the principle is not in the catalog or is a
  // top-level common principle, and on "violation.suggestion_rule" for an unknown rule or one that
  // suggests another principle;
  // NOT_FOUND (IncidentNotFound) when the tenant has no such incident; ALREADY_EXISTS with
  // reason ALREADY_LINKED and metadata `violation` when the incident has an active link to the
  // principle.
  virtual absl::StatusOr<v1::Violation> Link(const RequestScope& scope,
                                             const NewViolation& violation) = 0;

  // NOT_FOUND when the tenant has no such violation.
  virtual absl::StatusOr<v1::Violation> Get(const RequestScope& scope,
                                            const std::string& incident_id,
                                            const std::string& id) = 0;

  // NOT_FOUND (IncidentNotFound) when a single incident is asked for and the tenant has none.
  virtual absl::StatusOr<ViolationPage> List(const RequestScope& scope,
                                             const ViolationPageQuery& query) = 0;

  // Locks the violation, lets `change` modify the record (a non-OK status refuses; nothing is
  // written), stores it and records the mutation with event `topic`. NOT_FOUND; ABORTED when
  // `expected_version` is set and stale.
  virtual absl::StatusOr<v1::Violation> Mutate(
      const RequestScope& scope, const std::string& incident_id, const std::string& id,
      std::optional<int64_t> expected_version, const std::string& topic,
      const std::function<absl::Status(ViolationRecord&)>& change) = 0;

  // One page of the suggestion rules by id, after rule id `after` ("" for the first page).
  virtual absl::StatusOr<SuggestionRulePage> ListSuggestionRules(const RequestScope& scope,
                                                                 const std::string& after,
                                                                 int page_size) = 0;

  // Every rule, the catalog entries they name and the incident's active links, read in one
  // transaction; no links for an incident the tenant does not have (callers read the incident
  // first).
  virtual absl::StatusOr<SuggestionInputs> LoadSuggestionInputs(const RequestScope& scope,
                                                                const std::string& incident_id) = 0;
};

}  // namespace airr::report
