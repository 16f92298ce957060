#include "services/playbook/auto_starter.h"

#include <utility>

#include "libs/api/resource_name.h"
#include "libs/common/request_scope.h"
#include "libs/common/status_macros.h"
#include "libs/common/uuid.h"
#include "services/playbook/pg_auto_start_store.h"
#include "services/playbook/pg_run_insert.h"
#include "services/playbook/resource_names.h"
#include "services/playbook/trigger_matcher.h"

namespace airr::playbook {
namespace {

// The incident states in which a response is under way: a matching playbook starts.
bool Responding(const std::string& state) {
  return state == "STATE_TRIAGED" || state == "STATE_MITIGATING";
}

// InsertRun's answers that mean "this playbook starts no run for this incident now": a live run
// exists (ALREADY_EXISTS), the playbook was archived (FAILED_PRECONDITION) or is gone
// (NOT_FOUND), the incident is gone (INVALID_ARGUMENT). Database failures are thrown instead.
bool IsExpectedRefusal(const absl::Status& status) {
  switch (status.code()) {
    case absl::StatusCode::kAlreadyExists:
    case absl::StatusCode::kFailedPrecondition:
    case absl::StatusCode::kNotFound:
    case absl::StatusCode::kInvalidArgument:
      return true;
    default:
      return false;
  }
}

}  // namespace

const std::vector<std::string>& AutoStartTopics() {
  static const auto* topics = new std::vector<std::string>{"incident.triaged", "incident.reopened"};
  return *topics;
}

absl::Status AutoStarter::Handle(pg::Tx& tx, const pg::OutboxRecord& event) const {
  const absl::StatusOr<std::string> incident_id =
      api::ParseResourceName(event.resource_name, kIncidentCollection, "resource_name");
  if (!incident_id.ok()) {
    return absl::OkStatus();  // not an incident's event; nothing to start
  }
  // The incident as it is now: an event handled late still starts the response of an incident
  // being triaged or mitigated, but not of one that has moved on (resolved, closed, rejected,
  // merged) since.
  const std::optional<IncidentFacts> incident = ReadIncidentTriggerFacts(tx, *incident_id);
  if (!incident || !Responding(incident->state)) {
    return absl::OkStatus();
  }
  AIRR_ASSIGN_OR_RETURN(const std::vector<AutoStartPlaybook> playbooks, ListAutoStartPlaybooks(tx));
  RequestScope scope;
  scope.tenant_id = event.tenant_id;
  scope.actor = kAutoStartActor;
  scope.method = kAutoStartMethod;
  for (const AutoStartPlaybook& playbook : playbooks) {
    const v1::PlaybookTriggers& triggers = playbook.definition.triggers();
    // An automatic playbook without a criterion would answer every incident; the validator
    // refuses it, and this keeps a row written otherwise from doing so.
    if (!HasTriggerCriterion(triggers) || !TriggersMatch(triggers, *incident)) {
      continue;
    }
    RunStart start;
    start.playbook_id = playbook.id;
    start.run_id = NewRandomUuid();
    start.kind = v1::RUN_KIND_INCIDENT;
    start.incident_id = incident->id;
    start.start_mode = v1::START_MODE_AUTOMATIC;
    start.start_time = event.create_time;
    start.now = clock_.Now();
    const absl::StatusOr<v1::Run> run = InsertRun(tx, scope, start);
    if (!run.ok() && !IsExpectedRefusal(run.status())) {
      return run.status();
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<std::unique_ptr<pg::OutboxConsumer>> NewAutoStartConsumer(
    pg::ConnectionPool& pool, pg::OutboxListener* listener, const Clock& clock) {
  pg::OutboxConsumerOptions options;
  options.name = kAutoStartConsumer;
  options.topics = AutoStartTopics();
  // Each event may start several runs (steps, timeline, audit rows): keep transactions short.
  options.batch_size = 50;
  AutoStarter starter(clock);
  return pg::OutboxConsumer::Create(
      pool, listener, std::move(options),
      [starter](pg::Tx& tx, const pg::OutboxRecord& event) { return starter.Handle(tx, event); });
}

}  // namespace airr::playbook
