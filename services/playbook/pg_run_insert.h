// Starting a run inside a caller's transaction: the one way a run comes to exist, shared by
// StartRun/StartDrill (PgRunStore) and the auto-start consumer of the incident outbox, so both
// keep the same rules (current version, archived playbooks, one live run per playbook and
// incident, idempotent request ids).
#pragma once

#include "absl/status/statusor.h"
#include "airr/playbook/v1/runs.pb.h"
#include "libs/common/request_scope.h"
#include "libs/pg/tx.h"
#include "services/playbook/run_start.h"

namespace airr::playbook {

// Inserts the run of the playbook's current version with its steps (copied from the version),
// the STARTED timeline entry, the audit row and the "run.started" outbox event, all in `tx`.
// Expected refusals never abort `tx` (the insert uses ON CONFLICT DO NOTHING and checks come
// first), so a consumer can go on with its batch. Returns the run; with a request id that
// started a run before, that run (nothing written). NOT_FOUND for the playbook;
// FAILED_PRECONDITION (ARCHIVED) for an archived playbook; INVALID_ARGUMENT on "incident" when
// the tenant has no such incident; ALREADY_EXISTS (RUN_EXISTS, metadata `run` = the live run's
// name) when the incident already has a run of the playbook that was not aborted. Throws pqxx
// exceptions for database failures. Not thread-safe (one transaction). Defined in
// pg_run_store.cc, beside the store that uses it.
absl::StatusOr<v1::Run> InsertRun(pg::Tx& tx, const RequestScope& scope, const RunStart& start);

}  // namespace airr::playbook
