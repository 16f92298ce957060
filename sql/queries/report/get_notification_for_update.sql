-- One notification obligation of the current tenant, locked for a change: $1 the incident id,
-- $2 the id.
SELECT * FROM notification_rows
WHERE (incident_id, id) = (SELECT incident_id, id FROM notifications
                          WHERE incident_id = $1 AND id = $2 FOR UPDATE)
