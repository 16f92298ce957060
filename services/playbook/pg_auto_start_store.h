// What the auto-start consumer reads inside its outbox transaction: an incident's trigger facts
// (the incident service's incidents_v) and the tenant's automatic playbooks in use with their
// current definitions. Functions over the caller's transaction, so the reads, the runs they lead
// to and the consumer's cursor commit together.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "airr/playbook/v1/playbooks.pb.h"
#include "libs/pg/tx.h"
#include "services/playbook/trigger_matcher.h"

namespace airr::playbook {

// An automatic playbook at its current version.
struct AutoStartPlaybook {
  std::string id;
  // The version's definition fields (PlaybookFromDefinitionJson).
  v1::Playbook definition;
};

// The facts of incident `incident_id` of the transaction's tenant, or nullopt when the tenant has
// no such incident. Throws pqxx exceptions. Not thread-safe (one transaction).
std::optional<IncidentFacts> ReadIncidentTriggerFacts(pg::Tx& tx, const std::string& incident_id);

// The tenant's playbooks with auto_start that are not archived, by id, share-locked until the
// transaction ends. INTERNAL when a stored definition does not parse (a corrupt row). Throws pqxx
// exceptions. Not thread-safe (one transaction).
absl::StatusOr<std::vector<AutoStartPlaybook>> ListAutoStartPlaybooks(pg::Tx& tx);

}  // namespace airr::playbook
