-- One AI system of the current tenant; its row stays locked until the transaction ends.
SELECT * FROM ai_system_rows
WHERE id = (SELECT id FROM ai_systems WHERE id = $1 FOR UPDATE)
