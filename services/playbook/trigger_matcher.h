// Whether an incident matches a playbook's triggers: the one definition used by the auto-start
// consumer (and by anything that explains why a playbook applies). Pure; no database.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "airr/playbook/v1/playbooks.pb.h"

namespace airr::playbook {

// What the triggers look at, as the incident service publishes it (incidents_v); the enums are
// their proto names, e.g. "SEVERITY_SEV1".
struct IncidentFacts {
  std::string id;
  std::string state;
  std::string severity;
  std::string kind;
  std::vector<std::string> harm_types;
  std::string ai_system_id;
  std::map<std::string, std::string> labels;
};

// True when every non-empty criterion of `triggers` matches `incident` (see PlaybookTriggers).
// Says nothing about auto_start or bcp. Thread-safe.
bool TriggersMatch(const v1::PlaybookTriggers& triggers, const IncidentFacts& incident);

// True when `triggers` has at least one criterion (an automatic playbook needs one).
bool HasTriggerCriterion(const v1::PlaybookTriggers& triggers);

}  // namespace airr::playbook
