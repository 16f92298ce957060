-- One incident of the current tenant.
SELECT * FROM incident_rows WHERE id = $1
