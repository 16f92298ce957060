-- The timeline of one run ($1 the playbook id, $2 the run id) in recording order.
SELECT * FROM run_event_rows WHERE playbook_id = $1 AND run_id = $2 ORDER BY seq
