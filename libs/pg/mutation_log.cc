#include "libs/pg/mutation_log.h"

#include <pqxx/pqxx>

#include "airr/sql/queries.h"

namespace airr::pg {

void RecordMutation(Tx& tx, const Mutation& m) {
  tx.exec_prepared0(sql::kAppendAudit, m.actor, m.rpc, m.resource_name, m.before_json, m.after_json,
                    m.request_id);
  if (!m.event_topic.empty()) {
    tx.exec_prepared0(sql::kAppendOutboxEvent, m.event_topic, m.resource_name,
                      m.after_json.empty() ? m.before_json : m.after_json);
  }
}

}  // namespace airr::pg
