-- One violation of the transaction's tenant: incident $1, id $2.
SELECT * FROM violation_rows
WHERE incident_id = $1 AND id = $2
