-- Every version of every notification rule the current tenant sees (seeded and its own, RLS),
-- with the tenant's enabled setting (else the rule's default), for EvaluateNotifications.
SELECT * FROM notification_rule_rows r
ORDER BY r.id, r.version
