-- The run of playbook $1 on incident $2 that was not aborted, if any (at most one exists).
SELECT id FROM run_rows
WHERE playbook_id = $1 AND incident_id = $2 AND state <> 'RUN_STATE_ABORTED'
