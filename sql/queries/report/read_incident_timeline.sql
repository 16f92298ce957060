-- An incident's whole timeline, in order (the incident report).
SELECT seq, type, actor, text, from_state, to_state,
       (extract(epoch FROM occur_time) * 1000000)::bigint AS occur_time_us
FROM incident_timeline_events_v
WHERE incident_id = $1
ORDER BY seq
