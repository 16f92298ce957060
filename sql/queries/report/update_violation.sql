-- Writes a violation's state change (incident $1, id $2): state $3, confirmer $4 / $5, confirm
-- time $6 ('' for none), note $7, unlinked by $8, unlink time $9 ('' for none), reason $10; bumps
-- the version.
UPDATE violations
SET state = $3, confirmer = $4, confirmer_id = $5, confirm_time = NULLIF($6, '')::timestamptz,
    confirm_note = $7, unlinked_by = $8, unlink_time = NULLIF($9, '')::timestamptz,
    unlink_reason = $10, version = version + 1, update_time = now()
WHERE incident_id = $1 AND id = $2
