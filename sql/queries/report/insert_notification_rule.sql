-- Adds version $2 of the current tenant's notification rule $1. $3.. the rule's columns; the
-- conditions are JSON arrays of airr.report.v1.RuleCondition.
INSERT INTO notification_rules (tenant_id, id, version, regime, title, citation, stage,
  recipient_type, recipient, channel, clock_start, previous_stage_rule, deadline_amount,
  deadline_unit, target_amount, target_unit, statutory_deadline, all_of, any_of, precedence_group,
  effective_from, effective_to, source, default_enabled)
VALUES (airr_current_tenant(), $1, $2::integer, $3, $4, $5, $6, $7, $8, $9, $10, NULLIF($11, ''),
  $12::integer, $13, NULLIF($14, '')::integer, NULLIF($15, ''), $16::boolean, $17::jsonb,
  $18::jsonb, $19, NULLIF($20, '')::timestamptz, NULLIF($21, '')::timestamptz, $22, true)
