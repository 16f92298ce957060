-- The id of incident $1's active (not unlinked) violation of catalog entry $2, if any.
SELECT id FROM violations
WHERE incident_id = $1 AND principle_id = $2 AND state <> 'VIOLATION_STATE_UNLINKED'
