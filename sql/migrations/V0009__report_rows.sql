-- V0009: the rows of the report service's tables as its stores read them: the API's columns, the
-- timestamps as epoch microseconds, and the raw columns the queries filter and page on. Get, list
-- and lock queries select from these views, so each column list exists once (as ai_system_rows
-- and incident_rows do for their services).
-- Owner: report service.

CREATE VIEW violation_rows WITH (security_invoker = true) AS
  SELECT incident_id, id, principle_id, rationale, evidence_refs, confidence, suggestion_rule_id,
         state, assessor, assessor_id, confirmer, confirmer_id, confirm_note, unlinked_by,
         unlink_reason, version, create_time,
         (extract(epoch FROM assess_time) * 1000000)::bigint AS assess_time_us,
         (extract(epoch FROM confirm_time) * 1000000)::bigint AS confirm_time_us,
         (extract(epoch FROM unlink_time) * 1000000)::bigint AS unlink_time_us,
         (extract(epoch FROM create_time) * 1000000)::bigint AS create_time_us,
         (extract(epoch FROM update_time) * 1000000)::bigint AS update_time_us
  FROM violations;
GRANT SELECT ON violation_rows TO airr_app;

CREATE VIEW mitigation_rows WITH (security_invoker = true) AS
  SELECT incident_id, id, COALESCE(violation_id, '') AS violation_id, kind, title, description,
         owner, state, completed_by, completed_by_id, completion_note, verifier, verifier_id,
         verification_method, cancel_reason, version, due_time, create_request_id,
         (extract(epoch FROM due_time) * 1000000)::bigint AS due_time_us,
         (extract(epoch FROM begin_time) * 1000000)::bigint AS begin_time_us,
         (extract(epoch FROM complete_time) * 1000000)::bigint AS complete_time_us,
         (extract(epoch FROM verify_time) * 1000000)::bigint AS verify_time_us,
         (extract(epoch FROM cancel_time) * 1000000)::bigint AS cancel_time_us,
         (extract(epoch FROM create_time) * 1000000)::bigint AS create_time_us,
         (extract(epoch FROM update_time) * 1000000)::bigint AS update_time_us
  FROM mitigations;
GRANT SELECT ON mitigation_rows TO airr_app;

CREATE VIEW notification_rows WITH (security_invoker = true) AS
  SELECT incident_id, id, rule_id, rule_version, regime, title, citation, stage, recipient_type,
         recipient, channel, clock_start, provisional, statutory_deadline, state,
         not_required_reason, waived, sent_by, content_ref, evidence_refs, late_reason,
         recipient_reference, version, due_time,
         (extract(epoch FROM clock_start_time) * 1000000)::bigint AS clock_start_time_us,
         (extract(epoch FROM due_time) * 1000000)::bigint AS due_time_us,
         (extract(epoch FROM target_time) * 1000000)::bigint AS target_time_us,
         (extract(epoch FROM sent_time) * 1000000)::bigint AS sent_time_us,
         (extract(epoch FROM ack_time) * 1000000)::bigint AS ack_time_us,
         (extract(epoch FROM evaluate_time) * 1000000)::bigint AS evaluate_time_us,
         (extract(epoch FROM create_time) * 1000000)::bigint AS create_time_us,
         (extract(epoch FROM update_time) * 1000000)::bigint AS update_time_us
  FROM notifications;
GRANT SELECT ON notification_rows TO airr_app;

-- Every rule version the tenant sees (seeded and its own, RLS) with the tenant's enabled setting,
-- else the rule's default.
CREATE VIEW notification_rule_rows WITH (security_invoker = true) AS
  SELECT r.owner_key, r.id, r.version, r.regime, r.title, r.citation, r.stage, r.recipient_type,
         r.recipient, r.channel, r.clock_start,
         COALESCE(r.previous_stage_rule, '') AS previous_stage_rule, r.deadline_amount,
         r.deadline_unit, r.target_amount, COALESCE(r.target_unit, '') AS target_unit,
         r.statutory_deadline, r.all_of::text AS all_of, r.any_of::text AS any_of,
         r.precedence_group,
         (extract(epoch FROM r.effective_from) * 1000000)::bigint AS effective_from_us,
         (extract(epoch FROM r.effective_to) * 1000000)::bigint AS effective_to_us,
         r.source, COALESCE(s.enabled, r.default_enabled) AS enabled,
         COALESCE(s.reason, '') AS enabled_reason, r.tenant_id IS NOT NULL AS tenant_defined,
         (extract(epoch FROM r.create_time) * 1000000)::bigint AS create_time_us
  FROM notification_rules r
  LEFT JOIN notification_rule_settings s ON s.rule_id = r.id;
GRANT SELECT ON notification_rule_rows TO airr_app;

CREATE VIEW policy_principle_rows WITH (security_invoker = true) AS
  SELECT id, code, title, description, mapped_principles, version, delete_time,
         (extract(epoch FROM create_time) * 1000000)::bigint AS create_time_us,
         (extract(epoch FROM update_time) * 1000000)::bigint AS update_time_us,
         (extract(epoch FROM delete_time) * 1000000)::bigint AS delete_time_us
  FROM policy_principles;
GRANT SELECT ON policy_principle_rows TO airr_app;
