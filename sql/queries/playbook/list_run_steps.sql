-- The steps of one run ($1 the playbook id, $2 the run id) in planned order.
SELECT * FROM run_step_rows WHERE playbook_id = $1 AND run_id = $2 ORDER BY ordinal
