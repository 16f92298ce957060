-- Writes the progress of one step ($1 the playbook id, $2 the run id, $3 the step id): $4 the
-- state, $5 and $6 the start and end times ('' = NULL), $7 started_by, $8 ended_by, $9 the notes,
-- $10 the skip reason, $11 the skip override.
UPDATE run_steps SET
  state = $4, start_time = NULLIF($5, '')::timestamptz, end_time = NULLIF($6, '')::timestamptz,
  started_by = $7, ended_by = $8, notes = $9, skip_reason = $10, skip_override = $11::boolean
WHERE playbook_id = $1 AND run_id = $2 AND step_id = $3
