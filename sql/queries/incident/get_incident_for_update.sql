-- One incident of the current tenant; its row stays locked until the transaction ends.
SELECT * FROM incident_rows
WHERE id = (SELECT id FROM incidents WHERE id = $1 FOR UPDATE)
