-- One violation of the transaction's tenant (incident $1, id $2), locked for a change.
SELECT * FROM violation_rows
WHERE (incident_id, id) = (SELECT incident_id, id FROM violations
                          WHERE incident_id = $1 AND id = $2 FOR UPDATE)
