-- One mitigation of the current tenant ($1 the incident id, $2 the id), locked until the
-- transaction ends.
SELECT incident_id, id, COALESCE(violation_id, '') AS violation_id, kind, title, description,
       owner, state, completed_by, completed_by_id, completion_note, verifier, verifier_id,
       verification_method, cancel_reason, version,
       (extract(epoch FROM due_time) * 1000000)::bigint AS due_time_us,
       (extract(epoch FROM begin_time) * 1000000)::bigint AS begin_time_us,
       (extract(epoch FROM complete_time) * 1000000)::bigint AS complete_time_us,
       (extract(epoch FROM verify_time) * 1000000)::bigint AS verify_time_us,
       (extract(epoch FROM cancel_time) * 1000000)::bigint AS cancel_time_us,
       (extract(epoch FROM create_time) * 1000000)::bigint AS create_time_us,
       (extract(epoch FROM update_time) * 1000000)::bigint AS update_time_us
FROM mitigations
WHERE incident_id = $1 AND id = $2
FOR UPDATE
