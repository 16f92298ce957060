#include "libs/pg/mutation_log.h"

#include <pqxx/pqxx>

#include "airr/sql/queries.h"
#include "libs/pg/rows.h"

namespace airr::pg {

Mutation MutationFor(const RequestScope& request, const std::string& resource_name,
                     const std::string& topic) {
  Mutation m;
  m.actor = request.actor;
  m.rpc = request.method;
  m.resource_name = resource_name;
  m.request_id = request.request_id;
  m.event_topic = topic;
  return m;
}

void RecordChange(Tx& tx, const RequestScope& request, const std::string& resource_name,
                  const std::string& topic, const google::protobuf::Message* before,
                  const google::protobuf::Message& after, const std::string& request_id) {
  Mutation m = MutationFor(request, resource_name, topic);
  if (before != nullptr) {
    m.before_json = MessageToJson(*before);
  }
  m.after_json = MessageToJson(after);
  if (!request_id.empty()) {
    m.request_id = request_id;
  }
  RecordMutation(tx, m);
}

void RecordMutation(Tx& tx, const Mutation& m) {
  tx.exec_prepared0(sql::kAppendAudit, m.actor, m.rpc, m.resource_name, m.before_json, m.after_json,
                    m.request_id);
  if (!m.event_topic.empty()) {
    tx.exec_prepared0(sql::kAppendOutboxEvent, m.event_topic, m.resource_name,
                      m.after_json.empty() ? m.before_json : m.after_json);
  }
}

void AppendEvents(Tx& tx, const std::vector<OutboxEvent>& events) {
  if (events.empty()) {
    return;
  }
  std::vector<std::string> topics, names, payloads;
  for (const auto& e : events) {
    topics.push_back(e.topic);
    names.push_back(e.resource_name);
    payloads.push_back(e.payload_json);
  }
  tx.exec_prepared0(sql::kAppendOutboxEvents, ToTextArray(topics), ToTextArray(names),
                    ToTextArray(payloads));
}

}  // namespace airr::pg
