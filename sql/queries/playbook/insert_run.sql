-- Creates an ACTIVE run for the current tenant. $1 the playbook id, $2 the run id, $3 the
-- playbook version, $4 the kind, $5 the incident id ('' for drills), $6 the start mode, $7 the
-- drill as JSON ('' for incident runs), $8 bcp, $9 the start time, $10 who started it, $11 the
-- request id ('' = none), $12 now (create and update time). Returns nothing when a unique rule
-- refuses it (the request id was used, the incident already has a live run of the playbook, or
-- the id is taken), so the caller's transaction goes on.
INSERT INTO playbook_runs (
  playbook_id, id, playbook_version, kind, incident_id, start_mode, state, drill, bcp,
  start_time, started_by, create_request_id, create_time, update_time)
VALUES ($1, $2, $3::integer, $4, NULLIF($5, ''), $6, 'RUN_STATE_ACTIVE', NULLIF($7, '')::jsonb,
        $8::boolean, $9::timestamptz, $10, NULLIF($11, '')::uuid, $12::timestamptz,
        $12::timestamptz)
ON CONFLICT DO NOTHING
RETURNING id
