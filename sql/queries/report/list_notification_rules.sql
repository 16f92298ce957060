-- One page of the notification rules the current tenant sees (seeded and its own, RLS), by id
-- and version, with the tenant's enabled setting (else the rule's default). $1 the regime ('' =
-- all); $2 every version (else only the latest of each rule); $3, $4 the id and version of the
-- previous page's last row ($3 '' on the first page); $5 the LIMIT.
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
WHERE ($1 = '' OR r.regime = $1)
  AND ($2::boolean OR r.version = (SELECT max(l.version) FROM notification_rules l
                                   WHERE l.owner_key = r.owner_key AND l.id = r.id))
  AND ($3 = '' OR (r.id, r.version) > ($3, $4::integer))
ORDER BY r.id, r.version
LIMIT $5::bigint
