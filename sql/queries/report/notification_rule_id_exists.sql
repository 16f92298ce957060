-- Whether a rule with id $1 exists among those the current tenant sees (seeded or its own).
SELECT 1 FROM notification_rules WHERE id = $1 LIMIT 1
