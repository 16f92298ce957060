-- The current tenant's incident events after outbox id $1, in id (= commit) order, at most $2.
SELECT id, topic, resource_name, payload::text AS payload,
       (extract(epoch FROM create_time) * 1000000)::bigint AS create_time_us
FROM outbox_events
WHERE id > $1::bigint AND topic LIKE 'incident.%'
ORDER BY id
LIMIT $2::integer
