-- Resolves a token's SHA-256 (hex) to its active principal, across tenants.
SELECT tenant_id::text, principal_id::text, principal_name, role
FROM airr_authenticate(decode($1, 'hex'))
