-- One policy principle of the transaction's tenant, locked for a change.
SELECT id, code, title, description, mapped_principles, version,
       (extract(epoch FROM create_time) * 1000000)::bigint AS create_time_us,
       (extract(epoch FROM update_time) * 1000000)::bigint AS update_time_us,
       (extract(epoch FROM delete_time) * 1000000)::bigint AS delete_time_us
FROM policy_principles
WHERE id = $1
FOR UPDATE
