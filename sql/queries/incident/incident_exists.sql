-- Whether the current tenant has this incident.
SELECT 1 FROM incidents WHERE id = $1
