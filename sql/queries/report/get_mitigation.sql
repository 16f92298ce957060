-- One mitigation of the current tenant: $1 the incident id, $2 the id.
SELECT * FROM mitigation_rows
WHERE incident_id = $1 AND id = $2
