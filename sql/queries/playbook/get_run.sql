-- One run of the current tenant ($1 the playbook id, $2 the run id), without its steps.
SELECT * FROM run_rows WHERE playbook_id = $1 AND id = $2
