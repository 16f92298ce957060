-- The state of incident $1 of the current tenant (none when the tenant has no such incident), as
-- the incident service publishes it.
SELECT state FROM incidents_v WHERE id = $1
