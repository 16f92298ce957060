-- One page of the current tenant's runs, newest first: by start time, playbook id and run id,
-- all descending. $1 the playbook id ('' = every playbook); $2 the kind ('' = all); $3 the states
-- (text[], empty = all); $4 the incident id ('' = all); $5, $6, $7 the start time, playbook id
-- and run id of the previous page's last row ($5 '' on the first page); $8 the LIMIT.
SELECT * FROM run_rows
WHERE ($1 = '' OR playbook_id = $1)
  AND ($2 = '' OR kind = $2)
  AND (cardinality($3::text[]) = 0 OR state = ANY ($3::text[]))
  AND ($4 = '' OR incident_id = $4)
  AND ($5 = '' OR (start_time, playbook_id, id) < (NULLIF($5, '')::timestamptz, $6, $7))
ORDER BY start_time DESC, playbook_id DESC, id DESC
LIMIT $8::bigint
