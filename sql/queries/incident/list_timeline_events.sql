-- A page of an incident's timeline after event number $2, at most $3 events.
SELECT seq, type, actor, text, from_state, to_state, attributes,
       (extract(epoch FROM occur_time) * 1000000)::bigint AS occur_time_us,
       (extract(epoch FROM create_time) * 1000000)::bigint AS create_time_us
FROM incident_timeline_events
WHERE incident_id = $1 AND seq > $2::bigint
ORDER BY seq
LIMIT $3::integer
