-- One mitigation of the current tenant ($1 the incident id, $2 the id), locked until the
-- transaction ends.
SELECT * FROM mitigation_rows
WHERE (incident_id, id) = (SELECT incident_id, id FROM mitigations
                          WHERE incident_id = $1 AND id = $2 FOR UPDATE)
