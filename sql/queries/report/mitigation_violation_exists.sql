-- Whether the current tenant's incident $1 has the violation $2 (linked or unlinked).
SELECT 1 FROM violations WHERE incident_id = $1 AND id = $2
