-- Revokes the active principal of a tenant with this name.
UPDATE api_principals SET revoke_time = now()
WHERE tenant_id = $1::uuid AND name = $2 AND revoke_time IS NULL
RETURNING id::text, role
