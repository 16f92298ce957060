-- One page of the current tenant's mitigations by due time, incident id and id. $1 the incident
-- id ('' = every incident); $2 the states (text[], empty = all); $3 the owner ('' = all); $4 only
-- overdue ones (PLANNED or IN_PROGRESS, due before $5, the server's now); $6, $7, $8 the due time,
-- incident id and id of the previous page's last row ($6 '' on the first page); $9 the LIMIT.
SELECT * FROM mitigation_rows
WHERE ($1 = '' OR incident_id = $1)
  AND (cardinality($2::text[]) = 0 OR state = ANY ($2::text[]))
  AND ($3 = '' OR owner = $3)
  AND (NOT $4::boolean
       OR (state IN ('MITIGATION_STATE_PLANNED', 'MITIGATION_STATE_IN_PROGRESS')
           AND due_time < $5::timestamptz))
  AND ($6 = '' OR (due_time, incident_id, id) > (NULLIF($6, '')::timestamptz, $7, $8))
ORDER BY due_time, incident_id, id
LIMIT $9::bigint
