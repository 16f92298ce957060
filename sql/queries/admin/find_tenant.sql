-- The id of the tenant with this name.
SELECT id::text FROM tenants WHERE name = $1
