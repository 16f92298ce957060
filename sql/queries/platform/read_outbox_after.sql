-- The current tenant's outbox events with ids in ($1, $2] whose topic is one of $3, in id
-- (= commit) order, at most $4.
SELECT id, topic, resource_name, payload::text AS payload,
       (extract(epoch FROM create_time) * 1000000)::bigint AS create_time_us
FROM outbox_events
WHERE id > $1::bigint AND id <= $2::bigint AND topic = ANY ($3::text[])
ORDER BY id
LIMIT $4::integer
