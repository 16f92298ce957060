-- Whether the current tenant has the incident $1 (through the incident service's view).
SELECT 1 FROM incidents_v WHERE id = $1
