-- One AI system of the current tenant, deleted or not.
SELECT * FROM ai_system_rows WHERE id = $1
