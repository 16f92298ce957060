-- One violation of the transaction's tenant (incident $1, id $2), locked for a change.
SELECT incident_id, id, principle_id, rationale, evidence_refs, confidence, suggestion_rule_id,
       state, assessor, assessor_id, confirmer, confirmer_id, confirm_note, unlinked_by,
       unlink_reason, version,
       (extract(epoch FROM assess_time) * 1000000)::bigint AS assess_time_us,
       (extract(epoch FROM confirm_time) * 1000000)::bigint AS confirm_time_us,
       (extract(epoch FROM unlink_time) * 1000000)::bigint AS unlink_time_us,
       (extract(epoch FROM create_time) * 1000000)::bigint AS create_time_us,
       (extract(epoch FROM update_time) * 1000000)::bigint AS update_time_us
FROM violations
WHERE incident_id = $1 AND id = $2
FOR UPDATE
