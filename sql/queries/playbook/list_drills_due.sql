-- One page of the current tenant's playbooks (not archived) due for a drill at $1 (the server's
-- now): never drilled (due since creation) or whose last completed drill plus the drill interval
-- is not after $1. Ordered by due time and id; $2, $3 the due time and id of the previous page's
-- last row ($2 '' on the first page); $4 the LIMIT.
WITH cadence AS (
  SELECT p.id, p.display_name, p.drill_interval_seconds, d.last_drill_time,
         COALESCE(d.last_drill_time + p.drill_interval_seconds * interval '1 second',
                  p.create_time) AS due_time
  FROM playbooks p
  LEFT JOIN LATERAL (
    SELECT max(r.end_time) AS last_drill_time
    FROM playbook_runs r
    WHERE r.tenant_id = p.tenant_id AND r.playbook_id = p.id
      AND r.kind = 'RUN_KIND_DRILL' AND r.state = 'RUN_STATE_COMPLETED') d ON true
  WHERE p.archive_time IS NULL
)
SELECT id, display_name, drill_interval_seconds,
       (extract(epoch FROM last_drill_time) * 1000000)::bigint AS last_drill_time_us,
       (extract(epoch FROM due_time) * 1000000)::bigint AS due_time_us
FROM cadence
WHERE (last_drill_time IS NULL OR due_time <= $1::timestamptz)
  AND ($2 = '' OR (due_time, id) > (NULLIF($2, '')::timestamptz, $3))
ORDER BY due_time, id
LIMIT $4::bigint
