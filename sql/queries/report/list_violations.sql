-- One page of violations, newest first: of incident $1 ('' for every incident of the tenant);
-- of catalog entry $2 or, for a common principle, of any of its sub-items ('' for all); unlinked
-- ones too when $3; after the cursor (create time $4 in epoch microseconds, incident $5, id $6)
-- unless $4 is ''; at most $7 rows.
SELECT * FROM violation_rows
WHERE ($1 = '' OR incident_id = $1)
  AND ($2 = '' OR principle_id IN (SELECT p.id FROM principles p
                                   WHERE p.id = $2 OR p.parent_id = $2))
  AND ($3::boolean OR state <> 'VIOLATION_STATE_UNLINKED')
  AND ($4 = '' OR (create_time, incident_id, id) <
                  ('epoch'::timestamptz + NULLIF($4, '')::bigint * interval '1 microsecond',
                   $5, $6))
ORDER BY create_time DESC, incident_id DESC, id DESC
LIMIT $7::int
