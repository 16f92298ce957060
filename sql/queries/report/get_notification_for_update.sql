-- One notification obligation of the current tenant, locked for a change: $1 the incident id,
-- $2 the id.
SELECT incident_id, id, rule_id, rule_version, regime, title, citation, stage, recipient_type,
       recipient, channel, clock_start, provisional, statutory_deadline, state, not_required_reason,
       waived, sent_by, content_ref, evidence_refs, late_reason, recipient_reference, version,
       (extract(epoch FROM clock_start_time) * 1000000)::bigint AS clock_start_time_us,
       (extract(epoch FROM due_time) * 1000000)::bigint AS due_time_us,
       (extract(epoch FROM target_time) * 1000000)::bigint AS target_time_us,
       (extract(epoch FROM sent_time) * 1000000)::bigint AS sent_time_us,
       (extract(epoch FROM ack_time) * 1000000)::bigint AS ack_time_us,
       (extract(epoch FROM evaluate_time) * 1000000)::bigint AS evaluate_time_us,
       (extract(epoch FROM create_time) * 1000000)::bigint AS create_time_us,
       (extract(epoch FROM update_time) * 1000000)::bigint AS update_time_us
FROM notifications
WHERE incident_id = $1 AND id = $2
FOR UPDATE
