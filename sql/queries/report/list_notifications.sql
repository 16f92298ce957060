-- One page of the current tenant's notification obligations by due time, incident id and id.
-- $1 the incident id ('' = every incident); $2 only those due before it ('' = no bound); $3 the
-- stored states to keep (text[]); $4 also keep PENDING ones due at or after $6 (the server's
-- now); $5 also keep PENDING ones due before $6 (derived OVERDUE); $3 empty with $4 and $5
-- false keeps everything ($7 true); $8, $9, $10 the due time (epoch microseconds), incident id
-- and id of the previous page's last row ($8 '' on the first page); $11 the LIMIT.
SELECT * FROM notification_rows
WHERE ($1 = '' OR incident_id = $1)
  AND ($2 = '' OR due_time < NULLIF($2, '')::timestamptz)
  AND ($7::boolean
       OR state = ANY ($3::text[])
       OR ($4::boolean AND state = 'NOTIFICATION_STATE_PENDING' AND due_time >= $6::timestamptz)
       OR ($5::boolean AND state = 'NOTIFICATION_STATE_PENDING' AND due_time < $6::timestamptz))
  AND ($8 = '' OR (due_time, incident_id, id) >
                  (to_timestamp(0) + NULLIF($8, '')::bigint * interval '1 microsecond', $9, $10))
ORDER BY due_time, incident_id, id
LIMIT $11::bigint
