// The auto-start of runs: the consumer "playbook.auto_start" of the incident outbox starts a run
// of every automatic playbook whose triggers match an incident once the incident is TRIAGED (on
// "incident.triaged" and "incident.reopened"), in the same transaction that moves the consumer's
// cursor, so each event starts its runs once across restarts and replicas (and the one-live-run
// rule of InsertRun keeps a second start of the same playbook for the incident out).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "libs/common/clock.h"
#include "libs/pg/outbox_consumer.h"
#include "libs/pg/outbox_listener.h"
#include "libs/pg/pool.h"
#include "libs/pg/tx.h"

namespace airr::playbook {

// The consumer's name (its cursors in outbox_cursors) and the audit trail's actor and method of
// the runs it starts.
inline constexpr char kAutoStartConsumer[] = "playbook.auto_start";
inline constexpr char kAutoStartActor[] = "airr-playbook auto-start";
inline constexpr char kAutoStartMethod[] = "airr.playbook.v1.PlaybookService/StartRun (auto-start)";

// The topics it handles: "incident.triaged" and "incident.reopened".
const std::vector<std::string>& AutoStartTopics();

// The handler of the consumer. Thread-safe (no state of its own).
class AutoStarter {
 public:
  // `clock` gives the runs' recording time and must outlive the starter.
  explicit AutoStarter(const Clock& clock) : clock_(clock) {}

  // Handles one event in `tx` (scoped to the event's tenant): unless the incident it names is
  // now TRIAGED, nothing; else, for each automatic playbook in use whose triggers match the
  // incident, starts an AUTOMATIC incident run of its current version, started at the event's
  // time. A playbook that already has a live (not aborted) run for the incident, or that was
  // archived meanwhile, is passed over. Returns OK then; INTERNAL for a corrupt stored
  // definition; throws pqxx exceptions for database failures (the consumer retries the batch).
  absl::Status Handle(pg::Tx& tx, const pg::OutboxRecord& event) const;

 private:
  const Clock& clock_;
};

// The auto-start consumer over `pool`, woken by `listener` (may be null: it then polls every
// second), not yet started. `pool`, `listener` and `clock` must outlive it. Never fails with the
// fixed options; returns Create's status otherwise.
absl::StatusOr<std::unique_ptr<pg::OutboxConsumer>> NewAutoStartConsumer(
    pg::ConnectionPool& pool, pg::OutboxListener* listener, const Clock& clock);

}  // namespace airr::playbook
