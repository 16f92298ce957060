// Runs as the run store reads them: a run_rows row as a v1::Run (without steps), a
// run_step_rows row as a v1::RunStep and a run_event_rows row as a v1::RunEvent (seq, type, time,
// step, actor, title, text; the offset is the report's). No SQL is run here.
#pragma once

#include <cstdint>
#include <pqxx/pqxx>

#include "airr/playbook/v1/runs.pb.h"

namespace airr::playbook {

// The run of a run_rows row with its etag, without steps; `*version` receives the row version.
v1::Run RunFromRow(const pqxx::row& row, int64_t* version);

// The step of a run_step_rows row (definition and progress; derived fields unset).
v1::RunStep RunStepFromRow(const pqxx::row& row);

// The timeline entry of a run_event_rows row.
v1::RunEvent RunEventFromRow(const pqxx::row& row);

}  // namespace airr::playbook
