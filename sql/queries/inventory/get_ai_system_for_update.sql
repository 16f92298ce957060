-- One AI system of the current tenant, locked until the transaction ends.
SELECT * FROM ai_system_rows WHERE id = $1 FOR UPDATE
