#include "services/playbook/pg_auto_start_store.h"

#include <pqxx/pqxx>

#include "airr/sql/queries.h"
#include "google/protobuf/map.h"
#include "libs/common/status_macros.h"
#include "libs/pg/rows.h"
#include "services/playbook/playbook_json.h"

namespace airr::playbook {

std::optional<IncidentFacts> ReadIncidentTriggerFacts(pg::Tx& tx, const std::string& incident_id) {
  const pqxx::result rows = tx.exec_prepared(sql::kReadIncidentTriggerFacts, incident_id);
  if (rows.empty()) {
    return std::nullopt;
  }
  const pqxx::row& row = rows[0];
  IncidentFacts facts;
  facts.id = row["id"].c_str();
  facts.state = row["state"].c_str();
  facts.severity = row["severity"].c_str();
  facts.kind = row["kind"].c_str();
  facts.harm_types = pg::FromTextArray(row["harm_types"]);
  facts.ai_system_id = row["ai_system_id"].c_str();
  google::protobuf::Map<std::string, std::string> labels;
  pg::LabelsFromJson(row["labels"], &labels);
  facts.labels.insert(labels.begin(), labels.end());
  return facts;
}

absl::StatusOr<std::vector<AutoStartPlaybook>> ListAutoStartPlaybooks(pg::Tx& tx) {
  std::vector<AutoStartPlaybook> playbooks;
  tx.exec_prepared(sql::kLockAutoStartPlaybooks);
  for (const pqxx::row& row : tx.exec_prepared(sql::kListAutoStartPlaybooks)) {
    AutoStartPlaybook& p = playbooks.emplace_back();
    p.id = row["id"].c_str();
    AIRR_ASSIGN_OR_RETURN(p.definition, PlaybookFromDefinitionJson(row["definition"].c_str()));
  }
  return playbooks;
}

}  // namespace airr::playbook
