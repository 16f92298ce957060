// Records a mutation inside its own transaction: the chained audit row every mutation must leave,
// and the outbox event other services react to. Call it from a store, in the same transaction
// as the change, so neither can exist without the other.
#pragma once

#include <string>
#include <vector>

#include "google/protobuf/message.h"
#include "libs/pg/tx.h"

namespace airr::pg {

struct Mutation {
  // Who did it: the principal's name and id, e.g. "alice (3f2a...)".
  std::string actor;
  // The RPC, e.g. "airr.inventory.v1.InventoryService/CreateAiSystem".
  std::string rpc;
  // The resource changed, e.g. "aiSystems/support-bot".
  std::string resource_name;
  // The resource as JSON before and after the change; empty when it did not exist.
  std::string before_json;
  std::string after_json;
  // The caller's request id, if any.
  std::string request_id;
  // When non-empty, an outbox event with this topic (e.g. "ai_system.created") carrying
  // `after_json` (or `before_json` when there is no after) is appended too.
  std::string event_topic;
};

// A mutation by the caller of `request` on `resource_name`, with an event of `topic` ("" for
// none); the JSON images are left for the caller to fill in.
Mutation MutationFor(const RequestScope& request, const std::string& resource_name,
                     const std::string& topic);

// Records that the caller of `request` changed the resource `resource_name`: the audit row with
// the resource as JSON before (nullptr when it did not exist) and after, and an outbox event of
// `topic` carrying the after image. `request_id` overrides the request's id when not empty (the
// idempotency key of a create). Throws pqxx exceptions. Not thread-safe (one transaction).
void RecordChange(Tx& tx, const RequestScope& request, const std::string& resource_name,
                  const std::string& topic, const google::protobuf::Message* before,
                  const google::protobuf::Message& after, const std::string& request_id = "");

// Appends the audit row (and event) for the transaction's tenant. Throws pqxx exceptions, which
// RunInTx translates. Not thread-safe (one transaction).
void RecordMutation(Tx& tx, const Mutation& mutation);

// One outbox event of a mutation that changes several resources at once.
struct OutboxEvent {
  std::string topic;
  std::string resource_name;
  std::string payload_json;
};

// Appends the events in one statement, in order. Call it after the mutation's audit row
// (RecordMutation), whose per-tenant chain lock makes outbox ids follow commit order (ADR 0007).
// Throws pqxx exceptions. Not thread-safe (one transaction).
void AppendEvents(Tx& tx, const std::vector<OutboxEvent>& events);

}  // namespace airr::pg
