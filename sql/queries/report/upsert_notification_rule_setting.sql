-- Records whether the current tenant applies rule $1 ($2), why ($3) and who decided ($4).
INSERT INTO notification_rule_settings (rule_id, enabled, reason, changed_by)
VALUES ($1, $2::boolean, $3, $4)
ON CONFLICT (tenant_id, rule_id)
DO UPDATE SET enabled = EXCLUDED.enabled, reason = EXCLUDED.reason,
              changed_by = EXCLUDED.changed_by, update_time = now()
