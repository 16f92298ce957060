-- Every notification obligation of the current tenant's incident $1, by due time and id.
SELECT * FROM notification_rows
WHERE incident_id = $1
ORDER BY due_time, id
