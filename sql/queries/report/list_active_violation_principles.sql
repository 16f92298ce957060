-- Incident $1's active (not unlinked) violations: their catalog entries and ids.
SELECT principle_id, id FROM violations
WHERE incident_id = $1 AND state <> 'VIOLATION_STATE_UNLINKED'
