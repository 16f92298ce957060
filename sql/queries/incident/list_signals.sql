-- A page of an incident's signals after number $2, at most $3.
SELECT seq, batch_id::text AS batch_id, source, ai_system_id, kind, fingerprint, severity_hint,
       attributes, summary,
       (extract(epoch FROM observe_time) * 1000000)::bigint AS observe_time_us,
       (extract(epoch FROM receive_time) * 1000000)::bigint AS receive_time_us
FROM signals
WHERE incident_id = $1 AND seq > $2::bigint
ORDER BY seq
LIMIT $3::integer
