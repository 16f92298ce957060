-- What a playbook's triggers look at for incident $1 of the current tenant (none when the tenant
-- has no such incident), as the incident service publishes it: enums by proto name, harm types
-- as text[], labels as a JSON object.
SELECT id, state, severity, kind, harm_types, ai_system_id, labels::text AS labels
FROM incidents_v
WHERE id = $1
