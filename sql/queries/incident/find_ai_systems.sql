-- Which of the AI system ids in $1 the current tenant has (deleted ones included: incidents may
-- surface after a system is retired).
SELECT id FROM ai_systems_v WHERE id = ANY($1::text[])
