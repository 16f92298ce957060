-- The incidents with the ids in $1, in id order.
SELECT * FROM incident_rows WHERE id = ANY($1::text[]) ORDER BY id
