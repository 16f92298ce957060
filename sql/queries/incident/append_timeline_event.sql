-- Appends an event to an incident's timeline under the next number. The caller holds the
-- incident's row lock, so numbers have no gaps. $1 incident id, $2 type, $3 occur time ('' =
-- now), $4 actor, $5 text, $6/$7 from/to state, $8 attributes (JSON object).
WITH next AS (
  UPDATE incidents SET timeline_seq = timeline_seq + 1 WHERE id = $1 RETURNING timeline_seq
)
INSERT INTO incident_timeline_events (
  incident_id, seq, type, occur_time, actor, text, from_state, to_state, attributes)
SELECT $1, next.timeline_seq, $2, COALESCE(NULLIF($3, '')::timestamptz, now()), $4, $5, $6, $7,
       $8::jsonb
FROM next
RETURNING seq, (extract(epoch FROM occur_time) * 1000000)::bigint AS occur_time_us,
          (extract(epoch FROM create_time) * 1000000)::bigint AS create_time_us
