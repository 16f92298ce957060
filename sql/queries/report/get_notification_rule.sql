-- One version of a notification rule the current tenant sees: $1 the id, $2 the version (0 =
-- the latest).
SELECT r.id, r.version, r.regime, r.title, r.citation, r.stage, r.recipient_type, r.recipient,
       r.channel, r.clock_start, COALESCE(r.previous_stage_rule, '') AS previous_stage_rule,
       r.deadline_amount, r.deadline_unit, r.target_amount, COALESCE(r.target_unit, '') AS target_unit,
       r.statutory_deadline, r.all_of::text AS all_of, r.any_of::text AS any_of, r.precedence_group,
       (extract(epoch FROM r.effective_from) * 1000000)::bigint AS effective_from_us,
       (extract(epoch FROM r.effective_to) * 1000000)::bigint AS effective_to_us,
       r.source, COALESCE(s.enabled, r.default_enabled) AS enabled,
       COALESCE(s.reason, '') AS enabled_reason, r.tenant_id IS NOT NULL AS tenant_defined,
       (extract(epoch FROM r.create_time) * 1000000)::bigint AS create_time_us
FROM notification_rules r
LEFT JOIN notification_rule_settings s ON s.rule_id = r.id
WHERE r.id = $1
  AND (($2::integer = 0 AND r.version = (SELECT max(l.version) FROM notification_rules l
                                          WHERE l.owner_key = r.owner_key AND l.id = r.id))
       OR r.version = $2::integer)
