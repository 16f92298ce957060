-- Writes the changeable columns of one run ($1 the playbook id, $2 the run id) and bumps its
-- version: $3 the state, $4 the end time ('' = NULL), $5 ended_by, $6 the abort reason, $7 the
-- summary, $8 the evaluation (JSON), $9 the update time.
UPDATE playbook_runs SET
  state = $3, end_time = NULLIF($4, '')::timestamptz, ended_by = $5, abort_reason = $6,
  summary = $7, evaluation = $8::jsonb, version = version + 1, update_time = $9::timestamptz
WHERE playbook_id = $1 AND id = $2
